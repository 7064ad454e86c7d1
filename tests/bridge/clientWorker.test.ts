/** The page's client and the real worker module (in-process) agree on the protocol, for every request. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSimulationClient, type WorkerLike } from '../../src/bridge/simulationClient';
import { getPreset } from '../../src/scenarios/presets';
import { directRun, loadWorker, type FakeScope } from './workerScope';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A Worker-like pair: client → worker and worker → client, each asynchronous like a real worker. */
function connect(scope: FakeScope) {
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
  return createSimulationClient({ createWorker: () => worker });
}

describe('the page’s client and the real worker', () => {
  it('run: concurrent runs each get exactly the engine’s log, results and scenario', async () => {
    const client = connect(await loadWorker());
    const [retries, burst] = await Promise.all([
      client.run({ presetId: 'async-retries-exhausted', seed: 3 }),
      client.run({ presetId: 'burst-scaling', seed: 1 }),
    ]);
    const direct = directRun(getPreset('async-retries-exhausted')!, 3);
    expect(retries.log).toEqual(direct.log);
    expect(retries.results).toEqual(direct.results);
    expect(retries.scenario).toEqual(getPreset('async-retries-exhausted'));
    expect(burst.log.map((e) => e.seq)).toEqual(burst.log.map((_, i) => i));
    expect(burst.log).toHaveLength(15_000);

    await expect(client.run({ presetId: 'nope', seed: 1 })).rejects.toMatchObject({
      kind: 'rejected',
      message: 'There is no preset called "nope".',
    });
    client.dispose();
  });

  it('fork and compare come back whole through the client', async () => {
    const client = connect(await loadWorker());
    const path = 'function.EventInvokeConfig.MaximumRetryAttempts';
    const [fork, compared] = await Promise.all([
      client.fork({
        presetId: 'async-retries-exhausted',
        seed: 1,
        atMs: 5000,
        changes: [{ path, value: 0 }],
      }),
      client.compare([
        { presetId: 'async-retries-exhausted', seed: 1 },
        { presetId: 'sync-success', seed: 2 },
      ]),
    ]);
    expect(fork.results.items[0]!.attempts).toHaveLength(2);
    expect(fork.scenario.function.EventInvokeConfig?.MaximumRetryAttempts).toBe(0);
    expect(compared).toHaveLength(2);
    expect(compared[0]!.log).toEqual(directRun(getPreset('async-retries-exhausted')!, 1).log);
    expect(compared[1]!.results).toEqual(directRun(getPreset('sync-success')!, 2).results);
    // Same past until the fork point, another future.
    const past = compared[0]!.log.filter((e) => e.t <= 5000);
    expect(fork.log.slice(0, past.length)).toEqual(past);
    expect(fork.log).not.toEqual(compared[0]!.log);

    await expect(
      client.fork({ presetId: 'default', seed: 1, atMs: 0, changes: [{ path, value: 5 }] }),
    ).rejects.toMatchObject({ kind: 'rejected', issues: [{ path }] });
    client.dispose();
  });

  it('cancel: an abandoned run stops in the worker, and the next one is served', async () => {
    const scope = await loadWorker();
    const client = connect(scope);
    const controller = new AbortController();
    const abandoned = client.run({ presetId: 'burst-scaling', seed: 1 }, { signal: controller.signal });
    await vi.waitFor(() => expect(scope.posted.length).toBeGreaterThan(0));
    controller.abort();
    await expect(abandoned).rejects.toMatchObject({ kind: 'cancelled' });
    const next = await client.run({ presetId: 'sync-success', seed: 1 });
    expect(next.results.items[0]!.outcome).toBe('succeeded');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(scope.responses.filter((m) => m.type === 'results').map((m) => m.id)).toHaveLength(1);
    client.dispose();
  });
});
