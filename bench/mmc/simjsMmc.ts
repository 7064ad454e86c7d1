/**
 * The same M/M/c queue written the way SIM.JS's own examples write it: one entity generates arrivals with
 * `setTimer`, each customer calls `useFacility` on an FCFS facility with c servers, and SIM.JS's
 * Mersenne Twister draws the exponential times. SIM.JS's agenda then holds one timer per arrival and one
 * completion per customer: arrivals + departures, the events the kernel run counts too.
 */
import { createRequire } from 'node:module';
import type { SimJs } from 'simjs';
import { WaitStats, type MmcOutcome, type MmcRun } from './kernelMmc';

let library: SimJs | undefined;

/**
 * Loads SIM.JS. Its bundle publishes the library only as `window.Sim`, so a `window` object exists while
 * it loads and is removed afterwards (nothing else in the process sees it).
 */
export function loadSimjs(): SimJs {
  if (library) return library;
  const g = globalThis as { window?: { Sim?: SimJs } };
  const had = 'window' in g;
  const previous = g.window;
  g.window = {};
  try {
    createRequire(import.meta.url)('simjs');
    const lib = g.window.Sim;
    if (!lib?.Sim || !lib.Facility || !lib.Entity || !lib.Random)
      throw new Error('simjs did not define window.Sim with Sim, Entity, Facility and Random');
    library = lib;
    return lib;
  } finally {
    if (had) g.window = previous;
    else delete g.window;
  }
}

/** Runs the M/M/c queue on SIM.JS. */
export function runSimjsMmc(run: MmcRun): MmcOutcome {
  const startedAt = performance.now();
  const { Sim, Entity, Facility, Random } = loadSimjs();
  const sim = new Sim();
  const random = new Random(run.seed);
  const servers = new Facility('servers', Facility.FCFS, run.servers);
  let arrivals = 0;
  let departures = 0;
  const waits = new WaitStats(run);

  class Customers extends Entity {
    start(): void {
      if (run.customers > 0) this.setTimer(random.exponential(run.lambda)).done(this.arrive);
    }
    arrive(): void {
      const customer = arrivals;
      arrivals += 1;
      const arrivedAt = this.time();
      const service = random.exponential(run.mu);
      this.useFacility(servers, service).done(() => {
        departures += 1;
        // Done at the departure: the wait in queue is the time in the system minus the service.
        waits.add(customer, this.time() - arrivedAt - service);
      });
      if (arrivals < run.customers) this.setTimer(random.exponential(run.lambda)).done(this.arrive);
    }
  }

  sim.addEntity(Customers);
  sim.simulate(Number.POSITIVE_INFINITY);
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
