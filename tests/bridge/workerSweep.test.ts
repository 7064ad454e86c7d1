/** The worker's `sweep` request, run in-process (see workerScope.ts). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  SWEEP_FIELDS,
  isWorkerResponse,
  type SweepResultsResponse,
  type WorkerResponse,
} from '../../src/protocol/messages';
import { getPreset, presetSource } from '../../src/scenarios/presets';
import { comparisonRow } from '../../src/store/compare/comparisonRow';
import { summariseRun } from '../../src/worker/runSummary';
import { directRun, loadWorker, type FakeScope } from './workerScope';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** Waits until sweep `id` ends with its results or an error. */
async function sweepAnswered(scope: FakeScope, id: number): Promise<WorkerResponse[]> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const mine = scope.for(id);
    if (mine.some((m) => m.type === 'error' || m.type === 'sweep-results')) return mine;
    if (Date.now() > deadline) throw new Error(`sweep ${id} was not answered`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('the worker: sweep', () => {
  it.each([
    ['async-retries-exhausted', 5, 12],
    ['sqs-batch-error', 100, 6],
    ['sync-timeout-then-success', 0, 4],
  ])(
    'summarises %s seeds %d… (%d runs) exactly as the engine run per seed',
    async (presetId, from, count) => {
      const scope = await loadWorker();
      scope.send({ type: 'sweep', id: 1, presetId, seeds: { from, count } });
      const messages = await sweepAnswered(scope, 1);
      for (const m of messages) expect(isWorkerResponse(m)).toBe(true);
      const last = messages.at(-1) as SweepResultsResponse;
      expect(last.type).toBe('sweep-results');
      expect(last.scenario).toEqual(getPreset(presetId));
      for (const field of SWEEP_FIELDS) expect(last.runs[field]).toHaveLength(count);
      for (let i = 0; i < count; i++) {
        const { results } = directRun(getPreset(presetId)!, from + i);
        const row = Object.fromEntries(SWEEP_FIELDS.map((f) => [f, last.runs[f][i]]));
        expect(row).toEqual(summariseRun(results));
        // The same numbers as the comparison table's, where both have them.
        const compared = comparisonRow(results);
        expect(row.seed).toBe(from + i);
        expect(row).toMatchObject({
          items: compared.items,
          succeeded: compared.succeeded,
          attempts: compared.attempts,
          duplicates: compared.duplicates,
          lost: compared.lost,
          concurrencyPeak: compared.concurrencyPeak,
          costUsd: compared.costUsd,
          latencyP50Ms: compared.latencyP50Ms ?? Number.NaN,
          latencyMaxMs: compared.latencyMaxMs ?? Number.NaN,
          toDlq: (compared.failuresTo.dlq ?? 0) + (compared.failuresTo['queue-dlq'] ?? 0),
          toDestination: compared.failuresTo['on-failure'] ?? 0,
        });
      }
      // Progress never claims more than is done, and sends no logs.
      for (const m of messages.slice(0, -1)) {
        expect(m.type).toBe('sweep-progress');
        if (m.type === 'sweep-progress') expect(m.done).toBeLessThanOrEqual(count);
      }
    },
  );

  it('sends progress at most about ten times a second while it runs', async () => {
    const scope = await loadWorker();
    const started = Date.now();
    scope.send({ type: 'sweep', id: 2, presetId: 'async-retries-exhausted', seeds: { from: 1, count: 400 } });
    const messages = await sweepAnswered(scope, 2);
    const seconds = (Date.now() - started) / 1000;
    const progress = messages.filter((m) => m.type === 'sweep-progress');
    expect(progress.length).toBeLessThanOrEqual(Math.ceil(seconds * 10) + 1);
    const done = progress.map((m) => (m.type === 'sweep-progress' ? m.done : -1));
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(messages.at(-1)!.type).toBe('sweep-results');
  });

  it('a cancelled sweep stops: nothing more is sent for it', async () => {
    const scope = await loadWorker();
    scope.send({ type: 'sweep', id: 3, presetId: 'sqs-batch-error', seeds: { from: 1, count: 10_000 } });
    await new Promise<void>((resolve) => {
      scope.onPost = () => resolve();
    });
    scope.send({ type: 'cancel', id: 3 });
    const sent = scope.for(3).length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(scope.for(3)).toHaveLength(sent);
    expect(scope.for(3).some((m) => m.type === 'sweep-results')).toBe(false);
  });

  it('a sweep cancelled within one long run stops inside it', async () => {
    const scope = await loadWorker();
    // One burst-scaling run takes many slices, so the cancel arrives in the middle of the first run.
    scope.send({ type: 'sweep', id: 4, presetId: 'burst-scaling', seeds: { from: 1, count: 2 } });
    await new Promise((resolve) => setTimeout(resolve, 30));
    scope.send({ type: 'cancel', id: 4 });
    const sent = scope.for(4).length;
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(scope.for(4)).toHaveLength(sent);
    expect(scope.for(4).some((m) => m.type === 'sweep-results')).toBe(false);
  });

  it('a run request sent during a sweep is answered before the sweep ends', async () => {
    const scope = await loadWorker();
    scope.send({ type: 'sweep', id: 5, presetId: 'sqs-batch-error', seeds: { from: 1, count: 10_000 } });
    scope.send({ type: 'run', id: 6, presetId: 'sync-success', seed: 1 });
    const deadline = Date.now() + 5000;
    while (!scope.for(6).some((m) => m.type === 'results') && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 5));
    expect(scope.for(6).at(-1)!.type).toBe('results');
    expect(scope.for(5).some((m) => m.type === 'sweep-results')).toBe(false);
    scope.send({ type: 'cancel', id: 5 });
  });

  it.each([
    [{ from: 1, count: 0 }, 'seeds.count', 'seeds.count must be a whole number from 1 to 10000; got 0.'],
    [
      { from: 1, count: 10_001 },
      'seeds.count',
      'seeds.count must be a whole number from 1 to 10000; got 10001.',
    ],
    [{ from: 1, count: 2.5 }, 'seeds.count', 'seeds.count must be a whole number from 1 to 10000; got 2.5.'],
    [{ from: 1 }, 'seeds.count', 'seeds.count must be a whole number from 1 to 10000; got undefined.'],
    [
      { from: -1, count: 10 },
      'seeds.from',
      expect.stringMatching(/^seeds\.from must be a whole number .*got -1\.$/),
    ],
    [{ from: 4294967295, count: 2 }, 'seeds.from', expect.stringMatching(/from 0 to 4294967294/)],
    [undefined, 'seeds', 'The sweep needs seeds: {from, count}.'],
  ])('refuses seeds %j with an error naming %s', async (seeds, path, message) => {
    const scope = await loadWorker();
    scope.send({ type: 'sweep', id: 7, presetId: 'sync-success', seeds });
    expect(scope.for(7)).toEqual([{ type: 'error', id: 7, message, issues: [{ path, message }] }]);
  });

  it('refuses an unknown preset or an invalid scenario, naming the field', async () => {
    const scope = await loadWorker();
    scope.send({ type: 'sweep', id: 8, presetId: 'nope', seeds: { from: 1, count: 10 } });
    expect(scope.for(8)).toEqual([
      {
        type: 'error',
        id: 8,
        message: 'There is no preset called "nope".',
        issues: [{ path: 'presetId', message: 'There is no preset called "nope".' }],
      },
    ]);
    const broken = { ...presetSource('sync-success'), function: { Timeout: 901 } };
    scope.send({ type: 'sweep', id: 9, scenario: broken, seeds: { from: 1, count: 10 } });
    const [error] = scope.for(9);
    expect(error).toMatchObject({ type: 'error', message: 'The scenario is not valid (1 error).' });
    expect(error?.type === 'error' && error.issues?.[0]?.path).toBe('scenario.function.Timeout');
  });

  it('a sweep with both or neither of presetId and scenario is not understood', async () => {
    const scope = await loadWorker();
    scope.send({ type: 'sweep', id: 10, seeds: { from: 1, count: 10 } });
    scope.send({ type: 'sweep', id: 11, presetId: 'default', scenario: {}, seeds: { from: 1, count: 1 } });
    expect(scope.for(10)[0]).toMatchObject({
      type: 'error',
      message: expect.stringMatching(/does not understand/),
    });
    expect(scope.for(11)[0]).toMatchObject({
      type: 'error',
      message: expect.stringMatching(/does not understand/),
    });
  });
});
