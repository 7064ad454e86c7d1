/**
 * Types shared by the engine's modules. Everything in `SimState` is plain data (no closures, no class
 * instances), so a checkpoint is a structured clone and a fork is a restore plus a change.
 */
import type { Scenario } from '../scenarios/schema';
import type { Agenda } from './agenda';
import type { EventLog } from './eventLog';
import type { ItemTable } from './itemTable';
import type { Scheduled } from './kernel/eventQueue';
import type { RandomState } from './kernel/random';
import type { MetricsState } from './model/metrics';
import type { SqsQueueState } from './model/sqs/sqsState';
import type { StreamState } from './model/streams/streamState';

/** A section of aws-semantics.md, e.g. "§2.2"; every log event names the rule that produced it. */
export type RuleRef = `§${string}`;

export type ItemKind = 'sync' | 'async' | 'sqs' | 'kinesis' | 'dynamodb';
export type ItemOutcome =
  'succeeded' | 'failed' | 'throttled' | 'rejected' | 'dead-lettered' | 'expired' | 'discarded' | 'in-flight';
export type AttemptResult = 'success' | 'error' | 'timeout' | 'throttled';
export type DestinationType = 'sqs' | 'sns' | 'lambda' | 'eventbridge' | 's3';
export type DeliveryTarget = 'on-success' | 'on-failure' | 'dlq' | 'queue-dlq';
export type AsyncCondition = 'Success' | 'RetriesExhausted' | 'EventAgeExceeded' | 'ZeroReservedConcurrency';

/** One entry of the event log: what changed, when, about which ids, and which rule made it happen. */
export interface SimEvent {
  seq: number;
  t: number;
  type: string;
  rule: RuleRef;
  item?: string;
  invocation?: string;
  env?: string;
  data?: Record<string, unknown>;
}

export interface AttemptRecord {
  startMs: number;
  endMs: number | null;
  result: AttemptResult | null;
  coldStart: boolean;
  invocationId: string | null;
  reason?: string;
  duplicate?: boolean;
  /** SQS: which receive of the message this attempt processed (its receipt handle). */
  receiveCount?: number;
}

export interface SyncResponse {
  statusCode?: number;
  functionError?: 'Unhandled' | 'Handled';
  errorType?: string;
  reason?: string;
  body?: unknown;
}

export interface Delivery {
  target: DeliveryTarget;
  destinationType: DestinationType;
  destination: string;
  atMs: number;
  delivered: boolean;
  failure?: string;
  record: unknown;
}

export interface ItemState {
  id: string;
  /** Where the item is in `SimState.items`. */
  index: number;
  kind: ItemKind;
  sourceId: string;
  caller: string;
  arrivedMs: number;
  payload: unknown;
  payloadSizeBytes: number;
  /** Lambda's request id; one per async event (shared by its retries), one per sync Invoke call. */
  requestId: string;
  outcome: ItemOutcome;
  endedMs: number | null;
  /**
   * Attempts (rows of the item table's attempt columns: read them here, add them with the functions of
   * model/attempts.ts). Deliveries and abandoned invocations start as one shared empty list
   * (itemTable.ts `NO_ENTRIES`): append only with the functions of model/attempts.ts, never with `push`.
   */
  readonly attempts: AttemptRecord[];
  /** Attempts Lambda admitted (not throttled): what behaviour rules' `attempts` count. */
  tries: number;
  /** Attempts that ran the handler: `approximateInvokeCount`. */
  handlerRuns: number;
  /** Extra runs caused by the async queue delivering the event twice (§2.4); they use no retries. */
  duplicateRuns: number;
  response: SyncResponse | null;
  deliveries: Delivery[];
  /** Sync: the client's attempt number; async: unused. */
  clientAttempt: number;
  /** Sync: the client stopped waiting for this invocation (read or integration timeout). */
  abandonedInvocations: string[];
  /** Async: when the event entered the queue, and the current throttle backoff. */
  queuedMs: number;
  backoffMs: number;
  lastError: { errorType: string; errorMessage: string } | null;
  lastResponse: unknown;
  /** SQS messages: the queue's view of the message (read-only here: sqsQueue.ts stores it). */
  readonly sqs?: SqsMessageState;
  /** Kinesis / DynamoDB records: where the record sits in its stream. */
  record?: StreamRecordState;
}

export interface SqsMessageState {
  messageId: string;
  /** SQS's `ApproximateReceiveCount`. */
  receiveCount: number;
  sentMs: number;
  firstReceiveMs: number | null;
  status: 'visible' | 'in-flight' | 'deleted' | 'moved-to-dlq' | 'expired' | 'filtered';
  /** Send order, which FIFO queues keep. */
  sequence: number;
  /** A visibility-timeout entry for the current receive is on the agenda and counts as pending work. */
  visibilityPending: boolean;
  groupId?: string;
}

