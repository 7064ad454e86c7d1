/** The worker module, run in-process (see workerScope.ts): runs, streaming, bad requests, cancel. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isWorkerResponse, type ErrorResponse, type ResultsResponse } from '../../src/protocol/messages';
import { buildFlowIndex, flowIndexBuffers } from '../../src/diagram/flowIndex';
import { receivedFlowIndex } from '../../src/diagram/postedFlowIndex';
import { buildTopology } from '../../src/diagram/topology';
import { buildMetricsCheckpoints } from '../../src/metrics/metricsAt';
import { buildMetricsSeries } from '../../src/metrics/metricsSeries';
import { getPreset, presetSource } from '../../src/scenarios/presets';
import { mustValidate } from '../../src/scenarios/validate';
import { MESSAGE_CHUNK } from '../../src/worker/runLoop';
import { answered, batchRounds, directRun, loadWorker, reassemble } from './workerScope';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A preset with `simulation.untilSeconds` set, as a user's scenario JSON. */
function until(presetId: string, untilSeconds: number): Record<string, unknown> {
  const source = structuredClone(presetSource(presetId)) as unknown as Record<string, unknown>;
  return { ...source, simulation: { ...(source.simulation as object), untilSeconds } };
}

describe('the worker module (in-process): runs', () => {
  it('registers one message listener on self when imported, and posts nothing', async () => {
    const scope = await loadWorker();
    expect(scope.listenerCount).toBe(1);
    expect(scope.posted).toEqual([]);
  });

  it('runs sync-success: log batches first, then results with the validated scenario', async () => {
    const scope = await loadWorker();
    scope.send({ type: 'run', id: 1, presetId: 'sync-success', seed: 1 });
    const messages = await answered(scope, 1);
    expect(messages).toEqual(scope.responses);
    for (const m of messages) expect(isWorkerResponse(m), JSON.stringify(m).slice(0, 80)).toBe(true);
    for (const m of messages) expect(m).not.toHaveProperty('part');

    const { log, last } = reassemble(messages);
    const direct = directRun(getPreset('sync-success')!, 1);
    expect(log).toEqual(direct.log);
    expect(last.results).toEqual(direct.results);
    expect(last.results).not.toHaveProperty('log');
    expect(last.results.items[0]!.outcome).toBe('succeeded');
    expect(last.scenario).toEqual(getPreset('sync-success'));
  });

  it.each([
    ['default', 1],
    ['async-retries-exhausted', 3],
    ['burst-scaling', 1],
    ['sqs-partial-batch-failure', 2],
    ['kinesis-bisect', 5],
    ['cold-and-warm', 9],
  ])('streams %s (seed %d) with exactly the log and results of Simulation.run()', async (presetId, seed) => {
    const scope = await loadWorker();
    scope.send({ type: 'run', id: 7, presetId, seed });
    const { log, last } = reassemble(await answered(scope, 7));
    const direct = directRun(getPreset(presetId)!, seed);
    expect(log).toEqual(direct.log);
    expect(last.results).toEqual(direct.results);
  });

  it('sends the diagram’s index of the log with the results, equal to one built from the same run', async () => {
    const scope = await loadWorker();
    scope.send({ type: 'run', id: 3, presetId: 'sqs-partial-batch-failure', seed: 1 });
    const { log, last } = reassemble(await answered(scope, 3));
    const scenario = getPreset('sqs-partial-batch-failure')!;
    const built = buildFlowIndex(scenario, buildTopology(scenario), last.results, log);
    // Without its item ids (the page has them in the results), which it gets back as they were.
    expect(last.flowIndex).not.toHaveProperty('itemIds');
    expect(receivedFlowIndex(last.flowIndex!, last.results.items)).toEqual(built);
    expect(built.itemIds).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    // Its arrays are the ones transferred rather than copied.
    expect(flowIndexBuffers(built)).toHaveLength(8);
    // So are the metric charts' series, built from the same run.
    expect(last.metricsSeries).toEqual(buildMetricsSeries(last.results, log));
    expect(last.metricsCheckpoints).toEqual(buildMetricsCheckpoints(last.results, log));
    expect(
      last.metricsSeries!.series.find((s) => s.metric === 'Invocations')!.values.some((v) => v > 0),
    ).toBe(true);
  });

  it.each([
    ['async-retries-exhausted', 100, 'stops between the retries'],
    ['cold-and-warm', 3600, 'reaps idle environments up to the limit'],
    ['burst-scaling', 2, 'stops mid-burst'],
  ])('honours simulation.untilSeconds like run() does: %s at %d s %s', async (presetId, seconds) => {
    const scope = await loadWorker();
    const scenario = until(presetId, seconds);
    scope.send({ type: 'run', id: 8, scenario, seed: 4 });
    const { log, last } = reassemble(await answered(scope, 8));
    const direct = directRun(mustValidate(scenario), 4);
    expect(log).toEqual(direct.log);
    expect(last.results).toEqual(direct.results);
    expect(last.scenario.simulation.untilSeconds).toBe(seconds);
    expect(log.every((e) => e.t <= seconds * 1000)).toBe(true);
  });

  it('paces a long log: contiguous batches, each (but the final flush) at least a frame after the last', async () => {
    const scope = await loadWorker();
    const times: number[] = [];
    scope.onPost = () => times.push(performance.now());
    scope.send({ type: 'run', id: 9, presetId: 'burst-scaling', seed: 1 });
    const messages = await answered(scope, 9);
    const { log, last } = reassemble(messages);
    expect(log).toHaveLength(15_000);
    // 3,000 items: the first MESSAGE_CHUNK travel ahead of the results, so no message is big.
    const parts = messages.filter((m) => m.type === 'results-part');
    expect(parts.map((m) => m.items.length)).toEqual([MESSAGE_CHUNK]);
    expect(last.results.items).toHaveLength(3_000);
    const batches = messages.flatMap((m, i) => (m.type === 'log-batch' ? [{ ...m, at: times[i]! }] : []));
    const rounds = batchRounds(batches);
    expect(rounds.length).toBeGreaterThan(1);
    expect(rounds.length).toBeLessThan(200);
    // Every round but the final flush waited for a frame (the clock is read just after the worker's own).
    const starts = rounds.slice(0, -1).map((round) => round[0]!.at);
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(15);
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
    const last = (await answered(scope, 2)).at(-1) as ResultsResponse;
    expect(last).toMatchObject({ type: 'results', id: 2 });
    expect(last.results.scenario).toBe('mine');
    expect(last.results.seed).toBe(5);
    // The scenario comes back validated, defaults filled in.
    expect(last.scenario).toEqual(mustValidate(scenario));
    expect(last.scenario.function.Timeout).toBe(3);

    scope.send({ type: 'run', id: 3, scenario: { id: 'broken', function: { Timeout: -1 } }, seed: 1 });
    expect(scope.for(3)).toHaveLength(1);
    const error = scope.for(3)[0] as ErrorResponse;
    expect(error.type).toBe('error');
    expect(error.message).toMatch(/^The scenario is not valid \(\d+ errors?\)\.$/);
    expect(error.issues).toContainEqual({ path: 'function.Timeout', message: expect.stringMatching(/-1/) });
  });

  it('answers an unknown preset with an error for that request, at once and nothing else', async () => {
    const scope = await loadWorker();
    scope.send({ type: 'run', id: 4, presetId: 'no-such-preset', seed: 1 });
    expect(scope.responses).toEqual([
      { type: 'error', id: 4, message: 'There is no preset called "no-such-preset".' },
    ]);
  });

  it.each([-1, 1.5, 2 ** 32, Number.NaN])('answers a bad seed (%d) with an error', async (seed) => {
    const scope = await loadWorker();
    scope.send({ type: 'run', id: 5, presetId: 'sync-success', seed });
    expect(scope.responses).toEqual([
      { type: 'error', id: 5, message: `The seed must be a whole number from 0 to 4294967295; got ${seed}.` },
    ]);
  });

  it('"set seed": the same preset with another seed is another run, recorded in its results', async () => {
    const scope = await loadWorker();
    scope.send({ type: 'run', id: 1, presetId: 'burst-scaling', seed: 1 });
    scope.send({ type: 'run', id: 2, presetId: 'burst-scaling', seed: 2 });
    const a = reassemble(await answered(scope, 1));
    const b = reassemble(await answered(scope, 2));
    expect(a.last.results.seed).toBe(1);
    expect(b.last.results.seed).toBe(2);
    expect(b.log).toEqual(directRun(getPreset('burst-scaling')!, 2).log);
    expect(b.log).not.toEqual(a.log);
  });

  it('answers a request it cannot read with an error; id null when there is no usable id', async () => {
    const scope = await loadWorker();
    scope.send({ type: 'run', id: 6 }); // no seed, no preset
    scope.send({ type: 'stop', id: 7 });
    scope.send('run please');
    scope.send(null);
    scope.send({ type: 'run', id: -1, presetId: 'sync-success', seed: 1 });
    scope.send({ type: 'cancel' });
    expect(scope.responses.map((m) => [m.type, m.id])).toEqual([
      ['error', 6],
      ['error', 7],
      ['error', null],
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
    expect((await answered(scope, 8)).at(-1)).toMatchObject({ type: 'results', id: 8 });
  });
});

describe('the worker module (in-process): several requests', () => {
  it('a newer request runs first; the older one resumes and still streams its whole log', async () => {
    const scope = await loadWorker();
    scope.send({ type: 'run', id: 1, presetId: 'burst-scaling', seed: 1 });
    scope.send({ type: 'run', id: 2, presetId: 'sync-success', seed: 1 });
    await answered(scope, 1);
    const order = scope.responses.filter((m) => m.type === 'results').map((m) => m.id);
    expect(order).toEqual([2, 1]);
    expect(reassemble(scope.for(1)).log).toEqual(directRun(getPreset('burst-scaling')!, 1).log);
  });

  it('a cancelled run sends nothing more, and the worker serves the next request', async () => {
    const scope = await loadWorker();
    scope.send({ type: 'run', id: 1, presetId: 'burst-scaling', seed: 1 });
    await new Promise<void>((resolve) => {
      scope.onPost = () => resolve();
    });
    scope.send({ type: 'cancel', id: 1 });
    const sent = scope.for(1).length;
    scope.send({ type: 'cancel', id: 99 }); // unknown: ignored, no answer
    scope.send({ type: 'run', id: 2, presetId: 'cold-and-warm', seed: 1 });
    await answered(scope, 2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(scope.for(1)).toHaveLength(sent);
    expect(scope.for(1).some((m) => m.type === 'results')).toBe(false);
    expect(scope.for(99)).toEqual([]);
  });
});
