/** The state of one SQS queue and its event source mapping's pollers (plain data, cloneable). */
import type { SqsSource } from '../../../scenarios/schema';

export interface SqsQueueState {
  sourceId: string;
  arn: string;
  fifo: boolean;
  /**
   * Visible messages, as item indexes, oldest first (standard queues are only roughly ordered; FIFO
   * strictly), in `visible[head]` to `visible[tail - 1]`. Entries before `head` have been taken:
   * receiving from the front of a long queue is O(batch), not O(queue).
   */
  visible: Int32Array;
  head: number;
  tail: number;
  inFlight: number;
  /** Message ids that have been sent but not yet deleted, moved or expired. */
  stored: number;
  /** Concurrent batches the mapping may run now (§3.2 scaling), and how many run. */
  allowed: number;
  active: number;
  /** When the backlog (more messages than pollers) started, and from how many batches, for +300 per minute. */
  scalingSinceMs: number | null;
  scaleBase: number;
  /** A poll is on the agenda at this time (null: the pollers wait for messages). */
  pollAtMs: number | null;
  /** Batching window: when the poller started gathering the current batch. */
  windowStartMs: number | null;
  /** FIFO: message groups with a message in flight (no further message of the group is received). */
  groupsInFlight: Record<string, number>;
  sentCount: number;
}

/** Pollers start with five concurrent batches (§3.2). */
export const SQS_INITIAL_CONCURRENCY = 5;
/** …and add up to 300 per minute while messages wait… */
export const SQS_SCALE_UP_PER_MINUTE = 300;
/** …up to 1,250 concurrent invokes per mapping. */
export const SQS_MAX_CONCURRENCY = 1250;

/** Visible messages waiting in the queue. */
export function visibleCount(q: SqsQueueState): number {
  return q.tail - q.head;
}

/** Room for one more visible message at the tail: drop taken entries (when at least half) or double. */
function reserveVisible(q: SqsQueueState): void {
  if (q.tail < q.visible.length) return;
  const live = q.tail - q.head;
  const next = q.head >= live ? q.visible : new Int32Array(q.visible.length * 2);
  next.set(q.visible.subarray(q.head, q.tail));
  q.visible = next;
  q.head = 0;
  q.tail = live;
}

/** Appends a visible message (by item index) at the tail. */
export function pushVisible(q: SqsQueueState, index: number): void {
  reserveVisible(q);
  q.visible[q.tail++] = index;
}

/** Inserts a visible message at position `at` (head ≤ at ≤ tail), moving the later ones back. */
export function insertVisible(q: SqsQueueState, at: number, index: number): void {
  const from = at - q.head;
  reserveVisible(q);
  const i = q.head + from;
  q.visible.copyWithin(i + 1, i, q.tail);
  q.visible[i] = index;
  q.tail += 1;
}

/** Removes the visible message with this item index, if it is waiting. */
export function removeVisible(q: SqsQueueState, index: number): void {
  for (let i = q.head; i < q.tail; i++) {
    if (q.visible[i] !== index) continue;
    q.visible.copyWithin(i, i + 1, q.tail);
    q.tail -= 1;
    return;
  }
}

/** Takes entries from the head; an emptied queue starts again from the front. */
export function advanceVisibleHead(q: SqsQueueState, taken: number): void {
  q.head += taken;
  if (q.head === q.tail) {
    q.head = 0;
    q.tail = 0;
  }
}

export function sqsQueueArn(source: SqsSource, region: string, account: string): string {
  return `arn:aws:sqs:${region}:${account}:${source.queue.QueueName}`;
}

/** The visible-message column is sized for at most this many messages up front, then grows. */
const MAX_PRESIZED_MESSAGES = 1 << 22;

export function createSqsQueueState(source: SqsSource, region: string, account: string): SqsQueueState {
  let messages = 0;
  for (const m of source.messages) messages += m.count;
  return {
    sourceId: source.id,
    arn: sqsQueueArn(source, region, account),
    fifo: source.queue.FifoQueue,
    visible: new Int32Array(Math.max(16, Math.min(messages, MAX_PRESIZED_MESSAGES))),
    head: 0,
    tail: 0,
    inFlight: 0,
    stored: 0,
    allowed: SQS_INITIAL_CONCURRENCY,
    active: 0,
    scalingSinceMs: null,
    scaleBase: SQS_INITIAL_CONCURRENCY,
    pollAtMs: null,
    windowStartMs: null,
    groupsInFlight: {},
    sentCount: 0,
  };
}
