/**
 * What a chart says in words (its text alternative): the peak and the period it fell in, the total for
 * a Sum, how many periods had data. Also the formatting of a value in its CloudWatch unit.
 */
import { formatCount, formatDuration } from '../../app/format';
import type { MetricSeries, MetricUnit } from '../../metrics/metricsSeries';
import { formatPeriod } from '../../metrics/period';

export interface SeriesSummary {
  /** The largest value, or null when no period has data. */
  max: number | null;
  /** Start (simulated ms) of the first period that reached it. */
  maxAtMs: number | null;
  /** The Sum over the run (Sum statistics only; null otherwise). */
  total: number | null;
  /** Periods with a data point. */
  points: number;
}

/** The peak, when it happened and the total of one series. */
export function summarizeSeries(series: MetricSeries, startsMs: Float64Array): SeriesSummary {
  let max: number | null = null;
  let maxAtMs: number | null = null;
  let total = 0;
  let points = 0;
  const { values } = series;
  for (let b = 0; b < values.length; b++) {
    const v = values[b]!;
    if (Number.isNaN(v)) continue;
    points += 1;
    total += v;
    if (max === null || v > max) {
      max = v;
      maxAtMs = startsMs[b]!;
    }
  }
  return { max, maxAtMs, total: series.statistic === 'Sum' ? total : null, points };
}

/** A value in its unit, for reading: `3`, `1.2 s`, `45 s`. */
export function formatMetricValue(value: number, unit: MetricUnit): string {
  if (unit === 'Milliseconds') return formatDuration(value);
  if (unit === 'Seconds') return formatDuration(value * 1000);
  return formatCount(value);
}

/** `Sum per 1 min` / `Maximum per 5 s`: the statistic and period a chart's title names. */
export function statisticLabel(series: MetricSeries, periodMs: number): string {
  return `${series.statistic} per ${formatPeriod(periodMs)}`;
}

/** One sentence for a screen reader: the metric, its statistic, its peak and when. */
export function describeSeries(series: MetricSeries, startsMs: Float64Array, periodMs: number): string {
  const s = summarizeSeries(series, startsMs);
  const head = `${series.metric}, ${statisticLabel(series, periodMs)}, in ${series.unit.toLowerCase()}`;
  if (s.max === null || s.maxAtMs === null) return `${head}: no data points in this run.`;
  const when = `the period starting at ${formatDuration(s.maxAtMs)}`;
  const peak = `peak ${formatMetricValue(s.max, series.unit)} in ${when}`;
  const total = s.total === null ? '' : `; ${formatMetricValue(s.total, series.unit)} in all`;
  return `${head}: ${peak}${total}; ${formatCount(s.points)} of ${formatCount(startsMs.length)} periods with data.`;
}
