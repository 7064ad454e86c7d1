import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_TIMEOUT_MS,
  SimulationError,
  createSimulationClient,
  type RunOutput,
} from '../../src/bridge/simulationClient';
import { buildMetricsCheckpoints, metricsAt } from '../../src/metrics/metricsAt';
import { buildMetricsSeries, metricsSeries } from '../../src/metrics/metricsSeries';
import {
  FakeWorker,
  RESULTS,
  SCENARIO,
  event,
  events,
  quiet,
  rejection,
  setup,
  track,
} from './clientHarness';
import { rowsOf } from '../helpers/eventRows';

afterEach(() => {
  vi.useRealTimers();
});

describe('simulation client: a run', () => {
  it('starts no worker until the first run', () => {
    const { createWorker } = setup();
    expect(createWorker).not.toHaveBeenCalled();
  });

  it('posts a run request with a fresh id, the preset and the seed', () => {
    const { client, current } = setup();
    quiet(client.run({ presetId: 'sync-success', seed: 7 }));
    quiet(client.run({ scenario: { id: 'mine' }, seed: 8 }));
    const [a, b] = current().requests;
    expect(a).toEqual({ type: 'run', id: a!.id, presetId: 'sync-success', seed: 7 });
    expect(b).toEqual({ type: 'run', id: b!.id, scenario: { id: 'mine' }, seed: 8 });
    expect(b).not.toHaveProperty('presetId');
    expect(a).not.toHaveProperty('scenario');
    expect(a!.id).not.toBe(b!.id);
    client.dispose();
  });

  it('warmUp starts the worker before any request, once, and the first run uses it', async () => {
    const { client, createWorker, current } = setup();
    client.warmUp();
    client.warmUp();
    expect(createWorker).toHaveBeenCalledTimes(1);
    expect(current().requests).toEqual([]);
    const p = client.run({ presetId: 'sync-success', seed: 1 });
    current().replyResults();
    await p;
    expect(createWorker).toHaveBeenCalledTimes(1);
  });

  it('uses one worker for many runs while it is healthy', async () => {
    const { client, createWorker, current } = setup();
    for (let i = 0; i < 3; i++) {
      const p = client.run({ presetId: 'sync-success', seed: i });
      current().replyResults();
      await p;
    }
    expect(createWorker).toHaveBeenCalledTimes(1);
    expect(current().terminated).toBe(false);
  });

  it('resolves with the results and the log reassembled from the batches, in order', async () => {
    const { client, current } = setup();
    const p = client.run({ presetId: 'sync-success', seed: 1 });
    const w = current();
    const id = w.lastId;
    w.reply({ type: 'log-batch', id, fromSeq: 0, rows: rowsOf(events(0, 3)) });
    w.reply({ type: 'log-batch', id, fromSeq: 3, rows: rowsOf(events(3, 2)) });
    w.reply({ type: 'log-batch', id, fromSeq: 5, rows: rowsOf([]) });
    w.reply({ type: 'log-batch', id, fromSeq: 5, rows: rowsOf(events(5, 1)) });
    w.reply({ type: 'results', id, results: RESULTS, scenario: SCENARIO, logLength: 6 });
    const out: RunOutput = await p;
    expect(out.results).toEqual(RESULTS);
    expect(out.scenario).toEqual(SCENARIO);
    expect(out.log.map((e) => e.seq)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(out.log[4]).toEqual(event(4));
  });

  it('puts the metric series the worker built where the charts look for them, so the page does not rebuild them', async () => {
    const { client, current } = setup();
    const p = client.run({ presetId: 'sync-success', seed: 1 });
    const w = current();
    const built = buildMetricsSeries(RESULTS, []);
    w.reply({
      type: 'results',
      id: w.lastId,
      results: RESULTS,
      scenario: SCENARIO,
      logLength: 0,
      metricsSeries: built,
    });
    const out = await p;
    expect(metricsSeries(out.results, out.log).startsMs).toBe(built.startsMs);
  });

  it('hands metricsAt the checkpoints the worker built, so the page does not replay the log', async () => {
    const { client, current } = setup();
    const p = client.run({ presetId: 'sync-success', seed: 1 });
    const w = current();
    // Checkpoints that disagree with the (empty) log show which ones metricsAt used.
    const checkpoints = buildMetricsCheckpoints(RESULTS, []);
    checkpoints[0] = { ...checkpoints[0]!, Invocations: 42 };
    w.reply({
      type: 'results',
      id: w.lastId,
      results: RESULTS,
      scenario: SCENARIO,
      logLength: 0,
      metricsCheckpoints: checkpoints,
    });
    const out = await p;
    expect(metricsAt(out.results, out.log, -1).Invocations).toBe(42);
  });

  it('resolves a run with an empty log', async () => {
    const { client, current } = setup();
    const p = client.run({ presetId: 'sync-success', seed: 1 });
    current().replyResults();
    await expect(p).resolves.toEqual({ results: RESULTS, log: [], scenario: SCENARIO });
  });

  it('an error response rejects the run with the worker’s message and issues, and keeps the worker', async () => {
    const { client, current } = setup();
    const p = client.run({ scenario: {}, seed: 1 });
    const issues = [{ path: 'id', message: 'Required.' }];
    current().reply({
      type: 'error',
      id: current().lastId,
      message: 'The scenario is not valid (1 error).',
      issues,
    });
    const error = await rejection(p);
    expect(error.kind).toBe('rejected');
    expect(error.message).toBe('The scenario is not valid (1 error).');
    expect(error.issues).toEqual(issues);
    expect(current().terminated).toBe(false);
  });

  it('an error response without issues gives an empty list', async () => {
    const { client, current } = setup();
    const p = client.run({ presetId: 'nope', seed: 1 });
    current().reply({ type: 'error', id: current().lastId, message: 'There is no preset called "nope".' });
    expect((await rejection(p)).issues).toEqual([]);
  });
});

describe('simulation client: a broken log', () => {
  it('an out-of-order batch rejects the run with a clear message', async () => {
    const { client, current } = setup();
    const p = client.run({ presetId: 'sync-success', seed: 1 });
    const id = current().lastId;
    current().reply({ type: 'log-batch', id, fromSeq: 0, rows: rowsOf(events(0, 2)) });
    current().reply({ type: 'log-batch', id, fromSeq: 3, rows: rowsOf(events(3, 2)) });
    const error = await rejection(p);
    expect(error.kind).toBe('protocol');
    expect(error.message).toMatch(/event log went missing/);
  });

  it('a batch that repeats events (fromSeq behind) rejects the run too', async () => {
    const { client, current } = setup();
    const p = client.run({ presetId: 'sync-success', seed: 1 });
    const id = current().lastId;
    current().reply({ type: 'log-batch', id, fromSeq: 0, rows: rowsOf(events(0, 2)) });
    current().reply({ type: 'log-batch', id, fromSeq: 1, rows: rowsOf(events(1, 2)) });
    expect((await rejection(p)).kind).toBe('protocol');
  });

  it('a first batch that does not start at 0 rejects the run', async () => {
    const { client, current } = setup();
    const p = client.run({ presetId: 'sync-success', seed: 1 });
    current().reply({ type: 'log-batch', id: current().lastId, fromSeq: 500, rows: rowsOf(events(500, 1)) });
    expect((await rejection(p)).message).toMatch(/went missing/);
  });

  it('a batch whose string code names no string it was sent rejects the run', async () => {
    const { client, current } = setup();
    const p = client.run({ presetId: 'sync-success', seed: 1 });
    const rows = rowsOf([{ ...event(0), item: 'i-1' }]);
    // The item id travels as code 7 of the run's strings, but no string was ever sent for it.
    const damaged = { ...rows, refs: [7], stringAt: Uint32Array.of(0), newStrings: [] };
    current().reply({ type: 'log-batch', id: current().lastId, fromSeq: 0, rows: damaged });
    const error = await rejection(p);
    expect(error.kind).toBe('protocol');
    expect(error.message).toMatch(/arrived damaged/);
  });

  it('results whose logLength does not match the events received reject the run', async () => {
    const { client, current } = setup();
    const p = client.run({ presetId: 'sync-success', seed: 1 });
    const id = current().lastId;
    current().reply({ type: 'log-batch', id, fromSeq: 0, rows: rowsOf(events(0, 2)) });
    current().reply({ type: 'results', id, results: RESULTS, scenario: SCENARIO, logLength: 3 });
    const error = await rejection(p);
    expect(error.kind).toBe('protocol');
    expect(error.message).toMatch(/incomplete/);
  });

  it('a broken log fails only its own run: the worker and other runs carry on', async () => {
    const { client, createWorker, current } = setup();
    const a = client.run({ presetId: 'sync-success', seed: 1 });
    const idA = current().lastId;
    const b = client.run({ presetId: 'sync-success', seed: 2 });
    const idB = current().lastId;
    current().reply({ type: 'log-batch', id: idA, fromSeq: 9, rows: rowsOf(events(9, 1)) });
    await rejection(a);
    // Late messages for the failed run are ignored and do not leak into the other run.
    current().reply({ type: 'log-batch', id: idA, fromSeq: 0, rows: rowsOf(events(0, 4)) });
    current().reply({ type: 'results', id: idA, results: RESULTS, scenario: SCENARIO, logLength: 4 });
    current().reply({ type: 'log-batch', id: idB, fromSeq: 0, rows: rowsOf(events(0, 1)) });
    current().reply({ type: 'results', id: idB, results: RESULTS, scenario: SCENARIO, logLength: 1 });
    expect((await b).log).toEqual([event(0)]);
    expect(current().terminated).toBe(false);
    expect(createWorker).toHaveBeenCalledTimes(1);
  });

  it('a message that is not a worker response fails the pending runs and restarts the worker', async () => {
    const { client, createWorker, workers, current } = setup();
    const p = client.run({ presetId: 'sync-success', seed: 1 });
    current().reply({ type: 'progress', id: current().lastId, percent: 50 });
    const error = await rejection(p);
    expect(error.kind).toBe('protocol');
    expect(error.message).toMatch(/does not understand/);
    expect(workers[0]!.terminated).toBe(true);
    quiet(client.run({ presetId: 'sync-success', seed: 1 }));
    expect(createWorker).toHaveBeenCalledTimes(2);
    client.dispose();
  });

  it('an error with id null (the worker could not read a request) fails the pending runs', async () => {
    const { client, workers, current } = setup();
    const p = client.run({ presetId: 'sync-success', seed: 1 });
    current().reply({
      type: 'error',
      id: null,
      message: 'The simulation worker received a request it does not understand.',
    });
    const error = await rejection(p);
    expect(error.kind).toBe('protocol');
    expect(error.message).toMatch(/could not read a request: The simulation worker received/);
    expect(workers[0]!.terminated).toBe(true);
  });

  it('a messageerror fails the pending runs and terminates the worker', async () => {
    const { client, workers, current } = setup();
    const p = client.run({ presetId: 'sync-success', seed: 1 });
    current().messageError();
    expect((await rejection(p)).kind).toBe('protocol');
    expect(workers[0]!.terminated).toBe(true);
  });
});

describe('simulation client: a crashed worker', () => {
  it('an error event rejects every pending run, terminates the worker, and the next run gets a fresh worker', async () => {
    const { client, createWorker, workers, current } = setup();
    const a = client.run({ presetId: 'sync-success', seed: 1 });
    const b = client.run({ presetId: 'default', seed: 2 });
    const crash = current().crash('Uncaught RangeError: boom');
    const [errA, errB] = await Promise.all([rejection(a), rejection(b)]);
    for (const error of [errA, errB]) {
      expect(error.kind).toBe('crashed');
      expect(error.message).toBe(
        'The simulation worker crashed (Uncaught RangeError: boom). It will be restarted on the next run.',
      );
    }
    expect(crash.preventDefault).toHaveBeenCalled();
    expect(workers[0]!.terminated).toBe(true);

    const c = client.run({ presetId: 'sync-success', seed: 3 });
    expect(createWorker).toHaveBeenCalledTimes(2);
    const fresh = current();
    expect(fresh).not.toBe(workers[0]);
    expect(fresh.requests).toHaveLength(1);
    expect(fresh.requests[0]).toMatchObject({ presetId: 'sync-success', seed: 3 });
    fresh.reply({ type: 'results', id: fresh.lastId, results: RESULTS, scenario: SCENARIO, logLength: 0 });
    await expect(c).resolves.toMatchObject({ log: [] });
  });

  it('an error event without a message still reads well', async () => {
    const { client, current } = setup();
    const p = client.run({ presetId: 'sync-success', seed: 1 });
    current().crash('');
    expect((await rejection(p)).message).toBe(
      'The simulation worker crashed. It will be restarted on the next run.',
    );
  });

  it('messages from a worker that was replaced are ignored', async () => {
    const { client, workers, current } = setup();
    const a = client.run({ presetId: 'sync-success', seed: 1 });
    const oldId = current().lastId;
    current().crash();
    await rejection(a);
    const b = client.run({ presetId: 'sync-success', seed: 2 });
    const fresh = current();
    // The old worker answers late, even with the new run's id: none of it reaches the new run.
    workers[0]!.reply({ type: 'log-batch', id: fresh.lastId, fromSeq: 0, rows: rowsOf(events(0, 3)) });
    workers[0]!.reply({ type: 'results', id: oldId, results: RESULTS, scenario: SCENARIO, logLength: 0 });
    workers[0]!.crash();
    expect(fresh.terminated).toBe(false);
    fresh.reply({ type: 'results', id: fresh.lastId, results: RESULTS, scenario: SCENARIO, logLength: 0 });
    await expect(b).resolves.toEqual({ results: RESULTS, log: [], scenario: SCENARIO });
  });

  it('a worker that cannot be created rejects the run, and the next run tries again', async () => {
    let attempts = 0;
    const client = createSimulationClient({
      createWorker: () => {
        attempts += 1;
        if (attempts === 1) throw new Error('Worker is not defined');
        return new FakeWorker();
      },
    });
    const error = await rejection(client.run({ presetId: 'sync-success', seed: 1 }));
    expect(error.kind).toBe('crashed');
    expect(error.message).toBe('The simulation worker could not start (Worker is not defined).');
    quiet(client.run({ presetId: 'sync-success', seed: 1 }));
    expect(attempts).toBe(2);
    client.dispose();
  });

  it('a request that cannot be posted rejects that run', async () => {
    const { client, current } = setup();
    quiet(client.run({ presetId: 'sync-success', seed: 1 }));
    vi.spyOn(current(), 'postMessage').mockImplementation(() => {
      throw new Error('could not be cloned');
    });
    const error = await rejection(client.run({ scenario: { f: () => 1 }, seed: 1 }));
    expect(error.kind).toBe('protocol');
    expect(error.message).toMatch(/could not be sent to the simulation worker \(could not be cloned\)/);
    client.dispose();
  });
});

describe('simulation client: watchdog', () => {
  it('the default watchdog is 20 s', () => {
    expect(DEFAULT_TIMEOUT_MS).toBe(20_000);
  });

  it('rejects a run that gets no message within timeoutMs, and terminates the worker', async () => {
    vi.useFakeTimers();
    const { client, createWorker, workers } = setup({ timeoutMs: 1500 });
    const state = track(client.run({ presetId: 'burst-scaling', seed: 1 }));
    await vi.advanceTimersByTimeAsync(1499);
    expect(state.settled).toBe(false);
    expect(workers[0]!.terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(state.settled).toBe(true);
    const error = state.error as SimulationError;
    expect(error).toBeInstanceOf(SimulationError);
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe(
      'The simulation did not answer within 1.5 s, so it was stopped and restarted. Try again, or choose a smaller scenario.',
    );
    expect(workers[0]!.terminated).toBe(true);
    quiet(client.run({ presetId: 'sync-success', seed: 1 }));
    expect(createWorker).toHaveBeenCalledTimes(2);
    client.dispose();
  });

  it('uses 20 s when no timeout is given', async () => {
    vi.useFakeTimers();
    const { client } = setup();
    const state = track(client.run({ presetId: 'sync-success', seed: 1 }));
    await vi.advanceTimersByTimeAsync(19_999);
    expect(state.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((state.error as SimulationError).kind).toBe('timeout');
    expect((state.error as SimulationError).message).toMatch(/within 20 s/);
  });

  it('does not kill a run that keeps receiving batches, however long it takes in total', async () => {
    vi.useFakeTimers();
    const { client, current } = setup({ timeoutMs: 1000 });
    const state = track(client.run({ presetId: 'burst-scaling', seed: 1 }));
    const w = current();
    const id = w.lastId;
    for (let i = 0; i < 10; i++) {
      await vi.advanceTimersByTimeAsync(900);
      w.reply({ type: 'log-batch', id, fromSeq: i * 2, rows: rowsOf(events(i * 2, 2)) });
    }
    // 9 s in all, ten times the watchdog, and still alive.
    expect(state.settled).toBe(false);
    expect(w.terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(900);
    w.reply({ type: 'results', id, results: RESULTS, scenario: SCENARIO, logLength: 20 });
    await vi.advanceTimersByTimeAsync(0);
    expect(state.error).toBeUndefined();
    expect(state.value?.log).toHaveLength(20);
    // The watchdog is gone once the run has finished.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(w.terminated).toBe(false);
  });

  it('a stalled stream is still caught: the watchdog restarts after each batch', async () => {
    vi.useFakeTimers();
    const { client, current } = setup({ timeoutMs: 1000 });
    const state = track(client.run({ presetId: 'burst-scaling', seed: 1 }));
    const w = current();
    await vi.advanceTimersByTimeAsync(800);
    w.reply({ type: 'log-batch', id: w.lastId, fromSeq: 0, rows: rowsOf(events(0, 1)) });
    await vi.advanceTimersByTimeAsync(999);
    expect(state.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((state.error as SimulationError).kind).toBe('timeout');
    expect(w.terminated).toBe(true);
  });

  it('allows more silence for each event received: the worker builds a long run’s results in one go', async () => {
    vi.useFakeTimers();
    const { client, current } = setup({ timeoutMs: 1000, allowanceMsPerEvent: 100 });
    const state = track(client.run({ presetId: 'burst-scaling', seed: 1 }));
    const w = current();
    w.reply({ type: 'log-batch', id: w.lastId, fromSeq: 0, rows: rowsOf(events(0, 20)) });
    await vi.advanceTimersByTimeAsync(2999); // 1 s, and 2 s for 20 events
    expect(state.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((state.error as SimulationError).kind).toBe('timeout');
    expect((state.error as SimulationError).message).toContain('within 3 s');
  });

  it('a finished run does not keep a watchdog that would kill the worker later', async () => {
    vi.useFakeTimers();
    const { client, current } = setup({ timeoutMs: 1000 });
    const p = client.run({ presetId: 'sync-success', seed: 1 });
    current().replyResults();
    await p;
    const q = client.run({ presetId: 'sync-success', seed: 2 });
    current().reply({ type: 'error', id: current().lastId, message: 'no' });
    await rejection(q);
    await vi.advanceTimersByTimeAsync(5000);
    expect(current().terminated).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('simulation client: several runs', () => {
  it('a newer run does not receive an older run’s messages', async () => {
    const { client, current } = setup();
    const older = client.run({ presetId: 'default', seed: 1 });
    const olderId = current().lastId;
    const newer = client.run({ presetId: 'sync-success', seed: 2 });
    const newerId = current().lastId;
    const w = current();
    w.reply({ type: 'log-batch', id: olderId, fromSeq: 0, rows: rowsOf(events(0, 3)) });
    w.reply({
      type: 'log-batch',
      id: newerId,
      fromSeq: 0,
      rows: rowsOf([event(0, 'sync/invoke-requested')]),
    });
    w.reply({ type: 'log-batch', id: olderId, fromSeq: 3, rows: rowsOf(events(3, 1)) });
    w.reply({
      type: 'results',
      id: newerId,
      results: { ...RESULTS, seed: 2 },
      scenario: SCENARIO,
      logLength: 1,
    });
    w.reply({
      type: 'results',
      id: olderId,
      results: { ...RESULTS, seed: 1 },
      scenario: SCENARIO,
      logLength: 4,
    });
    const [o, n] = await Promise.all([older, newer]);
    expect(n.results.seed).toBe(2);
    expect(n.log).toEqual([event(0, 'sync/invoke-requested')]);
    expect(o.results.seed).toBe(1);
    expect(o.log.map((e) => e.seq)).toEqual([0, 1, 2, 3]);
  });

  it('answers for an id the client never asked for are ignored', async () => {
    const { client, current } = setup();
    const p = client.run({ presetId: 'sync-success', seed: 1 });
    const id = current().lastId;
    current().reply({ type: 'results', id: id + 100, results: RESULTS, scenario: SCENARIO, logLength: 0 });
    current().reply({ type: 'error', id: id + 100, message: 'not yours' });
    current().reply({ type: 'results', id, results: RESULTS, scenario: SCENARIO, logLength: 0 });
    await expect(p).resolves.toEqual({ results: RESULTS, log: [], scenario: SCENARIO });
  });
});

describe('simulation client: dispose', () => {
  it('terminates the worker and fails pending runs with kind "disposed"', async () => {
    const { client, workers } = setup();
    const p = client.run({ presetId: 'sync-success', seed: 1 });
    client.dispose();
    expect(workers[0]!.terminated).toBe(true);
    const error = await rejection(p);
    expect(error.kind).toBe('disposed');
    expect(error.message).toBe('The simulation was stopped.');
  });

  it('clears the pending watchdogs', () => {
    vi.useFakeTimers();
    const { client } = setup({ timeoutMs: 1000 });
    quiet(client.run({ presetId: 'sync-success', seed: 1 }));
    expect(vi.getTimerCount()).toBe(1);
    client.dispose();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('is harmless before any run, and the client still works afterwards with a new worker', async () => {
    const { client, createWorker, current } = setup();
    expect(() => client.dispose()).not.toThrow();
    expect(createWorker).not.toHaveBeenCalled();
    quiet(client.run({ presetId: 'sync-success', seed: 1 }));
    client.dispose();
    const p = client.run({ presetId: 'sync-success', seed: 2 });
    expect(createWorker).toHaveBeenCalledTimes(2);
    current().replyResults();
    await expect(p).resolves.toMatchObject({ log: [] });
  });
});
