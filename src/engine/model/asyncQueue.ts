/**
 * The asynchronous path (§2, §9): Lambda accepts an Event invocation with 202 and puts it on its internal
 * queue; pollers run it when concurrency allows. Function errors (including timeouts) are retried after
 * ≈60 s and then ≈120 s, counted from the end of the failed attempt, up to `MaximumRetryAttempts`.
 * Throttles and system errors go back to the queue with a backoff that doubles from 1 s to 5 min and
 * consume no retry. `MaximumEventAgeInSeconds` is checked before waiting (look-ahead): an event whose next
 * try could not start in time fails at once. Reserved concurrency 0 fails events with no attempt at all.
 */
import { attemptOf, recordRefusedAttempt, recordStartedAttempt } from './attempts';
import { matchRule, planAttempt, sampleInitMs } from './behavior';
import { admit, checkRequestRate, countThrottle } from './concurrency';
import { sendToDeadLetterQueue, sendToDestination } from './destinations';
import { startInvocation } from './execution';
import { count, sample } from './metrics';
import { sampleMs } from '../kernel/distributions';
import { nextFloat } from '../kernel/random';
import { dataTemplate } from '../eventLog';
import { emit, emitFields, PRIORITY, schedule } from '../state';
import type { AsyncCondition, InvocationState, ItemState, SimState } from '../types';

/** The data of the events logged once per event or attempt. */
const REQUESTED = dataTemplate(['caller', 'payloadSizeBytes'], (caller, payloadSizeBytes) => ({
  caller,
  payloadSizeBytes,
}));
const ACCEPTED = dataTemplate(['statusCode', 'requestId'], (statusCode, requestId) => ({
  statusCode,
  requestId,
}));
const QUEUED = dataTemplate(['queueDepth'], (queueDepth) => ({ queueDepth }));
const DEQUEUED = dataTemplate(['ageMs', 'attempt', 'queueDepth'], (ageMs, attempt, queueDepth) => ({
  ageMs,
  attempt,
  queueDepth,
}));

/** Asynchronous request payload limit: 1 MB (§2.1). */
export const ASYNC_PAYLOAD_LIMIT_BYTES = 1024 * 1024;
/** §2.2: waits before the second and the third attempt. */
export const RETRY_WAITS_MS = [60_000, 120_000] as const;
/** §2.3: throttle/system-error backoff bounds. */
export const BACKOFF_FIRST_MS = 1000;
export const BACKOFF_MAX_MS = 300_000;

function maxRetries(state: SimState): number {
  return state.scenario.function.EventInvokeConfig?.MaximumRetryAttempts ?? 2;
}

function maxAgeMs(state: SimState): number {
  return (state.scenario.function.EventInvokeConfig?.MaximumEventAgeInSeconds ?? 21_600) * 1000;
}

/** An Event invocation arrives at the front door. */
export function acceptAsync(state: SimState, item: ItemState): void {
  emitFields(
    state,
    'async/invoke-requested',
    '§2.1',
    { item: item.id },
    REQUESTED,
    item.caller,
    item.payloadSizeBytes,
  );
  if (item.payloadSizeBytes > ASYNC_PAYLOAD_LIMIT_BYTES) {
    item.outcome = 'rejected';
    item.endedMs = state.now;
    item.response = {
      statusCode: 413,
      errorType: 'RequestTooLargeException',
      reason: `Request must be smaller than ${ASYNC_PAYLOAD_LIMIT_BYTES} bytes for the InvokeAsync/Event invocation type`,
    };
    emit(
      state,
      'async/rejected',
      '§2.1',
      { item: item.id },
      { statusCode: 413, errorType: 'RequestTooLargeException' },
    );
    return;
  }
  // §2.1: async calls from AWS services are not limited by request rate; direct callers are.
  const rateThrottle = item.caller === 'direct' ? checkRequestRate(state) : null;
  if (rateThrottle) {
    countThrottle(state);
    item.outcome = 'throttled';
    item.endedMs = state.now;
    item.response = { statusCode: 429, errorType: 'TooManyRequestsException', reason: rateThrottle.reason };
    recordRefusedAttempt(state, item, 'throttled', rateThrottle.reason);
    emit(
      state,
      'async/rejected',
      '§4',
      { item: item.id },
      { statusCode: 429, reason: rateThrottle.reason, message: rateThrottle.message },
    );
    return;
  }
  item.queuedMs = state.now;
  item.response = { statusCode: 202 };
  state.asyncQueueDepth += 1;
  count(state.metrics, 'AsyncEventsReceived', state.now);
  emitFields(state, 'async/accepted', '§2.1', { item: item.id }, ACCEPTED, 202, item.requestId);
  emitFields(state, 'async/queued', '§2.1', { item: item.id }, QUEUED, state.asyncQueueDepth);
  const delay = sampleMs(state.scenario.simulation.asyncQueueDelay, state.rng, 'async.queue-delay');
  schedule(state, state.now + delay, PRIORITY.dispatch, {
    kind: 'async-dispatch',
    item: item.id,
    duplicate: false,
  });
  const p = state.scenario.simulation.asyncDuplicateProbability;
  if (p > 0 && nextFloat(state.rng, 'async.duplicate') < p) {
    const again = delay + sampleMs(state.scenario.simulation.asyncQueueDelay, state.rng, 'async.queue-delay');
    schedule(state, state.now + again, PRIORITY.dispatch, {
      kind: 'async-dispatch',
      item: item.id,
      duplicate: true,
    });
  }
}

