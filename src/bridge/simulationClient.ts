/**
 * The UI's client of the simulation worker. It owns the worker's life: starts it on first use, matches
 * responses to requests by id, gathers the streamed logs, and recovers from a worker that crashes or stops
 * answering (watchdog) by terminating it and starting a fresh one on the next request. Callers get
 * promises and a `SimulationError` whose message can be shown to the user as is.
 */
import type { FlowIndex } from '../diagram/flowIndex';
import { receivedFlowIndex } from '../diagram/postedFlowIndex';
import { createSimulationWorker, takeEarlyWorker } from './earlyWorker';
import { shareStrings } from './shareStrings';
import type { Results } from '../engine/results';
import { keepBuiltInWorker } from '../metrics/builtInWorker';
import { createEventLog, type EventLog } from '../engine/eventLog';
import { appendRows } from '../engine/eventRows';
import type { SimEvent } from '../engine/types';
import { windowedLogView } from '../engine/windowedLogView';
import {
  isWorkerResponse,
  type ErrorIssue,
  type RunSpec,
  type ScenarioChange,
  type SeedRange,
  type SimulationRequest,
  type SweepColumns,
  type SweepRequest,
  type WorkerResponse,
} from '../protocol/messages';
import type { Scenario } from '../scenarios/schema';

/** The parts of a Worker the client uses; tests can pass a fake. */
export interface WorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
  addEventListener(type: 'message' | 'messageerror' | 'error', listener: (event: Event) => void): void;
}

/** A preset (by id) or a scenario (any JSON), and a seed. */
export type RunInput = RunSpec;

/** A run's scenario and seed, then the moment to fork at and the settings to change there. */
export interface ForkInput extends RunSpec {
  atMs: number;
  changes: ScenarioChange[];
}

export interface RunOutput {
  results: Omit<Results, 'log'>;
  /**
   * The run's event log: a read-only view of the compact log received from the worker, which makes
   * event objects a window at a time (engine/windowedLogView.ts).
   */
  log: readonly SimEvent[];
  /** The validated scenario the run used (for a fork, the changed one). */
  scenario: Scenario;
  /** The diagram's index of the log, when the worker built it. */
  flowIndex?: FlowIndex;
}

/** A preset (by id) or a scenario (any JSON), and the seeds to run it with. */
export interface SweepInput {
  presetId?: string;
  scenario?: unknown;
  seeds: SeedRange;
}

/** Every run of a sweep, summarised: row `i` of each column is the run with seed `seeds.from + i`. */
export interface SweepOutput {
  scenario: Scenario;
  runs: SweepColumns;
}

export interface SweepProgress {
  done: number;
  total: number;
}

export interface SweepOptions extends RequestOptions {
  /** Called with how many runs are done, at most about ten times a second. */
  onProgress?: (progress: SweepProgress) => void;
}

export interface RequestOptions {
  /** Aborting cancels the request: the worker stops it and the promise rejects with kind 'cancelled'. */
  signal?: AbortSignal;
}

export type SimulationErrorKind = 'rejected' | 'crashed' | 'timeout' | 'protocol' | 'disposed' | 'cancelled';

/** Why a request did not produce results; `message` is written for the user. */
export class SimulationError extends Error {
  override readonly name = 'SimulationError';
  constructor(
    readonly kind: SimulationErrorKind,
    message: string,
    readonly issues: ErrorIssue[] = [],
  ) {
    super(message);
  }
}

export interface SimulationClientOptions {
  /**
   * How long the worker may stay silent while requests are pending before it is restarted. A busy worker
   * sends something at least every WORKER_KEEPALIVE_MS, so this only catches a hung or dead one.
   */
  timeoutMs?: number;
  /**
   * More silence allowed for each event of the logs received so far (whole milliseconds). Once a run's
   * log is all sent, the worker builds its results, diagram index and metrics, each in one go; for a run
   * of millions of events one of those can take longer than `timeoutMs` on a slow machine.
   */
  allowanceMsPerEvent?: number;
  createWorker?: () => WorkerLike;
}

