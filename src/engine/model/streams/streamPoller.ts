/**
 * Lambda's stream pollers (§3.1, §3.4, §3.5): each shard is polled on a fixed grid — Kinesis once per
 * second, DynamoDB Streams four times per second — but only while it has records to read, a batch to
 * retry or a window to close, so a run ends when its records are done. A batch is up to `BatchSize`
 * records from the lane's checkpoint on, sent when it is full, when `MaximumBatchingWindowInSeconds`
 * ends, or at 6 MB. At ParallelizationFactor 1 a shard has one lane: one batch at a time, strictly in
 * order. With a factor of N the shard has N lanes and each partition key hashes to one of them, so a
 * key's records are never in two concurrent batches and its later records wait for its earlier ones.
 * A failing lane blocks only itself (and the other keys that hash to it).
 */
import { recordRefusedAttempt } from '../attempts';
import { invokeBatch } from '../esm/batchInvocation';
import { emit, PRIORITY, schedule } from '../../state';
import type { AgendaEntry, InvocationState, ItemState, SimState } from '../../types';
import type { StreamSource, WorkloadSpec } from '../../../scenarios/schema';
import { pruneBatch, retryLater, sampleIteratorAge, type Where } from './streamBatchEnd';
import { ageOutRecords, expireRecords } from './streamOutcomes';
import { expireUnread, putRecord, startMapping } from './streamProducer';
import { isoSeconds } from './streamRecords';
import {
  BATCH_PAYLOAD_LIMIT_BYTES,
  dropPending,
  itemOf,
  newBatch,
  nextBackoff,
  pendingCount,
  ruleOf,
  schedulePoll,
  sourceOf,
  streamOf,
  type StreamShard,
  type StreamState,
} from './streamState';
import { inWindow, openWindow, windowFields, windowMs, windowOf } from './tumblingWindow';

export { onStreamBatchEnd } from './streamBatchEnd';

/** At t=0: every stream source's mapping is created at its `createdAtMs`. */
export function initStreams(state: SimState): void {
  for (const source of state.scenario.sources) {
    if (source.type !== 'kinesis' && source.type !== 'dynamodb') continue;
    streamOf(state, source);
    schedule(state, source.mapping.createdAtMs, PRIORITY.dispatch, {
      kind: 'stream',
      action: 'start',
      source: source.id,
      shard: 0,
    });
  }
}

/** A producer put a record into the stream. */
export function onStreamRecord(
  state: SimState,
  item: ItemState,
  source: StreamSource,
  spec: WorkloadSpec,
): void {
  putRecord(state, item, source, spec);
}

/** Agenda entries of kind 'stream'. */
export function onStreamAgenda(state: SimState, entry: Extract<AgendaEntry, { kind: 'stream' }>): void {
  const source = sourceOf(state, entry.source);
  const stream = streamOf(state, source);
  const shard = stream.shards[entry.shard]!;
  switch (entry.action) {
    case 'start':
      startMapping(state, source);
      return;
    case 'expire':
      expireUnread(state, source, entry.shard);
      return;
    case 'poll':
      if (shard.pollAtMs !== entry.n) return; // superseded by an earlier poll
      poll(state, stream, source, shard);
      return;
    case 'retry': {
      const lane = shard.lanes[entry.lane ?? 0]!;
      const batch = lane.batch;
      if (!batch || batch.retryToken !== entry.n || batch.invocation !== null) return;
      batch.retryAtMs = null;
      const w = { stream, source, shard, lane };
      if (!pruneBatch(state, w)) return;
      emit(state, 'stream/retry', ruleOf(stream), batch.final ? {} : { item: batch.items[0]! }, {
        source: stream.sourceId,
        shard: shard.shardId,
        ...(shard.lanes.length > 1 ? { lane: lane.index } : {}),
        ...(batch.final ? { isFinalInvokeForWindow: true } : {}),
        attempt: batch.invocations + 1,
        retries: batch.failedAttempts,
        items: batch.items,
      });
      startBatch(state, w);
    }
  }
}

/** One poll of a shard: every idle lane reads its next batch. */
function poll(state: SimState, stream: StreamState, source: StreamSource, shard: StreamShard): void {
  shard.pollAtMs = null;
  shard.lastPollMs = state.now;
  let wake = Number.POSITIVE_INFINITY;
  for (const lane of shard.lanes) {
    if (!lane.batch) wake = Math.min(wake, readLane(state, { stream, source, shard, lane }));
  }
  if (wake < Number.POSITIVE_INFINITY) schedulePoll(state, stream, source, shard, wake);
}

/** The lane's next records that have left the stream or got too old, dropped before reading. */
function dropStale(state: SimState, w: Where): boolean {
  const { lane, stream, source } = w;
  const gone: ItemState[] = [];
  while (lane.head + gone.length < lane.pending.length) {
    const item = itemOf(state, lane.pending[lane.head + gone.length]!);
    if (item.record!.arrivalMs + stream.retentionMs > state.now) break;
    gone.push(item);
  }
  if (gone.length > 0) {
    dropPending(lane, gone.length);
    expireRecords(state, stream, gone, 'the record left the stream before it was read');
  }
  const maxAge = source.mapping.MaximumRecordAgeInSeconds;
  if (maxAge < 0) return gone.length > 0;
  const aged: ItemState[] = [];
  while (aged.length < source.mapping.BatchSize && lane.head + aged.length < lane.pending.length) {
    const item = itemOf(state, lane.pending[lane.head + aged.length]!);
    if (state.now - item.record!.arrivalMs <= maxAge * 1000) break;
    aged.push(item);
  }
  if (aged.length > 0) {
    dropPending(lane, aged.length);
    ageOutRecords(state, stream, source, aged, null, 0);
  }
  return gone.length + aged.length > 0;
}

