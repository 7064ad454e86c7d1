/**
 * What the poller does when a stream batch invocation ends (§3.4, §3.5, §9). Success checkpoints the
 * whole batch. A thrown error or timeout fails it: the same records are retried (the shard's lane stays
 * blocked meanwhile) until they succeed, `MaximumRetryAttempts` runs out (N ⇒ N + 1 invocations), they
 * get older than `MaximumRecordAgeInSeconds`, or they leave the stream; with
 * `BisectBatchOnFunctionError` the batch is split in two halves instead, first half first, without using
 * the retry quota. With `ReportBatchItemFailures` the records before the lowest reported sequence number
 * are checkpointed and the batch is retried from it (a failed attempt; with bisect, a split). Service
 * errors and throttles never reached the function and use no retry.
 */
import { attemptOf } from '../attempts';
import { readBatchResponse, type BatchOutcome } from '../esm/batchInvocation';
import { sample } from '../metrics';
import { emit } from '../../state';
import type { InvocationState, ItemState, SimState } from '../../types';
import type { StreamSource } from '../../../scenarios/schema';
import { ageOutRecords, checkpointRecords, expireRecords, skipRecords } from './streamOutcomes';
import {
  itemOf,
  newBatch,
  nextBackoff,
  nextTick,
  pendingCount,
  ruleOf,
  schedulePoll,
  scheduleRetry,
  sourceOf,
  streamOf,
  type StreamLane,
  type StreamShard,
  type StreamState,
} from './streamState';
import { isoSeconds } from './streamRecords';
import { responseState, windowMs } from './tumblingWindow';

/** Where a batch lives: its stream, mapping, shard and lane. */
export interface Where {
  stream: StreamState;
  source: StreamSource;
  shard: StreamShard;
  lane: StreamLane;
}

/** §3.4: IteratorAge is the age of the batch's last record when processing finished (sampled per shard). */
export function sampleIteratorAge(state: SimState, shard: StreamShard, last: ItemState | undefined): void {
  if (!last) return;
  shard.iteratorAgeMs = state.now - last.record!.arrivalMs;
  sample(state.metrics, 'IteratorAge', state.now, shard.iteratorAgeMs, shard.shardId);
}

/** The last moment the lane's batch may be retried before some of its records must be dropped. */
function deadline(state: SimState, w: Where): number {
  const batch = w.lane.batch!;
  if (batch.final) return w.lane.tumbling!.lastArrivalMs + w.stream.retentionMs;
  const oldest = itemOf(state, batch.items[0]!).record!.arrivalMs;
  const maxAge = w.source.mapping.MaximumRecordAgeInSeconds;
  const byAge = maxAge >= 0 ? oldest + maxAge * 1000 + 1 : Number.POSITIVE_INFINITY;
  return Math.min(oldest + w.stream.retentionMs, byAge);
}

/** Retries the lane's batch at `at`, or earlier if its oldest record would leave the stream or age out first. */
export function retryLater(state: SimState, w: Where, at: number): number {
  const t = Math.min(at, deadline(state, w));
  scheduleRetry(state, w.stream, w.shard, w.lane, t);
  return t - state.now;
}

/** The lane is done with its batch: the next bisected half, or read on from the stream. */
export function nextBatch(state: SimState, w: Where): void {
  const done = w.lane.batch!;
  if (done.rest.length > 0) {
    w.lane.batch = newBatch(done.rest[0]!, done.rest.slice(1));
    retryLater(state, w, nextTick(w.stream, w.source, w.shard, state.now));
    return;
  }
  w.lane.batch = null;
  if (pendingCount(w.lane) > 0 || w.lane.tumbling)
    schedulePoll(state, w.stream, w.source, w.shard, state.now);
}

/**
 * Drops the records of the lane's batch that left the stream or aged out, before it is sent again.
 * Returns false when nothing is left to send (the lane moved on).
 */
export function pruneBatch(state: SimState, w: Where): boolean {
  const batch = w.lane.batch;
  if (!batch) return false;
  if (batch.final) {
    const window = w.lane.tumbling!;
    if (window.lastArrivalMs + w.stream.retentionMs > state.now) return true;
    emit(
      state,
      'stream/window-abandoned',
      ruleOf(w.stream),
      {},
      {
        source: w.stream.sourceId,
        shard: w.shard.shardId,
        window: { start: isoSeconds(window.startMs), end: isoSeconds(window.endMs) },
        reason: "the window's records left the stream before its final invocation succeeded",
      },
    );
    w.lane.tumbling = null;
    nextBatch(state, w);
    return false;
  }
  const maxAgeMs = w.source.mapping.MaximumRecordAgeInSeconds * 1000;
  const items = batch.items.map((id) => itemOf(state, id));
  const gone = items.filter((i) => i.record!.arrivalMs + w.stream.retentionMs <= state.now);
  if (gone.length > 0)
    expireRecords(state, w.stream, gone, 'the record left the stream while its batch was failing');
  const left = items.slice(gone.length);
  const aged = maxAgeMs >= 0 ? left.filter((i) => state.now - i.record!.arrivalMs > maxAgeMs) : [];
  if (aged.length > 0) ageOutRecords(state, w.stream, w.source, aged, batch.lastRequestId, batch.invocations);
  batch.items = left.slice(aged.length).map((i) => i.id);
  if (batch.items.length > 0) return true;
  nextBatch(state, w);
  return false;
}

