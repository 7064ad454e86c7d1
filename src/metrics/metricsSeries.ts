/**
 * The run's CloudWatch metrics as time series, one value per period, aggregated as CloudWatch would
 * (§2.7, §3.2, §3.4, §4): counts are the Sum per period; Duration, ages and ConcurrentExecutions the
 * Maximum. Computed in one pass over the log into typed arrays and cached per log, so a million-event
 * run costs one walk. Each metric is counted at the same event as `metricsAt.ts` counts it, so a
 * series' Sum over the run equals the run's total.
 */
import type { ResultItem, Results } from '../engine/results';
import type { ItemKind, SimEvent } from '../engine/types';
import type { Scenario } from '../scenarios/schema';
import { builtInWorker } from './builtInWorker';
import { bucketCount, choosePeriodMs } from './period';
import { createSqsQueueTracker } from './sqsQueueTracker';
import { isThrottleEvent } from './throttles';

/** A run's results as the page holds them (the log travels apart). */
type RunResults = Omit<Results, 'log'>;

export type Statistic = 'Sum' | 'Maximum';
export type MetricUnit = 'Count' | 'Milliseconds' | 'Seconds';
/** Which runs a metric means something for: every run, or runs with that kind of source. */
export type MetricScope = 'all' | 'async' | 'stream' | 'sqs';

export interface MetricDefinition {
  /** CloudWatch's name. */
  metric: string;
  statistic: Statistic;
  unit: MetricUnit;
  scope: MetricScope;
  /** What the metric counts, in a few words. */
  hint: string;
}

/** The charted metrics, in the order they are shown. */
export const CHART_METRICS = [
  { metric: 'Invocations', statistic: 'Sum', unit: 'Count', scope: 'all', hint: 'times the handler ran' },
  {
    metric: 'Errors',
    statistic: 'Sum',
    unit: 'Count',
    scope: 'all',
    hint: 'invocations that failed or timed out',
  },
  {
    metric: 'Throttles',
    statistic: 'Sum',
    unit: 'Count',
    scope: 'all',
    hint: 'requests refused for concurrency',
  },
  {
    metric: 'Duration',
    statistic: 'Maximum',
    unit: 'Milliseconds',
    scope: 'all',
    hint: 'longest invocation',
  },
  {
    metric: 'ConcurrentExecutions',
    statistic: 'Maximum',
    unit: 'Count',
    scope: 'all',
    hint: 'invocations running at once',
  },
  {
    metric: 'AsyncEventAge',
    statistic: 'Maximum',
    unit: 'Milliseconds',
    scope: 'async',
    hint: 'time an event waited in the async queue',
  },
  {
    metric: 'AsyncEventsDropped',
    statistic: 'Sum',
    unit: 'Count',
    scope: 'async',
    hint: 'events Lambda gave up on',
  },
  {
    metric: 'IteratorAge',
    statistic: 'Maximum',
    unit: 'Milliseconds',
    scope: 'stream',
    hint: 'age of the last record of a batch when it finished',
  },
  {
    metric: 'ApproximateNumberOfMessagesVisible',
    statistic: 'Maximum',
    unit: 'Count',
    scope: 'sqs',
    hint: 'messages waiting in the queue',
  },
  {
    metric: 'ApproximateAgeOfOldestMessage',
    statistic: 'Maximum',
    unit: 'Seconds',
    scope: 'sqs',
    hint: 'age of the oldest message in the queue',
  },
] as const satisfies readonly MetricDefinition[];

export type ChartMetric = (typeof CHART_METRICS)[number]['metric'];

export interface MetricSeries extends MetricDefinition {
  metric: ChartMetric;
  /** One value per period; NaN where CloudWatch would have no data point (no invocation, no event). */
  values: Float64Array;
}

export interface MetricsSeriesSet {
  periodMs: number;
  /** The run's end (simulated ms). */
  endMs: number;
  /** Start of each period (simulated ms). */
  startsMs: Float64Array;
  series: MetricSeries[];
}

