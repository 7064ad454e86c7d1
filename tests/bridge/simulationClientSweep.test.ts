/** The client's `sweep`, against a fake worker (see clientHarness.ts). */
import { describe, expect, it } from 'vitest';
import { SWEEP_FIELDS, type SweepColumns } from '../../src/protocol/messages';
import { SCENARIO, quiet, rejection, setup, track } from './clientHarness';
import { rowsOf } from '../helpers/eventRows';

function columns(count: number): SweepColumns {
  return Object.fromEntries(SWEEP_FIELDS.map((f) => [f, new Float64Array(count)])) as SweepColumns;
}

describe('SimulationClient.sweep', () => {
  it('posts the sweep, reports progress and resolves with the summaries', async () => {
    const { client, current } = setup();
    const progress: unknown[] = [];
    const sweep = client.sweep(
      { presetId: 'default', seeds: { from: 3, count: 2 } },
      { onProgress: (p) => progress.push(p) },
    );
    const w = current();
    expect(w.posted).toEqual([{ type: 'sweep', id: 1, presetId: 'default', seeds: { from: 3, count: 2 } }]);
    w.reply({ type: 'sweep-progress', id: 1, done: 1, total: 2 });
    const runs = columns(2);
    w.reply({ type: 'sweep-results', id: 1, scenario: SCENARIO, runs });
    await expect(sweep).resolves.toEqual({ scenario: SCENARIO, runs });
    expect(progress).toEqual([{ done: 1, total: 2 }]);
  });

  it('sends a scenario rather than a preset when given one', () => {
    const { client, current } = setup();
    quiet(client.sweep({ scenario: { id: 'x' }, seeds: { from: 0, count: 5 } }));
    expect(current().posted).toEqual([
      { type: 'sweep', id: 1, scenario: { id: 'x' }, seeds: { from: 0, count: 5 } },
    ]);
  });

  it('aborting cancels it in the worker and rejects with kind cancelled', async () => {
    const { client, current } = setup();
    const controller = new AbortController();
    const sweep = client.sweep(
      { presetId: 'default', seeds: { from: 1, count: 100 } },
      { signal: controller.signal },
    );
    controller.abort();
    expect((await rejection(sweep)).kind).toBe('cancelled');
    expect(current().posted.at(-1)).toEqual({ type: 'cancel', id: 1 });
  });

  it('an error answer rejects with its message and issues', async () => {
    const { client, current } = setup();
    const sweep = client.sweep({ presetId: 'default', seeds: { from: 1, count: 0 } });
    const issues = [{ path: 'seeds.count', message: 'bad count' }];
    current().reply({ type: 'error', id: 1, message: 'bad count', issues });
    const error = await rejection(sweep);
    expect(error).toMatchObject({ kind: 'rejected', message: 'bad count', issues });
  });

  it('a run’s answer to a sweep, or a sweep’s answer to a run, is a protocol error', async () => {
    const { client, current } = setup();
    const sweep = client.sweep({ presetId: 'default', seeds: { from: 1, count: 1 } });
    const run = client.run({ presetId: 'default', seed: 1 });
    const w = current();
    w.reply({ type: 'log-batch', id: 1, fromSeq: 0, rows: rowsOf([]) });
    w.reply({ type: 'sweep-progress', id: 2, done: 0, total: 1 });
    expect((await rejection(sweep)).kind).toBe('protocol');
    expect((await rejection(run)).kind).toBe('protocol');
  });

  it('progress keeps the watchdog from stopping a long sweep', async () => {
    const { client, current } = setup({ timeoutMs: 40 });
    const sweep = track(client.sweep({ presetId: 'default', seeds: { from: 1, count: 10 } }));
    for (let i = 0; i < 4; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      current().reply({ type: 'sweep-progress', id: 1, done: i, total: 10 });
    }
    expect(sweep.settled).toBe(false);
    current().reply({ type: 'sweep-results', id: 1, scenario: SCENARIO, runs: columns(10) });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sweep.settled).toBe(true);
    expect(sweep.error).toBeUndefined();
  });
});
