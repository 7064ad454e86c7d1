/**
 * What had happened to every item by the player's moment: outcome (icon and word), attempts, the
 * response, where it was delivered. Items appear as they arrive; until an item ends it is in flight.
 */
import { useState } from 'react';
import type { ResultItem } from '../../engine/results';
import type { ItemOutcome } from '../../engine/types';
import { outcomeAt, outcomeTallyAt } from '../../store/itemTally';
import { itemStateAt, itemStatesAt } from '../../store/selectors';
import { useSimStoreApi } from '../../store/useSimStore';
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
  if (!r) return <span className="muted">{item.outcome === 'in-flight' ? 'not yet' : 'none'}</span>;
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
  if (item.deliveries.length === 0 && item.outcome === 'in-flight' && item.kind === 'async')
    return <span className="muted">nothing yet</span>;
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
 * Up to FIRST_ITEMS items as they stood at `atMs`, the first ones of each outcome, in their original
 * order: in a burst of 3,000 the first 50 all succeed, and the throttled ones are the lesson. Stops
 * scanning once every outcome has its share, so a 100,000-item run stays cheap while playing.
 */
function sampleItemsAt(items: readonly ResultItem[], atMs: number, counts: Map<ItemOutcome, number>) {
  const perOutcome = Math.floor(FIRST_ITEMS / Math.max(1, counts.size));
  const wanted = new Map([...counts].map(([o, n]) => [o, Math.min(n, perOutcome)]));
  let missing = [...wanted.values()].reduce((a, b) => a + b, 0);
  const out: ResultItem[] = [];
  for (const item of items) {
    if (missing === 0) break;
    const outcome = outcomeAt(item, atMs);
    const want = outcome === null ? 0 : (wanted.get(outcome) ?? 0);
    if (outcome === null || want === 0) continue;
    wanted.set(outcome, want - 1);
    missing -= 1;
    out.push(itemStateAt(item, atMs)!);
  }
  return out;
}

function ItemCell({ item, selected }: { item: ResultItem; selected: boolean }) {
  const simStore = useSimStoreApi();
  return (
    <th scope="row">
      <button
        type="button"
        className="item-toggle"
        aria-pressed={selected}
        title={selected ? 'Stop highlighting its events' : 'Highlight its events in the timeline'}
        onClick={() => simStore.getState().toggleItem(item.id)}
      >
        <code>{item.id}</code>
      </button>
      <span className="cell-detail">
        {isPolledKind(item.kind)
          ? `${itemKindName(item.kind)} in ${item.source}, read by an event source mapping`
          : `${itemKindName(item.kind)} from ${callerName(item.caller)}`}
      </span>
    </th>
  );
}

function ItemRow({ item, selected }: { item: ResultItem; selected: boolean }) {
  return (
    <tr data-item={item.id} className={selected ? 'is-selected-item' : undefined}>
      <ItemCell item={item} selected={selected} />
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

interface Props {
  /** Every item of the run, as the run ended. */
  items: readonly ResultItem[];
  /** The moment to show (see selectors' `shownMs`): -1 before the first event. */
  atMs: number;
  selectedItem: string | null;
}

export function ItemsSummary({ items, atMs, selectedItem }: Props) {
  const [showAll, setShowAll] = useState(false);
  const { arrived, counts } = outcomeTallyAt(items, atMs);
  const outcomes = [...counts.keys()].sort((a, b) => OUTCOME_ORDER.indexOf(a) - OUTCOME_ORDER.indexOf(b));
  const shown =
    showAll || arrived <= FIRST_ITEMS ? itemStatesAt(items, atMs) : sampleItemsAt(items, atMs, counts);
  const groups: ResultItem[][] = [];
  for (let i = 0; i < shown.length; i += GROUP) groups.push(shown.slice(i, i + GROUP));

  return (
    <section className="panel" aria-labelledby="items-title">
      <h2 id="items-title">What happened to each item</h2>
      <p className="tally">
        <span className="visually-hidden">Outcomes: </span>
        {outcomes.map((o) => (
          <OutcomeBadge key={o} outcome={o} count={counts.get(o)} />
        ))}
        {arrived < items.length && (
          <span className="tally-note">
            {arrived === 0
              ? `Nothing has arrived yet (${plural(items.length, 'item')} will).`
              : `${formatCount(arrived)} of ${plural(items.length, 'item')} have arrived so far.`}
          </span>
        )}
      </p>
      <div className="table-scroll" hidden={arrived === 0}>
        <table className="items-table">
          <caption className="visually-hidden">
            Outcome, attempts, response and deliveries for each of the {plural(arrived, 'item')}
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
                <ItemRow key={item.id} item={item} selected={item.id === selectedItem} />
              ))}
            </LazyRowGroup>
          ))}
        </table>
      </div>
      {shown.length < arrived && (
        <p className="more">
          Showing {formatCount(shown.length)} of {formatCount(arrived)} items: the first of each outcome.{' '}
          <button type="button" className="button-secondary" onClick={() => setShowAll(true)}>
            Show all {formatCount(arrived)} items
          </button>
        </p>
      )}
    </section>
  );
}
