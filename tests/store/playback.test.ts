/** The player's pure arithmetic: cursor lookup, speeds, one frame of playback, skipping quiet time. */
import { describe, expect, it } from 'vitest';
import {
  QUIET_REAL_MS,
  SKIP_LEAD_REAL_MS,
  SPEEDS,
  advancePlayback,
  cursorAtTime,
  fasterSpeed,
  nearestSpeed,
  runEndMs,
  skipQuietTime,
  slowerSpeed,
} from '../../src/store/playback';
import { presetRun } from './fixtures';

const { log, results } = presetRun('default');
const endMs = runEndMs(log, results.endMs);

describe('cursorAtTime', () => {
  it('is the last event at or before the moment, -1 before the first', () => {
    expect(cursorAtTime(log, -1)).toBe(-1);
    expect(cursorAtTime(log, 0)).toBe(3); // four events at t = 0
    expect(cursorAtTime(log, 12)).toBe(3);
    expect(cursorAtTime(log, 61_063)).toBe(11); // attempt 2 starts
    expect(cursorAtTime(log, 61_062)).toBe(9); // waiting for the retry
    expect(cursorAtTime(log, endMs)).toBe(log.length - 1);
    expect(cursorAtTime([], 100)).toBe(-1);
  });

  it('agrees with a linear scan at every event time', () => {
    for (const e of log) {
      const linear = log.reduce((last, x, i) => (x.t <= e.t ? i : last), -1);
      expect(cursorAtTime(log, e.t)).toBe(linear);
    }
  });
});

describe('speeds', () => {
  it('run from 0.1× to 1000× in order', () => {
    expect(SPEEDS[0]).toBe(0.1);
    expect(SPEEDS.at(-1)).toBe(1000);
    expect([...SPEEDS].sort((a, b) => a - b)).toEqual([...SPEEDS]);
  });

  it('faster and slower stop at the bounds', () => {
    expect(fasterSpeed(1)).toBe(2);
    expect(slowerSpeed(1)).toBe(0.5);
    expect(fasterSpeed(1000)).toBe(1000);
    expect(slowerSpeed(0.1)).toBe(0.1);
  });

  it('snaps any number to the nearest allowed speed', () => {
    expect(nearestSpeed(3)).toBe(2);
    expect(nearestSpeed(4)).toBe(5);
    expect(nearestSpeed(1e9)).toBe(1000);
    expect(nearestSpeed(-5)).toBe(0.1);
  });
});

describe('skipQuietTime', () => {
  it('leaves short waits alone', () => {
    expect(skipQuietTime(1_000, 1_000 + QUIET_REAL_MS, 1)).toBe(1_000);
    // 60 s at 1000× is 60 ms of real time: it plays.
    expect(skipQuietTime(1_063, 61_063, 1000)).toBe(1_063);
  });

  it('jumps a 60 s retry wait at 1× to just before the retry', () => {
    expect(skipQuietTime(1_063, 61_063, 1)).toBe(61_063 - SKIP_LEAD_REAL_MS);
  });

  it('lands the same real time before the event at any speed', () => {
    const at = skipQuietTime(0, 6 * 3_600_000, 100);
    expect((6 * 3_600_000 - at) / 100).toBe(SKIP_LEAD_REAL_MS);
  });
});

describe('advancePlayback', () => {
  it('moves the clock by speed × real time and the cursor over the events passed', () => {
    const next = advancePlayback(log, endMs, { cursor: 3, clockMs: 0 }, 1, 20);
    expect(next).toEqual({ cursor: 6, clockMs: 20, skippedMs: 0, ended: false }); // events at 13 ms shown
  });

  it('skips the quiet minute after the first failure and reports how much was skipped', () => {
    const next = advancePlayback(log, endMs, { cursor: 9, clockMs: 1_063 }, 1, 16);
    expect(next.cursor).toBe(9);
    expect(next.clockMs).toBe(61_063 - SKIP_LEAD_REAL_MS);
    expect(next.skippedMs).toBe(61_063 - SKIP_LEAD_REAL_MS - 1_079);
  });

  it('does not skip at 1000×, where the wait lasts 60 ms', () => {
    const next = advancePlayback(log, endMs, { cursor: 9, clockMs: 1_063 }, 1000, 16);
    expect(next).toEqual({ cursor: 9, clockMs: 17_063, skippedMs: 0, ended: false });
  });

  it('stops at the end with every event shown', () => {
    const next = advancePlayback(log, endMs, { cursor: 14, clockMs: 181_863 }, 1000, 100);
    expect(next).toEqual({ cursor: log.length - 1, clockMs: endMs, skippedMs: 0, ended: true });
  });

  it('keeps a cursor that stepped into a millisecond, and finishes that millisecond', () => {
    const next = advancePlayback(log, endMs, { cursor: 0, clockMs: 0 }, 1, 0);
    expect(next.cursor).toBe(3);
  });

  it('plays a whole run in frames, showing every event once and in order', () => {
    let pos = { cursor: -1, clockMs: 0 };
    const seen: number[] = [];
    for (let frame = 0; frame < 10_000; frame++) {
      const next = advancePlayback(log, endMs, pos, 1, 16);
      for (let i = pos.cursor + 1; i <= next.cursor; i++) seen.push(i);
      expect(next.clockMs).toBeGreaterThanOrEqual(pos.clockMs);
      pos = next;
      if (next.ended) break;
    }
    expect(seen).toEqual(log.map((_, i) => i));
    expect(pos.clockMs).toBe(endMs);
  });
});