export interface SimulationClient {
  run(input: RunInput, options?: RequestOptions): Promise<RunOutput>;
  /** Runs to `atMs`, changes the settings there, and runs on: the output's log is the whole fork's. */
  fork(input: ForkInput, options?: RequestOptions): Promise<RunOutput>;
  /** Runs 2 to 4 scenarios or seeds; the outputs are in the order of `inputs`. */
  compare(inputs: RunInput[], options?: RequestOptions): Promise<RunOutput[]>;
  /** Runs one scenario once per seed and returns every run's summary (no logs). */
  sweep(input: SweepInput, options?: SweepOptions): Promise<SweepOutput>;
  /**
   * Calls `listener` when the worker crashes or breaks while no request is pending (nobody else would
   * hear of it); the next request starts a fresh worker. Returns the unsubscribe function.
   */
  onIdleFailure(listener: (error: SimulationError) => void): () => void;
  /**
   * Starts the worker now, if none is running, so its script loads and compiles while the page is still
   * rendering rather than after the first request. A worker that cannot start fails the next request.
   */
  warmUp(): void;
  /** Stops the worker; pending requests fail with kind 'disposed'. The client can still be used afterwards. */
  dispose(): void;
}

export const DEFAULT_TIMEOUT_MS = 20_000;
/** 10 s more per million events received. */
export const DEFAULT_ALLOWANCE_MS_PER_EVENT = 0.01;

interface PendingBase {
  reject(error: SimulationError): void;
  /** Stops listening to the caller's abort signal. */
  detach(): void;
}

/** A run, fork or compare in flight: a log and an output per part (one part unless it is a compare). */
interface RunsPending extends PendingBase {
  kind: 'runs';
  compare: boolean;
  /** Per part, the log received so far (compact: rows, not event objects). */
  logs: EventLog[];
  /** Per part, the strings of its log by code (each sent once, then named by its code). */
  strings: string[][];
  /** Per part, one copy of each repeated string of its results (shareStrings). */
  shared: Array<Map<string, string>>;
  /** Per part, the items and invocations received ahead of its results (`results-part`). */
  resultParts: Array<Pick<Results, 'items' | 'invocations'>>;
  outputs: Array<RunOutput | undefined>;
  resolve(outputs: RunOutput[]): void;
}

/** A sweep in flight: progress goes to the caller, the summaries settle it. */
interface SweepPending extends PendingBase {
  kind: 'sweep';
  onProgress: ((progress: SweepProgress) => void) | undefined;
  resolve(output: SweepOutput): void;
}

type Pending = RunsPending | SweepPending;

/** The worker started early, if any (earlyWorker.ts), else a new one. */
function defaultWorker(): WorkerLike {
  return takeEarlyWorker() ?? createSimulationWorker();
}

/** Copies the spec's fields into a request, with exactly one of `presetId` or `scenario`. */
function specOf(input: RunSpec): RunSpec {
  return input.presetId !== undefined
    ? { presetId: input.presetId, seed: input.seed }
    : { scenario: input.scenario, seed: input.seed };
}

function detailOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * The error a pending request fails with when its worker ends: a run whose log had started to arrive
 * says so, since none of that part of a run is handed over as if it were the whole.
 */
function failureFor(p: Pending, error: SimulationError): SimulationError {
  if (p.kind !== 'runs' || error.kind === 'disposed') return error;
  const received = p.logs.reduce((n, log) => n + log.length, 0);
  if (received === 0) return error;
  const count = received.toLocaleString('en-US');
  const note = `The run stopped part way, after ${count} event${received === 1 ? '' : 's'}, so it is incomplete and is not shown.`;
  return new SimulationError(error.kind, `${error.message} ${note}`, error.issues);
}