/** A poller takes the event off the queue and tries to run it. */
export function dispatchAsync(state: SimState, item: ItemState, duplicate: boolean): void {
  if (duplicate) {
    runDuplicate(state, item);
    return;
  }
  if (item.outcome !== 'in-flight') return;
  if (state.scenario.function.ReservedConcurrentExecutions === 0) {
    state.asyncQueueDepth -= 1;
    countThrottle(state);
    recordRefusedAttempt(state, item, 'throttled', 'ReservedFunctionConcurrentInvocationLimitExceeded');
    emit(
      state,
      'async/zero-reserved-concurrency',
      '§2.3',
      { item: item.id },
      { reason: 'ReservedFunctionConcurrentInvocationLimitExceeded' },
    );
    failEvent(
      state,
      item,
      'ZeroReservedConcurrency',
      '429',
      'Rate Exceeded. The function has reserved concurrency 0.',
    );
    return;
  }
  item.tries += 1;
  const rule = matchRule(state, [item]);
  if (rule?.result === 'service-error') {
    recordRefusedAttempt(state, item, 'error', 'ServiceException');
    backOff(state, item, 'ServiceException', 'Lambda could not run the function (system error, HTTP 500).');
    return;
  }
  const admission = admit(state);
  if (!admission.ok) {
    item.tries -= 1; // §2.3 / §9: throttles do not consume retry attempts
    countThrottle(state);
    recordRefusedAttempt(state, item, 'throttled', admission.reason);
    backOff(state, item, admission.reason, admission.message);
    return;
  }
  state.asyncQueueDepth -= 1;
  item.handlerRuns += 1;
  item.backoffMs = 0; // the next throttle starts the backoff from 1 s again
  sample(state.metrics, 'AsyncEventAge', state.now, state.now - item.queuedMs);
  emitFields(
    state,
    'async/dequeued',
    '§2.1',
    { item: item.id },
    DEQUEUED,
    state.now - item.queuedMs,
    item.tries,
    state.asyncQueueDepth,
  );
  const plan = planAttempt(state, [item], rule);
  if (plan.result === 'service-error') return; // handled above
  const inv = startInvocation(state, {
    env: admission.env,
    cold: admission.cold,
    items: [item.id],
    requestId: item.requestId, // §9: all attempts of one event share one request id
    trigger: 'async',
    plan,
    initMs: admission.cold ? sampleInitMs(state) : 0,
  });
  recordStartedAttempt(state, item, inv.id, admission.cold);
}

/** §2.4: the queue delivered the event once more; the copy runs once and is not retried. */
function runDuplicate(state: SimState, item: ItemState): void {
  const admission = admit(state);
  if (!admission.ok) {
    countThrottle(state);
    emit(state, 'async/duplicate-dropped', '§2.4', { item: item.id }, { reason: admission.reason });
    return;
  }
  item.duplicateRuns += 1;
  emit(state, 'async/duplicate-delivery', '§2.4', { item: item.id }, { requestId: item.requestId });
  const plan = planAttempt(state, [item], matchRule(state, [item]));
  if (plan.result === 'service-error') return;
  const inv = startInvocation(state, {
    env: admission.env,
    cold: admission.cold,
    items: [item.id],
    requestId: item.requestId,
    trigger: 'async-duplicate',
    plan,
    initMs: admission.cold ? sampleInitMs(state) : 0,
  });
  recordStartedAttempt(state, item, inv.id, admission.cold, true);
}

