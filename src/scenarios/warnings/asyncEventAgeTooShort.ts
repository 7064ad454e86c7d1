/**
 * §2.2 / §9 MaximumEventAgeInSeconds too short for the retries MaximumRetryAttempts asks for. Lambda
 * waits about 1 minute before the second attempt and 2 minutes before the third, each counted from the
 * end of the failed attempt, and it checks the event's age before waiting: a retry that could not start
 * within the age never happens, and the event fails at once with EventAgeExceeded.
 */
import type { Scenario } from '../schema';
import { demoScenario, num, seconds, withRequests } from './demo';
import { asyncSettings, firstAsyncSource } from './asyncNoFailureDestination';
import type { ScenarioWarning } from './types';

/** §2.2: waits before the second and the third attempt. */
const RETRY_WAITS_SECONDS = [60, 120];
const MAX_EVENT_AGE_SECONDS = 21_600;

/**
 * When, at the latest, the n-th attempt (1-based) starts after the event arrived, if every attempt before it
 * runs to the function's Timeout: the earlier attempts plus the waits between them.
 */
export function latestStartSeconds(attempt: number, timeoutSeconds: number): number {
  let at = 0;
  for (let n = 1; n < attempt; n++) at += timeoutSeconds + RETRY_WAITS_SECONDS[n - 1]!;
  return at;
}

/** Attempts an event surely gets when each attempt runs to the Timeout and fails. */
export function attemptsWithin(maxAgeSeconds: number, retries: number, timeoutSeconds: number): number {
  let attempts = 1;
  // Strictly below: an attempt also waits for Lambda's queue and, cold, for Init, so a retry due exactly
  // at the age limit would start after it.
  while (attempts <= retries && latestStartSeconds(attempts + 1, timeoutSeconds) < maxAgeSeconds) attempts++;
  return attempts;
}

/** The maximum event age leaves no time for some of the configured retries. */
export function asyncEventAgeTooShort(scenario: Scenario): ScenarioWarning[] {
  const found = firstAsyncSource(scenario);
  if (!found) return [];
  const timeout = scenario.function.Timeout;
  const { retries, maxAgeSeconds } = asyncSettings(scenario);
  const attempts = attemptsWithin(maxAgeSeconds, retries, timeout);
  if (attempts > retries) return [];
  const needed = latestStartSeconds(retries + 1, timeout);
  // A minute to spare for the queue's delay and cold starts, which push every retry a little later.
  const enough = Math.min(MAX_EVENT_AGE_SECONDS, Math.ceil(needed / 60) * 60 + 60);
  const title = 'Maximum event age too short for the retries';
  const path = 'function.EventInvokeConfig.MaximumEventAgeInSeconds';
  const lost = retries + 1 - attempts;
  return [
    {
      id: 'async-event-age-too-short-for-retries',
      title,
      reason: `MaximumRetryAttempts ${num(retries)} allows ${num(retries + 1)} attempts, but Lambda waits about 1 minute and then 2 minutes after a failed attempt, and gives up at once when the retry could not start within the MaximumEventAgeInSeconds of ${seconds(maxAgeSeconds)}. An event whose attempts fail at the function's Timeout (${num(timeout)} s) gets only ${num(attempts)} attempt${attempts === 1 ? '' : 's'}: ${lost === 1 ? 'the last retry never happens' : `${num(lost)} retries never happen`}.`,
      rule: '§2.2',
      path,
      sourceId: found.source.id,
      fix: [{ path, value: enough, label: `Set MaximumEventAgeInSeconds to ${seconds(enough)}` }],
      seeItHappen: () =>
        demoScenario(scenario, {
          warningId: 'async-event-age-too-short-for-retries',
          title,
          description: `One event whose every attempt runs into the ${num(timeout)}-second Timeout. Watch Lambda run ${num(attempts)} attempt${attempts === 1 ? '' : 's'} and then, instead of waiting for the next retry, fail the event at once with EventAgeExceeded, because that retry would start after ${seconds(maxAgeSeconds)}.`,
          source: withRequests(found.source, [{ id: 'event', payload: { orderId: 'o-1' } }]),
          rules: [{ items: ['event'], result: 'timeout' }],
        }),
    },
  ];
}
