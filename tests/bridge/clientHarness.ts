/** A fake Worker and helpers for the simulation client's tests. */
import { expect, vi } from 'vitest';
import {
  SimulationError,
  createSimulationClient,
  type SimulationClientOptions,
  type WorkerLike,
} from '../../src/bridge/simulationClient';
import type { SimEvent } from '../../src/engine/types';
import type { SimulationRequest, WorkerResponse } from '../../src/protocol/messages';
import type { Scenario } from '../../src/scenarios/schema';

type Listener = (event: Event) => void;
type EventType = 'message' | 'messageerror' | 'error';

/** A Worker stand-in: records what the client posts and lets the test send messages and errors back. */
export class FakeWorker implements WorkerLike {
  readonly posted: unknown[] = [];
  terminated = false;
  private readonly listeners = new Map<EventType, Listener[]>();

  postMessage(message: unknown): void {
    this.posted.push(message);
  }

  terminate(): void {
    this.terminated = true;
  }

  addEventListener(type: EventType, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  private dispatch(type: EventType, event: object): void {
    for (const listener of this.listeners.get(type) ?? []) listener(event as Event);
  }

  /** The requests the client has posted. */
  get requests(): SimulationRequest[] {
    return this.posted as SimulationRequest[];
  }

  /** The id of the last request posted. */
  get lastId(): number {
    const last = this.requests.at(-1);
    if (!last) throw new Error('nothing posted yet');
    return last.id;
  }

  reply(message: WorkerResponse | Record<string, unknown>): void {
    this.dispatch('message', { data: message });
  }

  /** Answers the last request with results and an empty log. */
  replyResults(): void {
    this.reply({ type: 'results', id: this.lastId, results: RESULTS, scenario: SCENARIO, logLength: 0 });
  }

  crash(message = 'Uncaught ReferenceError: x is not defined'): { preventDefault: () => void } {
    const event = { message, preventDefault: vi.fn() };
    this.dispatch('error', event);
    return event;
  }

  messageError(): void {
    this.dispatch('messageerror', {});
  }
}

export function event(seq: number, type = 'item/arrived'): SimEvent {
  return { seq, t: seq * 10, type, rule: '§1.1' };
}

export function events(from: number, count: number): SimEvent[] {
  return Array.from({ length: count }, (_, i) => event(from + i));
}

export const RESULTS = {
  scenario: 'sync-success',
  seed: 1,
  endMs: 370,
  items: [],
  invocations: [],
  metrics: {} as never,
};

/** Stands in for the validated scenario a results message carries; the client passes it on as is. */
export const SCENARIO = { id: 'sync-success', function: { Timeout: 3 }, sources: [] } as unknown as Scenario;

/** A client whose workers are fakes; `workers` lists every worker it created, oldest first. */
export function setup(options: Omit<SimulationClientOptions, 'createWorker'> = {}) {
  const workers: FakeWorker[] = [];
  const createWorker = vi.fn(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  });
  const client = createSimulationClient({ ...options, createWorker });
  const current = () => {
    const w = workers.at(-1);
    if (!w) throw new Error('no worker yet');
    return w;
  };
  return { client, workers, createWorker, current };
}

/** Tracks whether a promise has settled, without awaiting it. */
export function track<T>(promise: Promise<T>) {
  const state: { settled: boolean; value?: T; error?: unknown } = { settled: false };
  promise.then(
    (value) => Object.assign(state, { settled: true, value }),
    (error: unknown) => Object.assign(state, { settled: true, error }),
  );
  return state;
}

/** Lets a run the test does not await fail without an unhandled rejection. */
export function quiet(run: Promise<unknown>): void {
  run.catch(() => undefined);
}

export async function rejection(promise: Promise<unknown>): Promise<SimulationError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the run to fail, but it resolved');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SimulationError);
  return error as SimulationError;
}
