/**
 * Running the real worker module in-process: `simulation.worker.ts` registers its message handler on
 * `self` when it is imported, so `loadWorker` stubs `self` with a fake scope before a fresh dynamic
 * import. The worker runs in slices on real timers, so tests wait for the answer they expect.
 */
import { expect, vi } from 'vitest';
import { createSimulation } from '../../src/engine/simulation';
import type { SimEvent } from '../../src/engine/types';
import type { ResultsResponse, WorkerResponse } from '../../src/protocol/messages';
import type { Scenario } from '../../src/scenarios/schema';

type MessageListener = (event: MessageEvent) => void;

/** A stand-in for the worker global: collects what the worker posts and delivers requests to it. */
export class FakeScope {
  readonly posted: unknown[] = [];
  private readonly listeners: MessageListener[] = [];
  /** Called for each posted message (after it is recorded). */
  onPost: ((message: unknown) => void) | null = null;

  postMessage(message: unknown): void {
    const copy = structuredClone(message);
    this.posted.push(copy);
    this.onPost?.(copy);
  }

  addEventListener(type: string, listener: MessageListener): void {
    if (type === 'message') this.listeners.push(listener);
  }

  get listenerCount(): number {
    return this.listeners.length;
  }

  send(data: unknown): void {
    const event = { data: structuredClone(data) } as MessageEvent;
    for (const listener of this.listeners) listener(event);
  }

  get responses(): WorkerResponse[] {
    return this.posted as WorkerResponse[];
  }

  /** The messages for request `id`, in the order they were posted. */
  for(id: number): WorkerResponse[] {
    return this.responses.filter((m) => m.id === id);
  }
}

/** Imports a fresh copy of the worker module bound to a new fake scope. */
export async function loadWorker(): Promise<FakeScope> {
  const scope = new FakeScope();
  vi.stubGlobal('self', scope);
  vi.resetModules();
  await import('../../src/worker/simulation.worker');
  return scope;
}

/** Waits until request `id` is answered for good: `parts` results, or an error. */
export async function answered(scope: FakeScope, id: number, parts = 1): Promise<WorkerResponse[]> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const mine = scope.for(id);
    if (mine.some((m) => m.type === 'error')) return mine;
    if (mine.filter((m) => m.type === 'results').length === parts) return mine;
    if (Date.now() > deadline) throw new Error(`request ${id} was not answered`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** The log of one run (or one compare part) reassembled from its batches, checked for gaps, and its results. */
export function reassemble(
  messages: WorkerResponse[],
  part?: number,
): { log: SimEvent[]; last: ResultsResponse } {
  const mine = messages.filter((m) => m.type !== 'error' && m.part === part);
  const log: SimEvent[] = [];
  for (const m of mine.slice(0, -1)) {
    expect(m.type).toBe('log-batch');
    if (m.type !== 'log-batch') continue;
    expect(m.fromSeq).toBe(log.length);
    log.push(...m.events);
  }
  const last = mine.at(-1) as ResultsResponse;
  expect(last.type).toBe('results');
  expect(last.logLength).toBe(log.length);
  return { log, last };
}

export function directRun(scenario: Scenario, seed: number) {
  const sim = createSimulation(scenario, { seed });
  sim.run();
  return { log: [...sim.log()], results: sim.results() };
}
