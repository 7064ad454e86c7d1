/**
 * §1.5 / §1.4 A synchronous caller that stops waiting before the function may finish. API Gateway gives up
 * at its integration timeout (29 s by default) with 504 "Endpoint request timed out" and never retries,
 * while the function runs on and is billed. The AWS CLI and SDKs give up at their read timeout (60 s by
 * default for the CLI) and, in standard retry mode, send the request again: the function runs twice.
 */
import type { Scenario, SyncSource } from '../schema';
import { demoScenario, num, sourcePath, succeed, withRequests } from './demo';
import type { FixChange, ScenarioWarning } from './types';

/** API Gateway's default integration timeout (§1.5). */
const API_GATEWAY_TIMEOUT_MS = 29_000;
/** The AWS CLI's default read timeout (§1.4); the SDKs have none in this model. */
const CLI_READ_TIMEOUT_SECONDS = 60;

/** A run of the handler between the caller's limit and the function's Timeout. */
function betweenMs(callerLimitMs: number, timeoutSeconds: number): number {
  return Math.round((callerLimitMs + timeoutSeconds * 1000) / 2);
}

/** Lower the function's Timeout to the integration timeout (or, below one second, restore API Gateway's default too). */
function timeoutFix(i: number, limitMs: number, timeout: number): FixChange[] {
  const changes: FixChange[] = [];
  let limit = limitMs;
  if (limitMs < 1000) {
    // A Timeout is at least 1 s, so an integration timeout under a second can never cover it.
    limit = API_GATEWAY_TIMEOUT_MS;
    changes.push({
      path: `${sourcePath(i)}.TimeoutInMillis`,
      value: limit,
      label: `Set the integration timeout (TimeoutInMillis) to ${num(limit)}`,
    });
  }
  const fixed = Math.floor(limit / 1000);
  if (timeout > fixed) {
    changes.push({
      path: 'function.Timeout',
      value: fixed,
      label: `Lower the function's Timeout to ${num(fixed)} s, within the integration timeout`,
    });
  }
  return changes;
}

/** The function's Timeout exceeds API Gateway's integration timeout: 504 while the function runs on. */
export function apiGatewayTimeout(scenario: Scenario): ScenarioWarning[] {
  const timeout = scenario.function.Timeout;
  return scenario.sources.flatMap((source, i) => {
    if (source.type !== 'sync' || source.caller !== 'api-gateway') return [];
    const limitMs = source.TimeoutInMillis ?? API_GATEWAY_TIMEOUT_MS;
    if (timeout * 1000 <= limitMs) return [];
    const limit = limitMs / 1000;
    const title = 'API Gateway stops waiting before the function times out';
    return [
      {
        id: 'api-gateway-integration-timeout',
        title,
        reason: `API Gateway waits at most ${num(limit)} s for the function (its integration timeout${source.TimeoutInMillis === undefined ? ', 29 s by default' : `, TimeoutInMillis ${num(limitMs)}`}), but the function's Timeout is ${num(timeout)} s. A request that runs longer gets 504 "Endpoint request timed out" while the function keeps running, and is billed, up to ${num(timeout)} s; API Gateway does not retry.`,
        rule: '§1.5',
        path: 'function.Timeout',
        sourceId: source.id,
        fix: timeoutFix(i, limitMs, timeout),
        seeItHappen: () => {
          const durationMs = betweenMs(limitMs, timeout);
          return demoScenario(scenario, {
            warningId: 'api-gateway-integration-timeout',
            title,
            description: `One request whose handler runs ${num(durationMs / 1000)} s. Watch API Gateway answer 504 "Endpoint request timed out" after ${num(limit)} s, while the invocation goes on to finish, and be billed, at ${num(durationMs / 1000)} s.`,
            source: withRequests(source, [
              { id: 'request', payload: { httpMethod: 'POST', path: '/orders' } },
            ]),
            rules: [succeed(source, durationMs)],
          });
        },
      },
    ];
  });
}

/** The read timeout of an AWS CLI or SDK caller, in seconds (0: it waits for ever). */
function readTimeoutOf(source: SyncSource): number {
  return source.readTimeoutSeconds ?? (source.caller === 'aws-cli' ? CLI_READ_TIMEOUT_SECONDS : 0);
}

/** An AWS CLI or SDK read timeout below the function's Timeout: a slow request runs again. */
export function clientReadTimeout(scenario: Scenario): ScenarioWarning[] {
  const timeout = scenario.function.Timeout;
  return scenario.sources.flatMap((source, i) => {
    if (source.type !== 'sync' || (source.caller !== 'aws-cli' && source.caller !== 'aws-sdk')) return [];
    const readTimeout = readTimeoutOf(source);
    if (readTimeout <= 0 || timeout <= readTimeout) return [];
    const retries = (source.retryMode ?? 'standard') === 'standard' && (source.maxAttempts ?? 3) > 1;
    const name = source.caller === 'aws-cli' ? 'The AWS CLI' : 'The AWS SDK';
    const setting =
      source.readTimeoutSeconds === undefined
        ? `${num(readTimeout)} s by default (--cli-read-timeout)`
        : `${num(readTimeout)} s`;
    const title = retries
      ? 'Client read timeout shorter than the function: requests run twice'
      : 'Client read timeout shorter than the function';
    const path = `${sourcePath(i)}.readTimeoutSeconds`;
    const enough = Math.min(3600, timeout + 10);
    return [
      {
        id: 'client-read-timeout-below-function-timeout',
        title,
        reason: retries
          ? `${name} caller "${source.id}" stops waiting for a response after ${setting}, but the function's Timeout is ${num(timeout)} s. A request that runs longer is sent again while the first invocation is still running, so the function processes the same request twice or more (up to ${num(source.maxAttempts ?? 3)} attempts).`
          : `${name} caller "${source.id}" stops waiting for a response after ${setting}, but the function's Timeout is ${num(timeout)} s. A request that runs longer fails on the client while the function keeps running, and is billed.`,
        rule: '§1.4',
        path,
        sourceId: source.id,
        fix: [
          {
            path,
            value: enough,
            label: `Set the read timeout to ${num(enough)} s, longer than the function's Timeout`,
          },
        ],
        seeItHappen: () => {
          const durationMs = betweenMs(readTimeout * 1000, timeout);
          return demoScenario(scenario, {
            warningId: 'client-read-timeout-below-function-timeout',
            title,
            description: retries
              ? `One request whose handler runs ${num(durationMs / 1000)} s. Watch the client give up after ${num(readTimeout)} s and send the request again while the first invocation still runs: the same request is processed by more than one invocation.`
              : `One request whose handler runs ${num(durationMs / 1000)} s. Watch the client give up after ${num(readTimeout)} s while the invocation goes on to finish.`,
            source: withRequests(source, [{ id: 'request', payload: { orderId: 'o-1' } }]),
            rules: [succeed(source, durationMs)],
          });
        },
      },
    ];
  });
}
