/** The state of one SQS queue and its event source mapping's pollers (plain data, cloneable). */
import type { SqsSource } from '../../../scenarios/schema';

export interface SqsQueueState {
  sourceId: string;
  arn: string;
  fifo: boolean;
  /**
   * Visible messages, as indexes into `SimState.items`, oldest first (standard queues are only roughly
   * ordered; FIFO strictly). Entries before `head` have been taken: receiving from the front of a long
   * queue is O(batch), not O(queue).
   */
  visible: number[];
  head: number;
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
  return q.visible.length - q.head;
}

export function sqsQueueArn(source: SqsSource, region: string, account: string): string {
  return `arn:aws:sqs:${region}:${account}:${source.queue.QueueName}`;
}

export function createSqsQueueState(source: SqsSource, region: string, account: string): SqsQueueState {
  return {
    sourceId: source.id,
    arn: sqsQueueArn(source, region, account),
    fifo: source.queue.FifoQueue,
    visible: [],
    head: 0,
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
