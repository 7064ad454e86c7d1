/**
 * Metrics the worker built for a run, held for the page until the charts or the totals first ask: keyed
 * by the run's log array, and small on purpose, so the page's first load does not carry the code that
 * builds them (that code is in metricsSeries.ts and metricsAt.ts, loaded with what uses them).
 */
import type { SimEvent } from '../engine/types';
import type { MetricsCheckpoints } from './metricsAt';
import type { MetricsSeriesSet } from './metricsSeries';

export interface BuiltInWorker {
  metricsSeries?: MetricsSeriesSet | undefined;
  metricsCheckpoints?: MetricsCheckpoints | undefined;
}

const built = new WeakMap<readonly SimEvent[], BuiltInWorker>();

/** Keeps what the worker built for `log` (the fields of `from` named in BuiltInWorker; nothing else). */
export function keepBuiltInWorker(log: readonly SimEvent[], from: BuiltInWorker): void {
  const { metricsSeries, metricsCheckpoints } = from;
  if (metricsSeries || metricsCheckpoints) built.set(log, { metricsSeries, metricsCheckpoints });
}

/** What the worker built for `log`, if anything. */
export function builtInWorker(log: readonly SimEvent[]): BuiltInWorker | undefined {
  return built.get(log);
}
