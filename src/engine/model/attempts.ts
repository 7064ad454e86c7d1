/** Attempt records, deliveries and abandoned invocations of an item: the lists every path appends to. */
import type { AttemptRecord, Delivery, ItemState, SimState } from '../types';

/**
 * The empty list a new item starts with for its attempts, deliveries and abandoned invocations. Most items
 * never get a delivery, so they share this one (frozen) array rather than each holding an empty one of
 * their own; the first entry replaces it with a list of the item's own. Append only with `addAttempt`
 * (via the record functions), `addDelivery` and `addAbandonedInvocation`, never with `push`.
 */
export const NO_ENTRIES: never[] = Object.freeze([]) as unknown as never[];

/** Appends a delivery to the item's list (and to no other item's). */
export function addDelivery(item: ItemState, delivery: Delivery): void {
  if (item.deliveries.length === 0) item.deliveries = [delivery];
  else item.deliveries.push(delivery);
}

/** Notes that the sync caller stopped waiting for this invocation. */
export function addAbandonedInvocation(item: ItemState, invocationId: string): void {
  if (item.abandonedInvocations.length === 0) item.abandonedInvocations = [invocationId];
  else item.abandonedInvocations.push(invocationId);
}

/**
 * Records an attempt Lambda refused before the code ran (a throttle, or a system error): it starts and
 * ends now, on no environment, with the refusal's reason.
 */
export function recordRefusedAttempt(
  state: SimState,
  item: ItemState,
  result: 'throttled' | 'error',
  reason: string,
): void {
  addAttempt(item, {
    startMs: state.now,
    endMs: state.now,
    result,
    coldStart: false,
    invocationId: null,
    reason,
  });
}

/**
 * Records an attempt that started running invocation `invocationId` now; its end is filled in later. An
 * SQS message's attempt also names the receive it holds (`receiveCount`): deleting needs that receive's
 * receipt handle.
 */
export function recordStartedAttempt(
  state: SimState,
  item: ItemState,
  invocationId: string,
  coldStart: boolean,
  duplicate = false,
): void {
  const startMs = state.now;
  let attempt: AttemptRecord;
  if (duplicate) attempt = { startMs, endMs: null, result: null, coldStart, invocationId, duplicate: true };
  else if (item.sqs !== undefined) {
    const receiveCount = item.sqs.receiveCount;
    attempt = { startMs, endMs: null, result: null, coldStart, invocationId, receiveCount };
  } else attempt = { startMs, endMs: null, result: null, coldStart, invocationId };
  addAttempt(item, attempt);
}

/** Most items have one attempt: the first replaces the shared empty list with a list of its own size. */
function addAttempt(item: ItemState, attempt: AttemptRecord): void {
  if (item.attempts.length === 0) item.attempts = [attempt];
  else item.attempts.push(attempt);
}
