/**
 * The SQS queue itself (§3.2, §3.3): what SQS does, not Lambda. A received message stays in the queue,
 * hidden for the visibility timeout; each receive gives a new receipt handle and bumps
 * `ApproximateReceiveCount`; deleting needs the latest receipt handle; a message received more than
 * `maxReceiveCount` times is moved to the queue's dead-letter queue by SQS; a FIFO queue hands out a
 * message group's messages in order and none while one of them is in flight.
 */
import { sample } from '../metrics';
import { dataTemplate } from '../../eventLog';
import { emit, emitFields, itemAt, newRequestId, PRIORITY, scheduleSqsTimer } from '../../state';
import type { ItemState, SimState, SqsMessageState } from '../../types';
import type { SqsSource } from '../../../scenarios/schema';
import { addSqsMessage } from './sqsMessageTable';
import {
  advanceVisibleHead,
  insertVisible,
  pushVisible,
  removeVisible,
  visibleCount,
  type SqsQueueState,
} from './sqsState';

/** The data of the events logged once per message. */
const SENT = dataTemplate(['source', 'messageId', 'visible'], (source, messageId, visible) => ({
  source,
  messageId,
  visible,
}));
const SENT_FIFO = dataTemplate(
  ['source', 'messageId', 'messageGroupId', 'visible'],
  (source, messageId, messageGroupId, visible) => ({ source, messageId, messageGroupId, visible }),
);
const DELETED = dataTemplate(['source', 'receiveCount'], (source, receiveCount) => ({
  source,
  receiveCount,
}));
const DELETED_STALE = dataTemplate(
  ['source', 'receiveCount', 'staleReceiptHandle', 'handleOfReceive'],
  (source, receiveCount, staleReceiptHandle, handleOfReceive) => ({
    source,
    receiveCount,
    staleReceiptHandle,
    handleOfReceive,
  }),
);

function sampleDepth(state: SimState, q: SqsQueueState): void {
  sample(state.metrics, 'ApproximateNumberOfMessagesVisible', state.now, visibleCount(q), q.sourceId);
  sample(state.metrics, 'ApproximateNumberOfMessagesNotVisible', state.now, q.inFlight, q.sourceId);
}

/** A producer sends a message (SendMessage). */
export function sendMessage(
  state: SimState,
  q: SqsQueueState,
  item: ItemState,
  groupId: string | undefined,
): void {
  const messageId = newRequestId(state);
  addSqsMessage(state.itemTable.sqs, item.index, messageId, state.now, q.sentCount++, groupId);
  pushVisible(q, item.index);
  q.stored += 1;
  const visible = visibleCount(q);
  const rule = q.fifo ? '§3.3' : '§3.2';
  if (groupId === undefined)
    emitFields(state, 'sqs/sent', rule, { item: item.id }, SENT, q.sourceId, messageId, visible);
  else {
    emitFields(
      state,
      'sqs/sent',
      rule,
      { item: item.id },
      SENT_FIFO,
      q.sourceId,
      messageId,
      groupId,
      visible,
    );
  }
  sampleDepth(state, q);
}

/** Where a message that becomes visible again goes: FIFO keeps send order; standard queues are best-effort. */
function makeVisible(state: SimState, q: SqsQueueState, item: ItemState): void {
  if (!q.fifo) {
    pushVisible(q, item.index);
    return;
  }
  const seq = item.sqs!.sequence;
  let i = q.tail;
  while (i > q.head && itemAt(state, q.visible[i - 1]!).sqs!.sequence > seq) i--;
  insertVisible(q, i, item.index);
}

export type Received = { item: ItemState; expired?: true; movedToDlq?: true };

/**
 * ReceiveMessage: up to `max` messages. Messages past the retention period are deleted by SQS instead;
 * messages over `maxReceiveCount` go to the dead-letter queue instead. FIFO: in order, skipping groups
 * with a message in flight, and taking a group's messages only as a run from its oldest.
 */
export function receiveMessages(
  state: SimState,
  q: SqsQueueState,
  source: SqsSource,
  max: number,
  maxBytes: number,
): Received[] {
  let bytes = 0;
  let taken = 0;
  const out: Received[] = [];
  // FIFO only: groups passed over in this receive, and messages passed over because their group is busy.
  // A group is busy if it had a message in flight before this receive; one receive may take a run of
  // several messages of the same group, in order.
  let skippedGroups: Set<string> | null = null;
  let kept: number[] | null = null;
  let busyBefore: Set<string> | null = null;
  if (q.fifo) {
    skippedGroups = new Set<string>();
    kept = [];
    busyBefore = new Set(Object.keys(q.groupsInFlight).filter((g) => (q.groupsInFlight[g] ?? 0) > 0));
  }
  const retentionMs = source.queue.MessageRetentionPeriod * 1000;
  const visibilityMs = source.queue.VisibilityTimeout * 1000;
  const redrive = source.queue.RedrivePolicy;
  const visibleIds = q.visible;
  while (q.head < q.tail && taken < max) {
    const index = visibleIds[q.head]!;
    const item = itemAt(state, index);
    const msg = item.sqs!;
    if (
      skippedGroups !== null &&
      msg.groupId !== undefined &&
      (skippedGroups.has(msg.groupId) || busyBefore!.has(msg.groupId))
    ) {
      skippedGroups.add(msg.groupId);
      kept!.push(index);
      q.head += 1;
      continue;
    }
    if (taken > 0 && bytes + item.payloadSizeBytes > maxBytes) break;
    q.head += 1;
    if (state.now - msg.sentMs >= retentionMs) {
      msg.status = 'expired';
      q.stored -= 1;
      out.push({ item, expired: true });
      continue;
    }
    if (redrive && msg.receiveCount >= redrive.maxReceiveCount) {
      msg.status = 'moved-to-dlq';
      q.stored -= 1;
      out.push({ item, movedToDlq: true });
      continue;
    }
    bytes += item.payloadSizeBytes;
    msg.receiveCount += 1;
    msg.firstReceiveMs ??= state.now;
    msg.status = 'in-flight';
    // The receipt handle of this receive is `${messageId.slice(0, 8)}#${receiveCount}` (sqsRecords.ts).
    const visibleAtMs = state.now + visibilityMs;
    msg.visibilityPending = true;
    q.inFlight += 1;
    if (msg.groupId !== undefined) q.groupsInFlight[msg.groupId] = (q.groupsInFlight[msg.groupId] ?? 0) + 1;
    // One timer per receive: visibility ends, or retention ends first and SQS deletes the message.
    const expiresAt = msg.sentMs + retentionMs;
    scheduleSqsTimer(
      state,
      Math.min(visibleAtMs, expiresAt),
      PRIORITY.dispatch,
      expiresAt < visibleAtMs ? 'expire' : 'visible',
      q.sourceId,
      item,
      msg.receiveCount,
    );
    taken += 1;
    out.push({ item });
  }
  if (kept !== null && kept.length > 0) {
    // Put the passed-over messages back at the front, in their order.
    q.head -= kept.length;
    for (let k = 0; k < kept.length; k++) q.visible[q.head + k] = kept[k]!;
  }
  advanceVisibleHead(q, 0);
  sampleDepth(state, q);
  return out;
}

