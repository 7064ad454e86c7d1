/**
 * The event log as a table, up to the player's cursor: simulated time, item, what happened (in words,
 * with the source article's step), and the rule behind it as a link to AWS's documentation. The current
 * event is highlighted (aria-current) and, while playing, kept in view. Long logs list the first rows,
 * and all of them on request; big tables render lazily, a group of rows at a time, near the viewport.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { SimEvent } from '../../engine/types';
import { formatCount, formatDuration, plural } from '../format';
import { timelineRows } from '../timelineRows';
import { usePrefersReducedMotion } from '../usePrefersReducedMotion';
import { TimelineRowGroup } from './TimelineRows';

/** Rows rendered before "Show all". */
export const FIRST_ROWS = 2000;
/** Rows per lazily rendered group. */
const GROUP = 100;
/** Tables with more rows than this render lazily. */
const LAZY_OVER = 300;
const ROW_PX = 80;

interface Props {
  log: readonly SimEvent[];
  /** Index of the last event shown; -1 before the first. */
  cursor: number;
  playing: boolean;
  selectedItem: string | null;
}

/** All rows of the listed events, and for each event the index of its row. */
function layoutOf(log: readonly SimEvent[], listed: number) {
  const rows = timelineRows(log.slice(0, listed));
  const rowOfEvent = new Int32Array(listed);
  let e = 0;
  rows.forEach((row, i) => {
    if (row.kind === 'event') rowOfEvent[e++] = i;
  });
  return { rows, rowOfEvent };
}

/**
 * Whether any part of the element is on screen, kept by an IntersectionObserver: asking the layout on
 * every cursor move would force a layout of the page on every frame while playing.
 */
function useOnScreen(ref: React.RefObject<Element | null>): React.RefObject<boolean> {
  const visible = useRef(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') {
      visible.current = true; // no observer: check the rows as before
      return;
    }
    const observer = new IntersectionObserver((entries) => {
      for (const entry of entries) visible.current = entry.isIntersecting;
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return visible;
}

/** Whether all of `row` is on screen below the sticky player (scrolling would only cost a layout). */
function fullyInView(row: Element): boolean {
  const r = row.getBoundingClientRect();
  const playerBottom = document.querySelector('.player')?.getBoundingClientRect().bottom ?? 0;
  return r.top >= Math.max(0, playerBottom) && r.bottom <= window.innerHeight;
}

export function Timeline({ log, cursor, playing, selectedItem }: Props) {
  const [showAll, setShowAll] = useState(false);
  const listed = showAll ? log.length : Math.min(FIRST_ROWS, log.length);
  const layout = useMemo(() => layoutOf(log, listed), [log, listed]);
  const shownEvents = Math.min(cursor + 1, listed);
  const shownRows = shownEvents > 0 ? layout.rowOfEvent[shownEvents - 1]! + 1 : 0;
  const currentSeq = cursor >= 0 && cursor < listed ? log[cursor]!.seq : -1;
  const currentRow = cursor >= 0 && cursor < listed ? layout.rowOfEvent[cursor]! : -1;
  const lazy = layout.rows.length > LAZY_OVER;

  // Keep the current event in view while the table is on screen (never pull the page away from the diagram).
  const tableRef = useRef<HTMLTableElement>(null);
  const lastCursor = useRef(cursor);
  const reducedMotion = usePrefersReducedMotion();
  const tableOnScreen = useOnScreen(tableRef);
  useEffect(() => {
    if (lastCursor.current === cursor) return;
    lastCursor.current = cursor;
    const table = tableRef.current;
    if (!table || !tableOnScreen.current) return;
    const row = table.querySelector('tr[aria-current]');
    if (!row || fullyInView(row)) return;
    row.scrollIntoView({ block: 'nearest', behavior: reducedMotion || !playing ? 'auto' : 'smooth' });
  }, [cursor, playing, reducedMotion, tableOnScreen]);

  const endT = log.length ? log[log.length - 1]!.t : 0;
  const groups = [];
  for (let start = 0; start < shownRows; start += GROUP) {
    const end = Math.min(start + GROUP, shownRows);
    const hasCurrent = currentRow >= start && currentRow < end;
    groups.push(
      <TimelineRowGroup
        key={start}
        rows={layout.rows}
        start={start}
        end={end}
        size={GROUP}
        currentSeq={hasCurrent ? currentSeq : -1}
        selectedItem={selectedItem}
        eager={!lazy || start === 0 || hasCurrent}
        rowPx={ROW_PX}
      />,
    );
  }

  return (
    <section className="panel timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline</h2>
      <div className="table-scroll">
        <table className="timeline-table" ref={tableRef}>
          <caption>
            {plural(log.length, 'event')} over {formatDuration(endT)} of simulated time
            {cursor + 1 < log.length ? `; the player has shown ${formatCount(cursor + 1)} so far` : ''}
            {listed < log.length ? ` (the first ${formatCount(listed)} are listed)` : ''}. Times count from
            the start of the run; rows marked “later” skip quiet time.
          </caption>
          <colgroup>
            <col className="col-time" />
            <col className="col-item" />
            <col className="col-what" />
            <col className="col-rule" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Item</th>
              <th scope="col">What happened</th>
              <th scope="col">Why (rule)</th>
            </tr>
          </thead>
          {groups}
        </table>
      </div>
      {cursor < 0 && log.length > 0 && (
        <p className="muted">No events yet: play or step forward to see them appear here.</p>
      )}
      {listed < log.length && (
        <p className="more">
          Showing the first {formatCount(listed)} of {formatCount(log.length)} events
          {cursor >= listed
            ? `; the player is at event ${formatCount(cursor + 1)}, further down the log`
            : ''}
          .{' '}
          <button type="button" className="button-secondary" onClick={() => setShowAll(true)}>
            Show all {formatCount(log.length)} events
          </button>
        </p>
      )}
    </section>
  );
}
