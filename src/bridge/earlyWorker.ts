/**
 * The simulation worker, started as early as the page's code allows: `startWorkerEarly` runs when the
 * entry module's first import is evaluated, before React and the app are, so the worker's script loads and
 * compiles while the page's own modules evaluate and render. The client takes it for its first request.
 */

/** A new simulation worker (the one place its script is named, so the build emits it once). */
export function createSimulationWorker(): Worker {
  return new Worker(new URL('../worker/simulation.worker.ts', import.meta.url), {
    type: 'module',
    name: 'simulation',
  });
}

let early: Worker | null = null;
let earlyFailed = false;

/** Starts the worker now, unless one was started already. */
export function startWorkerEarly(): void {
  if (early !== null || typeof Worker === 'undefined') return;
  try {
    early = createSimulationWorker();
  } catch {
    return; // the client tries again, and reports the failure to start
  }
  // An error while its script loads comes before the client listens: remember it.
  early.addEventListener('error', () => (earlyFailed = true), { once: true });
}

/**
 * The early worker, once, if it is there and has not failed; null otherwise (a worker that failed to
 * load is ended, and the client starts one of its own and hears what goes wrong with it).
 */
export function takeEarlyWorker(): Worker | null {
  const worker = early;
  early = null;
  if (worker !== null && earlyFailed) {
    worker.terminate();
    return null;
  }
  return worker;
}
