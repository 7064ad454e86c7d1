/**
 * What a sweep's runs say in a few sentences: for each outcome worth comparing, its median over the
 * runs and the p5–p95 range ("Share of events sent to a DLQ or failure destination: 12.4 % (p5 10 %,
 * p95 15 %)"), with the distribution behind it for the histograms and tables.
 */
import { formatCount, formatDuration, formatUSD } from '../../app/format';
import type { SweepColumns } from '../../protocol/messages';
import { distributionOf, type Distribution } from './distribution';

export type OutcomeKey =
  | 'succeededShare'
  | 'failureDestinationShare'
  | 'lost'
  | 'duplicates'
  | 'attempts'
  | 'latencyP50Ms'
  | 'latencyP95Ms'
  | 'concurrencyPeak'
  | 'costUsd';

export type OutcomeUnit = 'share' | 'count' | 'ms' | 'usd';

export interface Outcome {
  key: OutcomeKey;
  label: string;
  unit: OutcomeUnit;
  distribution: Distribution;
  /** "label: median (p5 …, p95 …)", or "label: no data" when no run has the value. */
  text: string;
}

export interface SweepSummary {
  runs: number;
  firstSeed: number;
  lastSeed: number;
  outcomes: Outcome[];
}

/** One decimal, without a trailing `.0`: `12.4`, `10`. */
function oneDecimal(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** A value of an outcome, written for reading: `12.4 %`, `3`, `2.5`, `1.5 s`, `$0.000021`. */
export function formatOutcome(value: number, unit: OutcomeUnit): string {
  if (Number.isNaN(value)) return 'no data';
  switch (unit) {
    case 'share':
      return `${oneDecimal(value * 100)} %`;
    case 'count':
      return Number.isInteger(value) ? formatCount(value) : oneDecimal(value);
    case 'ms':
      return formatDuration(value);
    case 'usd':
      return formatUSD(value);
  }
}

/** The sentence of one outcome. */
export function outcomeText(label: string, d: Distribution, unit: OutcomeUnit): string {
  if (d.count === 0) return `${label}: no data`;
  const f = (v: number) => formatOutcome(v, unit);
  return `${label}: ${f(d.p50)} (p5 ${f(d.p5)}, p95 ${f(d.p95)})`;
}

/** A per-run share `part / items`; NaN for a run without items. */
function shares(parts: Float64Array, items: Float64Array): Float64Array {
  return parts.map((p, i) => (items[i]! > 0 ? p / items[i]! : Number.NaN));
}

function sum(a: Float64Array, b: Float64Array): Float64Array {
  return a.map((v, i) => v + b[i]!);
}

/** The headline outcomes of a sweep, each with its distribution over the runs. */
export function summariseSweep(runs: SweepColumns): SweepSummary {
  const specs: Array<[OutcomeKey, string, OutcomeUnit, Float64Array]> = [
    ['succeededShare', 'Share of events that succeeded', 'share', shares(runs.succeeded, runs.items)],
    [
      'failureDestinationShare',
      'Share of events sent to a DLQ or failure destination',
      'share',
      shares(sum(runs.toDlq, runs.toDestination), runs.items),
    ],
    ['lost', 'Events lost per run', 'count', runs.lost],
    ['duplicates', 'Duplicate runs per run', 'count', runs.duplicates],
    ['attempts', 'Attempts per run', 'count', runs.attempts],
    ['latencyP50Ms', 'End-to-end latency p50', 'ms', runs.latencyP50Ms],
    ['latencyP95Ms', 'End-to-end latency p95', 'ms', runs.latencyP95Ms],
    ['concurrencyPeak', 'Concurrency peak', 'count', runs.concurrencyPeak],
    ['costUsd', 'Cost per run', 'usd', runs.costUsd],
  ];
  const outcomes = specs.map(([key, label, unit, values]): Outcome => {
    const distribution = distributionOf(values);
    return { key, label, unit, distribution, text: outcomeText(label, distribution, unit) };
  });
  const seeds = runs.seed;
  return {
    runs: seeds.length,
    firstSeed: seeds.length > 0 ? seeds[0]! : Number.NaN,
    lastSeed: seeds.length > 0 ? seeds[seeds.length - 1]! : Number.NaN,
    outcomes,
  };
}
