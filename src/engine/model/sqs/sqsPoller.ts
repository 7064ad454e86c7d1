/**
 * Lambda's SQS pollers (§3.1, §3.2, §3.3): long polling, batches of up to `BatchSize` sent when full or
 * when the batching window ends, five concurrent batches to start and up to 300 more per minute while
 * messages wait (to 1,250, or `ScalingConfig.MaximumConcurrency`), fewer after function errors. On success
 * the batch is deleted; on an error nothing is, and the messages come back after the visibility timeout;
 * with `ReportBatchItemFailures` only the reported ones come back. Filtered-out messages are deleted
 * without an invocation. SQS itself moves a message to the queue's DLQ after `maxReceiveCount` receives.
 */
import { addDelivery, attemptOf, lastAttemptOf, recordRefusedAttempt } from '../attempts';
import { endAttempts, invokeBatch, readBatchResponse } from '../esm/batchInvocation';
import { matchesFilterCriteria } from '../esm/filterCriteria';
import { sample } from '../metrics';
import {
  deleteMessage,
  onRetentionWhileHidden,
  onVisibilityTimeout,
  receiveMessages,
  sendMessage,
  storedMessage,
} from './sqsQueue';
import {
  createSqsQueueState,
  SQS_INITIAL_CONCURRENCY,
  SQS_MAX_CONCURRENCY,
  SQS_SCALE_UP_PER_MINUTE,
  visibleCount,
  type SqsQueueState,
} from './sqsState';
import { dataTemplate } from '../../eventLog';
import { emit, emitFields, getItem, itemAt, PRIORITY, schedule } from '../../state';
import type { AgendaEntry, InvocationState, ItemState, SimState } from '../../types';
import type { SqsSource } from '../../../scenarios/schema';

/** §3.1: a batch is also sent when its payload reaches 6 MB. */
const BATCH_PAYLOAD_LIMIT_BYTES = 6 * 1024 * 1024;

const NO_IDENTIFIERS: ReadonlyMap<string, string> = new Map();
const RECEIVED = dataTemplate(
  ['source', 'items', 'receiveCounts', 'visibilityTimeoutSeconds'],
  (source, items, receiveCounts, visibilityTimeoutSeconds) => ({
    source,
    items,
    receiveCounts,
    visibilityTimeoutSeconds,
  }),
);

function sourceOf(state: SimState, id: string): SqsSource {
  return state.scenario.sources.find((s) => s.id === id) as SqsSource;
}

function queueOf(state: SimState, source: SqsSource): SqsQueueState {
  const { Region, AccountId } = state.scenario.account;
  return (state.sqs[source.id] ??= createSqsQueueState(source, Region, AccountId));
}

/** The most concurrent batches the mapping may ever run. */
function ceiling(source: SqsSource): number {
  return Math.min(
    SQS_MAX_CONCURRENCY,
    source.mapping.ScalingConfig?.MaximumConcurrency ?? SQS_MAX_CONCURRENCY,
  );
}

function schedulePoll(state: SimState, q: SqsQueueState, at: number): void {
  if (q.pollAtMs !== null && q.pollAtMs <= at) return;
  q.pollAtMs = at;
  schedule(state, at, PRIORITY.poll, { kind: 'sqs', action: 'poll', source: q.sourceId, n: at });
}

/** A producer sent a message: SQS stores it; a waiting long poll returns it at once. */
export function onSqsMessage(
  state: SimState,
  item: ItemState,
  source: SqsSource,
  groupId: string | undefined,
): void {
  const q = queueOf(state, source);
  sendMessage(state, q, item, groupId);
  schedulePoll(state, q, state.now);
}

/** Agenda entries of kind 'sqs'. */
export function onSqsAgenda(state: SimState, entry: Extract<AgendaEntry, { kind: 'sqs' }>): void {
  const source = sourceOf(state, entry.source);
  const q = queueOf(state, source);
  if (entry.action === 'poll') {
    if (q.pollAtMs !== entry.n) return; // superseded by an earlier poll
    q.pollAtMs = null;
    poll(state, q, source);
    return;
  }
  if (entry.item === undefined || entry.n === undefined) return;
  const item = entry.itemIndex === undefined ? getItem(state, entry.item) : itemAt(state, entry.itemIndex);
  if (entry.action === 'visible') {
    if (onVisibilityTimeout(state, q, item, entry.n)) schedulePoll(state, q, state.now);
  } else if (entry.action === 'expire' && onRetentionWhileHidden(state, q, item, entry.n)) {
    expired(state, q, source, item, true);
    schedulePoll(state, q, state.now);
  }
}

/** §3.2: five batches at once to start; +300 per minute while messages keep waiting, up to the ceiling. */
function scaleUp(state: SimState, q: SqsQueueState, source: SqsSource): void {
  if (q.scalingSinceMs === null) return;
  const minutes = Math.floor((state.now - q.scalingSinceMs) / 60_000);
  const target = Math.min(ceiling(source), q.scaleBase + minutes * SQS_SCALE_UP_PER_MINUTE);
  if (target > q.allowed) {
    emit(state, 'sqs/scaled-up', '§3.2', {}, { source: q.sourceId, from: q.allowed, to: target });
    q.allowed = target;
  }
}