/**
 * Marks the items' attempts of this invocation as ended (as `endAttempts` in esm/batchInvocation does, but
 * searching from the newest attempt: a record blocking its shard for a day has over a thousand).
 */
function endAttempts(
  state: SimState,
  items: ItemState[],
  inv: InvocationState,
  failed: ReadonlySet<string> | 'all' | 'none',
): void {
  for (const item of items) {
    const attempt = attemptOf(state, item, inv.id, true);
    if (!attempt) continue;
    attempt.endMs = state.now;
    const isFailed = failed === 'all' || (failed !== 'none' && failed.has(item.id));
    attempt.result = isFailed ? (inv.result === 'timeout' ? 'timeout' : 'error') : 'success';
  }
}

/** Reads the end of a batch invocation: thrown errors, the tumbling-window `state`, the partial batch response. */
function readOutcome(
  inv: InvocationState,
  items: ItemState[],
  w: Where,
): BatchOutcome & { windowState?: unknown } {
  if (inv.result === 'error' || inv.result === 'timeout') {
    return {
      kind: 'failure',
      reason: inv.result === 'timeout' ? 'the function timed out' : 'the function threw an error',
      thrown: true,
    };
  }
  let windowState: { state: unknown } | undefined;
  if (windowMs(w.source) > 0) {
    windowState = responseState(inv.response);
    if (!windowState) {
      return {
        kind: 'failure',
        reason: 'with tumbling windows the response must contain "state"',
        thrown: false,
      };
    }
  }
  const identifiers = new Map(items.map((i) => [i.id, i.record!.sequenceNumber] as const));
  const rbif = w.source.mapping.FunctionResponseTypes.includes('ReportBatchItemFailures');
  const outcome = readBatchResponse(inv, identifiers, rbif);
  return windowState ? { ...outcome, windowState: windowState.state } : outcome;
}

/** A stream batch invocation ended. */
export function onStreamBatchEnd(state: SimState, inv: InvocationState): void {
  const source = sourceOf(state, inv.source!);
  const stream = streamOf(state, source);
  const shard = stream.shards[inv.shard!]!;
  const lane = shard.lanes[inv.lane ?? 0]!;
  const w: Where = { stream, source, shard, lane };
  const batch = lane.batch!;
  batch.invocation = null;
  const items = batch.items.map((id) => itemOf(state, id));
  const rule = ruleOf(stream);
  const ids = { invocation: inv.id, ...(items[0] ? { item: items[0].id } : {}) };
  batch.invocations += 1;
  batch.lastRequestId = inv.requestId;
  sampleIteratorAge(state, shard, items[items.length - 1]);
  if (batch.final) {
    endFinalInvocation(state, inv, w);
    return;
  }
  const outcome = readOutcome(inv, items, w);
  if (outcome.kind === 'success') {
    endAttempts(state, items, inv, 'none');
    lane.backoffMs = 0;
    if (lane.tumbling) {
      lane.tumbling.state = outcome.windowState;
      lane.tumbling.invocations += 1;
      lane.tumbling.lastArrivalMs = items[items.length - 1]!.record!.arrivalMs;
    }
    checkpointRecords(state, stream, items);
    emit(state, 'stream/checkpoint', rule, ids, {
      source: stream.sourceId,
      shard: shard.shardId,
      sequenceNumber: items[items.length - 1]!.record!.sequenceNumber,
      records: items.length,
      iteratorAgeMs: shard.iteratorAgeMs,
    });
    nextBatch(state, w);
    return;
  }
  if (outcome.kind === 'partial') {
    inv.result = 'partial';
    const failed = new Set(outcome.failed);
    const k = items.findIndex((i) => failed.has(i.id));
    const done = items.slice(0, k);
    const retry = items.slice(k);
    endAttempts(state, items, inv, new Set(retry.map((i) => i.id)));
    if (lane.tumbling && done.length > 0) {
      lane.tumbling.state = outcome.windowState;
      lane.tumbling.lastArrivalMs = done[done.length - 1]!.record!.arrivalMs;
    }
    checkpointRecords(state, stream, done);
    emit(state, 'stream/checkpoint', '§9', ids, {
      source: stream.sourceId,
      shard: shard.shardId,
      partial: true,
      reported: outcome.failed.map((id) => itemOf(state, id).record!.sequenceNumber),
      // The lowest reported sequence number is the checkpoint: Lambda retries from it (§3.4).
      retryFromSequenceNumber: retry[0]!.record!.sequenceNumber,
      checkpointed: done.length,
      retried: retry.length,
    });
    batch.items = retry.map((i) => i.id);
    batch.functionError = null;
    if (source.mapping.BisectBatchOnFunctionError && done.length > 0) {
      // With bisect on, the batch is split at the returned sequence number: no retry is used.
      const wait = retryLater(state, w, state.now + nextBackoff(stream, lane));
      emit(state, 'stream/batch-bisected', '§3.4', ids, {
        source: stream.sourceId,
        shard: shard.shardId,
        atSequenceNumber: retry[0]!.record!.sequenceNumber,
        halves: [done.length, retry.length],
        retryInMs: wait,
      });
      return;
    }
    failAttempt(state, w, inv, 'the partial batch response reported failed records', false);
    return;
  }
  endAttempts(state, items, inv, 'all');
  batch.functionError = outcome.thrown ? 'Unhandled' : null;
  if (source.mapping.BisectBatchOnFunctionError && items.length > 1) {
    const mid = Math.ceil(items.length / 2);
    lane.batch = newBatch(batch.items.slice(0, mid), [batch.items.slice(mid), ...batch.rest]);
    const wait = retryLater(state, w, state.now + nextBackoff(stream, lane));
    emit(state, 'stream/batch-bisected', '§3.4', ids, {
      source: stream.sourceId,
      shard: shard.shardId,
      reason: outcome.reason,
      halves: [mid, items.length - mid],
      first: batch.items.slice(0, mid),
      second: batch.items.slice(mid),
      retryInMs: wait,
      iteratorAgeMs: shard.iteratorAgeMs,
    });
    return;
  }
  failAttempt(state, w, inv, outcome.reason, outcome.thrown);
}

