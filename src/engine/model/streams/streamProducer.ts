/**
 * The stream itself (§3.4, §3.5): a producer puts a record; it lands on a shard (chosen by hashing its
 * partition key, or given explicitly), gets the shard's next sequence number and stays in the stream for
 * the retention period. The mapping, once created, reads from its starting position: TRIM_HORIZON (the
 * oldest record still there), LATEST (records put from its creation on) or AT_TIMESTAMP.
 *
 * Kinesis maps an MD5 hash of the partition key onto the shards' hash-key ranges; the simulator uses a
 * 32-bit FNV-1a hash (through Murmur3's finaliser) split into equal ranges instead: deterministic, with
 * the same spreading idea. With ParallelizationFactor > 1, a second (mixed) hash of the key picks the
 * shard's lane.
 */
import { dataTemplate } from '../../eventLog';
import { emit, emitFields, PRIORITY, schedule } from '../../state';
import type { ItemState, SimState } from '../../types';
import type { StreamSource, WorkloadSpec } from '../../../scenarios/schema';
import { expireRecords } from './streamOutcomes';
import {
  fnv1a,
  itemOf,
  mix32,
  ruleOf,
  schedulePoll,
  streamOf,
  type StreamShard,
  type StreamState,
} from './streamState';

/** The data of `stream/record-put`, logged once per record (with the lane when the shard has several). */
const PUT = dataTemplate(
  ['source', 'shard', 'sequenceNumber', 'partitionKey'],
  (source, shard, sequenceNumber, partitionKey) => ({ source, shard, sequenceNumber, partitionKey }),
);
const PUT_LANE = dataTemplate(
  ['source', 'shard', 'sequenceNumber', 'partitionKey', 'lane'],
  (source, shard, sequenceNumber, partitionKey, lane) => ({
    source,
    shard,
    sequenceNumber,
    partitionKey,
    lane,
  }),
);

/** The shard a partition key hashes to: equal ranges of the 32-bit hash space, as Kinesis splits MD5's. */
export function shardFor(partitionKey: string, shardCount: number): number {
  // Mixed so that keys differing in one character spread as MD5's avalanche would spread them.
  return Math.min(shardCount - 1, Math.floor((mix32(fnv1a(partitionKey)) / 2 ** 32) * shardCount));
}

/** The lane of a shard a partition key maps to (ParallelizationFactor lanes, each strictly in order). */
export function laneFor(partitionKey: string, lanes: number): number {
  return lanes <= 1 ? 0 : mix32(fnv1a(partitionKey) ^ 0x9e3779b9) % lanes;
}

/**
 * The n-th sequence number of a shard. Kinesis: 56 digits ("4959…"), DynamoDB: 21 digits. Numbers of
 * one shard have equal length, so comparing them as strings compares them as numbers.
 */
export function sequenceNumber(stream: StreamState, shard: number, n: number): string {
  if (stream.type === 'dynamodb') return `4${String(shard).padStart(3, '0')}${String(n).padStart(17, '0')}`;
  const a = String(fnv1a(stream.arn)).padStart(10, '0');
  const b = String(mix32(fnv1a(stream.arn))).padStart(10, '0');
  return `49${a}${b}${String(shard).padStart(4, '0')}${String(n).padStart(30, '0')}`;
}

/** Whether the mapping's starting position includes a record that arrived at `arrivalMs`. */
export function readable(source: StreamSource, arrivalMs: number): boolean {
  const m = source.mapping;
  switch (m.StartingPosition) {
    case 'TRIM_HORIZON':
      return true;
    case 'LATEST':
      return arrivalMs >= m.createdAtMs;
    case 'AT_TIMESTAMP':
      return arrivalMs >= (m.StartingPositionTimestamp ?? 0) * 1000;
  }
}

/** Hands a readable record to its lane and wakes the shard's poller. */
function enqueue(
  state: SimState,
  stream: StreamState,
  source: StreamSource,
  shard: StreamShard,
  item: ItemState,
): void {
  const lane = shard.lanes[item.record!.lane]!;
  lane.pending.push(item.id);
  if (!lane.batch) schedulePoll(state, stream, source, shard, state.now);
}

/** Keeps a record the mapping will never read until it leaves the stream. */
function keepUnread(state: SimState, stream: StreamState, shard: StreamShard, item: ItemState): void {
  shard.unread.push(item.id);
  if (shard.expireAtMs === null)
    scheduleExpiry(state, stream, shard, item.record!.arrivalMs + stream.retentionMs);
}