/** Reads a lane's next batch and sends it. Returns when the lane wants to be polled again (∞: not by itself). */
function readLane(state: SimState, w: Where): number {
  const { stream, source, shard, lane } = w;
  const m = source.mapping;
  const tumblingMs = windowMs(source);
  while (dropStale(state, w));
  const headId = lane.pending[lane.head];
  const head = headId === undefined ? undefined : itemOf(state, headId);
  if (tumblingMs > 0 && lane.tumbling && !(head && inWindow(lane.tumbling, head.record!.arrivalMs))) {
    // Every record of the open window is processed: once the window has ended, its final invocation.
    if (state.now < lane.tumbling.endMs) return lane.tumbling.endMs;
    lane.batch = newBatch([], [], true);
    startBatch(state, w);
    return Number.POSITIVE_INFINITY;
  }
  if (!head) return Number.POSITIVE_INFINITY;
  const window = tumblingMs > 0 ? (lane.tumbling ?? windowOf(head.record!.arrivalMs, tumblingMs)) : null;
  let n = 0;
  let bytes = 0;
  const available = pendingCount(lane);
  while (n < m.BatchSize && n < available) {
    const item = itemOf(state, lane.pending[lane.head + n]!);
    if (window && !(item.record!.arrivalMs >= window.startMs && item.record!.arrivalMs < window.endMs)) break;
    if (n > 0 && bytes + item.payloadSizeBytes > BATCH_PAYLOAD_LIMIT_BYTES) break;
    bytes += item.payloadSizeBytes;
    n += 1;
  }
  // Full: BatchSize reached, 6 MB reached, or cut short by a window boundary (the rest must wait anyway).
  const full = n >= m.BatchSize || bytes >= BATCH_PAYLOAD_LIMIT_BYTES || n < available;
  const batchingMs = m.MaximumBatchingWindowInSeconds * 1000;
  if (batchingMs > 0 && !full) {
    lane.windowStartMs ??= state.now;
    const closes = lane.windowStartMs + batchingMs;
    if (state.now < closes) return closes;
  }
  lane.windowStartMs = null;
  const ids = lane.pending.slice(lane.head, lane.head + n);
  dropPending(lane, n);
  if (tumblingMs > 0 && !lane.tumbling) openWindow(lane, head.record!.arrivalMs, tumblingMs);
  lane.batch = newBatch(ids);
  const first = head.record!;
  const last = itemOf(state, ids[ids.length - 1]!).record!;
  emit(
    state,
    'stream/batch-read',
    batchingMs > 0 ? '§3.1' : ruleOf(stream),
    { item: ids[0] },
    {
      source: stream.sourceId,
      shard: shard.shardId,
      ...(shard.lanes.length > 1 ? { lane: lane.index } : {}),
      items: ids,
      batchSize: ids.length,
      bytes,
      startSequenceNumber: first.sequenceNumber,
      endSequenceNumber: last.sequenceNumber,
      reason:
        n >= m.BatchSize
          ? 'full'
          : bytes >= BATCH_PAYLOAD_LIMIT_BYTES
            ? '6 MB'
            : batchingMs > 0
              ? 'batching window ended'
              : 'records available',
    },
  );
  startBatch(state, w);
  return Number.POSITIVE_INFINITY;
}

/** Invokes the function with the lane's batch; a throttle leaves the batch waiting for a retry. */
function startBatch(state: SimState, w: Where): void {
  const { stream, source, shard, lane } = w;
  const batch = lane.batch!;
  const items = batch.items.map((id) => itemOf(state, id));
  if (lane.tumbling) logWindowInvocation(state, w, items);
  const started = invokeBatch(state, {
    items,
    source: source.id,
    trigger: 'stream',
    lane: lane.index,
    rule: ruleOf(stream),
  });
  if (!started.ok) {
    // §3.4 / §4: a throttle or a system error never reached the function: no retry is used; the batch waits.
    const { refusal } = started;
    for (const item of items) recordRefusedAttempt(state, item, refusal.result, refusal.reason);
    sampleIteratorAge(state, shard, items[items.length - 1]);
    const wait = retryLater(state, w, state.now + nextBackoff(stream, lane));
    const throttled = refusal.result === 'throttled';
    emit(
      state,
      throttled ? 'stream/batch-throttled' : 'stream/batch-failed',
      throttled ? '§4' : '§3.4',
      items[0] ? { item: items[0].id } : {},
      {
        source: stream.sourceId,
        shard: shard.shardId,
        items: batch.items,
        reason: throttled ? refusal.reason : refusal.message,
        countsAsRetry: false,
        ...(throttled ? {} : { next: 'retry' }),
        retryInMs: wait,
      },
    );
    return;
  }
  const inv: InvocationState = started.invocation;
  inv.shard = shard.index;
  batch.invocation = inv.id;
}

function logWindowInvocation(state: SimState, w: Where, items: ItemState[]): void {
  const window = w.lane.tumbling!;
  const fields = windowFields(window, w.shard.index, w.lane.batch!.final);
  emit(state, 'stream/window-invoke', ruleOf(w.stream), items[0] ? { item: items[0].id } : {}, {
    source: w.stream.sourceId,
    shard: w.shard.shardId,
    window: { start: isoSeconds(fields.startMs), end: isoSeconds(fields.endMs) },
    state: fields.state,
    isFinalInvokeForWindow: fields.final,
    records: items.length,
  });
}
