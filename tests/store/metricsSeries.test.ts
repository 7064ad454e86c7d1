import { describe, expect, it } from 'vitest';
import { PRESET_IDS } from '../../src/scenarios/presets';
import {
  choosePeriodMs,
  describeSeries,
  metricsSeries,
  summarizeSeries,
  type ChartMetric,
  type MetricsSeriesSet,
} from '../../src/store/metricsSeries';
import { presetRun } from './fixtures';

function seriesOf(id: string): MetricsSeriesSet {
  const run = presetRun(id);
  return metricsSeries(run.results, run.log, run.scenario);
}

function values(set: MetricsSeriesSet, metric: ChartMetric): number[] {
  const s = set.series.find((x) => x.metric === metric);
  if (!s) throw new Error(`no ${metric} series`);
  return [...s.values];
}

/** The periods (index → value) with a non-zero data point. */
function nonZero(set: MetricsSeriesSet, metric: ChartMetric): Array<[number, number]> {
  return values(set, metric)
    .map((v, i) => [i, v] as [number, number])
    .filter(([, v]) => !Number.isNaN(v) && v !== 0);
}

function peak(set: MetricsSeriesSet, metric: ChartMetric): number {
  return Math.max(0, ...values(set, metric).filter((v) => !Number.isNaN(v)));
}

function total(set: MetricsSeriesSet, metric: ChartMetric): number {
  return values(set, metric).reduce((a, v) => a + (Number.isNaN(v) ? 0 : v), 0);
}

describe('the period follows the run length (CloudWatch periods, at most 300 points)', () => {
  it('1 s for short runs, 5 s for 11 minutes, 5 min for a day', () => {
    expect(choosePeriodMs(370)).toBe(1_000);
    expect(choosePeriodMs(183_263)).toBe(1_000);
    expect(choosePeriodMs(660_250)).toBe(5_000);
    expect(choosePeriodMs(86_400_200)).toBe(300_000);
  });

  it('no preset draws more than 300 points', () => {
    for (const id of PRESET_IDS) expect(seriesOf(id).startsMs.length, id).toBeLessThanOrEqual(300);
  }, 60_000); // every preset: sqs-scaling simulates 100,000 messages
});

describe('§2.7 async-retries-exhausted: three attempts, 1 s periods', () => {
  const set = seriesOf('async-retries-exhausted');

  it('3 Invocations and 3 Errors, one in each attempt’s period (ends at 1.263 s, 62.263 s, 183.263 s)', () => {
    expect(set.periodMs).toBe(1_000);
    expect(nonZero(set, 'Invocations')).toEqual([
      [1, 1],
      [62, 1],
      [183, 1],
    ]);
    expect(nonZero(set, 'Errors')).toEqual(nonZero(set, 'Invocations'));
  });

  it('AsyncEventAge is the age at each dequeue, growing with the retries (13 ms, 61,263 ms, 182,263 ms)', () => {
    expect(nonZero(set, 'AsyncEventAge')).toEqual([
      [0, 13],
      [61, 61_263],
      [182, 182_263],
    ]);
    expect(values(set, 'AsyncEventAge')[5]).toBeNaN(); // no dequeue, no data point
  });

  it('AsyncEventsDropped counts the event once, when the retries are exhausted', () => {
    expect(nonZero(set, 'AsyncEventsDropped')).toEqual([[183, 1]]);
  });

  it('Duration is the longest invocation of the period; ConcurrentExecutions 1 while one runs', () => {
    expect(nonZero(set, 'Duration')).toEqual([
      [1, 1_000],
      [62, 1_000],
      [183, 1_000],
    ]);
    expect(nonZero(set, 'ConcurrentExecutions').map(([i]) => i)).toEqual([0, 1, 61, 62, 182, 183]);
  });

  it('no SQS or stream chart for an async-only run', () => {
    expect(set.series.map((s) => s.metric)).toEqual([
      'Invocations',
      'Errors',
      'Throttles',
      'Duration',
      'ConcurrentExecutions',
      'AsyncEventAge',
      'AsyncEventsDropped',
    ]);
  });

  it('the text alternative names the statistic, the period, the peak and when', () => {
    const inv = set.series[0]!;
    expect(summarizeSeries(inv, set.startsMs)).toEqual({ max: 1, maxAtMs: 1_000, total: 3, points: 184 });
    expect(describeSeries(inv, set.startsMs, set.periodMs)).toBe(
      'Invocations, Sum per 1 s, in count: peak 1 in the period starting at 1 s; 3 in all; 184 of 184 periods with data.',
    );
  });
});