const INVOKE_ENDS = new Set(['invoke/succeeded', 'invoke/failed', 'invoke/timed-out']);
/** Events after which a message is no longer stored: the oldest message's age peaks just before one. */
const SQS_REMOVALS = new Set(['sqs/deleted', 'sqs/moved-to-dlq', 'sqs/expired']);
const STREAM_KINDS: ReadonlySet<ItemKind> = new Set(['kinesis', 'dynamodb']);

/** Keeps the larger of the slot's value and `v` (a NaN slot, no data yet, takes `v`). */
function keepMax(values: Float64Array, b: number, v: number): void {
  if (!(v <= values[b]!)) values[b] = v;
}

function num(e: SimEvent, key: string): number {
  const v = e.data?.[key];
  return typeof v === 'number' ? v : 0;
}

/** Lookups built only when an event needs them (most runs never ask). */
function lazyLookups(results: RunResults) {
  let items: Map<string, ResultItem> | null = null;
  let lastRecordOf: Map<string, string> | null = null;
  const itemOf = (id: string): ResultItem | undefined =>
    (items ??= new Map(results.items.map((i) => [i.id, i]))).get(id);
  /** A stream batch's IteratorAge at `t`: the age of its last record (§3.4), or null. */
  const iteratorAge = (t: number, ids: unknown): number | null => {
    if (!Array.isArray(ids) || ids.length === 0) return null;
    const last = itemOf(String(ids[ids.length - 1]));
    return last ? t - last.arrivedMs : null;
  };
  const streamBatch = (invocation: string | undefined): string[] | undefined => {
    if (invocation === undefined) return undefined;
    lastRecordOf ??= new Map(
      results.invocations.filter((i) => i.shardId !== undefined).map((i) => [i.id, i.items.at(-1) ?? '']),
    );
    const last = lastRecordOf.get(invocation);
    return last ? [last] : undefined;
  };
  return { itemOf, iteratorAge, streamBatch };
}

/** Every charted metric's series for a run, applicable or not: one walk over the log (the worker does it). */
export function buildMetricsSeries(results: RunResults, log: readonly SimEvent[]): MetricsSeriesSet {
  const endMs = Math.max(results.endMs, log.at(-1)?.t ?? 0); // as the player's runEndMs
  const periodMs = choosePeriodMs(endMs);
  const n = bucketCount(endMs, periodMs);
  const sum = () => new Float64Array(n);
  const noData = () => new Float64Array(n).fill(Number.NaN);
  const invocations = sum();
  const errors = sum();
  const throttles = sum();
  const dropped = sum();
  const duration = noData();
  const asyncAge = noData();
  const iteratorAgeMs = noData();
  // Gauges hold a value in every period: the level at its start, raised by every change within it.
  const concurrent = sum();
  const visible = sum();
  const oldestMs = sum();

  const hasSqs = results.items.some((i) => i.kind === 'sqs');
  const sqs = createSqsQueueTracker(hasSqs ? results.items.length : 0);
  const { itemOf, iteratorAge, streamBatch } = lazyLookups(results);
  let running = 0;
  let cur = 0;

  /** The oldest message's age peaks just before it leaves, or at the end of the period. */
  const sampleOldest = (b: number, t: number) => {
    if (hasSqs) keepMax(oldestMs, b, Math.max(0, sqs.oldestAgeMs(t)));
  };
  /** Closes periods up to `b`: the gauges carry their level into each new period. */
  const advance = (b: number) => {
    while (cur < b) {
      sampleOldest(cur, (cur + 1) * periodMs);
      cur += 1;
      concurrent[cur] = running;
      visible[cur] = hasSqs ? sqs.visible() : 0;
    }
  };

  for (let i = 0; i < log.length; i++) {
    const e = log[i]!;
    const b = Math.min(n - 1, Math.floor(e.t / periodMs));
    if (b > cur) advance(b);
    if (isThrottleEvent(e, itemOf)) throttles[b]! += 1;
    const type = e.type;
    if (type === 'invoke/started') {
      running += 1;
      keepMax(concurrent, b, running);
    } else if (INVOKE_ENDS.has(type)) {
      running -= 1;
      invocations[b]! += 1;
      if (type !== 'invoke/succeeded') errors[b]! += 1;
      keepMax(duration, b, num(e, 'durationMs'));
      const age = iteratorAge(e.t, streamBatch(e.invocation));
      if (age !== null) keepMax(iteratorAgeMs, b, age);
    } else if (type === 'async/dequeued') keepMax(asyncAge, b, num(e, 'ageMs'));
    else if (type === 'async/dropped') dropped[b]! += 1;
    else if (
      (type === 'stream/batch-throttled' || type === 'stream/batch-failed') &&
      e.data?.countsAsRetry === false
    ) {
      // A batch refused before it ran still reports IteratorAge (§3.4).
      const age = iteratorAge(e.t, e.data.items);
      if (age !== null) keepMax(iteratorAgeMs, b, age);
    } else if (hasSqs && type.startsWith('sqs/')) {
      if (SQS_REMOVALS.has(type)) sampleOldest(b, e.t);
      sqs.apply(e);
      keepMax(visible, b, sqs.visible());
    }
  }
  advance(n - 1);
  sampleOldest(n - 1, endMs);

  // CloudWatch reports ApproximateAgeOfOldestMessage in whole seconds.
  const oldestS = oldestMs.map((ms) => Math.floor(ms / 1000));
  const values: Record<ChartMetric, Float64Array> = {
    Invocations: invocations,
    Errors: errors,
    Throttles: throttles,
    Duration: duration,
    ConcurrentExecutions: concurrent,
    AsyncEventAge: asyncAge,
    AsyncEventsDropped: dropped,
    IteratorAge: iteratorAgeMs,
    ApproximateNumberOfMessagesVisible: visible,
    ApproximateAgeOfOldestMessage: oldestS,
  };
  const startsMs = new Float64Array(n);
  for (let b = 0; b < n; b++) startsMs[b] = b * periodMs;
  return {
    periodMs,
    endMs,
    startsMs,
    series: CHART_METRICS.map((d) => ({ ...d, values: values[d.metric] })),
  };
}

