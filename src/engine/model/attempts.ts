/**
 * Attempt records, deliveries and abandoned invocations of an item: the lists every path appends to.
 * An item's deliveries and abandoned invocations start as one shared, frozen empty list (itemTable.ts
 * `NO_ENTRIES`); the first entry replaces it with a list of the item's own. Append only with
 * `addDelivery` and `addAbandonedInvocation`, never with `push`. Attempts are rows of the item table's
 * attempt columns (attemptTable.ts), added by the record functions here.
 */
import { addItemAttempt, attemptOfInvocation, lastAttemptRow } from '../itemTable';
import type { AttemptRecord, Delivery, ItemState, SimState } from '../types';

/**
 * The item's attempt that ran invocation `invocationId`, or undefined: the oldest such attempt (as
 * `item.attempts.find` would give), or with `newest` the newest. Ending an attempt through it writes the
 * item's record; unlike `item.attempts`, it builds no list.
 */
export function attemptOf(
  state: SimState,
  item: ItemState,
  invocationId: string,
  newest = false,
): AttemptRecord | undefined {
  return attemptOfInvocation(state.itemTable, item.index, invocationId, newest);
}

/** The item's newest attempt, or undefined. */
export function lastAttemptOf(state: SimState, item: ItemState): AttemptRecord | undefined {
  return lastAttemptRow(state.itemTable, item.index);
}

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
  addItemAttempt(state.itemTable, item.index, state.now, state.now, result, false, null, reason, false, -1);
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
  const message = duplicate ? undefined : item.sqs;
  const receiveCount = message === undefined ? -1 : message.receiveCount;
  addItemAttempt(
    state.itemTable,
    item.index,
    state.now,
    null,
    null,
    coldStart,
    invocationId,
    undefined,
    duplicate,
    receiveCount,
  );
}
