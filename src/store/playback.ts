/**
 * The player's arithmetic, as pure functions of the log: where the cursor is at a moment, how far one
 * animation frame moves the clock, and when to skip quiet time. The playback slice and the
 * requestAnimationFrame loop are thin wrappers around these.
 */
import type { SimEvent } from '../engine/types';

/** Playback speeds: simulated ms per real ms. A 60 s retry wait is 60 s at 1×, 60 ms at 1000×. */
export const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 100, 300, 1000] as const;
export type Speed = (typeof SPEEDS)[number];
export const DEFAULT_SPEED: Speed = 1;

/**
 * When the next event is further away than this in *real* time at the current speed, the player jumps
 * ahead: nobody should watch a 60 s retry wait in real time, but at 1000× the same wait (60 ms) plays.
 */
export const QUIET_REAL_MS = 1500;
/** A skip lands this much real time before the next event, so the learner sees it coming. */
export const SKIP_LEAD_REAL_MS = 500;

/** The speed in SPEEDS closest to `value` (ties go to the slower one). */
export function nearestSpeed(value: number): Speed {
  let best: Speed = DEFAULT_SPEED;
  for (const s of SPEEDS) if (Math.abs(s - value) < Math.abs(best - value)) best = s;
  return best;
}

/** The next faster speed, or the fastest. */
export function fasterSpeed(speed: Speed): Speed {
  const i = SPEEDS.indexOf(speed);
  return SPEEDS[Math.min(SPEEDS.length - 1, i + 1)]!;
}

/** The next slower speed, or the slowest. */
export function slowerSpeed(speed: Speed): Speed {
  const i = SPEEDS.indexOf(speed);
  return SPEEDS[Math.max(0, i - 1)]!;
}

/** `0.25×`, `1×`, `1000×`. */
export function speedLabel(speed: number): string {
  return `${speed}×`;
}

/** Where the run ends in simulated time: its last event, or later if the engine's clock ran on. */
export function runEndMs(log: readonly SimEvent[], resultsEndMs = 0): number {
  return Math.max(resultsEndMs, log.at(-1)?.t ?? 0);
}

/** Index of the last event with `t ≤ ms` (binary search; the log's times never decrease), or -1. */
export function cursorAtTime(log: readonly SimEvent[], ms: number): number {
  let lo = 0;
  let hi = log.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (log[mid]!.t <= ms) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** The time the clock shows when the cursor sits on an event: that event's time (0 before the first). */
export function timeOfCursor(log: readonly SimEvent[], cursor: number): number {
  return cursor < 0 ? 0 : (log[cursor]?.t ?? 0);
}

/** Clamps a cursor to the log: -1 (before the first event) to the last index. */
export function clampCursor(log: readonly SimEvent[], cursor: number): number {
  return Math.max(-1, Math.min(log.length - 1, Math.trunc(cursor)));
}

/**
 * Skip quiet time: the clock to show instead of `clockMs` when the next thing happens at `nextMs`.
 * Returns `clockMs` itself when the wait is short enough to watch at this speed.
 */
export function skipQuietTime(clockMs: number, nextMs: number, speed: number): number {
  const realWaitMs = (nextMs - clockMs) / speed;
  if (realWaitMs <= QUIET_REAL_MS) return clockMs;
  return nextMs - SKIP_LEAD_REAL_MS * speed;
}

export interface PlaybackPosition {
  cursor: number;
  clockMs: number;
}

export interface AdvanceResult extends PlaybackPosition {
  /** Simulated time jumped over by skipping quiet time in this frame (0 if none). */
  skippedMs: number;
  /** The clock reached the end of the run. */
  ended: boolean;
}

/**
 * One frame of playback: moves the clock by `speed × realElapsedMs`, the cursor over every event with
 * `t ≤ clock`, then skips ahead if the next event is far away in real time. Pure.
 */
export function advancePlayback(
  log: readonly SimEvent[],
  endMs: number,
  from: PlaybackPosition,
  speed: number,
  realElapsedMs: number,
): AdvanceResult {
  let clockMs = from.clockMs + speed * Math.max(0, realElapsedMs);
  if (clockMs >= endMs) return { cursor: log.length - 1, clockMs: endMs, skippedMs: 0, ended: true };
  const cursor = Math.max(from.cursor, cursorAtTime(log, clockMs));
  const nextMs = log[cursor + 1]?.t ?? endMs;
  const skipped = skipQuietTime(clockMs, nextMs, speed);
  const skippedMs = skipped - clockMs;
  clockMs = skipped;
  return { cursor, clockMs, skippedMs, ended: false };
}
