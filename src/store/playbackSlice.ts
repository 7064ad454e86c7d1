/**
 * The player: which event is the last one shown (`cursor`), the simulated time shown (`clockMs`),
 * whether it plays and how fast. Everything the page shows is derived from the log and these two
 * numbers, so stepping back shows exactly what stepping forward showed.
 *
 * Invariant: `cursor` is the last event with `t ≤ clockMs`, except while stepping through events that
 * share one millisecond (then the clock is their time and the cursor sits on one of them), and at -1
 * with the clock at 0 (nothing shown yet).
 */
import {
  DEFAULT_SPEED,
  advancePlayback,
  clampCursor,
  cursorAtTime,
  fasterSpeed,
  nearestSpeed,
  runEndMs,
  slowerSpeed,
  timeOfCursor,
  type Speed,
} from './playback';
import type { SimStoreState, SliceCreator } from './types';

export interface SkipNotice {
  /** Simulated time jumped over. */
  skippedMs: number;
  /** Counts skips, so two equal skips in a row are still two notices. */
  serial: number;
}

export interface PlaybackSlice {
  /** Index in the log of the last event shown; -1 before the first. */
  cursor: number;
  /** Simulated time shown, in ms since the start of the run. */
  clockMs: number;
  playing: boolean;
  speed: Speed;
  /** The last time the player skipped quiet time (for the transient "+58 s" notice). */
  lastSkip: SkipNotice | null;

  /** Plays from here; from the start again when at the end. */
  play(): void;
  pause(): void;
  toggle(): void;
  /** Pauses and shows the next event. */
  stepForward(): void;
  /** Pauses and hides the current event. */
  stepBack(): void;
  /** Pauses and moves the cursor by `n` events (negative: back). */
  jumpBy(n: number): void;
  jumpToStart(): void;
  /** Shows the whole run and stops. */
  jumpToEnd(): void;
  /** Moves the clock to `ms` and the cursor to the last event at or before it. */
  seekToTime(ms: number): void;
  /** Moves the cursor to event `index` and the clock to its time. */
  seekToEvent(index: number): void;
  /** Sets the speed (snapped to the nearest allowed speed). */
  setSpeed(speed: number): void;
  faster(): void;
  slower(): void;
  /** One animation frame while playing: `realElapsedMs` of wall time passed. */
  tick(realElapsedMs: number): void;
}

function endOf(s: SimStoreState): number {
  return runEndMs(s.log, s.results?.endMs);
}

/** State for the cursor on event `cursor`, clock at its time. */
function onEvent(s: SimStoreState, cursor: number) {
  const c = clampCursor(s.log, cursor);
  return { cursor: c, clockMs: timeOfCursor(s.log, c), lastSkip: null };
}

export const createPlaybackSlice: SliceCreator<PlaybackSlice> = (set, get) => ({
  cursor: -1,
  clockMs: 0,
  playing: false,
  speed: DEFAULT_SPEED,
  lastSkip: null,

  play: () =>
    set((s) => {
      if (s.log.length === 0) return {};
      const atEnd = s.cursor >= s.log.length - 1 && s.clockMs >= endOf(s);
      return atEnd ? { playing: true, cursor: -1, clockMs: 0, lastSkip: null } : { playing: true };
    }),
  pause: () => set({ playing: false }),
  toggle: () => (get().playing ? get().pause() : get().play()),

  stepForward: () => set((s) => ({ playing: false, ...onEvent(s, s.cursor + 1) })),
  stepBack: () => set((s) => ({ playing: false, ...onEvent(s, s.cursor - 1) })),
  jumpBy: (n) => set((s) => ({ playing: false, ...onEvent(s, s.cursor + n) })),
  jumpToStart: () => set({ cursor: -1, clockMs: 0, lastSkip: null }),
  jumpToEnd: () =>
    set((s) => ({ playing: false, cursor: s.log.length - 1, clockMs: endOf(s), lastSkip: null })),

  seekToTime: (ms) =>
    set((s) => {
      const clockMs = Math.max(0, Math.min(endOf(s), ms));
      return { clockMs, cursor: cursorAtTime(s.log, clockMs), lastSkip: null };
    }),
  seekToEvent: (index) => set((s) => onEvent(s, index)),

  setSpeed: (speed) => set({ speed: nearestSpeed(speed) }),
  faster: () => set((s) => ({ speed: fasterSpeed(s.speed) })),
  slower: () => set((s) => ({ speed: slowerSpeed(s.speed) })),

  tick: (realElapsedMs) =>
    set((s) => {
      if (!s.playing) return {};
      const next = advancePlayback(s.log, endOf(s), s, s.speed, realElapsedMs);
      return {
        cursor: next.cursor,
        clockMs: next.clockMs,
        playing: !next.ended,
        ...(next.skippedMs > 0
          ? { lastSkip: { skippedMs: next.skippedMs, serial: (s.lastSkip?.serial ?? 0) + 1 } }
          : {}),
      };
    }),
});
