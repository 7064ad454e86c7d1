/**
 * The state of one Kinesis data stream or DynamoDB stream and its event source mapping (plain data,
 * cloneable): shards, each with its lanes (ParallelizationFactor concurrent batch slots), the records
 * waiting to be read, the batch a lane is working on, and the small scheduling helpers the poller uses.
 */
import { itemAt, itemIndexOf, PRIORITY, schedule } from '../../state';
import type { RuleKey } from '../../rules';
import type { ItemState, SimState } from '../../types';
import type { StreamSource } from '../../../scenarios/schema';
import { isoTime, SIMULATION_EPOCH_MS } from '../../time';

/** §3.4: Kinesis shards are polled once per second; §3.5: DynamoDB stream shards four times per second. */
export const KINESIS_POLL_INTERVAL_MS = 1000;
export const DYNAMODB_POLL_INTERVAL_MS = 250;
/** §3.5: DynamoDB Streams keep records for 24 hours, whatever the stream says. */
export const DYNAMODB_RETENTION_MS = 24 * 3600 * 1000;
/** §3.1: a batch is also sent when its payload reaches 6 MB. */
export const BATCH_PAYLOAD_LIMIT_BYTES = 6 * 1024 * 1024;
/**
 * AWS documents no delay between retries of a failing stream batch. The simulator retries at the next
 * poll and doubles the wait after each failure or throttle, up to this cap (reset by a success), so a
 * shard blocked for 24 hours costs about 1,440 invocations.
 */
export const MAX_RETRY_BACKOFF_MS = 60_000;
/** Polls wait for the workload's arrivals at the same instant, so a burst put at once is read as one batch. */
export const POLL_PRIORITY = PRIORITY.arrival + 0.5;

/** The batch a lane is working on: in flight, or waiting for its retry. */
export interface StreamBatch {
  /** Item ids in sequence-number order. */
  items: string[];
  /** Bisect: the other halves still to process, in order. */
  rest: string[][];
  /** The invocation running the batch now, if any. */
  invocation: string | null;
  /** Invocations of this batch that ran the handler: `approximateInvokeCount`. */
  invocations: number;
  /** Failed invocations counted against `MaximumRetryAttempts`. */
  failedAttempts: number;
  /** The pending 'retry' agenda entry carries this token; a stale entry does nothing. */
  retryToken: number;
  retryAtMs: number | null;
  lastRequestId: string | null;
  /** How the last failed invocation failed, for the on-failure record's `responseContext.functionError`. */
  functionError: 'Unhandled' | null;
  /** Tumbling windows: the window's final invocation (it carries no records). */
  final: boolean;
}

/** Tumbling windows (§3.4): the open window of a lane and the state carried between its invocations. */
export interface TumblingState {
  startMs: number;
  endMs: number;
  state: unknown;
  invocations: number;
  /** The latest record of the window read so far: the final invocation gives up when it leaves the stream. */
  lastArrivalMs: number;
}

/** One concurrent batch slot of a shard: a lane processes its records strictly in order. */
export interface StreamLane {
  index: number;
  /** Records to read, in sequence order, from `head` on (the array is compacted now and then). */
  pending: string[];
  head: number;
  batch: StreamBatch | null;
  /** Batching window: when the poller started gathering the next batch. */
  windowStartMs: number | null;
  /** The wait before the next retry; 0 after a success. */
  backoffMs: number;
  tumbling: TumblingState | null;
}

export interface StreamShard {
  index: number;
  shardId: string;
  /** Sequence numbers handed out so far. */
  sequence: number;
  /** Records put before the mapping existed; sorted out when it starts. */
  beforeStart: string[];
  /** Records before the starting position: never read, they wait to leave the stream (retention). */
  unread: string[];
  unreadHead: number;
  expireAtMs: number | null;
  lanes: StreamLane[];
  /** A poll is on the agenda at this time (null: nothing to read). */
  pollAtMs: number | null;
  lastPollMs: number | null;
  /** Age of the last record of the latest batch when it finished (§3.4 IteratorAge). */
  iteratorAgeMs: number;
}

export interface StreamState {
  sourceId: string;
  type: 'kinesis' | 'dynamodb';
  arn: string;
  /** The event source mapping's UUID (deterministic, from the source id). */
  mappingUuid: string;
  retentionMs: number;
  pollIntervalMs: number;
  /** The mapping exists (its `createdAtMs` has passed). */
  started: boolean;
  shards: StreamShard[];
  retryTokens: number;
}

/** FNV-1a over a string's UTF-16 code units: the deterministic hash used for keys, ids and ARNs. */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Murmur3's finaliser: spreads a 32-bit hash so that its low bits are as good as its high bits. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hex8(n: number): string {
  return n.toString(16).padStart(8, '0');
}

