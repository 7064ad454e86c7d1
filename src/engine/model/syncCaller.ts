/**
 * The synchronous path (§1): a caller sends Invoke (RequestResponse) and waits. Lambda never retries it
 * (§1.4); what happens on errors is the caller's business:
 * - `direct`: one call, the raw Invoke response (200 + X-Amz-Function-Error, 413, 429…).
 * - `aws-cli` / `aws-sdk`: standard retry mode, 3 attempts with jittered exponential backoff on throttles,
 *   5xx and client timeouts; the CLI's 60 s read timeout makes a slow function run twice (duplicates).
 * - `api-gateway`: 29 s integration timeout → 504 while the function keeps running; throttle → 500,
 *   function error or malformed proxy response → 502; never retries (§1.5).
 * - `alb`: 1 MB request and response limits; errors → 502 (our reading, see docs/fidelity.md).
 */
import { addAbandonedInvocation, attemptOf, recordRefusedAttempt, recordStartedAttempt } from './attempts';
import { matchRule, planAttempt, sampleInitMs } from './behavior';
import { admit, checkRequestRate, countThrottle, type Throttle } from './concurrency';
import { startInvocation } from './execution';
import { nextFloat } from '../kernel/random';
import { dataTemplate } from '../eventLog';
import { emit, emitFields, getItem, newRequestId, PRIORITY, schedule } from '../state';
import type { InvocationState, ItemOutcome, ItemState, SimState, SyncResponse } from '../types';
import type { SyncSource } from '../../scenarios/schema';
import type { RuleKey } from '../rules';

/** Synchronous request payload limit: 6 MB (§1.3); ALB's body and response limit: 1 MB (§1.5). */
export const SYNC_PAYLOAD_LIMIT_BYTES = 6 * 1024 * 1024;
export const ALB_LIMIT_BYTES = 1024 * 1024;
/** AWS SDK standard retry mode: backoff cap (§1.4, SDK-RETRY). */
const SDK_MAX_BACKOFF_MS = 20_000;
const INTERNAL_ERROR_BODY = { message: 'Internal server error' };
const REQUESTED = dataTemplate(
  ['caller', 'clientAttempt', 'requestId', 'payloadSizeBytes'],
  (caller, clientAttempt, requestId, payloadSizeBytes) => ({
    caller,
    clientAttempt,
    requestId,
    payloadSizeBytes,
  }),
);

interface CallerSettings {
  retries: boolean;
  maxAttempts: number;
  /** Milliseconds the caller waits for a response, or 0 for as long as it takes. */
  waitMs: number;
}

/** The effective settings of a synchronous caller, with each caller type's defaults. */
export function callerSettings(source: SyncSource): CallerSettings {
  switch (source.caller) {
    case 'aws-cli':
    case 'aws-sdk': {
      const retries = (source.retryMode ?? 'standard') === 'standard';
      const defaultRead = source.caller === 'aws-cli' ? 60 : 0;
      return {
        retries,
        maxAttempts: retries ? (source.maxAttempts ?? 3) : 1,
        waitMs: (source.readTimeoutSeconds ?? defaultRead) * 1000,
      };
    }
    case 'api-gateway':
      return { retries: false, maxAttempts: 1, waitMs: source.TimeoutInMillis ?? 29_000 };
    default:
      return { retries: false, maxAttempts: 1, waitMs: 0 };
  }
}

function sourceOf(state: SimState, item: ItemState): SyncSource {
  return state.scenario.sources.find((s) => s.id === item.sourceId) as SyncSource;
}