export interface StreamRecordState {
  shard: number;
  sequenceNumber: string;
  partitionKey: string;
  arrivalMs: number;
  /** ParallelizationFactor > 1: the shard's lane (concurrent batch slot) the partition key maps to. */
  lane: number;
  /** DynamoDB: the change the record describes. */
  eventName?: 'INSERT' | 'MODIFY' | 'REMOVE';
}

export type InvocationResult = 'success' | 'error' | 'timeout' | 'partial';

export interface InvocationState {
  id: string;
  requestId: string;
  items: string[];
  trigger: 'sync' | 'async' | 'async-duplicate' | 'sqs' | 'stream';
  /** Batch invocations: where `items` are in `SimState.items` (so ending the batch needs no lookup by id). */
  itemIndexes?: number[];
  /** Poll-based invocations: the source whose poller sent the batch, and the shard's lane. */
  source?: string;
  lane?: number;
  /** Stream invocations: the shard (0-based) the batch came from. */
  shard?: number;
  startMs: number;
  handlerStartMs: number;
  endMs: number | null;
  coldStart: boolean;
  initMs: number;
  environmentId: string;
  provisioned: boolean;
  /** Decided when the attempt starts, applied when it ends. */
  plan: {
    result: 'success' | 'error' | 'timeout';
    durationMs: number;
    returns: unknown;
    /** A partial batch response: the items the handler reports as failed. */
    failedItems: string[] | null;
    error: { errorType: string; errorMessage: string } | null;
    responseSizeBytes: number;
  };
  result: InvocationResult | null;
  /** Billed Invoke phase, rounded up to 1 ms. */
  billedMs: number;
  /** Billed Init phase: on-demand cold starts since August 2025 (§5). */
  initBilledMs: number;
  response: unknown;
}

export type EnvPhase = 'initializing' | 'busy' | 'idle' | 'reaped';

export interface EnvState {
  id: string;
  phase: EnvPhase;
  provisioned: boolean;
  createdMs: number;
  lastUsedMs: number;
  invocations: number;
  /** Bumped on every use; a scheduled reap only acts if the token still matches. */
  reapToken: number;
}

/** Everything the agenda can hold. */
export type AgendaEntry = Scheduled &
  (
    | { kind: 'arrival'; source: number; request: number; n: number }
    | { kind: 'sync-attempt'; item: string }
    | { kind: 'client-timeout'; item: string; invocation: string; clientAttempt: number }
    | { kind: 'async-dispatch'; item: string; duplicate: boolean }
    | { kind: 'init-end'; invocation: string }
    | { kind: 'invoke-end'; invocation: string }
    | { kind: 'env-reap'; env: string; token: number }
    | {
        kind: 'sqs';
        action: 'poll' | 'visible' | 'expire';
        source: string;
        item?: string;
        /** Visibility and retention timers: where the item is in `SimState.items`. */
        itemIndex?: number;
        n?: number;
      }
    | {
        kind: 'stream';
        action: 'start' | 'poll' | 'retry' | 'expire';
        source: string;
        shard: number;
        lane?: number;
        n?: number;
      }
  );

export interface SimState {
  scenario: Scenario;
  seed: number;
  now: number;
  nextSeq: number;
  /** What happens next, in (t, pri, seq) order (agenda.ts). */
  agenda: Agenda;
  /** Agenda entries that are workload rather than idle bookkeeping (reaping): the run ends at 0. */
  pendingWork: number;
  rng: RandomState;
  /** The event log, stored in columns (eventLog.ts); `Simulation.log()` is its array view. */
  log: EventLog;
  /** The items, in columns (itemTable.ts); model code reads and writes them through `ItemRow` handles. */
  itemTable: ItemTable;
  /**
   * Every item's handle, made when read (state.ts `attachItemsView`): for tests and inspection. It is
   * not enumerable, so it is no part of a checkpoint.
   */
  readonly items: readonly ItemState[];
  /** Item id → index in `items` (likewise for environments). */
  itemIndex: Map<string, number>;
  /** `itemIndex` covers `items` up to here: it is filled in when an item is first looked up by id. */
  itemsIndexed: number;
  /** Invocation `inv-n` is at index n - 1 (execution.ts numbers them as it adds them). */
  invocations: InvocationState[];
  envs: EnvState[];
  envIndex: Map<string, number>;
  /** Idle environments, most recently used last (reuse is last-in, first-out). */
  idleOnDemand: string[];
  idleProvisioned: string[];
  /** Environments initialising or busy: the function's concurrency. */
  inUse: number;
  /** Scaling-rate token bucket (§4): new environments allowed now. */
  scaling: { tokens: number; atMs: number };
  /** Invoke requests counted in the current second, for the request-rate quota (§4). */
  requestRate: { second: number; count: number };
  asyncQueueDepth: number;
  /** Poll-based sources by source id. */
  sqs: Record<string, SqsQueueState>;
  streams: Record<string, StreamState>;
  /** Invocations each event source mapping has running now (its concurrency). */
  mappingConcurrency: Record<string, number>;
  metrics: MetricsState;
  counters: { invocation: number; env: number };
}