/** After a poll: messages still waiting with every poller busy is a backlog; an empty queue scales back. */
function noteBacklog(state: SimState, q: SqsQueueState, source: SqsSource): void {
  if (visibleCount(q) === 0) {
    q.scalingSinceMs = null;
    q.allowed = Math.max(SQS_INITIAL_CONCURRENCY, Math.min(q.allowed, q.active));
    return;
  }
  if (q.active < q.allowed) return;
  if (q.scalingSinceMs === null) {
    q.scalingSinceMs = state.now;
    q.scaleBase = q.allowed;
  }
  if (q.allowed < ceiling(source)) {
    const minutes = Math.floor((state.now - q.scalingSinceMs) / 60_000);
    schedulePoll(state, q, q.scalingSinceMs + (minutes + 1) * 60_000);
  }
}

/** Bytes of the visible messages, counted only up to the 6 MB batch limit. */
function waitingBytes(state: SimState, q: SqsQueueState): number {
  let bytes = 0;
  for (let i = q.head; i < q.tail && bytes < BATCH_PAYLOAD_LIMIT_BYTES; i++) {
    bytes += itemAt(state, q.visible[i]!).payloadSizeBytes;
  }
  return bytes;
}

function poll(state: SimState, q: SqsQueueState, source: SqsSource): void {
  scaleUp(state, q, source);
  const { BatchSize, MaximumBatchingWindowInSeconds } = source.mapping;
  const windowMs = q.fifo ? 0 : MaximumBatchingWindowInSeconds * 1000;
  while (q.active < Math.min(q.allowed, ceiling(source)) && visibleCount(q) > 0) {
    if (windowMs > 0 && visibleCount(q) < BatchSize && waitingBytes(state, q) < BATCH_PAYLOAD_LIMIT_BYTES) {
      q.windowStartMs ??= state.now;
      const closes = q.windowStartMs + windowMs;
      if (state.now < closes) {
        schedulePoll(state, q, closes);
        break;
      }
    }
    q.windowStartMs = null;
    const received = receiveMessages(
      state,
      q,
      source,
      q.fifo ? Math.min(BatchSize, 10) : BatchSize,
      BATCH_PAYLOAD_LIMIT_BYTES,
    );
    if (received.length === 0) break; // FIFO: every group with visible messages is in flight
    const batch = settleReceived(state, q, source, received);
    if (batch.length > 0) startBatch(state, q, source, batch);
  }
  noteBacklog(state, q, source);
}

/** Applies what SQS and the filter decided at receive time; returns the messages to invoke with. */
function settleReceived(
  state: SimState,
  q: SqsQueueState,
  source: SqsSource,
  received: ReturnType<typeof receiveMessages>,
): ItemState[] {
  const batch: ItemState[] = [];
  for (const r of received) {
    const { item } = r;
    if (r.expired) {
      expired(state, q, source, item, false);
      continue;
    }
    if (r.movedToDlq) {
      moveToDeadLetterQueue(state, q, source, item);
      continue;
    }
    const filters = source.mapping.FilterCriteria?.Filters;
    if (filters && filters.length > 0 && !matchesFilterCriteria(item.payload, filters)) {
      deleteMessage(state, q, item, item.sqs!.receiveCount);
      item.sqs!.status = 'filtered';
      finish(state, item, 'discarded');
      emit(state, 'sqs/filtered-out', '§9', { item: item.id }, { source: q.sourceId });
      continue;
    }
    batch.push(item);
  }
  if (batch.length > 0) {
    emitFields(
      state,
      'sqs/received',
      q.fifo ? '§3.3' : '§3.2',
      { item: batch[0]!.id },
      RECEIVED,
      q.sourceId,
      batch.map((i) => i.id),
      batch.map((i) => i.sqs!.receiveCount),
      source.queue.VisibilityTimeout,
    );
  }
  return batch;
}

function moveToDeadLetterQueue(state: SimState, q: SqsQueueState, source: SqsSource, item: ItemState): void {
  const arn = source.queue.RedrivePolicy!.deadLetterTargetArn;
  addDelivery(item, {
    target: 'queue-dlq',
    destinationType: 'sqs',
    destination: arn,
    atMs: state.now,
    delivered: true,
    record: storedMessage(item),
  });
  finish(state, item, 'dead-lettered');
  emit(
    state,
    'sqs/moved-to-dlq',
    '§3.2',
    { item: item.id },
    {
      source: q.sourceId,
      destination: arn,
      receiveCount: item.sqs!.receiveCount,
      maxReceiveCount: source.queue.RedrivePolicy!.maxReceiveCount,
    },
  );
}

/** SQS deleted the message because it outlived the retention period. */
function expired(
  state: SimState,
  q: SqsQueueState,
  source: SqsSource,
  item: ItemState,
  whileHidden: boolean,
): void {
  finish(state, item, 'expired');
  emit(
    state,
    'sqs/expired',
    '§3.2',
    { item: item.id },
    {
      source: q.sourceId,
      retentionSeconds: source.queue.MessageRetentionPeriod,
      ...(whileHidden ? { whileHidden: true } : {}),
    },
  );
}