/** The caller sends (or re-sends) its Invoke request. */
export function sendSyncAttempt(state: SimState, item: ItemState): void {
  if (item.outcome !== 'in-flight') return;
  const source = sourceOf(state, item);
  item.clientAttempt += 1;
  item.requestId = newRequestId(state); // every Invoke call, retries included, is a new request
  emitFields(
    state,
    'sync/invoke-requested',
    '§1.1',
    { item: item.id },
    REQUESTED,
    item.caller,
    item.clientAttempt,
    item.requestId,
    item.payloadSizeBytes,
  );
  const limit = source.caller === 'alb' ? ALB_LIMIT_BYTES : SYNC_PAYLOAD_LIMIT_BYTES;
  if (item.payloadSizeBytes > limit) {
    const response: SyncResponse =
      source.caller === 'api-gateway'
        ? { statusCode: 500, errorType: 'RequestTooLargeException', body: INTERNAL_ERROR_BODY }
        : {
            statusCode: 413,
            errorType: 'RequestTooLargeException',
            reason: `Request must be smaller than ${limit} bytes`,
          };
    emit(
      state,
      'sync/rejected',
      source.caller === 'alb' ? '§1.5' : '§1.3',
      { item: item.id },
      { statusCode: response.statusCode, errorType: 'RequestTooLargeException' },
    );
    finish(state, item, response, 'rejected', source.caller === 'alb' ? '§1.5' : '§1.3');
    return;
  }
  const rateThrottle = checkRequestRate(state);
  if (rateThrottle) {
    throttled(state, item, source, rateThrottle);
    return;
  }
  item.tries += 1;
  const rule = matchRule(state, [item]);
  if (rule?.result === 'service-error') {
    recordRefusedAttempt(state, item, 'error', 'ServiceException');
    emit(
      state,
      'sync/service-error',
      '§1.1',
      { item: item.id },
      { statusCode: 500, errorType: 'ServiceException' },
    );
    failBeforeRun(state, item, source, { statusCode: 500, errorType: 'ServiceException' }, 'failed');
    return;
  }
  const admission = admit(state);
  if (!admission.ok) {
    item.tries -= 1;
    throttled(state, item, source, admission);
    return;
  }
  item.handlerRuns += 1;
  const plan = planAttempt(state, [item], rule);
  if (plan.result === 'service-error') return; // handled above
  const inv = startInvocation(state, {
    env: admission.env,
    cold: admission.cold,
    items: [item.id],
    requestId: item.requestId,
    trigger: 'sync',
    plan,
    initMs: admission.cold ? sampleInitMs(state) : 0,
  });
  recordStartedAttempt(state, item, inv.id, admission.cold);
  const { waitMs } = callerSettings(source);
  if (waitMs > 0) {
    schedule(state, state.now + waitMs, PRIORITY.clientTimeout, {
      kind: 'client-timeout',
      item: item.id,
      invocation: inv.id,
      clientAttempt: item.clientAttempt,
    });
  }
}

/** Lambda answered 429: the code does not run (§1.1, §4). */
function throttled(state: SimState, item: ItemState, source: SyncSource, throttle: Throttle): void {
  countThrottle(state);
  recordRefusedAttempt(state, item, 'throttled', throttle.reason);
  emit(
    state,
    'invoke/throttled',
    throttle.rule,
    { item: item.id },
    { statusCode: 429, reason: throttle.reason, message: throttle.message },
  );
  failBeforeRun(
    state,
    item,
    source,
    { statusCode: 429, errorType: 'TooManyRequestsException', reason: throttle.reason },
    'throttled',
  );
}

/** Lambda answered with an error before running the code (throttle, service error). */
function failBeforeRun(
  state: SimState,
  item: ItemState,
  source: SyncSource,
  lambdaResponse: SyncResponse,
  outcome: ItemOutcome,
): void {
  if (source.caller === 'api-gateway') {
    finish(state, item, { ...lambdaResponse, statusCode: 500, body: INTERNAL_ERROR_BODY }, outcome, '§1.5');
    return;
  }
  if (source.caller === 'alb') {
    finish(state, item, { ...lambdaResponse, statusCode: 502 }, outcome, '§1.5');
    return;
  }
  if (
    !retryIfAllowed(
      state,
      item,
      source,
      `HTTP ${lambdaResponse.statusCode} ${lambdaResponse.errorType ?? ''}`.trim(),
    )
  ) {
    finish(state, item, lambdaResponse, outcome, lambdaResponse.statusCode === 429 ? '§4' : '§1.1');
  }
}

/** Standard retry mode: retry on throttles, 5xx and timeouts while attempts remain (§1.4). */
function retryIfAllowed(state: SimState, item: ItemState, source: SyncSource, why: string): boolean {
  const settings = callerSettings(source);
  if (!settings.retries || item.clientAttempt >= settings.maxAttempts) return false;
  const cap = Math.min(1000 * 2 ** item.clientAttempt, SDK_MAX_BACKOFF_MS);
  const delayMs = Math.round(nextFloat(state.rng, 'client.backoff') * cap);
  emit(
    state,
    'sync/client-retry',
    '§1.4',
    { item: item.id },
    { why, delayMs, nextAttempt: item.clientAttempt + 1, maxAttempts: settings.maxAttempts },
  );
  schedule(state, state.now + delayMs, PRIORITY.syncAttempt, { kind: 'sync-attempt', item: item.id });
  return true;
}