/** A UUID-shaped id derived from a name (no randomness consumed). */
export function uuidFrom(name: string): string {
  const h = [1, 2, 3, 4].map((k) => hex8(mix32(fnv1a(name, 0x811c9dc5 ^ k))));
  const hex = h.join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The shard id AWS shows: Kinesis "shardId-000000000000"; DynamoDB "shardId-<creation ms>-<hex>". */
export function shardIdOf(type: 'kinesis' | 'dynamodb', streamName: string, shard: number): string {
  if (type === 'kinesis') return `shardId-${String(shard).padStart(12, '0')}`;
  return `shardId-${String(SIMULATION_EPOCH_MS).padStart(20, '0')}-${hex8(mix32(fnv1a(`${streamName}/${shard}`)))}`;
}

export function streamArn(source: StreamSource, region: string, account: string): string {
  const name = source.stream.StreamName;
  if (source.type === 'kinesis') return `arn:aws:kinesis:${region}:${account}:stream/${name}`;
  // A DynamoDB stream is labelled with its creation time: the start of the simulation.
  return `arn:aws:dynamodb:${region}:${account}:table/${name}/stream/${isoTime(0).slice(0, 23)}`;
}

function createLane(index: number): StreamLane {
  return { index, pending: [], head: 0, batch: null, windowStartMs: null, backoffMs: 0, tumbling: null };
}

export function createStreamState(source: StreamSource, region: string, account: string): StreamState {
  const ddb = source.type === 'dynamodb';
  const lanes = source.mapping.ParallelizationFactor;
  return {
    sourceId: source.id,
    type: source.type,
    arn: streamArn(source, region, account),
    mappingUuid: uuidFrom(`esm/${source.id}/${source.stream.StreamName}`),
    retentionMs: ddb ? DYNAMODB_RETENTION_MS : source.stream.RetentionPeriodHours * 3600 * 1000,
    pollIntervalMs: ddb ? DYNAMODB_POLL_INTERVAL_MS : KINESIS_POLL_INTERVAL_MS,
    started: false,
    retryTokens: 0,
    shards: Array.from({ length: source.stream.ShardCount }, (_, index) => ({
      index,
      shardId: shardIdOf(source.type, source.stream.StreamName, index),
      sequence: 0,
      beforeStart: [],
      unread: [],
      unreadHead: 0,
      expireAtMs: null,
      lanes: Array.from({ length: lanes }, (_, i) => createLane(i)),
      pollAtMs: null,
      lastPollMs: null,
      iteratorAgeMs: 0,
    })),
  };
}

/** The rule stream events cite: §3.5 for DynamoDB Streams, §3.4 for Kinesis. */
export function ruleOf(stream: StreamState): RuleKey {
  return stream.type === 'dynamodb' ? '§3.5' : '§3.4';
}

export function sourceOf(state: SimState, id: string): StreamSource {
  return state.scenario.sources.find((s) => s.id === id) as StreamSource;
}

export function streamOf(state: SimState, source: StreamSource): StreamState {
  const { Region, AccountId } = state.scenario.account;
  return (state.streams[source.id] ??= createStreamState(source, Region, AccountId));
}

export function itemOf(state: SimState, id: string): ItemState {
  return itemAt(state, itemIndexOf(state, id)!);
}

/** The records a lane still has to read. */
export function pendingCount(lane: StreamLane): number {
  return lane.pending.length - lane.head;
}

/** Drops the first `n` pending records of a lane (compacting the array once enough are gone). */
export function dropPending(lane: StreamLane, n: number): void {
  lane.head += n;
  if (lane.head >= 1024 && lane.head * 2 >= lane.pending.length) {
    lane.pending = lane.pending.slice(lane.head);
    lane.head = 0;
  }
}

/** The first poll tick at or after `t`: the mapping polls each shard on a fixed grid from its creation. */
export function nextTick(stream: StreamState, source: StreamSource, shard: StreamShard, t: number): number {
  const created = source.mapping.createdAtMs;
  const step = stream.pollIntervalMs;
  let tick = created + Math.ceil((Math.max(t, created) - created) / step) * step;
  if (shard.lastPollMs !== null && tick <= shard.lastPollMs) tick = shard.lastPollMs + step;
  return tick;
}

/** Puts a poll of the shard on the agenda at the first tick at or after `at` (unless one comes sooner). */
export function schedulePoll(
  state: SimState,
  stream: StreamState,
  source: StreamSource,
  shard: StreamShard,
  at: number,
): void {
  const t = nextTick(stream, source, shard, Math.max(at, state.now));
  if (shard.pollAtMs !== null && shard.pollAtMs <= t) return;
  shard.pollAtMs = t;
  schedule(state, t, POLL_PRIORITY, {
    kind: 'stream',
    action: 'poll',
    source: stream.sourceId,
    shard: shard.index,
    n: t,
  });
}

/** Puts the retry of a lane's batch on the agenda at `at`. */
export function scheduleRetry(
  state: SimState,
  stream: StreamState,
  shard: StreamShard,
  lane: StreamLane,
  at: number,
): void {
  const batch = lane.batch!;
  batch.retryToken = ++stream.retryTokens;
  batch.retryAtMs = Math.max(at, state.now);
  schedule(state, batch.retryAtMs, PRIORITY.dispatch, {
    kind: 'stream',
    action: 'retry',
    source: stream.sourceId,
    shard: shard.index,
    lane: lane.index,
    n: batch.retryToken,
  });
}

/** A new batch of these records. */
export function newBatch(items: string[], rest: string[][] = [], final = false): StreamBatch {
  return {
    items,
    rest,
    invocation: null,
    invocations: 0,
    failedAttempts: 0,
    retryToken: 0,
    retryAtMs: null,
    lastRequestId: null,
    functionError: null,
    final,
  };
}

/** The wait before the next retry: the poll interval first, doubling up to `MAX_RETRY_BACKOFF_MS`. */
export function nextBackoff(stream: StreamState, lane: StreamLane): number {
  lane.backoffMs =
    lane.backoffMs === 0 ? stream.pollIntervalMs : Math.min(lane.backoffMs * 2, MAX_RETRY_BACKOFF_MS);
  return lane.backoffMs;
}
