/**
 * What a sweep keeps of one run: the comparison table's numbers (src/store/compare/comparisonRow.ts)
 * plus the latency p95, written as one row of the sweep's columns. The run's results and log are
 * dropped once the row is written, so a sweep of 10,000 runs holds 10,000 rows and one simulation.
 */
import type { Results, ResultItem } from '../engine/results';
import { SWEEP_FIELDS, type SweepColumns, type SweepField } from '../protocol/messages';

/** Empty columns for `count` runs. */
export function sweepColumns(count: number): SweepColumns {
  const columns = {} as SweepColumns;
  for (const field of SWEEP_FIELDS) columns[field] = new Float64Array(count);
  return columns;
}

/** The buffers of the columns, to transfer them rather than copy them. */
export function sweepBuffers(columns: SweepColumns): ArrayBuffer[] {
  return SWEEP_FIELDS.map((f) => columns[f].buffer as ArrayBuffer);
}

/** Nearest-rank percentile, the same definition as the comparison table's. */
function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

type FailureField = 'toDlq' | 'toDestination' | 'toCaller' | 'lost';

/** Where a failed item went, as the comparison table decides it. */
function failureField(item: ResultItem): FailureField {
  const delivered = item.deliveries.find((d) => d.delivered && d.target !== 'on-success');
  if (delivered) return delivered.target === 'on-failure' ? 'toDestination' : 'toDlq';
  return item.kind === 'sync' ? 'toCaller' : 'lost';
}

/** One run's summary as a record of the sweep's fields. */
export function summariseRun(results: Omit<Results, 'log'>): Record<SweepField, number> {
  const latencies: number[] = [];
  const row: Record<SweepField, number> = {
    seed: results.seed,
    items: results.items.length,
    succeeded: 0,
    attempts: 0,
    toDlq: 0,
    toDestination: 0,
    toCaller: 0,
    lost: 0,
    duplicates: 0,
    latencyP50Ms: Number.NaN,
    latencyP95Ms: Number.NaN,
    latencyMaxMs: Number.NaN,
    concurrencyPeak: results.metrics.ConcurrentExecutionsMax,
    costUsd: results.metrics.CostUSD,
  };
  for (const item of results.items) {
    row.attempts += item.attempts.length;
    let successes = 0;
    for (const a of item.attempts) if (a.result === 'success') successes += 1;
    row.duplicates += Math.max(0, successes - 1);
    if (item.endedMs !== null) latencies.push(item.endedMs - item.arrivedMs);
    if (item.outcome === 'succeeded') row.succeeded += 1;
    else if (item.outcome !== 'in-flight') row[failureField(item)] += 1;
  }
  latencies.sort((a, b) => a - b);
  row.latencyP50Ms = percentile(latencies, 0.5);
  row.latencyP95Ms = percentile(latencies, 0.95);
  row.latencyMaxMs = latencies.at(-1) ?? Number.NaN;
  return row;
}

/** Writes one run's summary into row `index` of the columns. */
export function writeRun(columns: SweepColumns, index: number, results: Omit<Results, 'log'>): void {
  const row = summariseRun(results);
  for (const field of SWEEP_FIELDS) columns[field][index] = row[field];
}
