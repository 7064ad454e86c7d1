/**
 * Everything the page shows, derived from the run (results + log) and the player's position. Pure:
 * the same (results, log, cursor) always gives the same view, so going back shows exactly what going
 * forward showed.
 *
 * Items, deliveries and metrics are shown "at the clock". Every change to an item happens at the time
 * of a logged event, so between two events nothing changes: the state at the clock equals the state at
 * the time of the last shown event (`shownMs`). Components key on that, not on the clock, so they
 * re-render when an event is shown rather than every animation frame. Facts that share one millisecond
 * appear together, even while stepping through that millisecond's events one by one.
 */
import type { ResultItem, ResultMetrics } from '../engine/results';
import type { SimEvent } from '../engine/types';
import { metricsAt } from '../metrics/metricsAt';
import { runEndMs } from './playback';
import type { SimStoreState } from './types';

export { metricsAt };

/** Simulated time of the last shown event; -1 before the first (nothing has happened yet). */
export function shownMs(log: readonly SimEvent[], cursor: number): number {
  return cursor < 0 ? -1 : (log[Math.min(cursor, log.length - 1)]?.t ?? -1);
}

/**
 * One item as it stood at `atMs`: null before it arrived; its final state once it ended; otherwise
 * in flight, with the attempts started by then (an unfinished one in flight) and the deliveries made.
 */
export function itemStateAt(item: ResultItem, atMs: number): ResultItem | null {
  if (item.arrivedMs > atMs) return null;
  const ended = item.endedMs !== null && item.endedMs <= atMs;
  const later = (ms: number | null) => ms === null || ms > atMs;
  if (ended && !item.attempts.some((a) => later(a.endMs)) && !item.deliveries.some((d) => d.atMs > atMs))
    return item; // the final state: keep the object, so views can tell nothing changed
  const attempts = item.attempts
    .filter((a) => a.startMs <= atMs)
    .map((a) => (later(a.endMs) ? { ...a, endMs: null, result: 'in-flight' as const } : a));
  const state: ResultItem = {
    ...item,
    outcome: ended ? item.outcome : 'in-flight',
    endedMs: ended ? item.endedMs : null,
    attempts,
    deliveries: item.deliveries.filter((d) => d.atMs <= atMs),
  };
  // A caller's answer comes at the end, except the 202 Accepted of an async event, which comes at once.
  const accepted = item.kind === 'async' && item.response?.statusCode === 202;
  if (!ended && !accepted) delete state.response;
  return state;
}

/** Every item that had arrived by `atMs`, as it stood then, in the results' order. */
export function itemStatesAt(items: readonly ResultItem[], atMs: number): ResultItem[] {
  const out: ResultItem[] = [];
  for (const item of items) {
    const state = itemStateAt(item, atMs);
    if (state) out.push(state);
  }
  return out;
}

export type DeliveryView = ResultItem['deliveries'][number] & { item: string; key: string };

const allDeliveries = new WeakMap<readonly ResultItem[], DeliveryView[]>();

/** Records destinations and dead-letter queues had received by `atMs`, item by item. */
export function deliveriesAt(items: readonly ResultItem[], atMs: number): DeliveryView[] {
  let all = allDeliveries.get(items);
  if (!all) {
    all = items.flatMap((item) =>
      item.deliveries.map((d, i) => ({ ...d, item: item.id, key: `${item.id}#${i}` })),
    );
    allDeliveries.set(items, all);
  }
  return all.filter((d) => d.atMs <= atMs);
}

// ---- Selectors over the store's state ---------------------------------------------------------

/** The time of the last shown event (see `shownMs`). */
export const selectShownMs = (s: SimStoreState): number => shownMs(s.log, s.cursor);

/** Where the run ends in simulated time. */
export const selectEndMs = (s: SimStoreState): number => runEndMs(s.log, s.results?.endMs);

/** The events shown: the log up to and including the cursor. */
export const selectShownEvents = (s: SimStoreState): SimEvent[] => s.log.slice(0, s.cursor + 1);

/** The event at the cursor, or null before the first. */
export const selectCurrentEvent = (s: SimStoreState): SimEvent | null =>
  s.cursor >= 0 ? (s.log[s.cursor] ?? null) : null;

/** Whether the whole run is shown. */
export const selectAtEnd = (s: SimStoreState): boolean =>
  s.cursor >= s.log.length - 1 && s.clockMs >= selectEndMs(s);

/** Each item's state at the clock. */
export const selectItemStates = (s: SimStoreState): ResultItem[] =>
  s.results ? itemStatesAt(s.results.items, selectShownMs(s)) : [];

/** Deliveries made by the clock. */
export const selectDeliveries = (s: SimStoreState): DeliveryView[] =>
  s.results ? deliveriesAt(s.results.items, selectShownMs(s)) : [];

/** Metrics at the clock (counted from the shown events). */
export const selectMetrics = (s: SimStoreState): ResultMetrics | null =>
  s.results ? metricsAt(s.results, s.log, s.cursor) : null;