/** The caller stopped waiting: CLI/SDK read timeout, or API Gateway's integration timeout. */
export function onClientTimeout(
  state: SimState,
  itemId: string,
  invocationId: string,
  clientAttempt: number,
): void {
  const item = getItem(state, itemId);
  if (item.outcome !== 'in-flight' || item.clientAttempt !== clientAttempt) return;
  const attempt = attemptOf(state, item, invocationId);
  if (attempt?.endMs !== null && attempt?.endMs !== undefined) return; // already answered
  addAbandonedInvocation(item, invocationId);
  const source = sourceOf(state, item);
  if (source.caller === 'api-gateway') {
    emit(
      state,
      'apigw/integration-timeout',
      '§1.5',
      { item: item.id, invocation: invocationId },
      { statusCode: 504, waitedMs: callerSettings(source).waitMs },
    );
    finish(
      state,
      item,
      { statusCode: 504, errorType: 'IntegrationTimeout', body: { message: 'Endpoint request timed out' } },
      'failed',
      '§1.5',
    );
    return;
  }
  emit(
    state,
    'sync/client-timeout',
    '§1.4',
    { item: item.id, invocation: invocationId },
    { waitedMs: callerSettings(source).waitMs, stillRunning: true },
  );
  if (!retryIfAllowed(state, item, source, 'read timeout')) {
    finish(
      state,
      item,
      { errorType: 'ReadTimeoutError', reason: 'Read timeout on endpoint URL' },
      'failed',
      '§1.4',
    );
  }
}

function proxyStatus(returns: unknown): number | null {
  if (returns && typeof returns === 'object' && 'statusCode' in returns) {
    const code = (returns as { statusCode: unknown }).statusCode;
    if (typeof code === 'number') return code;
  }
  return null;
}

/** A synchronous invocation finished: turn it into the caller's response. */
export function onSyncInvocationEnd(state: SimState, item: ItemState, inv: InvocationState): void {
  const attempt = attemptOf(state, item, inv.id);
  if (attempt) {
    attempt.endMs = state.now;
    attempt.result = inv.result === 'partial' ? 'success' : inv.result;
  }
  if (item.abandonedInvocations.includes(inv.id)) {
    const rule = item.caller === 'api-gateway' ? '§1.5' : '§1.4';
    emit(
      state,
      'sync/response-unclaimed',
      rule,
      { item: item.id, invocation: inv.id },
      { result: inv.result },
    );
    return;
  }
  const source = sourceOf(state, item);
  const failed = inv.result !== 'success';
  const errorType = failed
    ? ((inv.response as { errorType?: string } | null)?.errorType ?? 'Error')
    : undefined;
  if (source.caller === 'api-gateway' || source.caller === 'alb') {
    const rule = '§1.5';
    const status = failed ? null : proxyStatus(inv.response);
    const tooBig = source.caller === 'alb' && inv.plan.responseSizeBytes > ALB_LIMIT_BYTES;
    if (failed || status === null || tooBig) {
      const why = failed ? errorType : tooBig ? 'ResponseTooLarge' : 'MalformedProxyResponse';
      finish(state, item, { statusCode: 502, errorType: why, body: INTERNAL_ERROR_BODY }, 'failed', rule);
    } else {
      finish(state, item, { statusCode: status, body: inv.response }, 'succeeded', rule);
    }
    return;
  }
  const response: SyncResponse = failed
    ? { statusCode: 200, functionError: 'Unhandled', errorType, body: inv.response }
    : { statusCode: 200, body: inv.response };
  finish(state, item, response, failed ? 'failed' : 'succeeded', inv.result === 'timeout' ? '§1.2' : '§1.1');
}

function finish(
  state: SimState,
  item: ItemState,
  response: SyncResponse,
  outcome: ItemOutcome,
  rule: RuleKey,
): void {
  item.response = response;
  item.outcome = outcome;
  item.endedMs = state.now;
  emit(
    state,
    'sync/response',
    rule,
    { item: item.id },
    { ...response, outcome, latencyMs: state.now - item.arrivedMs },
  );
}
