/** The worker's `compare` request, run in-process (see workerScope.ts). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isWorkerResponse } from '../../src/protocol/messages';
import { getPreset, presetSource } from '../../src/scenarios/presets';
import { mustValidate } from '../../src/scenarios/validate';
import { answered, directRun, loadWorker, reassemble } from './workerScope';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the worker: compare', () => {
  it('streams each run’s log tagged with its part, and sends each part’s results', async () => {
    const scope = await loadWorker();
    const mine = { ...presetSource('cold-and-warm'), id: 'mine' };
    const runs = [
      { presetId: 'default', seed: 1 },
      { presetId: 'burst-scaling', seed: 2 },
      { scenario: mine, seed: 3 },
      { presetId: 'default', seed: 7 },
    ];
    scope.send({ type: 'compare', id: 1, runs });
    const messages = await answered(scope, 1, runs.length);
    for (const m of messages) expect(isWorkerResponse(m)).toBe(true);
    for (const m of messages) expect(m.type !== 'error' && m.part).toBeOneOf([0, 1, 2, 3]);
    expect(messages.at(-1)).toMatchObject({ type: 'results', part: 3 });

    const scenarios = [
      getPreset('default')!,
      getPreset('burst-scaling')!,
      mustValidate(mine),
      getPreset('default')!,
    ];
    runs.forEach((run, part) => {
      const { log, last } = reassemble(messages, part);
      const direct = directRun(scenarios[part]!, run.seed);
      expect(log, `part ${part}`).toEqual(direct.log);
      expect(last.results, `part ${part}`).toEqual(direct.results);
      expect(last.scenario).toEqual(scenarios[part]);
    });
    // Another seed is another run.
    expect(reassemble(messages, 3).log).not.toEqual(reassemble(messages, 0).log);
  });

  it('validates every run first; the issues name the run and the field', async () => {
    const scope = await loadWorker();
    const broken = { ...presetSource('sync-success'), function: { Timeout: 901 } };
    scope.send({
      type: 'compare',
      id: 2,
      runs: [
        { presetId: 'nope', seed: 1 },
        { scenario: broken, seed: 1 },
        { presetId: 'default', seed: 1.5 },
        { scenario: 'not a scenario', seed: 1 },
      ],
    });
    expect(scope.for(2)).toEqual([
      {
        type: 'error',
        id: 2,
        message: 'The comparison cannot run (4 errors).',
        issues: [
          { path: 'runs[0].presetId', message: 'There is no preset called "nope".' },
          {
            path: 'runs[1].scenario.function.Timeout',
            message:
              "1 validation error detected: Value '901' at 'timeout' failed to satisfy constraint: Member must have value less than or equal to 900",
          },
          { path: 'runs[2].seed', message: 'The seed must be a whole number from 0 to 4294967295; got 1.5.' },
          { path: 'runs[3].scenario', message: expect.stringMatching(/expected a scenario/) },
        ],
      },
    ]);
  });

  it.each([0, 1, 5])('refuses %d runs: a comparison needs 2 to 4', async (count) => {
    const scope = await loadWorker();
    const runs = Array.from({ length: count }, (_, i) => ({ presetId: 'sync-success', seed: i }));
    scope.send({ type: 'compare', id: 3, runs });
    expect(scope.for(3)).toEqual([
      { type: 'error', id: 3, message: `A comparison needs 2 to 4 runs; got ${count}.` },
    ]);
  });

  it('a cancelled comparison stops between or inside its parts', async () => {
    const scope = await loadWorker();
    const runs = [
      { presetId: 'burst-scaling', seed: 1 },
      { presetId: 'burst-scaling', seed: 2 },
    ];
    scope.send({ type: 'compare', id: 4, runs });
    await new Promise<void>((resolve) => {
      scope.onPost = () => resolve();
    });
    scope.send({ type: 'cancel', id: 4 });
    const sent = scope.for(4).length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(scope.for(4)).toHaveLength(sent);
    expect(scope.for(4).filter((m) => m.type === 'results').length).toBeLessThan(2);
  });
});
