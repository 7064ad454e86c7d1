/** Attempt records shared by every path. */
import type { ItemState, SimState } from '../types';

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
  item.attempts.push({
    startMs: state.now,
    endMs: state.now,
    result,
    coldStart: false,
    invocationId: null,
    reason,
  });
}

/** Records an attempt that started running invocation `invocationId` now; its end is filled in later. */
export function recordStartedAttempt(
  state: SimState,
  item: ItemState,
  invocationId: string,
  coldStart: boolean,
  duplicate = false,
): void {
  item.attempts.push({
    startMs: state.now,
    endMs: null,
    result: null,
    coldStart,
    invocationId,
    ...(duplicate ? { duplicate: true } : {}),
  });
}
