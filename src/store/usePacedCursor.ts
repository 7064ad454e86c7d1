/**
 * The player's cursor for views that summarise the run (its tables, metrics and cost): at once while the
 * player is paused or stepping, and at most every `intervalMs` while it plays, so a run played at speed
 * redraws its tables a few times a second rather than at every event, and the frame budget goes to the
 * diagram. The latest cursor is always shown within `intervalMs` (a trailing update).
 */
import { useEffect, useState } from 'react';
import { useSimStoreApi } from './useSimStore';

/** How often the summarising views follow the cursor while the player plays. */
export const PACED_INTERVAL_MS = 250;

export function usePacedCursor(intervalMs = PACED_INTERVAL_MS): number {
  const store = useSimStoreApi();
  const [cursor, setCursor] = useState(() => store.getState().cursor);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let shownAt = Number.NEGATIVE_INFINITY;
    const show = () => {
      timer = null;
      shownAt = performance.now();
      setCursor(store.getState().cursor);
    };
    show();
    const unsubscribe = store.subscribe((s, previous) => {
      if (s.cursor === previous.cursor && s.playing === previous.playing) return;
      if (!s.playing) {
        if (timer !== null) clearTimeout(timer);
        show();
        return;
      }
      if (timer !== null) return;
      const wait = shownAt + intervalMs - performance.now();
      if (wait <= 0) show();
      else timer = setTimeout(show, wait);
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [store, intervalMs]);
  return cursor;
}
