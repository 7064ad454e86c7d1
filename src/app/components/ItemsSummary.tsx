/** What happened to every item: outcome (icon and word), attempts, the response, where it was delivered. */
import { useState } from 'react';
import type { ResultItem } from '../../engine/results';
import { arnName, callerName, isPolledKind, itemKindName, targetName } from '../awsNames';
import { formatCount, plural } from '../format';
import { OUTCOME_ORDER } from '../outcomes';
import { LazyRowGroup } from './LazyRowGroup';
import { OutcomeBadge } from './OutcomeBadge';

/** Items listed before "Show all". */
const FIRST_ITEMS = 50;
/** Rows per lazily rendered group once all items are shown. */
const GROUP = 100;

const RESULT_WORDS: Record<string, [string, string]> = {
  success: ['success', 'successes'],
  error: ['error', 'errors'],
  timeout: ['timeout', 'timeouts'],
  throttled: ['throttled', 'throttled'],
  'in-flight': ['in flight', 'in flight'],
};

/** `5 throttled, 1 success`. */
function attemptBreakdown(item: ResultItem): string {
  const counts = new Map<string, number>();
  for (const a of item.attempts) counts.set(a.result, (counts.get(a.result) ?? 0) + 1);
  return [...counts]
    .map(([result, n]) => {
      const [one, many] = RESULT_WORDS[result] ?? [result, result];
      return `${formatCount(n)} ${n === 1 ? one : many}`;
    })
    .join(', ');
}

function ResponseCell({ item }: { item: ResultItem }) {
  const r = item.response;
  if (isPolledKind(item.kind)) return <span className="muted">no caller waits: a poller reads it</span>;
  if (!r) return <span className="muted">none</span>;
  if (r.statusCode === undefined) return <span className="muted">{r.errorType ?? 'no HTTP answer'}</span>;
  const details = [
    r.statusCode === 202 ? 'Accepted' : null,
    r.functionError ? `X-Amz-Function-Error: ${r.functionError}` : null,
    r.errorType ?? null,
    r.reason && r.reason !== r.errorType ? r.reason : null,
  ].filter((d): d is string => d !== null);
  return (
    <>
      <span className="status-code">{r.statusCode}</span>
      {details.length > 0 && <span className="cell-detail">{details.join(' · ')}</span>}
    </>
  );
}

function DeliveriesCell({ item }: { item: ResultItem }) {
  if (item.deliveries.length === 0) {
    // A synchronous caller gets the response itself; only async events have destinations.
    if (item.kind === 'sync') return <span className="muted">the caller (response)</span>;
    if (item.kind === 'sqs' && item.outcome === 'succeeded')
      return <span className="muted">deleted from the queue</span>;
    if (isPolledKind(item.kind) && item.outcome === 'succeeded')
      return <span className="muted">checkpointed</span>;
    return <span className="muted">no destination</span>;
  }
  return (
    <ul className="plain-list">
      {item.deliveries.map((d, i) => (
        <li key={i}>
          <strong>{targetName(d.target)}</strong>
          <span className="cell-detail">
            {arnName(d.destination)}
            {d.delivered ? '' : ` (not delivered${d.failure ? `: ${d.failure}` : ''})`}
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * Up to FIRST_ITEMS items, the first ones of each outcome, in their original order: in a burst of
 * 3,000 the first 50 all succeed, and the throttled ones are the lesson.
 */
function sampleItems(items: ResultItem[], outcomeCount: number): ResultItem[] {
  if (items.length <= FIRST_ITEMS) return items;
  const perOutcome = Math.floor(FIRST_ITEMS / Math.max(1, outcomeCount));
  const taken = new Map<string, number>();
  return items.filter((item) => {
    const n = taken.get(item.outcome) ?? 0;
    taken.set(item.outcome, n + 1);
    return n < perOutcome;
  });
}

function ItemRow({ item }: { item: ResultItem }) {
  return (
    <tr data-item={item.id}>
      <th scope="row">
        <code>{item.id}</code>
        <span className="cell-detail">
          {isPolledKind(item.kind)
            ? `${itemKindName(item.kind)} in ${item.source}, read by an event source mapping`
            : `${itemKindName(item.kind)} from ${callerName(item.caller)}`}
        </span>
      </th>
      <td>
        <OutcomeBadge outcome={item.outcome} />
      </td>
      <td>
        <span className="num">{item.attempts.length}</span>
        {item.attempts.length > 0 && <span className="cell-detail">{attemptBreakdown(item)}</span>}
      </td>
      <td>
        <ResponseCell item={item} />
      </td>
      <td>
        <DeliveriesCell item={item} />
      </td>
    </tr>
  );
}

export function ItemsSummary({ items }: { items: ResultItem[] }) {
  const [showAll, setShowAll] = useState(false);
  const tally = new Map<string, number>();
  for (const item of items) tally.set(item.outcome, (tally.get(item.outcome) ?? 0) + 1);
  const outcomes = [...tally.keys()].sort(
    (a, b) => OUTCOME_ORDER.indexOf(a as never) - OUTCOME_ORDER.indexOf(b as never),
  );
  const shown = showAll ? items : sampleItems(items, outcomes.length);
  const groups: ResultItem[][] = [];
  for (let i = 0; i < shown.length; i += GROUP) groups.push(shown.slice(i, i + GROUP));

  return (
    <section className="panel" aria-labelledby="items-title">
      <h2 id="items-title">What happened to each item</h2>
      <p className="tally">
        <span className="visually-hidden">Outcomes: </span>
        {outcomes.map((o) => (
          <OutcomeBadge key={o} outcome={o} count={tally.get(o)} />
        ))}
      </p>
      <div className="table-scroll">
        <table className="items-table">
          <caption className="visually-hidden">
            Outcome, attempts, response and deliveries for each of the {plural(items.length, 'item')}
          </caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Outcome</th>
              <th scope="col">Attempts</th>
              <th scope="col">Response</th>
              <th scope="col">Delivered to</th>
            </tr>
          </thead>
          {groups.map((group, i) => (
            <LazyRowGroup key={i} colSpan={5} rowCount={group.length} rowPx={64} eager={!showAll || i === 0}>
              {group.map((item) => (
                <ItemRow key={item.id} item={item} />
              ))}
            </LazyRowGroup>
          ))}
        </table>
      </div>
      {shown.length < items.length && (
        <p className="more">
          Showing {formatCount(shown.length)} of {formatCount(items.length)} items: the first of each outcome.{' '}
          <button type="button" className="button-secondary" onClick={() => setShowAll(true)}>
            Show all {formatCount(items.length)} items
          </button>
        </p>
      )}
    </section>
  );
}
