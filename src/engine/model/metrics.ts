/**
 * Metrics with CloudWatch's names (§2.7), kept as totals and as one-second time series. Counters sum,
 * ConcurrentExecutions keeps the maximum, Duration and AsyncEventAge keep sum/count/max per bucket.
 */
export const COUNTER_METRICS = [
  'Invocations',
  'Errors',
  'Throttles',
  'AsyncEventsReceived',
  'AsyncEventsDropped',
  'DeadLetterErrors',
  'DestinationDeliveryFailures',
  'ProvisionedConcurrencySpilloverInvocations',
] as const;
export const STAT_METRICS = [
  'Duration',
  'AsyncEventAge',
  'ConcurrentExecutions',
  'ApproximateNumberOfMessagesVisible',
  'ApproximateNumberOfMessagesNotVisible',
  'ApproximateAgeOfOldestMessage',
  'IteratorAge',
] as const;

export type CounterMetric = (typeof COUNTER_METRICS)[number];
export type StatMetric = (typeof STAT_METRICS)[number];
export type MetricName = CounterMetric | StatMetric;

export interface Bucket {
  sum: number;
  count: number;
  max: number;
}

export interface MetricsState {
  totals: Record<CounterMetric, number>;
  stats: Record<StatMetric, Bucket>;
  /** metric → second → bucket */
  series: Record<MetricName, Record<number, Bucket>>;
  /**
   * The same per dimension value, as CloudWatch keeps IteratorAge per shard or queue metrics per queue:
   * "metric|dimension" → second → bucket.
   */
  dimensions: Record<string, Record<number, Bucket>>;
}

export const BUCKET_MS = 1000;

export function createMetrics(): MetricsState {
  const totals = Object.fromEntries(COUNTER_METRICS.map((m) => [m, 0])) as Record<CounterMetric, number>;
  const stats = Object.fromEntries(STAT_METRICS.map((m) => [m, { sum: 0, count: 0, max: 0 }])) as Record<
    StatMetric,
    Bucket
  >;
  const series = Object.fromEntries([...COUNTER_METRICS, ...STAT_METRICS].map((m) => [m, {}])) as Record<
    MetricName,
    Record<number, Bucket>
  >;
  return { totals, stats, series, dimensions: {} };
}

function addToBucket(series: Record<number, Bucket>, t: number, value: number): void {
  const key = Math.floor(t / BUCKET_MS);
  let b = series[key];
  if (b === undefined) {
    b = { sum: 0, count: 0, max: Number.NEGATIVE_INFINITY };
    series[key] = b;
  }
  b.sum += value;
  b.count += 1;
  if (value > b.max) b.max = value;
}

/** "metric|dimension" keys, made once per pair (samples come per message; a new string each time is waste). */
const dimensionKeys = new Map<string, Map<string, string>>();

function dimensionKey(name: string, dimension: string): string {
  let byDimension = dimensionKeys.get(name);
  if (byDimension === undefined) {
    byDimension = new Map();
    dimensionKeys.set(name, byDimension);
  }
  let key = byDimension.get(dimension);
  if (key === undefined) {
    key = `${name}|${dimension}`;
    if (byDimension.size < 10_000) byDimension.set(dimension, key);
  }
  return key;
}

function dimensionSeries(metrics: MetricsState, name: string, dimension: string): Record<number, Bucket> {
  const key = dimensionKey(name, dimension);
  return (metrics.dimensions[key] ??= {});
}

/** Counts `n` occurrences of a counter metric at time t. */
export function count(metrics: MetricsState, name: CounterMetric, t: number, n = 1): void {
  metrics.totals[name] += n;
  addToBucket(metrics.series[name], t, n);
}

/**
 * Records one sample of a statistic metric at time t; with a dimension (a shard id, a queue, a mapping)
 * also in that dimension's own series.
 */
export function sample(
  metrics: MetricsState,
  name: StatMetric,
  t: number,
  value: number,
  dimension?: string,
): void {
  const s = metrics.stats[name];
  s.sum += value;
  s.count += 1;
  if (value > s.max) s.max = value;
  addToBucket(metrics.series[name], t, value);
  if (dimension !== undefined) addToBucket(dimensionSeries(metrics, name, dimension), t, value);
}

/** Records a sample in one dimension's series only (a quantity of its own, such as one mapping's concurrency). */
export function sampleDimension(
  metrics: MetricsState,
  name: StatMetric,
  dimension: string,
  t: number,
  value: number,
): void {
  addToBucket(dimensionSeries(metrics, name, dimension), t, value);
}

/** The dimension values a metric was recorded with (e.g. every shard's id for IteratorAge). */
export function dimensionsOf(metrics: MetricsState, name: MetricName): string[] {
  const prefix = `${name}|`;
  return Object.keys(metrics.dimensions)
    .filter((k) => k.startsWith(prefix))
    .map((k) => k.slice(prefix.length));
}

export interface SeriesPoint {
  t: number;
  sum: number;
  count: number;
  max: number;
}

/** A metric's time series aggregated over `periodMs` (a multiple of one second), optionally for one dimension. */
export function metricSeries(
  metrics: MetricsState,
  name: MetricName,
  periodMs = 60_000,
  dimension?: string,
): SeriesPoint[] {
  const per = Math.max(1, Math.round(periodMs / BUCKET_MS));
  const out = new Map<number, SeriesPoint>();
  const buckets =
    dimension === undefined ? metrics.series[name] : (metrics.dimensions[`${name}|${dimension}`] ?? {});
  for (const [k, b] of Object.entries(buckets)) {
    const period = Math.floor(Number(k) / per);
    const p = out.get(period) ?? {
      t: period * per * BUCKET_MS,
      sum: 0,
      count: 0,
      max: Number.NEGATIVE_INFINITY,
    };
    p.sum += b.sum;
    p.count += b.count;
    p.max = Math.max(p.max, b.max);
    out.set(period, p);
  }
  return [...out.values()].sort((a, b) => a.t - b.t);
}
