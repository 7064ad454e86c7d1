/**
 * One clock for several runs: the panes' logs merged into one timeline (by time, then pane order), so
 * the ordinary player can drive a comparison. Stepping the shared player shows the next event of any
 * pane; each pane then shows its own events up to that point.
 */
import type { SimEvent } from '../../engine/types';

export interface SharedTimeline {
  /** Every pane's events, in time order; at equal times, the earlier pane first. */
  log: SimEvent[];
  /** For each entry of `log`, the pane it came from. */
  pane: Uint8Array;
  /** For each pane, the positions in `log` of its events, in order. */
  positions: Int32Array[];
}

/** Merges the panes' logs (each already in time order) into one timeline. */
export function mergeTimelines(logs: readonly (readonly SimEvent[])[]): SharedTimeline {
  const total = logs.reduce((n, l) => n + l.length, 0);
  const log = new Array<SimEvent>(total);
  const pane = new Uint8Array(total);
  const positions = logs.map((l) => new Int32Array(l.length));
  const heads = logs.map(() => 0);
  for (let out = 0; out < total; out++) {
    let best = -1;
    let bestT = Infinity;
    for (let p = 0; p < logs.length; p++) {
      const event = logs[p]![heads[p]!];
      if (event !== undefined && event.t < bestT) {
        best = p;
        bestT = event.t;
      }
    }
    const i = heads[best]!;
    log[out] = logs[best]![i]!;
    pane[out] = best;
    positions[best]![i] = out;
    heads[best] = i + 1;
  }
  return { log, pane, positions };
}

/** The cursor of pane `p` when the shared cursor is `cursor`: its last event at or before it, or -1. */
export function paneCursor(timeline: SharedTimeline, p: number, cursor: number): number {
  const at = timeline.positions[p]!;
  let lo = 0;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (at[mid]! <= cursor) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** The shared cursor at which pane `p` shows its event `index` (for seeking from a pane). */
export function sharedCursor(timeline: SharedTimeline, p: number, index: number): number {
  return index < 0 ? -1 : (timeline.positions[p]![index] ?? timeline.log.length - 1);
}
