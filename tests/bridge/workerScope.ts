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
import { MESSAGE_CHUNK } from '../../src/worker/runLoop';
import type { EventRows } from '../../src/engine/eventRows';
import { eventsOfRows } from '../helpers/eventRows';

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
  const strings: string[] = [];
  const items: ResultsResponse['results']['items'] = [];
  const invocations: ResultsResponse['results']['invocations'] = [];
  for (const m of mine.slice(0, -1)) {
    if (m.type === 'results-part') {
      items.push(...m.items);
      invocations.push(...m.invocations);
      continue;
    }
    expect(m.type).toBe('log-batch');
    if (m.type !== 'log-batch') continue;
    // The whole log comes before any part of the results.
    expect(items.length + invocations.length).toBe(0);
    expect(m.fromSeq).toBe(log.length);
    expect(m.rows.t.length).toBeLessThanOrEqual(MESSAGE_CHUNK);
    log.push(...eventsOfRows(m.rows, m.fromSeq, strings));
  }
  const sent = mine.at(-1) as ResultsResponse;
  expect(sent.type).toBe('results');
  expect(sent.logLength).toBe(log.length);
  const results = {
    ...sent.results,
    items: [...items, ...sent.results.items],
    invocations: [...invocations, ...sent.results.invocations],
  };
  return { log, last: { ...sent, results } };
}

/**
 * Groups log batches into the rounds the worker sent together: every batch of a round but its last is
 * full (MESSAGE_CHUNK events), so a shorter one ends a round.
 */
export function batchRounds<T extends { rows: EventRows }>(batches: T[]): T[][] {
  const rounds: T[][] = [];
  let round: T[] = [];
  for (const b of batches) {
    round.push(b);
    if (b.rows.t.length < MESSAGE_CHUNK) {
      rounds.push(round);
      round = [];
    }
  }
  if (round.length > 0) rounds.push(round);
  return rounds;
}

export function directRun(scenario: Scenario, seed: number) {
  const sim = createSimulation(scenario, { seed });
  sim.run();
  return { log: [...sim.log()], results: sim.results() };
}
