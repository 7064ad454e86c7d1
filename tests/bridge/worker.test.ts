/**
 * The real worker module, run in-process: `simulation.worker.ts` registers its message handler on `self`
 * when it is imported, so each test stubs `self` with a fake scope before a fresh dynamic import.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSimulationClient, type WorkerLike } from '../../src/bridge/simulationClient';
import { createSimulation } from '../../src/engine/simulation';
import type { SimEvent } from '../../src/engine/types';
import {
  LOG_BATCH_SIZE,
  isWorkerResponse,
  type LogBatchResponse,
  type ResultsResponse,
  type WorkerResponse,
} from '../../src/protocol/messages';
import { getPreset } from '../../src/scenarios/presets';

type MessageListener = (event: MessageEvent) => void;

/** A stand-in for the worker global: collects what the worker posts and delivers requests to it. */
class FakeScope {
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
}

/** Imports a fresh copy of the worker module bound to a new fake scope. */
async function loadWorker(): Promise<FakeScope> {
  const scope = new FakeScope();
  vi.stubGlobal('self', scope);
  vi.resetModules();
  await import('../../src/worker/simulation.worker');
  return scope;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

function directRun(presetId: string, seed: number) {
  const sim = createSimulation(getPreset(presetId)!, { seed });
  sim.run();
  return { log: [...sim.log()], results: sim.results() };
}

describe('the worker module (in-process)', () => {
  it('registers one message listener on self when imported', async () => {
    const scope = await loadWorker();
    expect(scope.listenerCount).toBe(1);
    expect(scope.posted).toEqual([]);
  });

  it('runs sync-success: log batches first, then results whose logLength matches', async () => {
    const scope = await loadWorker();
    scope.send({ type: 'run', id: 1, presetId: 'sync-success', seed: 1 });
    const messages = scope.responses;
    expect(messages.length).toBeGreaterThanOrEqual(2);
    for (const m of messages) expect(isWorkerResponse(m), JSON.stringify(m).slice(0, 80)).toBe(true);
    for (const m of messages) expect(m.id).toBe(1);

    const batches = messages.slice(0, -1) as LogBatchResponse[];
    const last = messages.at(-1) as ResultsResponse;
    expect(batches.every((m) => m.type === 'log-batch')).toBe(true);
    expect(last.type).toBe('results');

    const log: SimEvent[] = batches.flatMap((b) => b.events);
    expect(last.logLength).toBe(log.length);
    expect(batches[0]!.fromSeq).toBe(0);
    for (const b of batches) expect(b.events[0]!.seq).toBe(b.fromSeq);

    const direct = directRun('sync-success', 1);
    expect(log).toEqual(direct.log);
    expect(last.results).toEqual(direct.results);
    expect(last.results).not.toHaveProperty('log');
    expect(last.results.items[0]!.outcome).toBe('succeeded');
  });

  it('splits a long log into contiguous batches of LOG_BATCH_SIZE', async () => {
    const scope = await loadWorker();
    scope.send({ type: 'run', id: 9, presetId: 'burst-scaling', seed: 1 });
    const messages = scope.responses;
    const batches = messages.filter((m): m is LogBatchResponse => m.type === 'log-batch');
    const results = messages.at(-1) as ResultsResponse;
    expect(results.type).toBe('results');
    expect(batches.length).toBe(Math.ceil(results.logLength / LOG_BATCH_SIZE));
    expect(batches.length).toBeGreaterThan(1);
    let expected = 0;
    for (const [i, b] of batches.entries()) {
      expect(b.fromSeq).toBe(expected);
      if (i < batches.length - 1) expect(b.events).toHaveLength(LOG_BATCH_SIZE);
      expected += b.events.length;
    }
    expect(expected).toBe(results.logLength);
  });

  it('runs a scenario given as JSON, and reports an invalid one with its issues', async () => {
    const scope = await loadWorker();
    const scenario = {
      id: 'mine',
      title: 'Mine',
      function: {},
      sources: [{ type: 'sync', id: 'c', caller: 'direct', requests: [{ id: 'a', atMs: 0 }] }],
    };
    scope.send({ type: 'run', id: 2, scenario, seed: 5 });
    const last = scope.responses.at(-1) as ResultsResponse;
    expect(last).toMatchObject({ type: 'results', id: 2 });
    expect(last.results.scenario).toBe('mine');
    expect(last.results.seed).toBe(5);

    scope.send({ type: 'run', id: 3, scenario: { id: 'broken', function: { Timeout: -1 } }, seed: 1 });
    const error = scope.responses.at(-1)!;
    expect(error.type).toBe('error');
    if (error.type !== 'error') return;
    expect(error.id).toBe(3);
    expect(error.message).toMatch(/^The scenario is not valid \(\d+ errors?\)\.$/);
    expect(error.issues?.length).toBeGreaterThan(0);
    expect(error.issues?.[0]).toEqual({ path: expect.any(String), message: expect.any(String) });
  });

  it('answers an unknown preset with an error for that request, and nothing else', async () => {
    const scope = await loadWorker();
    scope.send({ type: 'run', id: 4, presetId: 'no-such-preset', seed: 1 });
    expect(scope.responses).toEqual([
      { type: 'error', id: 4, message: 'There is no preset called "no-such-preset".' },
    ]);
  });

  it.each([-1, 1.5, 2 ** 32, Number.NaN])('answers a bad seed (%d) with an error', async (seed) => {
    const scope = await loadWorker();
    scope.send({ type: 'run', id: 5, presetId: 'sync-success', seed });
    expect(scope.responses).toHaveLength(1);
    expect(scope.responses[0]).toMatchObject({ type: 'error', id: 5 });
    expect((scope.responses[0] as { message: string }).message).toMatch(/seed must be a whole number/);
  });

  it('answers a request it cannot read with an error; id null when there is no usable id', async () => {
    const scope = await loadWorker();
    scope.send({ type: 'run', id: 6 }); // no seed, no preset
    scope.send({ type: 'stop', id: 7 });
    scope.send('run please');
    scope.send(null);
    scope.send({ type: 'run', id: -1, presetId: 'sync-success', seed: 1 });
    expect(scope.responses.map((m) => [m.type, m.id])).toEqual([
      ['error', 6],
      ['error', 7],
      ['error', null],
      ['error', null],
      ['error', null],
    ]);
    for (const m of scope.responses) expect(isWorkerResponse(m)).toBe(true);
  });

  it('stays alive after a bad request and serves the next one', async () => {
    const scope = await loadWorker();
    scope.send({ type: 'nonsense' });
    scope.send({ type: 'run', id: 8, presetId: 'sync-success', seed: 1 });
    expect(scope.responses.at(-1)).toMatchObject({ type: 'results', id: 8 });
  });

  it('the page’s client and the real worker agree on the protocol', async () => {
    const scope = await loadWorker();
    // A Worker-like pair: client → worker and worker → client, each asynchronous like a real worker.
    const clientListeners: Array<(event: Event) => void> = [];
    const worker: WorkerLike = {
      postMessage: (message) => queueMicrotask(() => scope.send(message)),
      terminate: () => undefined,
      addEventListener: (type, listener) => {
        if (type === 'message') clientListeners.push(listener);
      },
    };
    scope.onPost = (message) =>
      queueMicrotask(() => {
        for (const listener of clientListeners) listener({ data: message } as MessageEvent);
      });
    const client = createSimulationClient({ createWorker: () => worker });

    const [retries, burst] = await Promise.all([
      client.run({ presetId: 'async-retries-exhausted', seed: 3 }),
      client.run({ presetId: 'burst-scaling', seed: 1 }),
    ]);
    const direct = directRun('async-retries-exhausted', 3);
    expect(retries.log).toEqual(direct.log);
    expect(retries.results).toEqual(direct.results);
    expect(burst.log.length).toBeGreaterThan(LOG_BATCH_SIZE);
    expect(burst.log.map((e) => e.seq)).toEqual(burst.log.map((_, i) => i));

    await expect(client.run({ presetId: 'nope', seed: 1 })).rejects.toMatchObject({
      kind: 'rejected',
      message: 'There is no preset called "nope".',
    });
    client.dispose();
  });
});