/** Creates a client; the worker itself starts on the first request. */
export function createSimulationClient(options: SimulationClientOptions = {}): SimulationClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const allowanceMsPerEvent = options.allowanceMsPerEvent ?? DEFAULT_ALLOWANCE_MS_PER_EVENT;
  const createWorker = options.createWorker ?? defaultWorker;
  const pending = new Map<number, Pending>();
  const idleListeners = new Set<(error: SimulationError) => void>();
  let worker: WorkerLike | null = null;
  let watchdog: ReturnType<typeof setTimeout> | null = null;
  let nextId = 1;

  /** Ends the current worker and fails every pending request; the next request starts a new worker. */
  function fail(error: SimulationError): void {
    const hadWorker = worker !== null;
    worker?.terminate();
    worker = null;
    const failed = [...pending.values()];
    pending.clear();
    rearm();
    for (const p of failed) {
      p.detach();
      p.reject(failureFor(p, error));
    }
    if (failed.length === 0 && hadWorker && error.kind !== 'disposed')
      for (const listener of [...idleListeners]) listener(error);
  }

  /**
   * The watchdog watches the worker, not each request: any message from it shows it is alive, and a
   * request queued behind another one must not count as a hang.
   */
  function rearm(): void {
    if (watchdog !== null) clearTimeout(watchdog);
    watchdog = null;
    if (pending.size === 0) return;
    let received = 0;
    for (const p of pending.values()) if (p.kind === 'runs') for (const log of p.logs) received += log.length;
    const allowedMs = timeoutMs + Math.floor(received * allowanceMsPerEvent);
    watchdog = setTimeout(() => {
      watchdog = null;
      const seconds = Math.round(allowedMs / 100) / 10;
      fail(
        new SimulationError(
          'timeout',
          `The simulation did not answer within ${seconds} s, so it was stopped and restarted. Try again, or choose a smaller scenario.`,
        ),
      );
    }, allowedMs);
  }

  function settle(id: number): Pending | undefined {
    const p = pending.get(id);
    if (!p) return undefined;
    pending.delete(id);
    p.detach();
    rearm();
    return p;
  }

  function broken(id: number, message: string): void {
    settle(id)?.reject(new SimulationError('protocol', message));
  }

  function onResponse(message: WorkerResponse): void {
    const id = message.id;
    if (id === null) {
      const detail = message.type === 'error' ? message.message : 'no request id';
      fail(new SimulationError('protocol', `The simulation worker could not read a request: ${detail}`));
      return;
    }
    rearm();
    const p = pending.get(id);
    if (!p) return; // an answer to a request that already failed, was cancelled or was disposed
    if (message.type === 'error') {
      settle(id);
      p.reject(new SimulationError('rejected', message.message, message.issues ?? []));
      return;
    }
    if (p.kind === 'sweep') {
      if (message.type === 'sweep-progress') {
        p.onProgress?.({ done: message.done, total: message.total });
        return;
      }
      if (message.type === 'sweep-results') {
        settle(id);
        p.resolve({ scenario: message.scenario, runs: message.runs });
        return;
      }
      broken(id, 'The simulation worker sent a run’s log where the page asked for a sweep.');
      return;
    }
    if (message.type === 'sweep-progress' || message.type === 'sweep-results') {
      broken(id, 'The simulation worker sent a sweep’s answer where the page asked for a run.');
      return;
    }
    // A compare's messages name their part; a run's and a fork's must not.
    const part = message.part ?? 0;
    const log = p.logs[part];
    if ((message.part !== undefined) !== p.compare || !log || p.outputs[part]) {
      broken(id, 'The simulation worker sent part of a result the page did not ask for.');
      return;
    }
    if (message.type === 'log-batch') {
      if (message.fromSeq !== log.length) {
        broken(id, 'Part of the event log went missing on its way from the worker.');
        return;
      }
      try {
        appendRows(log, message.rows, p.strings[part]);
      } catch {
        broken(id, 'Part of the event log arrived damaged from the worker.');
        return;
      }
      // The watchdog allows for the events received; count these too.
      if (message.rows.t.length > 0) rearm();
      return;
    }
    const received = p.resultParts[part]!;
    if (message.type === 'results-part') {
      shareStrings(message.items, p.shared[part]!);
      shareStrings(message.invocations, p.shared[part]!);
      for (const item of message.items) received.items.push(item);
      for (const invocation of message.invocations) received.invocations.push(invocation);
      return;
    }
    if (message.logLength !== log.length) {
      broken(id, 'The event log arrived incomplete from the worker.');
      return;
    }
    shareStrings(message.results.items, p.shared[part]!);
    shareStrings(message.results.invocations, p.shared[part]!);
    p.shared[part] = new Map();
    const results =
      received.items.length + received.invocations.length === 0
        ? message.results
        : {
            ...message.results,
            items: received.items.concat(message.results.items),
            invocations: received.invocations.concat(message.results.invocations),
          };
    const view = windowedLogView(log);
    p.strings[part] = [];
    const output: RunOutput = { results, log: view, scenario: message.scenario };
    if (message.flowIndex) output.flowIndex = receivedFlowIndex(message.flowIndex, results.items);
    keepBuiltInWorker(view, message);
    p.outputs[part] = output;
    const outputs = p.outputs.filter((o): o is RunOutput => o !== undefined);
    if (outputs.length === p.outputs.length) {
      settle(id);
      p.resolve(outputs);
    }
  }

  function ensureWorker(): WorkerLike {
    if (worker) return worker;
    const w = createWorker();
    w.addEventListener('message', (event) => {
      if (w !== worker) return;
      const data: unknown = (event as MessageEvent).data;
      if (isWorkerResponse(data)) onResponse(data);
      else
        fail(
          new SimulationError(
            'protocol',
            'The simulation worker sent a message the page does not understand.',
          ),
        );
    });
    w.addEventListener('messageerror', () => {
      if (w !== worker) return;
      fail(new SimulationError('protocol', 'A message from the simulation worker could not be read.'));
    });
    w.addEventListener('error', (event) => {
      if (w !== worker) return;
      event.preventDefault?.();
      const detail = (event as ErrorEvent).message;
      fail(
        new SimulationError(
          'crashed',
          `The simulation worker crashed${detail ? ` (${detail})` : ''}. It will be restarted on the next run.`,
        ),
      );
    });
    worker = w;
    return w;
  }

  /** Tells the worker to stop a request the caller gave up on; a lost cancel only wastes work. */
  function cancel(id: number): void {
    const p = settle(id);
    if (!p) return;
    try {
      worker?.postMessage({ type: 'cancel', id });
    } catch {
      // The worker is gone or broken; the watchdog or the next request deals with it.
    }
    p.reject(new SimulationError('cancelled', 'The run was cancelled.'));
  }

  /**
   * Registers a request (the entry `pending` holds for it) and posts it; the caller's promise settles
   * through the entry. Aborting the signal cancels it.
   */
  function send(
    message: SimulationRequest | SweepRequest,
    entry: Omit<RunsPending, 'detach'> | Omit<SweepPending, 'detach'>,
    signal: AbortSignal | undefined,
  ): void {
    if (signal?.aborted) {
      entry.reject(new SimulationError('cancelled', 'The run was cancelled.'));
      return;
    }
    const id = message.id;
    let w: WorkerLike;
    try {
      w = ensureWorker();
    } catch (e) {
      entry.reject(new SimulationError('crashed', `The simulation worker could not start (${detailOf(e)}).`));
      return;
    }
    const onAbort = () => cancel(id);
    pending.set(id, { ...entry, detach: () => signal?.removeEventListener('abort', onAbort) } as Pending);
    rearm();
    try {
      w.postMessage(message);
    } catch (e) {
      settle(id);
      entry.reject(
        new SimulationError(
          'protocol',
          `The request could not be sent to the simulation worker (${detailOf(e)}).`,
        ),
      );
      return;
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  }

  /** Sends a request expecting `parts` outputs, and settles when all have arrived or it fails. */
  function request(
    build: (id: number) => SimulationRequest,
    parts: number,
    signal: AbortSignal | undefined,
  ): Promise<RunOutput[]> {
    return new Promise<RunOutput[]>((resolve, reject) => {
      const message = build(nextId++);
      const entry: Omit<RunsPending, 'detach'> = {
        kind: 'runs',
        compare: message.type === 'compare',
        logs: Array.from({ length: parts }, () => createEventLog()),
        strings: Array.from({ length: parts }, () => []),
        shared: Array.from({ length: parts }, () => new Map<string, string>()),
        resultParts: Array.from({ length: parts }, () => ({ items: [], invocations: [] })),
        outputs: Array.from({ length: parts }, () => undefined),
        resolve,
        reject,
      };
      send(message, entry, signal);
    });
  }

  return {
    async run(input, options = {}) {
      const [output] = await request((id) => ({ type: 'run', id, ...specOf(input) }), 1, options.signal);
      return output!;
    },
    async fork(input, options = {}) {
      const [output] = await request(
        (id) => ({ type: 'fork', id, ...specOf(input), atMs: input.atMs, changes: input.changes }),
        1,
        options.signal,
      );
      return output!;
    },
    compare(inputs, options = {}) {
      const runs = inputs.map(specOf);
      return request((id) => ({ type: 'compare', id, runs }), inputs.length, options.signal);
    },
    sweep(input, options = {}) {
      return new Promise<SweepOutput>((resolve, reject) => {
        const id = nextId++;
        const target =
          input.presetId !== undefined ? { presetId: input.presetId } : { scenario: input.scenario };
        const seeds = { from: input.seeds.from, count: input.seeds.count };
        const entry: Omit<SweepPending, 'detach'> = {
          kind: 'sweep',
          onProgress: options.onProgress,
          resolve,
          reject,
        };
        send({ type: 'sweep', id, ...target, seeds }, entry, options.signal);
      });
    },
    onIdleFailure(listener) {
      idleListeners.add(listener);
      return () => idleListeners.delete(listener);
    },
    warmUp() {
      try {
        ensureWorker();
      } catch {
        // Reported by the next request, which tries again.
      }
    },
    dispose() {
      fail(new SimulationError('disposed', 'The simulation was stopped.'));
    },
  };
}
