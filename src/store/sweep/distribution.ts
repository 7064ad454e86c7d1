/**
 * The distribution of one number over a sweep's runs: percentiles, mean, range and a histogram.
 * Runs where the number is undefined (NaN, e.g. a latency when no item ended) are left out.
 */

export interface Histogram {
  /** Where each bin starts; bin `i` covers [starts[i], starts[i] + width), the last one includes the max. */
  starts: number[];
  width: number;
  counts: number[];
  /** True when each bin holds one value (whole numbers, or every run the same), not a range. */
  discrete: boolean;
}

export interface Distribution {
  /** How many runs have a value. */
  count: number;
  min: number;
  max: number;
  mean: number;
  p5: number;
  p50: number;
  p95: number;
  histogram: Histogram;
}

/** At most this many bins; small whole-number ranges get one bin per value instead. */
export const MAX_BINS = 20;

/** Nearest-rank percentile of sorted values (the comparison table's definition). */
export function percentileOf(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** Equal-width bins from min to max; whole numbers spanning at most MAX_BINS values get one bin each. */
export function histogramOf(sorted: ArrayLike<number>, maxBins = MAX_BINS): Histogram {
  if (sorted.length === 0) return { starts: [], width: 0, counts: [], discrete: true };
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  let whole = true;
  for (let i = 0; i < sorted.length && whole; i++) whole = Number.isInteger(sorted[i]);
  let bins: number;
  let width: number;
  const discrete = (whole && max - min + 1 <= maxBins) || max === min;
  if (whole && max - min + 1 <= maxBins) {
    // Counts (duplicates, attempts) read best as one bar per value.
    bins = max - min + 1;
    width = 1;
  } else if (max === min) {
    bins = 1;
    width = 0;
  } else {
    bins = maxBins;
    width = (max - min) / bins;
  }
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < sorted.length; i++) {
    const bin = width === 0 ? 0 : Math.floor((sorted[i]! - min) / width);
    counts[Math.min(bins - 1, bin)]! += 1;
  }
  return { starts: counts.map((_, b) => min + b * width), width, counts, discrete };
}

/** The distribution of `values` over the runs, ignoring NaN. */
export function distributionOf(values: ArrayLike<number>, maxBins = MAX_BINS): Distribution {
  const kept: number[] = [];
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    kept.push(v);
    sum += v;
  }
  const sorted = Float64Array.from(kept).sort();
  return {
    count: sorted.length,
    min: sorted.length > 0 ? sorted[0]! : Number.NaN,
    max: sorted.length > 0 ? sorted[sorted.length - 1]! : Number.NaN,
    mean: sorted.length > 0 ? sum / sorted.length : Number.NaN,
    p5: percentileOf(sorted, 0.05),
    p50: percentileOf(sorted, 0.5),
    p95: percentileOf(sorted, 0.95),
    histogram: histogramOf(sorted, maxBins),
  };
}