/** A failed attempt that counts against `MaximumRetryAttempts`: retry, or discard when the quota is used up. */
function failAttempt(state: SimState, w: Where, inv: InvocationState, reason: string, thrown: boolean): void {
  const batch = w.lane.batch!;
  batch.failedAttempts += 1;
  const max = w.source.mapping.MaximumRetryAttempts;
  const exhausted = max >= 0 && batch.failedAttempts > max;
  const items = batch.items.map((id) => itemOf(state, id));
  const base = {
    source: w.stream.sourceId,
    shard: w.shard.shardId,
    reason,
    functionError: thrown ? 'Unhandled' : null,
    countsAsRetry: true,
    retries: batch.failedAttempts - 1,
    maximumRetryAttempts: max,
    items: batch.items,
    iteratorAgeMs: w.shard.iteratorAgeMs,
  };
  const ids = { invocation: inv.id, ...(items[0] ? { item: items[0].id } : {}) };
  if (!exhausted) {
    const wait = retryLater(state, w, state.now + nextBackoff(w.stream, w.lane));
    emit(state, 'stream/batch-failed', ruleOf(w.stream), ids, { ...base, next: 'retry', retryInMs: wait });
    return;
  }
  emit(state, 'stream/batch-failed', ruleOf(w.stream), ids, { ...base, next: 'discard' });
  emit(state, 'stream/retries-exhausted', '§9', ids, {
    source: w.stream.sourceId,
    shard: w.shard.shardId,
    condition: 'RetryAttemptsExhausted',
    approximateInvokeCount: batch.invocations,
    records: items.length,
  });
  skipRecords(state, w.stream, w.source, items, {
    requestId: batch.lastRequestId ?? inv.requestId,
    approximateInvokeCount: batch.invocations,
    functionError: batch.functionError,
  });
  w.lane.backoffMs = 0;
  nextBatch(state, w);
}

/** The end of a tumbling window's final invocation: success closes the window; failure is retried. */
function endFinalInvocation(state: SimState, inv: InvocationState, w: Where): void {
  const window = w.lane.tumbling!;
  const batch = w.lane.batch!;
  const result = inv.result === 'success' ? responseState(inv.response) : undefined;
  const info = {
    source: w.stream.sourceId,
    shard: w.shard.shardId,
    window: { start: isoSeconds(window.startMs), end: isoSeconds(window.endMs) },
  };
  if (result) {
    emit(
      state,
      'stream/window-closed',
      ruleOf(w.stream),
      { invocation: inv.id },
      { ...info, state: result.state, invocations: window.invocations + 1 },
    );
    w.lane.tumbling = null;
    w.lane.backoffMs = 0;
    nextBatch(state, w);
    return;
  }
  batch.failedAttempts += 1;
  const max = w.source.mapping.MaximumRetryAttempts;
  if (max >= 0 && batch.failedAttempts > max) {
    emit(
      state,
      'stream/window-abandoned',
      ruleOf(w.stream),
      { invocation: inv.id },
      { ...info, reason: 'the final invocation failed every retry' },
    );
    w.lane.tumbling = null;
    w.lane.backoffMs = 0;
    nextBatch(state, w);
    return;
  }
  const wait = retryLater(state, w, state.now + nextBackoff(w.stream, w.lane));
  emit(
    state,
    'stream/batch-failed',
    ruleOf(w.stream),
    { invocation: inv.id },
    {
      ...info,
      reason:
        inv.result === 'success'
          ? 'with tumbling windows the response must contain "state"'
          : 'the final invocation failed',
      countsAsRetry: true,
      next: 'retry',
      retryInMs: wait,
    },
  );
}
