/**
 * Keeps `t=<ms>` in the address bar in step with the player while it is paused, so a link opens at the
 * moment the sender was looking at; at the end of the run (the default) `t` is removed. Nothing is
 * written while playing (no replaceState per frame), and writes wait for scrubbing to settle. After a
 * failed run the previous run stays playable, and its moment still goes to the address bar.
 */
import { useEffect } from 'react';
import { simStore, type SimStore } from '../store/simStore';
import { cursorAtTime } from '../store/playback';
import { selectAtEnd } from '../store/selectors';
import { writeUrlTime } from './urlState';

const SETTLE_MS = 300;

export function useUrlTime(store: SimStore = simStore): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.status === 'loading' || s.playing) return;
      // A failed run puts the moment of the run still shown back in the address bar (a new run had
      // removed it): that is where Try again opens.
      const failed = s.status === 'error' && prev.status !== 'error';
      const moved = s.cursor !== prev.cursor || s.clockMs !== prev.clockMs || prev.playing || failed;
      if (!moved) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        const now = store.getState();
        if (now.status === 'loading' || now.playing || now.results === null) return;
        // Stepping through events of one millisecond leaves the cursor before the last of them: say which.
        const exact = now.cursor >= 0 && cursorAtTime(now.log, now.clockMs) !== now.cursor;
        writeUrlTime(selectAtEnd(now) ? null : now.clockMs, exact ? now.cursor : undefined);
      }, SETTLE_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [store]);
}
