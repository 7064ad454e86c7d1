/**
 * The M/M/c queue built from the engine's kernel: the agenda is `src/engine/kernel/eventQueue.ts`'s binary
 * heap ordered by (t, pri, seq), and every random number comes from a named stream of
 * `src/engine/kernel/random.ts`. Scenario durations (`distributions.ts`) are whole milliseconds and have no
 * exponential, so the exponential draws are the inverse transform −ln(1 − U)/rate of `nextFloat` here.
 */
import { heapPop, heapPush, type Scheduled } from '../../src/engine/kernel/eventQueue';
import { createRandom, nextFloat, type RandomState } from '../../src/engine/kernel/random';
import type { MmcQueue } from './erlangC';

/** One simulated M/M/c run: the queue, how many customers arrive, which ones the statistics skip. */
export interface MmcRun extends MmcQueue {
  /** Customers that arrive in the run (all of them are served: the run ends when the agenda is empty). */
  customers: number;
  /** The first customers, excluded from the mean wait (the queue starts empty, not in steady state). */
  warmupCustomers: number;
  seed: number;
}

export interface MmcOutcome {
  /** Agenda events processed: arrivals + departures (2 per customer). */
  events: number;
  arrivals: number;
  departures: number;
  /** Wall time of the run, ms. */
  wallMs: number;
  /** Mean wait in queue of the customers after the warm-up. */
  meanWaitInQueue: number;
  /** How many customers the mean is over. */
  measured: number;
  /**
   * Mean wait of each of BATCHES consecutive groups of measured customers (by arrival order): batch means,
   * from which the standard error of `meanWaitInQueue` is estimated (waits of neighbours are correlated).
   */
  batchMeans: number[];
}

/** How many batch means a run reports. */
export const BATCHES = 20;

/** Accumulates waits by customer index into BATCHES equal groups of the measured customers. */
export class WaitStats {
  private readonly sums = new Float64Array(BATCHES);
  private readonly counts = new Float64Array(BATCHES);
  private readonly perBatch: number;
  sum = 0;
  count = 0;

  constructor(private readonly run: MmcRun) {
    this.perBatch = Math.max(1, Math.ceil((run.customers - run.warmupCustomers) / BATCHES));
  }

  /** Records the wait in queue of customer `customer` (0-based arrival index); warm-up customers are skipped. */
  add(customer: number, wait: number): void {
    const k = customer - this.run.warmupCustomers;
    if (k < 0) return;
    const b = Math.min(BATCHES - 1, Math.floor(k / this.perBatch));
    this.sums[b]! += wait;
    this.counts[b]! += 1;
    this.sum += wait;
    this.count += 1;
  }

  mean(): number {
    return this.count > 0 ? this.sum / this.count : Number.NaN;
  }

  batchMeans(): number[] {
    const out: number[] = [];
    for (let b = 0; b < BATCHES; b++) if (this.counts[b]! > 0) out.push(this.sums[b]! / this.counts[b]!);
    return out;
  }
}

const DEPARTURE = 0;
const ARRIVAL = 1;

interface Entry extends Scheduled {
  kind: typeof DEPARTURE | typeof ARRIVAL;
}

function exponential(rng: RandomState, stream: string, rate: number): number {
  return -Math.log(1 - nextFloat(rng, stream)) / rate;
}

/** Runs the M/M/c queue on the engine's kernel. */
export function runKernelMmc(run: MmcRun): MmcOutcome {
  const startedAt = performance.now();
  const rng = createRandom(run.seed);
  const agenda: Entry[] = [];
  let seq = 0;
  // Departures first at equal times (pri 0), as the engine orders its own entries by priority.
  const schedule = (t: number, kind: Entry['kind']) => heapPush(agenda, { t, pri: kind, seq: seq++, kind });

  /** Arrival times of the customers waiting for a server, oldest first (from `head`). */
  const waiting: number[] = [];
  let head = 0;
  let free = run.servers;
  let arrivals = 0;
  let departures = 0;
  /** Customers that have started service; FIFO, so this is also the index of the next one to start. */
  let serviceStarts = 0;
  const waits = new WaitStats(run);

  const startService = (now: number, arrivedAt: number) => {
    free -= 1;
    waits.add(serviceStarts, now - arrivedAt);
    serviceStarts += 1;
    schedule(now + exponential(rng, 'service', run.mu), DEPARTURE);
  };

  if (run.customers > 0) schedule(exponential(rng, 'arrivals', run.lambda), ARRIVAL);
  for (;;) {
    const entry = heapPop(agenda);
    if (!entry) break;
    const now = entry.t;
    if (entry.kind === ARRIVAL) {
      arrivals += 1;
      if (arrivals < run.customers) schedule(now + exponential(rng, 'arrivals', run.lambda), ARRIVAL);
      if (free > 0) startService(now, now);
      else waiting.push(now);
    } else {
      departures += 1;
      free += 1;
      if (head < waiting.length) {
        startService(now, waiting[head]!);
        head += 1;
        if (head >= 4096 && head * 2 >= waiting.length) {
          waiting.splice(0, head);
          head = 0;
        }
      }
    }
  }
  const wallMs = performance.now() - startedAt;
  return {
    events: arrivals + departures,
    arrivals,
    departures,
    wallMs,
    meanWaitInQueue: waits.mean(),
    measured: waits.count,
    batchMeans: waits.batchMeans(),
  };
}
