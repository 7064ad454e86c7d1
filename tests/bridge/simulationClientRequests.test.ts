/** The simulation client's fork, compare and cancel, and its watchdog over several requests. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SimulationError } from '../../src/bridge/simulationClient';
import type { CompareRequest, ForkRequest } from '../../src/protocol/messages';
import { RESULTS, SCENARIO, event, events, quiet, rejection, setup, track } from './clientHarness';
import { rowsOf } from '../helpers/eventRows';

afterEach(() => {
  vi.useRealTimers();
});

const CHANGES = [{ path: 'function.EventInvokeConfig.MaximumRetryAttempts', value: 0 }];

describe('simulation client: fork', () => {
  it('posts a fork request and resolves with the fork’s whole log, results and changed scenario', async () => {
    const { client, current } = setup();
    const p = client.fork({ presetId: 'default', seed: 3, atMs: 5000, changes: CHANGES });
    const w = current();
    const request = w.requests[0] as ForkRequest;
    expect(request).toEqual({
      type: 'fork',
      id: request.id,
      presetId: 'default',
      seed: 3,
      atMs: 5000,
      changes: CHANGES,
    });
    w.reply({ type: 'log-batch', id: request.id, fromSeq: 0, rows: rowsOf(events(0, 4)) });
    w.reply({ type: 'results', id: request.id, results: RESULTS, scenario: SCENARIO, logLength: 4 });
    const out = await p;
    expect(out.log.map((e) => e.seq)).toEqual([0, 1, 2, 3]);
    expect(out.scenario).toBe(SCENARIO);
  });

  it('a fork of a scenario sends the scenario, not a presetId', () => {
    const { client, current } = setup();
    quiet(client.fork({ scenario: { id: 'mine' }, seed: 1, atMs: 0, changes: [] }));
    expect(current().requests[0]).not.toHaveProperty('presetId');
    expect(current().requests[0]).toMatchObject({ scenario: { id: 'mine' } });
    client.dispose();
  });

  it('an invalid change rejects with the worker’s issues', async () => {
    const { client, current } = setup();
    const p = client.fork({ presetId: 'default', seed: 1, atMs: 0, changes: CHANGES });
    const issues = [{ path: CHANGES[0]!.path, message: 'Member must have value less than or equal to 2' }];
    current().reply({
      type: 'error',
      id: current().lastId,
      message: 'The changes cannot be made (1 error).',
      issues,
    });
    const error = await rejection(p);
    expect(error.kind).toBe('rejected');
    expect(error.issues).toEqual(issues);
  });

  it('a message tagged with a part is refused for a fork', async () => {
    const { client, current } = setup();
    const p = client.fork({ presetId: 'default', seed: 1, atMs: 0, changes: [] });
    current().reply({
      type: 'log-batch',
      id: current().lastId,
      part: 0,
      fromSeq: 0,
      rows: rowsOf(events(0, 1)),
    });
    const error = await rejection(p);
    expect(error.kind).toBe('protocol');
    expect(error.message).toMatch(/did not ask for/);
  });
});

describe('simulation client: compare', () => {
  const INPUTS = [
    { presetId: 'default', seed: 1 },
    { scenario: { id: 'mine' }, seed: 2 },
    { presetId: 'default', seed: 3 },
  ];

  it('posts one compare request and resolves with the outputs in the order asked, whatever order parts end in', async () => {
    const { client, current } = setup();
    const state = track(client.compare(INPUTS));
    const w = current();
    const request = w.requests[0] as CompareRequest;
    expect(request).toEqual({ type: 'compare', id: request.id, runs: INPUTS });
    const id = request.id;
    w.reply({ type: 'log-batch', id, part: 2, fromSeq: 0, rows: rowsOf(events(0, 2)) });
    w.reply({ type: 'log-batch', id, part: 0, fromSeq: 0, rows: rowsOf(events(0, 1)) });
    w.reply({
      type: 'results',
      id,
      part: 2,
      results: { ...RESULTS, seed: 3 },
      scenario: SCENARIO,
      logLength: 2,
    });
    w.reply({ type: 'log-batch', id, part: 0, fromSeq: 1, rows: rowsOf(events(1, 2)) });
    w.reply({
      type: 'results',
      id,
      part: 0,
      results: { ...RESULTS, seed: 1 },
      scenario: SCENARIO,
      logLength: 3,
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(state.settled).toBe(false); // part 1 is still missing
    w.reply({
      type: 'log-batch',
      id,
      part: 1,
      fromSeq: 0,
      rows: rowsOf([event(0, 'sync/invoke-requested')]),
    });
    w.reply({
      type: 'results',
      id,
      part: 1,
      results: { ...RESULTS, seed: 2 },
      scenario: SCENARIO,
      logLength: 1,
    });
    await vi.waitFor(() => expect(state.settled).toBe(true));
    const outputs = state.value!;
    expect(outputs.map((o) => o.results.seed)).toEqual([1, 2, 3]);
    expect(outputs.map((o) => o.log.length)).toEqual([3, 1, 2]);
    expect(outputs[1]!.log[0]!.type).toBe('sync/invoke-requested');
  });

  it('keeps each part’s log contiguous on its own', async () => {
    const { client, current } = setup();
    const p = client.compare(INPUTS.slice(0, 2));
    const id = current().lastId;
    current().reply({ type: 'log-batch', id, part: 0, fromSeq: 0, rows: rowsOf(events(0, 2)) });
    current().reply({ type: 'log-batch', id, part: 1, fromSeq: 2, rows: rowsOf(events(2, 1)) });
    expect((await rejection(p)).message).toMatch(/went missing/);
  });

  it.each([
    ['a part out of range', { part: 2 }],
    ['no part', {}],
  ])('refuses %s', async (_name, tag) => {
    const { client, current } = setup();
    const p = client.compare(INPUTS.slice(0, 2));
    current().reply({ type: 'log-batch', id: current().lastId, fromSeq: 0, rows: rowsOf([]), ...tag });
    expect((await rejection(p)).kind).toBe('protocol');
  });

  it('refuses a second results message for a part that already ended', async () => {
    const { client, current } = setup();
    const p = client.compare(INPUTS.slice(0, 2));
    const id = current().lastId;
    current().reply({ type: 'results', id, part: 0, results: RESULTS, scenario: SCENARIO, logLength: 0 });
    current().reply({ type: 'results', id, part: 0, results: RESULTS, scenario: SCENARIO, logLength: 0 });
    expect((await rejection(p)).kind).toBe('protocol');
  });

  it('a validation error rejects the whole comparison with the issues naming the run', async () => {
    const { client, current } = setup();
    const p = client.compare(INPUTS);
    const issues = [{ path: 'runs[1].scenario.function.Timeout', message: 'too big' }];
    current().reply({
      type: 'error',
      id: current().lastId,
      message: 'The comparison cannot run (1 error).',
      issues,
    });
    const error = await rejection(p);
    expect(error.message).toBe('The comparison cannot run (1 error).');
    expect(error.issues).toEqual(issues);
  });
});

describe('simulation client: cancel', () => {
  it('aborting the signal tells the worker to cancel, rejects with kind "cancelled", and ignores late answers', async () => {
    const { client, current } = setup();
    const controller = new AbortController();
    const p = client.run({ presetId: 'burst-scaling', seed: 1 }, { signal: controller.signal });
    const w = current();
    const id = w.lastId;
    w.reply({ type: 'log-batch', id, fromSeq: 0, rows: rowsOf(events(0, 2)) });
    controller.abort();
    expect(w.posted.at(-1)).toEqual({ type: 'cancel', id });
    const error = await rejection(p);
    expect(error.kind).toBe('cancelled');
    expect(error.message).toBe('The run was cancelled.');
    w.reply({ type: 'results', id, results: RESULTS, scenario: SCENARIO, logLength: 2 });
    expect(w.terminated).toBe(false);
  });

  it('an aborted signal rejects at once and sends nothing', async () => {
    const { client, createWorker } = setup();
    const controller = new AbortController();
    controller.abort();
    expect((await rejection(client.compare([], { signal: controller.signal }))).kind).toBe('cancelled');
    expect(createWorker).not.toHaveBeenCalled();
  });

  it('aborting after the answer changes nothing', async () => {
    const { client, current } = setup();
    const controller = new AbortController();
    const p = client.fork(
      { presetId: 'default', seed: 1, atMs: 0, changes: [] },
      { signal: controller.signal },
    );
    current().replyResults();
    await expect(p).resolves.toMatchObject({ log: [] });
    controller.abort();
    expect(current().posted).toHaveLength(1);
  });
});

describe('simulation client: one watchdog for the worker', () => {
  it('a request queued behind a long one is not timed out while the worker keeps talking', async () => {
    vi.useFakeTimers();
    const { client, current } = setup({ timeoutMs: 1000 });
    const long = track(client.run({ presetId: 'burst-scaling', seed: 1 }));
    const longId = current().lastId;
    const queued = track(
      client.compare([
        { presetId: 'default', seed: 1 },
        { presetId: 'default', seed: 2 },
      ]),
    );
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(900);
      current().reply({ type: 'log-batch', id: longId, fromSeq: i, rows: rowsOf([event(i)]) });
    }
    expect(queued.settled).toBe(false);
    expect(long.settled).toBe(false);
    expect(current().terminated).toBe(false);
    expect(vi.getTimerCount()).toBe(1);
  });

  it('a silent worker fails every pending request, of every kind, and is restarted', async () => {
    vi.useFakeTimers();
    const { client, current, createWorker } = setup({ timeoutMs: 1000 });
    const all = [
      track(client.run({ presetId: 'default', seed: 1 })),
      track(client.fork({ presetId: 'default', seed: 1, atMs: 0, changes: [] })),
      track(
        client.compare([
          { presetId: 'default', seed: 1 },
          { presetId: 'default', seed: 2 },
        ]),
      ),
    ];
    const w = current();
    await vi.advanceTimersByTimeAsync(1000);
    for (const state of all) {
      expect(state.error).toBeInstanceOf(SimulationError);
      expect((state.error as SimulationError).kind).toBe('timeout');
      expect((state.error as SimulationError).message).toMatch(
        /did not answer within 1 s, so it was stopped and restarted/,
      );
    }
    expect(w.terminated).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
    quiet(client.fork({ presetId: 'default', seed: 1, atMs: 0, changes: [] }));
    expect(createWorker).toHaveBeenCalledTimes(2);
    client.dispose();
  });

  it('a crash fails a pending fork and compare too', async () => {
    const { client, current } = setup();
    const f = client.fork({ presetId: 'default', seed: 1, atMs: 0, changes: [] });
    const c = client.compare([
      { presetId: 'default', seed: 1 },
      { presetId: 'default', seed: 2 },
    ]);
    current().crash('Uncaught RangeError: boom');
    for (const p of [f, c]) expect((await rejection(p)).kind).toBe('crashed');
  });
});
