/**
 * Tumbling windows (§3.4, §3.5; `TumblingWindowInSeconds` > 0): the records of a shard are grouped into
 * fixed windows by their arrival time; every invocation of a window gets the `state` the previous one
 * returned (`{}` to begin with), a response without `state` is a failure, and when the window has ended
 * and all its records are processed, Lambda makes a final invocation (no records,
 * `isFinalInvokeForWindow: true`) whose result ends the window. Windows are kept per lane (one lane per
 * shard unless ParallelizationFactor > 1); the 1 MB state limit (ending a window early) is not modelled.
 */
import { epochMillis } from '../../time';
import type { StreamSource } from '../../../scenarios/schema';
import type { WindowFields } from './streamRecords';
import type { StreamLane, TumblingState } from './streamState';

/** The window length in ms, or 0 when tumbling windows are off. */
export function windowMs(source: StreamSource): number {
  return source.mapping.TumblingWindowInSeconds * 1000;
}

/** The window a record arriving at `arrivalMs` belongs to (windows are aligned on the clock, UTC). */
export function windowOf(arrivalMs: number, lengthMs: number): { startMs: number; endMs: number } {
  const epoch = epochMillis(0);
  const startMs = Math.floor(epochMillis(arrivalMs) / lengthMs) * lengthMs - epoch;
  return { startMs, endMs: startMs + lengthMs };
}

/** Opens the window of a record: the first invocation gets an empty state. */
export function openWindow(lane: StreamLane, arrivalMs: number, lengthMs: number): TumblingState {
  const { startMs, endMs } = windowOf(arrivalMs, lengthMs);
  lane.tumbling = { startMs, endMs, state: {}, invocations: 0, lastArrivalMs: arrivalMs };
  return lane.tumbling;
}

/** Whether a record belongs to the lane's open window. */
export function inWindow(window: TumblingState, arrivalMs: number): boolean {
  return arrivalMs >= window.startMs && arrivalMs < window.endMs;
}

/** The `state` of a window invocation's response, or undefined when the response has none (a failure). */
export function responseState(response: unknown): { state: unknown } | undefined {
  if (response === null || typeof response !== 'object' || Array.isArray(response)) return undefined;
  if (!('state' in response)) return undefined;
  return { state: (response as { state: unknown }).state };
}

/** The window fields of the next invocation of a lane. */
export function windowFields(window: TumblingState, shard: number, final: boolean): WindowFields {
  return { startMs: window.startMs, endMs: window.endMs, state: window.state, shard, final };
}