function scheduleExpiry(state: SimState, stream: StreamState, shard: StreamShard, at: number): void {
  shard.expireAtMs = Math.max(at, state.now);
  schedule(state, shard.expireAtMs, PRIORITY.dispatch, {
    kind: 'stream',
    action: 'expire',
    source: stream.sourceId,
    shard: shard.index,
  });
}

/** A producer put a record (PutRecord / a table write): shard, sequence number, arrival. */
export function putRecord(state: SimState, item: ItemState, source: StreamSource, spec: WorkloadSpec): void {
  const stream = streamOf(state, source);
  const partitionKey = spec.partitionKey ?? item.id;
  const shardIndex =
    spec.shard === undefined
      ? shardFor(partitionKey, stream.shards.length)
      : spec.shard % stream.shards.length;
  const shard = stream.shards[shardIndex]!;
  item.record = {
    shard: shardIndex,
    sequenceNumber: sequenceNumber(stream, shardIndex, ++shard.sequence),
    partitionKey,
    arrivalMs: state.now,
    lane: laneFor(partitionKey, shard.lanes.length),
  };
  if (source.type === 'dynamodb') item.record.eventName = spec.eventName ?? 'INSERT';
  const { sequenceNumber: seq, lane } = item.record;
  if (shard.lanes.length > 1) {
    const ids = { item: item.id };
    emitFields(
      state,
      'stream/record-put',
      ruleOf(stream),
      ids,
      PUT_LANE,
      stream.sourceId,
      shard.shardId,
      seq,
      partitionKey,
      lane,
    );
  } else {
    emitFields(
      state,
      'stream/record-put',
      ruleOf(stream),
      { item: item.id },
      PUT,
      stream.sourceId,
      shard.shardId,
      seq,
      partitionKey,
    );
  }
  if (!stream.started) shard.beforeStart.push(item.id);
  else if (readable(source, state.now)) enqueue(state, stream, source, shard, item);
  else keepUnread(state, stream, shard, item);
}

/** The mapping is created: each shard's reading starts at the starting position. */
export function startMapping(state: SimState, source: StreamSource): void {
  const stream = streamOf(state, source);
  stream.started = true;
  let read = 0;
  let skipped = 0;
  for (const shard of stream.shards) {
    const gone: ItemState[] = [];
    for (const id of shard.beforeStart) {
      const item = itemOf(state, id);
      if (item.record!.arrivalMs + stream.retentionMs <= state.now) gone.push(item);
      else if (readable(source, item.record!.arrivalMs)) {
        enqueue(state, stream, source, shard, item);
        read += 1;
      } else {
        keepUnread(state, stream, shard, item);
        skipped += 1;
      }
    }
    shard.beforeStart = [];
    expireRecords(state, stream, gone, 'the record left the stream before the mapping was created');
  }
  emit(
    state,
    'stream/mapping-created',
    ruleOf(stream),
    {},
    {
      source: stream.sourceId,
      streamArn: stream.arn,
      startingPosition: source.mapping.StartingPosition,
      shards: stream.shards.length,
      parallelizationFactor: source.mapping.ParallelizationFactor,
      recordsInStream: read + skipped,
      recordsBeforeStartingPosition: skipped,
      pollIntervalMs: stream.pollIntervalMs,
    },
  );
}

/** Records the mapping never read leave the stream at the end of the retention period. */
export function expireUnread(state: SimState, source: StreamSource, shardIndex: number): void {
  const stream = streamOf(state, source);
  const shard = stream.shards[shardIndex]!;
  shard.expireAtMs = null;
  const gone: ItemState[] = [];
  while (shard.unreadHead < shard.unread.length) {
    const item = itemOf(state, shard.unread[shard.unreadHead]!);
    if (item.record!.arrivalMs + stream.retentionMs > state.now) break;
    gone.push(item);
    shard.unreadHead += 1;
  }
  expireRecords(state, stream, gone, 'the record was before the starting position and was never read');
  if (shard.unreadHead < shard.unread.length) {
    const next = itemOf(state, shard.unread[shard.unreadHead]!).record!.arrivalMs + stream.retentionMs;
    // Records put in a burst leave together: one agenda entry per second at most.
    scheduleExpiry(state, stream, shard, Math.max(next, state.now + 1000));
  } else {
    shard.unread = [];
    shard.unreadHead = 0;
  }
}
