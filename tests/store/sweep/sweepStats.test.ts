/** The sweep's statistics on known inputs: percentiles, histograms and the headline sentences. */
import { describe, expect, it } from 'vitest';
import { SWEEP_FIELDS, type SweepColumns, type SweepField } from '../../../src/protocol/messages';
import { distributionOf, histogramOf, percentileOf } from '../../../src/store/sweep/distribution';
import { formatOutcome, summariseSweep } from '../../../src/store/sweep/headlines';

/** Columns for `count` runs; `fill` gives each field's value in run `i`. */
function columns(count: number, fill: Partial<Record<SweepField, (i: number) => number>>): SweepColumns {
  return Object.fromEntries(
    SWEEP_FIELDS.map((f) => [f, Float64Array.from({ length: count }, (_, i) => fill[f]?.(i) ?? 0)]),
  ) as SweepColumns;
}

describe('distributionOf', () => {
  it('1…100: nearest-rank percentiles, mean and range', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    const d = distributionOf(values);
    expect(d).toMatchObject({ count: 100, min: 1, max: 100, mean: 50.5, p5: 5, p50: 50, p95: 95 });
  });

  it('leaves NaN out, and says NaN when nothing is left', () => {
    expect(distributionOf([Number.NaN, 4, Number.NaN, 2])).toMatchObject({
      count: 2,
      min: 2,
      max: 4,
      mean: 3,
    });
    const none = distributionOf([Number.NaN]);
    expect(none.count).toBe(0);
    expect(none.p50).toBeNaN();
    expect(none.histogram.counts).toEqual([]);
  });

  it('percentileOf of one value is that value', () => {
    expect(percentileOf([7], 0.05)).toBe(7);
    expect(percentileOf([7], 0.95)).toBe(7);
  });
});

describe('histogramOf', () => {
  it('one bin per value for small whole numbers', () => {
    expect(histogramOf([0, 0, 1, 3, 3, 3])).toEqual({
      starts: [0, 1, 2, 3],
      width: 1,
      counts: [2, 1, 0, 3],
      discrete: true,
    });
  });

  it('equal-width bins otherwise, the maximum in the last bin', () => {
    const h = histogramOf([0, 0.25, 0.5, 0.75, 1], 4);
    expect(h).toEqual({ starts: [0, 0.25, 0.5, 0.75], width: 0.25, counts: [1, 1, 1, 2], discrete: false });
    const wide = histogramOf(Array.from({ length: 101 }, (_, i) => i * 10));
    expect(wide.counts).toHaveLength(20);
    expect(wide.counts.reduce((a, b) => a + b, 0)).toBe(101);
  });

  it('a single repeated fraction is one bin', () => {
    expect(histogramOf([0.5, 0.5, 0.5])).toEqual({ starts: [0.5], width: 0, counts: [3], discrete: true });
  });
});

describe('summariseSweep', () => {
  // 20 runs of 10 events: run i sends i % 3 of them to the DLQ and one more to a destination when i is even.
  const runs = columns(20, {
    seed: (i) => 100 + i,
    items: () => 10,
    succeeded: (i) => 10 - (i % 3) - (i % 2 === 0 ? 1 : 0),
    toDlq: (i) => i % 3,
    toDestination: (i) => (i % 2 === 0 ? 1 : 0),
    duplicates: (i) => (i === 19 ? 4 : 0),
    attempts: () => 12,
    latencyP50Ms: (i) => 100 + i,
    latencyP95Ms: (i) => (i < 10 ? Number.NaN : 1000 * i),
    concurrencyPeak: () => 3,
    costUsd: () => 0.0000125,
  });
  const summary = summariseSweep(runs);
  const text = (key: string) => summary.outcomes.find((o) => o.key === key)!.text;

  it('counts the runs and their seeds', () => {
    expect(summary).toMatchObject({ runs: 20, firstSeed: 100, lastSeed: 119 });
  });

  it('writes each headline as median (p5, p95)', () => {
    // Shares per run: (i%3 + even)/10 → sorted: 0×3, 0.1×7, 0.2×6, 0.3×4 (nearest rank p5 = 1st, p50 = 10th, p95 = 19th).
    expect(text('failureDestinationShare')).toBe(
      'Share of events sent to a DLQ or failure destination: 10 % (p5 0 %, p95 30 %)',
    );
    expect(text('succeededShare')).toBe('Share of events that succeeded: 90 % (p5 70 %, p95 100 %)');
    expect(text('duplicates')).toBe('Duplicate runs per run: 0 (p5 0, p95 0)');
    expect(text('latencyP50Ms')).toBe('End-to-end latency p50: 109 ms (p5 100 ms, p95 118 ms)');
    // Runs without a value are left out: 10 runs of 10 s … 19 s.
    expect(text('latencyP95Ms')).toBe('End-to-end latency p95: 14 s (p5 10 s, p95 19 s)');
    expect(text('costUsd')).toBe('Cost per run: $0.00001250 (p5 $0.00001250, p95 $0.00001250)');
  });

  it('keeps the distribution behind each headline', () => {
    const dup = summary.outcomes.find((o) => o.key === 'duplicates')!.distribution;
    expect(dup).toMatchObject({ min: 0, max: 4, mean: 0.2 });
    expect(dup.histogram).toEqual({
      starts: [0, 1, 2, 3, 4],
      width: 1,
      counts: [19, 0, 0, 0, 1],
      discrete: true,
    });
  });

  it('says "no data" when no run has a value', () => {
    const empty = summariseSweep(columns(3, { latencyP50Ms: () => Number.NaN }));
    expect(empty.outcomes.find((o) => o.key === 'latencyP50Ms')!.text).toBe(
      'End-to-end latency p50: no data',
    );
    expect(empty.outcomes.find((o) => o.key === 'succeededShare')!.text).toBe(
      'Share of events that succeeded: no data',
    );
  });

  it('formats shares with one decimal', () => {
    expect(formatOutcome(0.124, 'share')).toBe('12.4 %');
    expect(formatOutcome(0.1, 'share')).toBe('10 %');
    expect(formatOutcome(2.5, 'count')).toBe('2.5');
    expect(formatOutcome(1500, 'count')).toBe('1,500');
  });
});
