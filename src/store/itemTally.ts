/**
 * How many items had arrived by a moment, and how many of them had each outcome then, without
 * visiting every item: a run can have 100,000 messages and the player asks every frame. Sorted arrival
 * and end times, built once per run, answer by binary search.
 */
import type { ResultItem } from '../engine/results';
import type { ItemOutcome } from '../engine/types';

interface TallyIndex {
  arrivals: number[];
  /** Final outcome → sorted end times of the items that ended with it. */
  ends: Map<ItemOutcome, number[]>;
}

const indexes = new WeakMap<readonly ResultItem[], TallyIndex>();

function indexOf(items: readonly ResultItem[]): TallyIndex {
  const known = indexes.get(items);
  if (known) return known;
  const ends = new Map<ItemOutcome, number[]>();
  for (const item of items) {
    if (item.endedMs === null) continue;
    const list = ends.get(item.outcome) ?? [];
    list.push(item.endedMs);
    ends.set(item.outcome, list);
  }
  for (const list of ends.values()) list.sort((a, b) => a - b);
  const index = { arrivals: items.map((i) => i.arrivedMs).sort((a, b) => a - b), ends };
  indexes.set(items, index);
  return index;
}

/** How many values of a sorted list are ≤ ms. */
function countUpTo(sorted: readonly number[], ms: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface OutcomeTally {
  /** Items that had arrived by then. */
  arrived: number;
  /** Outcome at that moment → items (in flight: arrived and not ended yet). Zero counts are left out. */
  counts: Map<ItemOutcome, number>;
}

/** Items by outcome as they stood at `atMs`. */
export function outcomeTallyAt(items: readonly ResultItem[], atMs: number): OutcomeTally {
  const { arrivals, ends } = indexOf(items);
  const arrived = countUpTo(arrivals, atMs);
  const counts = new Map<ItemOutcome, number>();
  let ended = 0;
  for (const [outcome, list] of ends) {
    const n = countUpTo(list, atMs);
    if (n > 0) counts.set(outcome, n);
    ended += n;
  }
  if (arrived > ended) counts.set('in-flight', arrived - ended);
  return { arrived, counts };
}

/** An item's outcome at `atMs` (null before it arrived): cheap, without building its state. */
export function outcomeAt(item: ResultItem, atMs: number): ItemOutcome | null {
  if (item.arrivedMs > atMs) return null;
  return item.endedMs !== null && item.endedMs <= atMs ? item.outcome : 'in-flight';
}
