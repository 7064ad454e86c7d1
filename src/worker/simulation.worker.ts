/**
 * The simulation worker: loads or validates a scenario, runs it to the end with the engine, streams the
 * event log in batches of LOG_BATCH_SIZE, then sends the results. Running here keeps the UI thread free
 * however long the run takes; the bridge restarts this worker if it crashes or hangs.
 */
import { createSimulation } from '../engine/simulation';
import {
  LOG_BATCH_SIZE,
  isWorkerRequest,
  type ErrorResponse,
  type RunRequest,
  type WorkerResponse,
} from '../protocol/messages';
import { getPreset } from '../scenarios/presets';
import type { Scenario } from '../scenarios/schema';
import { validateScenario } from '../scenarios/validate';

/** The parts of the worker global this file uses (tsconfig has the DOM lib, not WebWorker). */
interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

const scope = self as unknown as WorkerScope;

const MAX_SEED = 0xffffffff;

function post(message: WorkerResponse): void {
  scope.postMessage(message);
}

type Loaded = { ok: true; scenario: Scenario } | { ok: false; error: Omit<ErrorResponse, 'type' | 'id'> };

function loadScenario(request: RunRequest): Loaded {
  if (request.presetId !== undefined) {
    const scenario = getPreset(request.presetId);
    if (!scenario)
      return { ok: false, error: { message: `There is no preset called "${request.presetId}".` } };
    return { ok: true, scenario };
  }
  const result = validateScenario(request.scenario);
  if (!result.ok) {
    const count = result.errors.length;
    return {
      ok: false,
      error: {
        message: `The scenario is not valid (${count} error${count === 1 ? '' : 's'}).`,
        issues: result.errors,
      },
    };
  }
  return { ok: true, scenario: result.scenario };
}

function run(request: RunRequest): void {
  const { id, seed } = request;
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    post({
      type: 'error',
      id,
      message: `The seed must be a whole number from 0 to ${MAX_SEED}; got ${seed}.`,
    });
    return;
  }
  const loaded = loadScenario(request);
  if (!loaded.ok) {
    post({ type: 'error', id, ...loaded.error });
    return;
  }
  const simulation = createSimulation(loaded.scenario, { seed });
  simulation.run();
  const log = simulation.log();
  for (let from = 0; from < log.length; from += LOG_BATCH_SIZE) {
    const events = log.slice(from, from + LOG_BATCH_SIZE);
    post({ type: 'log-batch', id, fromSeq: events[0]!.seq, events });
  }
  post({ type: 'results', id, results: simulation.results(), logLength: log.length });
}

scope.addEventListener('message', (event) => {
  const request: unknown = event.data;
  if (!isWorkerRequest(request)) {
    const id = (request as { id?: unknown } | null)?.id;
    post({
      type: 'error',
      id: Number.isSafeInteger(id) && (id as number) >= 0 ? (id as number) : null,
      message: 'The simulation worker received a request it does not understand.',
    });
    return;
  }
  try {
    run(request);
  } catch (e) {
    // A throw here is an engine bug, not bad input: report it for this request and stay alive.
    const message = e instanceof Error ? e.message : String(e);
    post({ type: 'error', id: request.id, message: `The simulation failed: ${message}` });
  }
});
