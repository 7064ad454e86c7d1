/**
 * Keeps each pane's store on the shared player: whenever the shared cursor, clock, speed or play state
 * changes, every pane shows its own events up to the shared cursor at the shared clock. Only the shared
 * store runs a playback loop; the panes follow it.
 */
import type { SimStore } from '../simStore';
import type { SimStoreState } from '../types';
import { paneCursor, type SharedTimeline } from './sharedTimeline';

/** Makes `panes` follow `shared`; returns the function that stops it. */
export function linkPanes(
  shared: SimStore,
  panes: readonly SimStore[],
  timeline: SharedTimeline,
): () => void {
  function follow(s: SimStoreState) {
    panes.forEach((pane, p) => {
      const cursor = paneCursor(timeline, p, s.cursor);
      const now = pane.getState();
      if (
        now.cursor === cursor &&
        now.clockMs === s.clockMs &&
        now.playing === s.playing &&
        now.speed === s.speed
      )
        return;
      pane.setState({ cursor, clockMs: s.clockMs, playing: s.playing, speed: s.speed, lastSkip: null });
    });
  }
  follow(shared.getState());
  return shared.subscribe(follow);
}
