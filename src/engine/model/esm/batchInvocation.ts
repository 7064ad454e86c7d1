/**
 * What every event source mapping shares (§3.1): a poller invokes the function synchronously with a
 * batch of records, through the same front door as any caller (concurrency, throttles), and reads the
 * answer — a thrown error or timeout fails the whole batch; with `ReportBatchItemFailures` a response
 * `{"batchItemFailures":[{"itemIdentifier":…}]}` names the failed records, and anything malformed in it
 * fails the whole batch (§3.2, §3.4, §9).
 */
import { attemptOf, recordStartedAttempt } from '../attempts';
import { matchRule, planAttempt, sampleInitMs } from '../behavior';
import { admit, countThrottle } from '../concurrency';
import { startInvocation } from '../execution';
import { sampleDimension } from '../metrics';
import { dataTemplate } from '../../eventLog';
import { emit, emitFields, newRequestId } from '../../state';
import type { InvocationState, ItemState, SimState } from '../../types';
import type { RuleKey } from '../../rules';

const BATCH_INVOKED = dataTemplate(['source', 'batchSize', 'items'], (source, batchSize, items) => ({
  source,
  batchSize,
  items,
}));

export interface BatchRequest {
  items: ItemState[];
  source: string;
  trigger: 'sqs' | 'stream';
  lane?: number;
  /** The rule the log cites for this invocation (§3.2 for SQS, §3.4 / §3.5 for streams). */
  rule: RuleKey;
}

/** Why Lambda did not run a batch: a throttle (429) or a system error (500); neither reached the code. */
export interface Refusal {
  reason: string;
  rule: RuleKey;
  message: string;
  result: 'throttled' | 'error';
}

export type BatchStart = { ok: true; invocation: InvocationState } | { ok: false; refusal: Refusal };

/** Invokes the function with a batch. Every item's `tries` counts the attempt when Lambda admits it. */
export function invokeBatch(state: SimState, req: BatchRequest): BatchStart {
  for (const item of req.items) item.tries += 1;
  const rule = matchRule(state, req.items);
  if (rule?.result === 'service-error') {
    // A system error inside Lambda: the code never runs, so nothing is invoked or billed (§2.7).
    const message = 'Lambda could not run the function (system error, HTTP 500).';
    emit(
      state,
      'esm/service-error',
      '§3.1',
      { item: req.items[0]?.id },
      {
        source: req.source,
        message,
        batchSize: req.items.length,
      },
    );
    return { ok: false, refusal: { reason: 'ServiceException', rule: '§3.1', message, result: 'error' } };
  }
  const admission = admit(state);
  if (!admission.ok) {
    for (const item of req.items) item.tries -= 1; // throttles are not attempts (§3.4, §4)
    countThrottle(state);
    emit(
      state,
      'esm/throttled',
      admission.rule,
      { item: req.items[0]?.id },
      {
        source: req.source,
        reason: admission.reason,
        message: admission.message,
        batchSize: req.items.length,
      },
    );
    return { ok: false, refusal: { ...admission, result: 'throttled' } };
  }
  const plan = planAttempt(state, req.items, rule);
  if (plan.result === 'service-error') throw new Error('unreachable: service errors are refused above');
  for (const item of req.items) item.handlerRuns += 1;
  emitFields(
    state,
    'esm/batch-invoked',
    req.rule,
    { item: req.items[0]?.id },
    BATCH_INVOKED,
    req.source,
    req.items.length,
    req.items.map((i) => i.id),
  );
  const invocation = startInvocation(state, {
    env: admission.env,
    cold: admission.cold,
    items: req.items.map((i) => i.id),
    itemIndexes: req.items.map((i) => i.index),
    requestId: newRequestId(state),
    trigger: req.trigger,
    plan,
    initMs: admission.cold ? sampleInitMs(state) : 0,
    source: req.source,
    ...(req.lane === undefined ? {} : { lane: req.lane }),
  });
  trackMappingConcurrency(state, req.source, +1);
  for (const item of req.items) {
    recordStartedAttempt(state, item, invocation.id, admission.cold);
  }
  return { ok: true, invocation };
}

