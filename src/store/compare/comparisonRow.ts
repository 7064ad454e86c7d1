/**
 * One row of the comparison table: what a run did with its items, in the terms people compare
 * invocation types by — attempts, end-to-end latency, duplicates, where failures went, what was lost,
 * the concurrency peak and the cost.
 */
import type { ResultItem } from '../../engine/results';
import type { DeliveryTarget } from '../../engine/types';
import type { RunResults } from '../runSlice';

export interface ComparisonRow {
  items: number;
  succeeded: number;
  /** Attempts of all items, throttled ones included. */
  attempts: number;
  /** Median and slowest time from arrival to the item's end, over the items that ended. */
  latencyP50Ms: number | null;
  latencyMaxMs: number | null;
  /** Extra successful runs of the handler for an item that had already succeeded once. */
  duplicates: number;
  /** Failed items by where they ended up. */
  failuresTo: Partial<Record<DeliveryTarget | 'caller' | 'nowhere', number>>;
  /** Items that ended without success and without a record anywhere: the event is gone. */
  lost: number;
  concurrencyPeak: number;
  costUsd: number;
}

function percentile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

/** Where a failed item went: a destination or DLQ that received it, the caller that got the error, or nowhere. */
function failureTarget(item: ResultItem): DeliveryTarget | 'caller' | 'nowhere' {
  const delivered = item.deliveries.find((d) => d.delivered && d.target !== 'on-success');
  if (delivered) return delivered.target;
  return item.kind === 'sync' ? 'caller' : 'nowhere';
}

function extraSuccesses(item: ResultItem): number {
  const successes = item.attempts.filter((a) => a.result === 'success').length;
  return Math.max(0, successes - 1);
}

/** The comparison row of a finished run. */
export function comparisonRow(results: RunResults): ComparisonRow {
  const latencies: number[] = [];
  const failuresTo: ComparisonRow['failuresTo'] = {};
  let attempts = 0;
  let succeeded = 0;
  let duplicates = 0;
  let lost = 0;
  for (const item of results.items) {
    attempts += item.attempts.length;
    duplicates += extraSuccesses(item);
    if (item.endedMs !== null) latencies.push(item.endedMs - item.arrivedMs);
    if (item.outcome === 'succeeded') {
      succeeded += 1;
      continue;
    }
    if (item.outcome === 'in-flight') continue;
    const target = failureTarget(item);
    failuresTo[target] = (failuresTo[target] ?? 0) + 1;
    if (target === 'nowhere') lost += 1;
  }
  latencies.sort((a, b) => a - b);
  return {
    items: results.items.length,
    succeeded,
    attempts,
    latencyP50Ms: percentile(latencies, 0.5),
    latencyMaxMs: latencies.at(-1) ?? null,
    duplicates,
    failuresTo,
    lost,
    concurrencyPeak: results.metrics.ConcurrentExecutionsMax,
    costUsd: results.metrics.CostUSD,
  };
}
