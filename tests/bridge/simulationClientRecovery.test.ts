/** The simulation client's recovery: a worker that dies mid-stream or while idle. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { events, quiet, rejection, setup, track, RESULTS, SCENARIO } from './clientHarness';
import { rowsOf } from '../helpers/eventRows';

afterEach(() => {
  vi.useRealTimers();
});

describe('simulation client: a worker that dies while a log streams in', () => {
  it('a crash after some batches rejects the run and says it is incomplete, with how far it got', async () => {
    const { client, current } = setup();
    const run = client.run({ presetId: 'burst-scaling', seed: 1 });
    const w = current();
    w.reply({ type: 'log-batch', id: w.lastId, fromSeq: 0, rows: rowsOf(events(0, 1200)) });
    w.reply({ type: 'log-batch', id: w.lastId, fromSeq: 1200, rows: rowsOf(events(1200, 34)) });
    w.crash('Uncaught Error: boom');
    const error = await rejection(run);
    expect(error.kind).toBe('crashed');
    expect(error.message).toBe(
      'The simulation worker crashed (Uncaught Error: boom). It will be restarted on the next run. ' +
        'The run stopped part way, after 1,234 events, so it is incomplete and is not shown.',
    );
    expect(w.terminated).toBe(true);
  });

  it('a hang after some batches says the same after the watchdog’s message', async () => {
    vi.useFakeTimers();
    const { client, current } = setup({ timeoutMs: 1500 });
    const run = track(client.run({ presetId: 'burst-scaling', seed: 1 }));
    const w = current();
    w.reply({ type: 'log-batch', id: w.lastId, fromSeq: 0, rows: rowsOf(events(0, 1)) });
    await vi.advanceTimersByTimeAsync(1500);
    expect(run.settled).toBe(true);
    const message = (run.error as Error).message;
    expect(message).toMatch(
      /^The simulation did not answer within 1\.5 s, so it was stopped and restarted\./,
    );
    expect(message).toMatch(/after 1 event, so it is incomplete and is not shown\.$/);
  });

  it('a crash before any event arrived keeps the plain message', async () => {
    const { client, current } = setup();
    const run = client.run({ presetId: 'default', seed: 1 });
    current().crash('x');
    expect((await rejection(run)).message).not.toMatch(/incomplete/);
  });

  it('each part of a compare counts: events of any part make the note', async () => {
    const { client, current } = setup();
    const compare = client.compare([
      { presetId: 'default', seed: 1 },
      { presetId: 'async-dlq', seed: 1 },
    ]);
    const w = current();
    w.reply({ type: 'log-batch', id: w.lastId, part: 1, fromSeq: 0, rows: rowsOf(events(0, 2)) });
    w.crash('x');
    expect((await rejection(compare)).message).toMatch(/after 2 events, so it is incomplete/);
  });
});

describe('simulation client: a worker that dies while idle', () => {
  it('tells the idle-failure listeners, and the next request gets a fresh worker', async () => {
    const { client, workers, current } = setup();
    const heard = vi.fn();
    client.onIdleFailure(heard);
    const first = client.run({ presetId: 'default', seed: 1 });
    current().replyResults();
    await first;

    workers[0]!.crash('Uncaught Error: idle');
    expect(heard).toHaveBeenCalledTimes(1);
    expect(heard.mock.calls[0]![0]).toMatchObject({
      kind: 'crashed',
      message: 'The simulation worker crashed (Uncaught Error: idle). It will be restarted on the next run.',
    });
    expect(workers[0]!.terminated).toBe(true);

    const again = client.run({ presetId: 'default', seed: 1 });
    expect(workers).toHaveLength(2);
    current().reply({
      type: 'results',
      id: current().lastId,
      results: RESULTS,
      scenario: SCENARIO,
      logLength: 0,
    });
    await expect(again).resolves.toMatchObject({ scenario: SCENARIO });
  });

  it('a failure with requests pending goes to those requests, not to the idle listeners', async () => {
    const { client, current } = setup();
    const heard = vi.fn();
    client.onIdleFailure(heard);
    const run = client.run({ presetId: 'default', seed: 1 });
    current().crash('x');
    await rejection(run);
    expect(heard).not.toHaveBeenCalled();
  });

  it('disposing is not a failure, and an unsubscribed listener hears nothing', async () => {
    const { client, workers, current } = setup();
    const heard = vi.fn();
    const unsubscribe = client.onIdleFailure(heard);
    const run = client.run({ presetId: 'default', seed: 1 });
    current().replyResults();
    await run;
    client.dispose();
    expect(heard).not.toHaveBeenCalled();

    quiet(client.run({ presetId: 'default', seed: 1 }));
    current().replyResults();
    unsubscribe();
    workers[1]!.crash('x');
    expect(heard).not.toHaveBeenCalled();
  });
});
