/**
 * The player's loop: while playing, one requestAnimationFrame tick per frame moves the store's clock by
 * speed × real elapsed time (the arithmetic, including skipping quiet time, is `advancePlayback` in
 * src/store/playback.ts). Nothing runs while paused.
 */
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { simStore, type SimStore } from '../store/simStore';

export { advancePlayback, skipQuietTime, QUIET_REAL_MS, SKIP_LEAD_REAL_MS } from '../store/playback';

/**
 * A frame longer than this counts as this long: after a background tab or a long task, the run
 * resumes where it was instead of leaping ahead.
 */
export const MAX_FRAME_MS = 100;

/** Runs the playback loop for `store` while it is playing. */
export function usePlayback(store: SimStore = simStore): void {
  const playing = useStore(store, (s) => s.playing);
  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    let frame = requestAnimationFrame(function tick(now: number) {
      const elapsed = Math.min(MAX_FRAME_MS, Math.max(0, now - last));
      last = now;
      store.getState().tick(elapsed);
      if (store.getState().playing) frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing, store]);
}
