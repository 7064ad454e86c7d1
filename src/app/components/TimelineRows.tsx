/** The timeline's rows: one per event (time, item, what happened, rule) and "… 60 s later" gap rows. */
import { memo } from 'react';
import { RULES, type RuleInfo } from '../../engine/rules';
import type { SimEvent } from '../../engine/types';
import { describeEventParts } from '../describeEvent';
import { formatClock, formatDuration, formatOffset } from '../format';
import type { TimelineRow } from '../timelineRows';
import { LazyRowGroup } from './LazyRowGroup';

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

interface EventRowProps {
  event: SimEvent;
  current: boolean;
  selected: boolean;
}

/** Memoised: while playing, rows already shown do not render again as new ones arrive. */
const EventRow = memo(function EventRow({ event, current, selected }: EventRowProps) {
  const { step, text } = describeEventParts(event);
  const ids = [event.type, event.invocation, event.env].filter(Boolean).join(' · ');
  const classes = [current ? 'is-current' : '', selected ? 'is-selected-item' : ''].filter(Boolean);
  return (
    <tr
      data-seq={event.seq}
      data-type={event.type}
      aria-current={current ? 'step' : undefined}
      className={classes.length ? classes.join(' ') : undefined}
    >
      <th scope="row" className="col-time">
        <span className="t-offset">{formatOffset(event.t)}</span>
        <span className="t-clock">{formatClock(event.t)}</span>
        {current && <span className="visually-hidden"> (current event)</span>}
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
});

function GapRow({ gapMs }: { gapMs: number }) {
  return (
    <tr className="gap-row">
      <td colSpan={4}>
        <span aria-hidden="true">… </span>
        {formatDuration(gapMs)} later
      </td>
    </tr>
  );
}

interface GroupProps {
  rows: readonly TimelineRow[];
  /** This group shows rows[start, end). */
  start: number;
  end: number;
  /** Full groups always have GROUP rows, for the height estimate before first render. */
  size: number;
  /** Seq of the current event if it is in this group, else -1. */
  currentSeq: number;
  selectedItem: string | null;
  eager: boolean;
  rowPx: number;
}

/**
 * One lazily rendered group of rows. Memoised: when the cursor moves, only the group that grows and the
 * groups that gain or lose the current event render again.
 */
export const TimelineRowGroup = memo(function TimelineRowGroup(props: GroupProps) {
  const { rows, start, end, size, currentSeq, selectedItem, eager, rowPx } = props;
  const shown = rows.slice(start, end);
  return (
    <LazyRowGroup colSpan={4} rowCount={Math.max(size, shown.length)} rowPx={rowPx} eager={eager}>
      {shown.map((row) =>
        row.kind === 'event' ? (
          <EventRow
            key={row.event.seq}
            event={row.event}
            current={row.event.seq === currentSeq}
            selected={selectedItem !== null && row.event.item === selectedItem}
          />
        ) : (
          <GapRow key={`gap-${row.beforeSeq}`} gapMs={row.gapMs} />
        ),
      )}
    </LazyRowGroup>
  );
});
