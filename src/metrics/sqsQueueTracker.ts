/**
 * SQS queue depth and the age of the oldest message, replayed from the log's `sqs/*` events (§3.2):
 * a message is visible from `sqs/sent` and again from `sqs/visible-again`, hidden from `sqs/received`,
 * and gone at `sqs/deleted`, `sqs/moved-to-dlq` or `sqs/expired`. Typed arrays per message and a
 * pointer per queue over the send order keep a million messages cheap: messages are sent in time
 * order, so the oldest one still stored is found by moving the pointer forward past the gone ones.
 */
import type { SimEvent } from '../engine/types';

// A slot's status; 0 (the typed array's initial value) is never read: every slot is set when sent.
const VISIBLE = 1;
const IN_FLIGHT = 2;
const GONE = 3;

interface Queue {
  /** Message slots in send order, and the first that may still be stored. */
  order: number[];
  head: number;
}

export interface SqsQueueTracker {
  /** Applies one event (events that are not about SQS are ignored). */
  apply(e: SimEvent): void;
  /** Visible messages in all queues now (CloudWatch's ApproximateNumberOfMessagesVisible). */
  visible(): number;
  /** Age at `t` of the oldest message still stored in any queue (visible or in flight), or -1 if none. */
  oldestAgeMs(t: number): number;
}

/** A tracker for a run with at most `capacity` messages. */
export function createSqsQueueTracker(capacity: number): SqsQueueTracker {
  const slotOf = new Map<string, number>();
  const status = new Uint8Array(Math.max(1, capacity));
  const sentMs = new Float64Array(Math.max(1, capacity));
  const queueOf = new Map<string, Queue>();
  const queues: Queue[] = [];
  let visibleTotal = 0;

  function slot(id: string | undefined): number {
    return id === undefined ? -1 : (slotOf.get(id) ?? -1);
  }

  function hide(s: number): void {
    if (s < 0) return;
    if (status[s] === VISIBLE) visibleTotal -= 1;
    status[s] = IN_FLIGHT;
  }

  function remove(s: number): void {
    if (s < 0) return;
    if (status[s] === VISIBLE) visibleTotal -= 1;
    status[s] = GONE;
  }

  function sent(e: SimEvent): void {
    if (e.item === undefined || slotOf.size >= status.length) return;
    const s = slotOf.size;
    slotOf.set(e.item, s);
    status[s] = VISIBLE;
    sentMs[s] = e.t;
    visibleTotal += 1;
    const name = String(e.data?.source ?? '');
    let q = queueOf.get(name);
    if (!q) {
      q = { order: [], head: 0 };
      queueOf.set(name, q);
      queues.push(q);
    }
    q.order.push(s);
  }

  return {
    apply(e) {
      switch (e.type) {
        case 'sqs/sent':
          sent(e);
          break;
        case 'sqs/received': {
          const items = e.data?.items;
          if (Array.isArray(items)) for (const id of items) hide(slot(String(id)));
          break;
        }
        case 'sqs/visible-again': {
          const s = slot(e.item);
          if (s >= 0 && status[s] === IN_FLIGHT) {
            status[s] = VISIBLE;
            visibleTotal += 1;
          }
          break;
        }
        case 'sqs/deleted':
        case 'sqs/moved-to-dlq':
        case 'sqs/expired':
          remove(slot(e.item));
          break;
      }
    },
    visible: () => visibleTotal,
    oldestAgeMs(t) {
      let age = -1;
      for (const q of queues) {
        while (q.head < q.order.length && status[q.order[q.head]!] === GONE) q.head += 1;
        if (q.head < q.order.length) age = Math.max(age, t - sentMs[q.order[q.head]!]!);
      }
      return age;
    },
  };
}
