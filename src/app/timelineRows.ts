/** The timeline's rows: the log's events, with a gap row wherever simulated time jumps. Pure. */
import type { SimEvent } from '../engine/types';

/** A jump in simulated time at least this long gets its own "… 58 s later" row. */
export const GAP_MS = 5000;

export type TimelineRow =
  { kind: 'event'; event: SimEvent } | { kind: 'gap'; gapMs: number; beforeSeq: number };

/** Rows for `events`; `previousT` is the time of the event just before them (for chunked rendering). */
export function timelineRows(events: readonly SimEvent[], previousT: number | null = null): TimelineRow[] {
  const rows: TimelineRow[] = [];
  let last = previousT;
  for (const event of events) {
    if (last !== null && event.t - last >= GAP_MS)
      rows.push({ kind: 'gap', gapMs: event.t - last, beforeSeq: event.seq });
    rows.push({ kind: 'event', event });
    last = event.t;
  }
  return rows;
}
