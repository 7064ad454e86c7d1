/**
 * The worker's loop for sweeps: runs a scenario once per seed, in slices of about SLICE_MS of wall time
 * between which it yields, so a cancel or a newer request is read even in the middle of a long run.
 * Each finished run is reduced to one row of numbers and its simulation (log included) is dropped
 * before the next seed starts. Progress goes out at most every PROGRESS_MS, which also serves as the
 * keepalive the bridge's watchdog waits for; the results go out once, as transferred typed arrays.
 */
import { createSimulation } from '../engine/simulation';
import { WORKER_KEEPALIVE_MS, type WorkerResponse } from '../protocol/messages';
import { sweepBuffers, sweepColumns, writeRun } from './runSummary';
import { SLICE_MS } from './runLoop';
import { stepsToEnd, type Steps } from './steps';
import type { SweepJob } from './sweepJob';

/** At most about ten progress messages a second. */
export const PROGRESS_MS = Math.min(100, WORKER_KEEPALIVE_MS);

export interface SweepLoopOptions {
  post(message: WorkerResponse, transfer?: Transferable[]): void;
  now?: () => number;
  later?: (slice: () => void) => void;
}

export interface SweepLoop {
  start(job: SweepJob): void;
  /** Stops a sweep; nothing more is sent for it. Unknown or finished ids are ignored. */
  cancel(id: number): void;
}

interface ActiveSweep {
  job: SweepJob;
  columns: ReturnType<typeof sweepColumns>;
  done: number;
  /** The run in progress, or null between runs. */
  steps: Steps | null;
  lastProgress: number;
}

/** Creates the loop that runs `start`ed sweeps and posts their messages. */
export function createSweepLoop(options: SweepLoopOptions): SweepLoop {
  const now = options.now ?? (() => performance.now());
  const later = options.later ?? ((slice) => void setTimeout(slice, 0));
  const active: ActiveSweep[] = [];
  let scheduled = false;

  function remove(a: ActiveSweep): void {
    const i = active.indexOf(a);
    if (i >= 0) active.splice(i, 1);
  }

  /** Steps the sweep until the deadline or its last run's end; true when it has ended. */
  function advance(a: ActiveSweep, deadline: number): boolean {
    const { job } = a;
    while (a.done < job.count) {
      a.steps ??= stepsToEnd(createSimulation(job.scenario, { seed: job.from + a.done }));
      const step = a.steps.next();
      if (step.done) {
        writeRun(a.columns, a.done, step.value.results());
        a.done += 1;
        a.steps = null;
      }
      if (now() >= deadline) break;
    }
    return a.done >= job.count;
  }

  function slice(): void {
    scheduled = false;
    const a = active.at(-1);
    if (!a) return;
    const { id, count, scenario } = a.job;
    try {
      if (advance(a, now() + SLICE_MS)) {
        remove(a);
        options.post({ type: 'sweep-results', id, scenario, runs: a.columns }, sweepBuffers(a.columns));
      } else if (now() - a.lastProgress >= PROGRESS_MS) {
        a.lastProgress = now();
        options.post({ type: 'sweep-progress', id, done: a.done, total: count });
      }
    } catch (e) {
      // A throw here is an engine bug, not bad input: report it for this request and carry on.
      remove(a);
      const message = e instanceof Error ? e.message : String(e);
      options.post({ type: 'error', id, message: `The simulation failed: ${message}` });
    }
    schedule();
  }

  function schedule(): void {
    if (scheduled || active.length === 0) return;
    scheduled = true;
    later(slice);
  }

  return {
    start(job) {
      active.push({ job, columns: sweepColumns(job.count), done: 0, steps: null, lastProgress: now() });
      schedule();
    },
    cancel(id) {
      for (const a of active.filter((x) => x.job.id === id)) remove(a);
    },
  };
}