/** The kinds of source a run has: from its scenario when known, else from its items. */
function sourceKinds(results: RunResults, scenario?: Scenario | null): Set<string> {
  if (scenario) return new Set(scenario.sources.map((s) => s.type));
  return new Set(results.items.map((i) => i.kind));
}

/** True when a metric means something for a run with these kinds of source. */
export function metricApplies(scope: MetricScope, kinds: ReadonlySet<string>): boolean {
  if (scope === 'all') return true;
  if (scope === 'stream') return [...STREAM_KINDS].some((k) => kinds.has(k));
  return kinds.has(scope);
}

interface Cached {
  all: MetricsSeriesSet;
  shown: Map<string, MetricsSeriesSet>;
}

const cache = new WeakMap<readonly SimEvent[], Cached>();

/** The arrays of a series set, to transfer them to the page rather than copy them. */
export function metricsSeriesBuffers(set: MetricsSeriesSet): ArrayBuffer[] {
  return [set.startsMs.buffer, ...set.series.map((s) => s.values.buffer)] as ArrayBuffer[];
}

/**
 * The series of the metrics that apply to the run (no SQS chart without an SQS source, …), computed
 * once per log; the same object is returned while the log and the run's kinds of source are the same.
 */
export function metricsSeries(
  results: RunResults,
  log: readonly SimEvent[],
  scenario?: Scenario | null,
): MetricsSeriesSet {
  let entry = cache.get(log);
  if (!entry) {
    entry = { all: builtInWorker(log)?.metricsSeries ?? buildMetricsSeries(results, log), shown: new Map() };
    cache.set(log, entry);
  }
  const kinds = sourceKinds(results, scenario);
  const key = [...kinds].sort().join(',');
  let shown = entry.shown.get(key);
  if (!shown) {
    const all = entry.all;
    shown = { ...all, series: all.series.filter((s) => metricApplies(s.scope, kinds)) };
    entry.shown.set(key, shown);
  }
  return shown;
}