/** Samples the mapping's concurrency (ConcurrentExecutions with the mapping as dimension). */
function trackMappingConcurrency(state: SimState, source: string, delta: number): void {
  const n = (state.mappingConcurrency[source] ?? 0) + delta;
  state.mappingConcurrency[source] = n;
  sampleDimension(state.metrics, 'ConcurrentExecutions', `mapping:${source}`, state.now, n);
}

/** A batch invocation ended: the mapping runs one fewer. */
export function onBatchInvocationEnd(state: SimState, inv: InvocationState): void {
  if (inv.source !== undefined) trackMappingConcurrency(state, inv.source, -1);
}

export type BatchOutcome =
  | { kind: 'success' }
  | { kind: 'failure'; reason: string; thrown: boolean }
  | { kind: 'partial'; failed: string[] };

const EMPTY_SUCCESS = new Set(['', '[]', '{}', 'null']);

/**
 * Reads the end of a batch invocation. `identifiers` maps each item id of the batch to the identifier a
 * partial batch response must use (the SQS message id or the stream sequence number).
 */
export function readBatchResponse(
  inv: InvocationState,
  identifiers: ReadonlyMap<string, string>,
  reportBatchItemFailures: boolean,
): BatchOutcome {
  if (inv.result === 'error' || inv.result === 'timeout') {
    return {
      kind: 'failure',
      reason: inv.result === 'timeout' ? 'the function timed out' : 'the function threw an error',
      thrown: true,
    };
  }
  if (inv.plan.failedItems) {
    // The scenario says which items fail; the handler answers with their identifiers.
    inv.response = {
      batchItemFailures: inv.plan.failedItems.map((id) => ({ itemIdentifier: identifiers.get(id) ?? id })),
    };
  }
  if (!reportBatchItemFailures) return { kind: 'success' }; // a batchItemFailures answer is ignored (§3.1)
  const response = inv.response;
  if (response === null || response === undefined) return { kind: 'success' };
  if (typeof response === 'string') {
    return EMPTY_SUCCESS.has(response.trim())
      ? { kind: 'success' }
      : { kind: 'failure', reason: 'the response is not valid partial batch response JSON', thrown: false };
  }
  if (Array.isArray(response)) {
    return response.length === 0
      ? { kind: 'success' }
      : {
          kind: 'failure',
          reason: 'the response is an array, not {"batchItemFailures": […]}',
          thrown: false,
        };
  }
  if (typeof response !== 'object') {
    return { kind: 'failure', reason: 'the response is not a partial batch response object', thrown: false };
  }
  const failures = (response as { batchItemFailures?: unknown }).batchItemFailures;
  if (failures === undefined || failures === null) return { kind: 'success' };
  if (!Array.isArray(failures)) {
    return { kind: 'failure', reason: 'batchItemFailures is not a list', thrown: false };
  }
  if (failures.length === 0) return { kind: 'success' };
  const byIdentifier = new Map([...identifiers].map(([itemId, ident]) => [ident, itemId]));
  const failed: string[] = [];
  for (const entry of failures) {
    const ident =
      entry && typeof entry === 'object' ? (entry as { itemIdentifier?: unknown }).itemIdentifier : undefined;
    if (typeof ident !== 'string' || ident === '') {
      return {
        kind: 'failure',
        reason: 'an entry of batchItemFailures has no valid itemIdentifier',
        thrown: false,
      };
    }
    const itemId = byIdentifier.get(ident);
    if (itemId === undefined) {
      return { kind: 'failure', reason: `itemIdentifier "${ident}" is not in this batch`, thrown: false };
    }
    failed.push(itemId);
  }
  return { kind: 'partial', failed };
}

/** Marks the items' attempt records of this invocation as ended with `result`. */
export function endAttempts(
  state: SimState,
  items: ItemState[],
  inv: InvocationState,
  failedIds: ReadonlySet<string> | 'all' | 'none',
): void {
  for (const item of items) {
    const attempt = attemptOf(state, item, inv.id, true);
    if (!attempt) continue;
    attempt.endMs = state.now;
    const failed = failedIds === 'all' || (failedIds !== 'none' && failedIds.has(item.id));
    attempt.result = failed ? (inv.result === 'timeout' ? 'timeout' : 'error') : 'success';
  }
}
