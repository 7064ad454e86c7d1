/**
 * §2.5 / §2.6 Asynchronous invocation with nowhere to send failed events. When an event fails every
 * attempt or gets older than MaximumEventAgeInSeconds, Lambda discards it; only an on-failure destination
 * or a dead-letter queue keeps a copy. The caller got 202 long before, so nobody else knows it failed.
 */
import type { AsyncSource, Scenario } from '../schema';
import { arnOf, demoScenario, fail, num, seconds, withRequests } from './demo';
import type { ScenarioWarning } from './types';

/** The first asynchronous source, with its index. */
export function firstAsyncSource(scenario: Scenario): { source: AsyncSource; index: number } | undefined {
  const index = scenario.sources.findIndex((s) => s.type === 'async');
  const source = scenario.sources[index];
  return source?.type === 'async' ? { source, index } : undefined;
}

/** The function's async retry settings, with AWS's defaults (§2.2). */
export function asyncSettings(scenario: Scenario): { retries: number; maxAgeSeconds: number } {
  const config = scenario.function.EventInvokeConfig;
  return {
    retries: config?.MaximumRetryAttempts ?? 2,
    maxAgeSeconds: config?.MaximumEventAgeInSeconds ?? 21_600,
  };
}

const ON_FAILURE_PATH = 'function.EventInvokeConfig.DestinationConfig.OnFailure.Destination';

/** No DestinationConfig.OnFailure and no DeadLetterConfig while asynchronous sources invoke the function. */
export function asyncNoFailureDestination(scenario: Scenario): ScenarioWarning[] {
  const found = firstAsyncSource(scenario);
  const fn = scenario.function;
  if (!found || fn.DeadLetterConfig || fn.EventInvokeConfig?.DestinationConfig?.OnFailure) return [];
  const { source } = found;
  const { retries, maxAgeSeconds } = asyncSettings(scenario);
  const queue = `${fn.FunctionName}-failed`;
  const title = 'Failed asynchronous events are lost';
  return [
    {
      id: 'async-no-failure-destination',
      title,
      reason: `Events from asynchronous callers (such as ${source.caller} "${source.id}") get 202 at once. An event that fails all ${num(retries + 1)} attempt${retries === 0 ? '' : 's'} (MaximumRetryAttempts ${num(retries)}) or gets older than its MaximumEventAgeInSeconds of ${seconds(maxAgeSeconds)} is discarded, and the function has neither DestinationConfig.OnFailure nor a DeadLetterConfig to keep a copy.`,
      rule: '§2.5',
      path: ON_FAILURE_PATH,
      sourceId: source.id,
      fix: [
        {
          path: ON_FAILURE_PATH,
          value: arnOf(scenario, 'sqs', queue),
          label: `Send failed events to the on-failure queue ${queue}`,
        },
      ],
      seeItHappen: () => {
        const durationMs = Math.min(1000, fn.Timeout * 500);
        return demoScenario(scenario, {
          warningId: 'async-no-failure-destination',
          title,
          description: `One event that makes the handler throw on every attempt. Watch the caller get 202, Lambda retry about 1 minute and then 2 minutes after a failure (within MaximumRetryAttempts and MaximumEventAgeInSeconds), and then drop the event (AsyncEventsDropped) with nothing sent anywhere.`,
          source: withRequests(source, [{ id: 'event', payload: { orderId: 'o-1' } }]),
          rules: [fail(['event'], durationMs)],
        });
      },
    },
  ];
}
