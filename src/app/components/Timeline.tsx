/**
 * The event log as a table: simulated time, item, what happened (in words, with the source article's
 * step), and the rule behind it as a link to AWS's documentation. Long logs show the first rows, and all
 * of them on request; big tables render lazily, a group of rows at a time, near the viewport.
 */
import { useMemo, useState } from 'react';
import { RULES, type RuleInfo } from '../../engine/rules';
import type { SimEvent } from '../../engine/types';
import { describeEventParts } from '../describeEvent';
import { formatClock, formatCount, formatDuration, formatOffset, plural } from '../format';
import { timelineRows, type TimelineRow } from '../timelineRows';
import { LazyRowGroup } from './LazyRowGroup';

/** Rows rendered before "Show all". */
export const FIRST_ROWS = 2000;
/** Rows per lazily rendered group. */
const GROUP = 100;
/** Tables with more rows than this render lazily. */
const LAZY_OVER = 300;
const ROW_PX = 80;

const rules = RULES as Record<string, RuleInfo>;

function RuleLink({ rule }: { rule: string }) {
  const info = rules[rule];
  if (!info) return <span className="rule-section">{rule}</span>;
  return (
    <a className="rule-link" href={info.url} target="_blank" rel="noreferrer">
      <span className="rule-section">{info.section}</span> <span className="rule-title">{info.title}</span>
      <span className="visually-hidden"> (AWS documentation, opens in a new tab)</span>
    </a>
  );
}

function EventRow({ event }: { event: SimEvent }) {
  const { step, text } = describeEventParts(event);
  const ids = [event.type, event.invocation, event.env].filter(Boolean).join(' · ');
  return (
    <tr data-seq={event.seq} data-type={event.type}>
      <th scope="row" className="col-time">
        <span className="t-offset">{formatOffset(event.t)}</span>
        <span className="t-clock">{formatClock(event.t)}</span>
      </th>
      <td className="col-item">
        {event.item ? <code>{event.item}</code> : <span className="muted">—</span>}
      </td>
      <td className="col-what">
        {step && <span className="step">{step}</span>}
        <span className="what-text">{text}</span>
        <span className="cell-detail mono">{ids}</span>
      </td>
      <td className="col-rule">
        <RuleLink rule={event.rule} />
      </td>
    </tr>
  );
}

function Row({ row }: { row: TimelineRow }) {
  if (row.kind === 'event') return <EventRow event={row.event} />;
  return (
    <tr className="gap-row">
      <td colSpan={4}>
        <span aria-hidden="true">… </span>
        {formatDuration(row.gapMs)} later
      </td>
    </tr>
  );
}

function rowKey(row: TimelineRow): string {
  return row.kind === 'event' ? String(row.event.seq) : `gap-${row.beforeSeq}`;
}

export function Timeline({ log }: { log: readonly SimEvent[] }) {
  const [showAll, setShowAll] = useState(false);
  const shownEvents = showAll ? log.length : Math.min(FIRST_ROWS, log.length);

  const groups = useMemo(() => {
    const rows = timelineRows(log.slice(0, shownEvents));
    const out: TimelineRow[][] = [];
    for (let i = 0; i < rows.length; i += GROUP) out.push(rows.slice(i, i + GROUP));
    return { out, lazy: rows.length > LAZY_OVER };
  }, [log, shownEvents]);

  const endT = log.length ? log[log.length - 1]!.t : 0;

  return (
    <section className="panel timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline</h2>
      <div className="table-scroll">
        <table className="timeline-table">
          <caption>
            {plural(log.length, 'event')} over {formatDuration(endT)} of simulated time
            {shownEvents < log.length ? ` (the first ${formatCount(shownEvents)} are listed)` : ''}. Times
            count from the start of the run; rows marked “later” skip quiet time.
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
          {groups.out.map((rows, i) => (
            <LazyRowGroup
              key={i}
              colSpan={4}
              rowCount={rows.length}
              rowPx={ROW_PX}
              eager={!groups.lazy || i === 0}
            >
              {rows.map((row) => (
                <Row key={rowKey(row)} row={row} />
              ))}
            </LazyRowGroup>
          ))}
        </table>
      </div>
      {shownEvents < log.length && (
        <p className="more">
          Showing the first {formatCount(shownEvents)} of {formatCount(log.length)} events.{' '}
          <button type="button" className="button-secondary" onClick={() => setShowAll(true)}>
            Show all {formatCount(log.length)} events
          </button>
        </p>
      )}
    </section>
  );
}
