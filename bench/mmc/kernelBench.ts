/**
 * Figure 1: the engine's kernel against SIM.JS on the same M/M/c queue, in this process, repetitions
 * interleaved (who goes first alternates), a full GC before each run. Events are counted the same way for
 * both: arrivals + departures (2 per customer). Both mean waits in queue are checked against Erlang C.
 */
import type { BenchRow } from '../benchRow';
import { fullGc } from '../gc';
import { median, standardError } from '../stats';
import { erlangC, erlangCWq, utilisation, type MmcQueue } from './erlangC';
import { runKernelMmc, type MmcOutcome, type MmcRun } from './kernelMmc';
import { runSimjsMmc } from './simjsMmc';

/** M/M/4 at ρ = 0.8: an arrival waits with probability 0.596 (Erlang C), so Wq tests the queue, not just service. */
export const MMC_QUEUE: MmcQueue = { lambda: 3.2, mu: 1, servers: 4 };

/** Wq must be within this of Erlang C (relative). */
export const WQ_TOLERANCE = 0.02;

export interface KernelBenchOptions {
  /** Customers measured per run, after the warm-up customers (1 % more arrive first). */
  customers: number;
  repetitions: number;
  /** Smaller runs: the Wq tolerance widens to 4 standard errors when that exceeds 2 %. */
  quick: boolean;
  progress?: (line: string) => void;
}

export interface WqCheck {
  /** Pooled mean wait in queue over all runs' measured customers. */
  wq: number;
  expected: number;
  /** wq / expected − 1. */
  error: number;
  /** Relative standard error of `wq`, from the runs' batch means. */
  relStandardError: number;
  tolerance: number;
  ok: boolean;
  customers: number;
}

/** Pools the runs' mean waits and compares them with Erlang C. */
export function checkWq(outcomes: readonly MmcOutcome[], queue: MmcQueue, tolerance: number): WqCheck {
  let sum = 0;
  let customers = 0;
  const batches: number[] = [];
  for (const o of outcomes) {
    sum += o.meanWaitInQueue * o.measured;
    customers += o.measured;
    batches.push(...o.batchMeans);
  }
  const expected = erlangCWq(queue);
  const wq = sum / customers;
  const error = wq / expected - 1;
  const relStandardError = standardError(batches) / expected;
  return { wq, expected, error, relStandardError, tolerance, ok: Math.abs(error) <= tolerance, customers };
}

const pct = (x: number, digits = 2) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(digits)} %`;
const count = (n: number) => n.toLocaleString('en-US');

export interface KernelBenchResult {
  rows: BenchRow[];
  /** Failed checks (the engine would be wrong): printed loudly, and the bench exits 1. */
  failures: string[];
}

export function measureKernel(options: KernelBenchOptions): KernelBenchResult {
  const progress = options.progress ?? (() => {});
  const warmupCustomers = Math.round(options.customers / 100);
  const runOf = (seed: number): MmcRun => ({
    ...MMC_QUEUE,
    customers: options.customers + warmupCustomers,
    warmupCustomers,
    seed,
  });
  // JIT warm-up of both, unmeasured.
  const jit: MmcRun = { ...MMC_QUEUE, customers: 100_000, warmupCustomers: 0, seed: 1 };
  runKernelMmc(jit);
  runSimjsMmc(jit);

  const ours: MmcOutcome[] = [];
  const theirs: MmcOutcome[] = [];
  for (let i = 0; i < options.repetitions; i++) {
    const run = runOf(1000 + i);
    const order = i % 2 === 0 ? (['kernel', 'simjs'] as const) : (['simjs', 'kernel'] as const);
    for (const who of order) {
      fullGc();
      if (who === 'kernel') ours.push(runKernelMmc(run));
      else theirs.push(runSimjsMmc(run));
    }
    const eps = (o: MmcOutcome) => `${(o.events / o.wallMs / 1000).toFixed(2)} M events/s`;
    progress(
      `  repetition ${i + 1}/${options.repetitions}: kernel ${eps(ours.at(-1)!)}, SIM.JS ${eps(theirs.at(-1)!)}`,
    );
  }

  const failures: string[] = [];
  const expectedEvents = 2 * (options.customers + warmupCustomers);
  for (const [name, list] of [
    ['kernel', ours],
    ['SIM.JS', theirs],
  ] as const)
    for (const o of list)
      if (o.events !== expectedEvents || o.arrivals !== o.departures)
        failures.push(
          `${name} M/M/c run counted ${o.arrivals} arrivals and ${o.departures} departures, expected ${expectedEvents / 2} each`,
        );

  const eventsPerSecond = (list: MmcOutcome[]) => median(list.map((o) => o.events / (o.wallMs / 1000)));
  const oursEps = eventsPerSecond(ours);
  const theirsEps = eventsPerSecond(theirs);
  const ratio = oursEps / theirsEps;
  const rho = utilisation(MMC_QUEUE);
  const label = `M/M/${MMC_QUEUE.servers}, ρ ${rho}, ${count(options.customers)} customers`;
  const rows: BenchRow[] = [
    {
      group: 'Engine kernel',
      name: `${label}: kernel events/s`,
      value: Math.round(oursEps),
      unit: 'events/s',
      peer: { name: 'SIM.JS', value: Math.round(theirsEps) },
      ratio,
      budget: '≥ 3× SIM.JS',
      pass: ratio >= 3,
      limit: { on: 'ratio', min: 3 },
      note:
        `median of ${options.repetitions} interleaved runs each; events = arrivals + departures ` +
        `(${count(expectedEvents)} per run, ${count(warmupCustomers)} warm-up customers included)`,
    },
  ];

  for (const [name, list] of [
    ['kernel', ours],
    ['SIM.JS', theirs],
  ] as const) {
    const first = checkWq(list, MMC_QUEUE, WQ_TOLERANCE);
    const tolerance = options.quick ? Math.max(WQ_TOLERANCE, 4 * first.relStandardError) : WQ_TOLERANCE;
    const check = checkWq(list, MMC_QUEUE, tolerance);
    rows.push({
      group: 'Engine kernel',
      name: `${label}: ${name} Wq vs Erlang C`,
      value: Number((check.error * 100).toFixed(2)),
      unit: '%',
      budget:
        options.quick && tolerance > WQ_TOLERANCE
          ? `within ±${(tolerance * 100).toFixed(1)} % (quick)`
          : 'within ±2 %',
      pass: check.ok,
      limit: { on: 'value', min: -tolerance * 100, max: tolerance * 100 },
      note:
        `Wq ${check.wq.toFixed(4)} vs ${check.expected.toFixed(4)} (Erlang C, P(wait) ${erlangC(MMC_QUEUE).toFixed(3)}); ` +
        `standard error ±${(check.relStandardError * 100).toFixed(2)} % from batch means; ${count(check.customers)} customers pooled`,
    });
    if (!check.ok)
      failures.push(
        `${name}'s M/M/c mean wait in queue is ${pct(check.error)} from Erlang C (allowed ±${(tolerance * 100).toFixed(1)} %, ` +
          `standard error ±${(check.relStandardError * 100).toFixed(2)} %): Wq ${check.wq.toFixed(4)}, expected ${check.expected.toFixed(4)}`,
      );
  }
  return { rows, failures };
}
