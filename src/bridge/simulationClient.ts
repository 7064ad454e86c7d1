/**
 * The UI's client of the simulation worker. It owns the worker's life: starts it on first use, matches
 * responses to requests by id, gathers the streamed log, and recovers from a worker that crashes or stops
 * answering (watchdog) by terminating it and starting a fresh one on the next request. Callers get
 * promises and a `SimulationError` whose message can be shown to the user as is.
 */
import type { Results } from '../engine/results';
import type { SimEvent } from '../engine/types';
import {
  isWorkerResponse,
  type ErrorIssue,
  type RunRequest,
  type WorkerResponse,
} from '../protocol/messages';

/** The parts of a Worker the client uses; tests can pass a fake. */
export interface WorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
  addEventListener(type: 'message' | 'messageerror' | 'error', listener: (event: Event) => void): void;
}

export interface RunInput {
  presetId?: string;
  scenario?: unknown;
  seed: number;
}

export interface RunOutput {
  results: Omit<Results, 'log'>;
  log: SimEvent[];
}

export type SimulationErrorKind = 'rejected' | 'crashed' | 'timeout' | 'protocol' | 'disposed';

/** Why a run did not produce results; `message` is written for the user. */
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
  /** How long a run may go without any message from the worker before the worker is restarted. */
  timeoutMs?: number;
  createWorker?: () => WorkerLike;
}

export interface SimulationClient {
  run(input: RunInput): Promise<RunOutput>;
  /** Stops the worker; pending runs fail with kind 'disposed'. The client can still be used afterwards. */
  dispose(): void;
}

export const DEFAULT_TIMEOUT_MS = 20_000;

interface Pending {
  resolve(output: RunOutput): void;
  reject(error: SimulationError): void;
  log: SimEvent[];
  timer: ReturnType<typeof setTimeout>;
}

function defaultWorker(): WorkerLike {
  return new Worker(new URL('../worker/simulation.worker.ts', import.meta.url), {
    type: 'module',
    name: 'simulation',
  });
}

/** Creates a client; the worker itself starts on the first run. */
export function createSimulationClient(options: SimulationClientOptions = {}): SimulationClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const createWorker = options.createWorker ?? defaultWorker;
  const pending = new Map<number, Pending>();
  let worker: WorkerLike | null = null;
  let nextId = 1;

  /** Ends the current worker and fails every pending run; the next run starts a new worker. */
  function fail(error: SimulationError): void {
    worker?.terminate();
    worker = null;
    for (const p of pending.values()) {
      clearTimeout(p.timer);
      p.reject(error);
    }
    pending.clear();
  }

  function armWatchdog(id: number): ReturnType<typeof setTimeout> {
    return setTimeout(() => {
      if (!pending.has(id)) return;
      const seconds = Math.round(timeoutMs / 100) / 10;
      fail(
        new SimulationError(
          'timeout',
          `The simulation did not answer within ${seconds} s, so it was stopped and restarted. Try again, or choose a smaller scenario.`,
        ),
      );
    }, timeoutMs);
  }

  function settle(id: number): Pending | undefined {
    const p = pending.get(id);
    if (!p) return undefined;
    clearTimeout(p.timer);
    pending.delete(id);
    return p;
  }

  function onResponse(message: WorkerResponse): void {
    const id = message.id;
    if (id === null) {
      const detail = message.type === 'error' ? message.message : 'no request id';
      fail(new SimulationError('protocol', `The simulation worker could not read a request: ${detail}`));
      return;
    }
    const p = pending.get(id);
    if (!p) return; // an answer to a run that already failed or was disposed
    switch (message.type) {
      case 'log-batch': {
        if (message.fromSeq !== p.log.length) {
          settle(id);
          p.reject(
            new SimulationError('protocol', 'Part of the event log went missing on its way from the worker.'),
          );
          return;
        }
        for (const event of message.events) p.log.push(event);
        clearTimeout(p.timer);
        p.timer = armWatchdog(id);
        return;
      }
      case 'results': {
        settle(id);
        if (message.logLength !== p.log.length) {
          p.reject(new SimulationError('protocol', 'The event log arrived incomplete from the worker.'));
          return;
        }
        p.resolve({ results: message.results, log: p.log });
        return;
      }
      case 'error':
        settle(id);
        p.reject(new SimulationError('rejected', message.message, message.issues ?? []));
        return;
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

  return {
    run(input) {
      return new Promise<RunOutput>((resolve, reject) => {
        const id = nextId++;
        const request: RunRequest = { type: 'run', id, seed: input.seed };
        if (input.presetId !== undefined) request.presetId = input.presetId;
        else request.scenario = input.scenario;
        let w: WorkerLike;
        try {
          w = ensureWorker();
        } catch (e) {
          const detail = e instanceof Error ? e.message : String(e);
          reject(new SimulationError('crashed', `The simulation worker could not start (${detail}).`));
          return;
        }
        pending.set(id, { resolve, reject, log: [], timer: armWatchdog(id) });
        try {
          w.postMessage(request);
        } catch (e) {
          settle(id);
          const detail = e instanceof Error ? e.message : String(e);
          reject(
            new SimulationError(
              'protocol',
              `The request could not be sent to the simulation worker (${detail}).`,
            ),
          );
        }
      });
    },
    dispose() {
      fail(new SimulationError('disposed', 'The simulation was stopped.'));
    },
  };
}