function backOff(state: SimState, item: ItemState, reason: string, message: string): void {
  item.backoffMs = item.backoffMs === 0 ? BACKOFF_FIRST_MS : Math.min(item.backoffMs * 2, BACKOFF_MAX_MS);
  const nextAt = state.now + item.backoffMs;
  if (nextAt - item.queuedMs > maxAgeMs(state)) {
    state.asyncQueueDepth -= 1;
    emit(
      state,
      'async/event-age-exceeded',
      '§9',
      { item: item.id },
      { ageMs: state.now - item.queuedMs, wouldRetryAtMs: nextAt, maxAgeMs: maxAgeMs(state) },
    );
    failEvent(state, item, 'EventAgeExceeded', reason === 'ServiceException' ? '500' : '429', message);
    return;
  }
  emit(
    state,
    'async/throttled',
    '§2.3',
    { item: item.id },
    { reason, message, backoffMs: item.backoffMs, retryAtMs: nextAt },
  );
  schedule(state, nextAt, PRIORITY.dispatch, { kind: 'async-dispatch', item: item.id, duplicate: false });
}

/** An attempt of an async event ended: complete it, schedule a retry, or give up. */
export function onAsyncAttemptEnd(state: SimState, item: ItemState, inv: InvocationState): void {
  const attempt = attemptOf(state, item, inv.id);
  if (attempt) {
    attempt.endMs = state.now;
    attempt.result = inv.result === 'partial' ? 'success' : inv.result;
  }
  if (inv.trigger === 'async-duplicate') {
    // The copy's result does not feed the original's retries; a successful copy sends its own record.
    if (inv.result === 'success') sendToDestination(state, item, 'Success');
    return;
  }
  if (inv.result === 'success') item.lastResponse = inv.response;
  else item.lastError = inv.response as ItemState['lastError'];
  if (inv.result === 'success') {
    item.outcome = 'succeeded';
    item.endedMs = state.now;
    emit(
      state,
      'async/completed',
      '§2.5',
      { item: item.id, invocation: inv.id },
      { attempts: item.handlerRuns },
    );
    sendToDestination(state, item, 'Success');
    return;
  }
  const runs = item.handlerRuns;
  if (runs > maxRetries(state)) {
    emit(
      state,
      'async/retries-exhausted',
      '§2.2',
      { item: item.id, invocation: inv.id },
      { attempts: runs, maxRetries: maxRetries(state) },
    );
    failEvent(state, item, 'RetriesExhausted', '200', errorMessageOf(item));
    return;
  }
  const wait = RETRY_WAITS_MS[Math.min(runs, RETRY_WAITS_MS.length) - 1]!;
  const nextAt = state.now + wait;
  if (nextAt - item.queuedMs > maxAgeMs(state)) {
    emit(
      state,
      'async/event-age-exceeded',
      '§9',
      { item: item.id, invocation: inv.id },
      { ageMs: state.now - item.queuedMs, wouldRetryAtMs: nextAt, maxAgeMs: maxAgeMs(state) },
    );
    failEvent(state, item, 'EventAgeExceeded', '200', errorMessageOf(item));
    return;
  }
  state.asyncQueueDepth += 1;
  emit(
    state,
    'async/retry-scheduled',
    '§2.2',
    { item: item.id, invocation: inv.id },
    { delayMs: wait, retryAtMs: nextAt, nextAttempt: runs + 1, queueDepth: state.asyncQueueDepth },
  );
  schedule(state, nextAt, PRIORITY.dispatch, { kind: 'async-dispatch', item: item.id, duplicate: false });
}

function errorMessageOf(item: ItemState): string {
  return item.lastError?.errorMessage ?? '';
}

function failEvent(
  state: SimState,
  item: ItemState,
  condition: AsyncCondition,
  errorCode: string,
  errorMessage: string,
): void {
  count(state.metrics, 'AsyncEventsDropped', state.now);
  item.endedMs = state.now;
  const destination = sendToDestination(state, item, condition);
  const dlq = sendToDeadLetterQueue(state, item, errorCode, errorMessage);
  const saved = Boolean(destination?.delivered || dlq?.delivered);
  item.outcome = saved ? 'dead-lettered' : condition === 'EventAgeExceeded' ? 'expired' : 'discarded';
  emit(
    state,
    'async/dropped',
    condition === 'ZeroReservedConcurrency' ? '§2.3' : '§2.5',
    { item: item.id },
    {
      condition,
      outcome: item.outcome,
      savedTo: item.deliveries.filter((d) => d.delivered && d.target !== 'on-success').map((d) => d.target),
    },
  );
}