function finish(state: SimState, item: ItemState, outcome: ItemState['outcome']): void {
  item.outcome = outcome;
  item.endedMs = state.now;
}

function startBatch(state: SimState, q: SqsQueueState, source: SqsSource, batch: ItemState[]): void {
  const started = invokeBatch(state, {
    items: batch,
    source: source.id,
    trigger: 'sqs',
    rule: q.fifo ? '§3.3' : '§3.2',
  });
  if (!started.ok) {
    // §3.2 / §4: refused (throttled, or a system error) — the messages stay hidden and return after the
    // visibility timeout; after a throttle the mapping backs off by running fewer batches at once.
    const { refusal } = started;
    for (const item of batch) recordRefusedAttempt(state, item, refusal.result, refusal.reason);
    if (refusal.result === 'throttled') q.allowed = Math.max(1, Math.min(q.allowed, q.active));
    emit(
      state,
      refusal.result === 'throttled' ? 'sqs/batch-throttled' : 'sqs/batch-failed',
      '§3.2',
      { item: batch[0]!.id },
      {
        source: q.sourceId,
        items: batch.map((i) => i.id),
        reason: refusal.result === 'throttled' ? refusal.reason : refusal.message,
        visibleAgainInSeconds: source.queue.VisibilityTimeout,
        ...(refusal.result === 'error' ? { thrown: false, serviceError: true } : {}),
      },
    );
    return;
  }
  q.active += 1;
  for (const item of batch) {
    // Remember which receive this attempt holds: deleting needs that receive's receipt handle.
    lastAttemptOf(state, item)!.receiveCount = item.sqs!.receiveCount;
  }
  sample(
    state.metrics,
    'ApproximateAgeOfOldestMessage',
    state.now,
    state.now - oldestSentMs(batch),
    q.sourceId,
  );
}

function oldestSentMs(batch: ItemState[]): number {
  let oldest = Number.POSITIVE_INFINITY;
  for (const item of batch) oldest = Math.min(oldest, item.sqs!.sentMs);
  return oldest;
}

/** A batch invocation ended: delete what succeeded; the rest returns after its visibility timeout. */
export function onSqsBatchEnd(state: SimState, inv: InvocationState): void {
  const source = sourceOf(state, inv.source!);
  const q = queueOf(state, source);
  q.active -= 1;
  const items = new Array<ItemState>(inv.items.length);
  const at = inv.itemIndexes;
  for (let k = 0; k < items.length; k++) {
    items[k] = at === undefined ? getItem(state, inv.items[k]!) : itemAt(state, at[k]!);
  }
  const rbif = source.mapping.FunctionResponseTypes.includes('ReportBatchItemFailures');
  // Message ids are only read for a partial batch response (one the scenario plans, or any with RBIF).
  const identifiers =
    inv.plan.failedItems !== null || rbif
      ? new Map(items.map((i) => [i.id, i.sqs!.messageId] as const))
      : NO_IDENTIFIERS;
  const outcome = readBatchResponse(inv, identifiers, rbif);
  const failed =
    outcome.kind === 'success' ? 'none' : outcome.kind === 'partial' ? new Set(outcome.failed) : 'all';
  if (outcome.kind === 'partial') inv.result = 'partial';
  endAttempts(state, items, inv, failed);
  if (failed !== 'all') {
    for (const item of items) {
      if (failed !== 'none' && failed.has(item.id)) continue;
      const receive = attemptOf(state, item, inv.id)?.receiveCount ?? item.sqs!.receiveCount;
      if (deleteMessage(state, q, item, receive)) finish(state, item, 'succeeded');
    }
  }
  if (outcome.kind === 'failure') {
    emit(
      state,
      'sqs/batch-failed',
      '§3.2',
      { invocation: inv.id, item: inv.items[0] },
      {
        source: q.sourceId,
        reason: outcome.reason,
        thrown: outcome.thrown,
        reportBatchItemFailures: rbif,
        items: inv.items,
        visibleAgainInSeconds: source.queue.VisibilityTimeout,
      },
    );
    if (!rbif) {
      // §3.2: after function errors Lambda scales the mapping down (not with ReportBatchItemFailures).
      const reduced = Math.max(SQS_INITIAL_CONCURRENCY, Math.floor(q.allowed / 2));
      if (reduced < q.allowed) {
        emit(state, 'sqs/scaled-down', '§3.2', {}, { source: q.sourceId, from: q.allowed, to: reduced });
        q.allowed = reduced;
        // Growth starts again from the reduced level, a minute at a time.
        q.scaleBase = reduced;
        q.scalingSinceMs = state.now;
      }
    }
  } else if (outcome.kind === 'partial') {
    emit(
      state,
      'sqs/partial-batch',
      '§3.2',
      { invocation: inv.id, item: inv.items[0] },
      {
        source: q.sourceId,
        failed: outcome.failed,
        deleted: inv.items.filter((id) => !(failed as Set<string>).has(id)),
        visibleAgainInSeconds: source.queue.VisibilityTimeout,
      },
    );
  }
  schedulePoll(state, q, state.now);
}