describe('§3.2 / §4 sqs-scaling: 100,000 messages, pollers scale to 1,250', () => {
  const set = seriesOf('sqs-scaling');

  it('ConcurrentExecutions reaches the mapping’s maximum of 1,250 (5 s periods)', () => {
    expect(set.periodMs).toBe(5_000);
    expect(peak(set, 'ConcurrentExecutions')).toBe(1_250);
    expect(values(set, 'ConcurrentExecutions')[0]).toBe(5); // five pollers' batches at first
  });

  it('the queue holds 100,000 visible messages at first and is empty at the end', () => {
    const visible = values(set, 'ApproximateNumberOfMessagesVisible');
    expect(visible[0]).toBe(100_000);
    expect(visible[1]).toBe(99_950); // five batches of ten in flight
    expect(visible.at(-1)).toBe(0);
  });

  it('ApproximateAgeOfOldestMessage grows by the period (5 s) while the first messages wait', () => {
    expect(values(set, 'ApproximateAgeOfOldestMessage').slice(0, 4)).toEqual([5, 10, 15, 20]);
  });

  it('a run with SQS charts the queue and no async or stream metric', () => {
    const names = set.series.map((s) => s.metric);
    expect(names).toContain('ApproximateNumberOfMessagesVisible');
    expect(names).not.toContain('AsyncEventAge');
    expect(names).not.toContain('IteratorAge');
  });
});

describe('§3.2 sqs-batch-error: a failed batch comes back after its visibility timeout', () => {
  const set = seriesOf('sqs-batch-error');

  it('5 visible messages at the start and again when they return at 180 s', () => {
    expect(nonZero(set, 'ApproximateNumberOfMessagesVisible')).toEqual([
      [0, 5],
      [180, 5],
    ]);
  });

  it('the oldest message ages a second per period until it is deleted (stored while in flight)', () => {
    const age = values(set, 'ApproximateAgeOfOldestMessage');
    expect(age.slice(0, 3)).toEqual([1, 2, 3]);
    expect(age[179]).toBe(180);
  });
});

describe('§3.4 kinesis-poison-blocks-shard: the poison record blocks its shard for a day', () => {
  const set = seriesOf('kinesis-poison-blocks-shard');

  it('IteratorAge grows period after period while the shard is blocked (5 min periods)', () => {
    expect(set.periodMs).toBe(300_000);
    const age = values(set, 'IteratorAge');
    for (let b = 1; b < 288; b++) expect(age[b]!, `period ${b}`).toBeGreaterThan(age[b - 1]!);
    expect(peak(set, 'IteratorAge')).toBe(
      presetRun('kinesis-poison-blocks-shard').results.metrics.IteratorAgeMaxMs,
    );
  });

  it('a stream run charts IteratorAge and no queue', () => {
    const names = set.series.map((s) => s.metric);
    expect(names).toContain('IteratorAge');
    expect(names).not.toContain('ApproximateNumberOfMessagesVisible');
  });
});

describe('§2.7 every preset: the series agree with the run’s metrics', () => {
  it.each(PRESET_IDS)(
    '%s: Sums equal the totals, Maximums peak at the run’s maximum',
    (id) => {
      const { results, log, scenario } = presetRun(id);
      const m = results.metrics;
      const set = metricsSeries(results, log, scenario);
      expect(total(set, 'Invocations')).toBe(m.Invocations);
      expect(total(set, 'Errors')).toBe(m.Errors);
      expect(total(set, 'Throttles')).toBe(m.Throttles);
      expect(peak(set, 'Duration')).toBe(m.DurationMaxMs);
      expect(peak(set, 'ConcurrentExecutions')).toBe(m.ConcurrentExecutionsMax);
      const kinds = new Set(scenario.sources.map((s) => s.type));
      if (kinds.has('async')) {
        expect(total(set, 'AsyncEventsDropped')).toBe(m.AsyncEventsDropped);
        expect(peak(set, 'AsyncEventAge')).toBe(m.AsyncEventAgeMaxMs);
      }
      if (kinds.has('kinesis') || kinds.has('dynamodb'))
        expect(peak(set, 'IteratorAge')).toBe(m.IteratorAgeMaxMs);
    },
    60_000,
  );
});

describe('caching', () => {
  it('returns the same object for the same log, computed once', () => {
    const { results, log, scenario } = presetRun('sqs-batch-error');
    expect(metricsSeries(results, log, scenario)).toBe(metricsSeries(results, log, scenario));
  });

  it('without a scenario, the items’ kinds decide which metrics apply', () => {
    const { results, log } = presetRun('sync-success');
    expect(metricsSeries(results, log).series.map((s) => s.metric)).toEqual([
      'Invocations',
      'Errors',
      'Throttles',
      'Duration',
      'ConcurrentExecutions',
    ]);
  });
});