/**
 * DeleteMessage with the receipt handle of a given receive. SQS asks for the latest handle; with an older
 * one "the request succeeds, but the message might not be deleted" — the simulator deletes it (the
 * usual outcome) and logs that the handle was stale. A message already deleted stays deleted.
 */
export function deleteMessage(
  state: SimState,
  q: SqsQueueState,
  item: ItemState,
  receiveCount: number,
): boolean {
  const msg = item.sqs!;
  if (msg.status !== 'in-flight' && msg.status !== 'visible') {
    emit(
      state,
      'sqs/delete-ignored',
      '§3.2',
      { item: item.id },
      { source: q.sourceId, reason: `the message is already ${msg.status}` },
    );
    return false;
  }
  const stale = msg.receiveCount !== receiveCount;
  if (msg.status === 'in-flight') {
    q.inFlight -= 1;
    if (msg.groupId !== undefined) q.groupsInFlight[msg.groupId] = (q.groupsInFlight[msg.groupId] ?? 1) - 1;
  } else {
    removeVisible(q, item.index);
  }
  releaseVisibilityEntry(state, msg);
  msg.status = 'deleted';
  q.stored -= 1;
  if (!stale)
    emitFields(state, 'sqs/deleted', '§3.2', { item: item.id }, DELETED, q.sourceId, msg.receiveCount);
  else
    emitFields(
      state,
      'sqs/deleted',
      '§3.2',
      { item: item.id },
      DELETED_STALE,
      q.sourceId,
      msg.receiveCount,
      true,
      receiveCount,
    );
  sampleDepth(state, q);
  return true;
}

/**
 * A message's visibility-timeout entry counts as pending work only while it can still matter: once the
 * message is deleted, the run need not wait for it (see `pendingWork` in simulation.ts).
 */
function releaseVisibilityEntry(state: SimState, msg: SqsMessageState): void {
  if (!msg.visibilityPending) return;
  msg.visibilityPending = false;
  state.pendingWork -= 1;
}

/** Retention ended while receive `n` kept the message hidden: SQS deletes it (returns true if it did). */
export function onRetentionWhileHidden(
  state: SimState,
  q: SqsQueueState,
  item: ItemState,
  n: number,
): boolean {
  const msg = item.sqs!;
  if (msg.receiveCount === n) releaseVisibilityEntry(state, msg);
  if (msg.status !== 'in-flight' || msg.receiveCount !== n) return false;
  msg.status = 'expired';
  q.inFlight -= 1;
  q.stored -= 1;
  if (msg.groupId !== undefined) q.groupsInFlight[msg.groupId] = (q.groupsInFlight[msg.groupId] ?? 1) - 1;
  sampleDepth(state, q);
  return true;
}

/** The visibility timeout of receive `n` ended: an undeleted message is visible again. */
export function onVisibilityTimeout(state: SimState, q: SqsQueueState, item: ItemState, n: number): boolean {
  const msg = item.sqs!;
  if (msg.receiveCount === n) releaseVisibilityEntry(state, msg);
  if (msg.status !== 'in-flight' || msg.receiveCount !== n) return false;
  msg.status = 'visible';
  q.inFlight -= 1;
  if (msg.groupId !== undefined) q.groupsInFlight[msg.groupId] = (q.groupsInFlight[msg.groupId] ?? 1) - 1;
  makeVisible(state, q, item);
  emit(
    state,
    'sqs/visible-again',
    '§3.2',
    { item: item.id },
    {
      source: q.sourceId,
      receiveCount: msg.receiveCount,
      visible: visibleCount(q),
    },
  );
  sampleDepth(state, q);
  return true;
}

/** The SQS message as SQS stores it (for a dead-letter queue delivery). */
export function storedMessage(item: ItemState): Record<string, unknown> {
  const msg = item.sqs!;
  return {
    MessageId: msg.messageId,
    Body: typeof item.payload === 'string' ? item.payload : JSON.stringify(item.payload ?? {}),
    Attributes: {
      ApproximateReceiveCount: String(msg.receiveCount),
      ...(msg.groupId === undefined ? {} : { MessageGroupId: msg.groupId }),
    },
  };
}
