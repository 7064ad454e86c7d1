/** The worker's run loop on a fake clock: slices, frame pacing, keepalive, newest first, cancel, failures. */
import { describe, expect, it } from 'vitest';
import type { Simulation } from '../../src/engine/simulation';
import type { SimEvent } from '../../src/engine/types';
import {
  WORKER_KEEPALIVE_MS,
  type LogBatchResponse,
  type SimulationRequest,
  type WorkerResponse,
} from '../../src/protocol/messages';
import { getPreset } from '../../src/scenarios/presets';
import { prepareJob, type Job } from '../../src/worker/jobs';
import { FRAME_MS, MESSAGE_CHUNK, SLICE_MS, createRunLoop } from '../../src/worker/runLoop';
import type { Steps } from '../../src/worker/steps';
import { batchRounds, directRun } from './workerScope';
import { createEventLog } from '../../src/engine/eventLog';
import { eventsOfRows, rowsOf } from '../helpers/eventRows';

/** Time a clamped `setTimeout(…, 0)` takes between slices. */
const YIELD_MS = 4;

/** A loop on a fake clock that moves on a little every time it is read, as steps take time. */
function harness() {
  let clock = 0;
  const queue: Array<() => void> = [];
  const posts: Array<{ at: number; message: WorkerResponse }> = [];
  const slices: Array<{ from: number; to: number }> = [];
  const loop = createRunLoop({
    post: (message) => posts.push({ at: clock, message: structuredClone(message) }),
    now: () => (clock += 0.01),
    later: (slice) => queue.push(slice),
  });
  /** Runs up to `max` queued slices, YIELD_MS apart. */
  function drain(max = Number.POSITIVE_INFINITY): void {
    for (let n = 0; n < max && queue.length > 0; n++) {
      clock += YIELD_MS;
      const from = clock;
      queue.shift()!();
      slices.push({ from, to: clock });
    }
  }
  const of = (id: number) => posts.filter((p) => p.message.id === id);
  /** Moves the clock on, as a long computation would. */
  const tick = (ms: number) => void (clock += ms);
  return { loop, drain, posts, slices, of, queue, tick };
}

function job(request: SimulationRequest): Job {
  const prepared = prepareJob(request);
  if (!prepared.ok) throw new Error(prepared.error.message);
  return prepared.job;
}

function run(id: number, presetId: string, seed = 1): Job {
  return job({ type: 'run', id, presetId, seed });
}

/**
 * A job whose simulation logs nothing for `steps` steps, then throws `error` if given; `onResults` runs
 * when its results are built.
 */
function silentJob(id: number, steps: number, error?: Error, onResults?: () => void): Job {
  const sim = {
    log: () => [] as SimEvent[],
    logLength: () => 0,
    state: { log: createEventLog() },
    results: () => {
      onResults?.();
      return { scenario: 'silent', seed: 1, endMs: 0, items: [], invocations: [], metrics: {} };
    },
  } as unknown as Simulation;
  function* steps_(): Steps {
    for (let i = 0; i < steps; i++) yield sim;
    if (error) throw error;
    return sim;
  }
  return { id, parts: [{ part: undefined, steps: steps_(), scenario: getPreset('sync-success')! }] };
}

function logOf(posts: Array<{ message: WorkerResponse }>): SimEvent[] {
  const tables = new Map<string, string[]>();
  return posts.flatMap(({ message: m }) => {
    if (m.type !== 'log-batch') return [];
    const key = `${m.id}:${m.part ?? ''}`;
    const strings = tables.get(key) ?? [];
    tables.set(key, strings);
    return eventsOfRows(m.rows, m.fromSeq, strings);
  });
}

describe('the run loop', () => {
  it('starts nothing synchronously: the first slice waits for `later`', () => {
    const { loop, posts, queue } = harness();
    loop.start(run(1, 'sync-success'));
    expect(posts).toEqual([]);
    expect(queue).toHaveLength(1);
  });

  it('slices stop at their time budget, and batches go out at most once per frame', () => {
    const { loop, drain, posts, slices } = harness();
    loop.start(run(1, 'burst-scaling'));
    drain();
    expect(slices.length).toBeGreaterThan(3);
    for (const s of slices) expect(s.to - s.from).toBeLessThan(SLICE_MS + 0.1);

    expect(FRAME_MS).toBeGreaterThanOrEqual(16); // one animation frame at 60 Hz
    const batches = posts.filter((p) => p.message.type === 'log-batch');
    expect(posts.at(-1)!.message.type).toBe('results');
    // Batches of at most MESSAGE_CHUNK events; every round but the final flush (which goes with the
    // results) waited a frame since the previous round.
    for (const b of batches)
      expect((b.message as LogBatchResponse).rows.t.length).toBeLessThanOrEqual(MESSAGE_CHUNK);
    const rounds = batchRounds(
      batches.map((b) => ({ at: b.at, rows: (b.message as LogBatchResponse).rows })),
    );
    for (let i = 1; i < rounds.length - 1; i++)
      expect(rounds[i]![0]!.at - rounds[i - 1]![0]!.at).toBeGreaterThanOrEqual(FRAME_MS);
    expect(rounds.length).toBeLessThan(slices.length + 1);
    // Contiguous, and exactly the engine's log.
    let next = 0;
    for (const { message } of batches) {
      const batch = message as LogBatchResponse;
      expect(batch.fromSeq).toBe(next);
      next += batch.rows.t.length;
    }
    expect(logOf(posts)).toEqual(directRun(getPreset('burst-scaling')!, 1).log);
  });

  it('sends an empty batch when a run logs nothing for WORKER_KEEPALIVE_MS, so the bridge knows it is alive', () => {
    const { loop, drain, posts } = harness();
    loop.start(silentJob(1, 100_000)); // 100,000 readings of the clock: about a second
    drain();
    const beats = posts.filter((p) => p.message.type === 'log-batch');
    expect(beats.length).toBeGreaterThanOrEqual(3);
    for (const b of beats)
      expect(b.message).toEqual({ type: 'log-batch', id: 1, fromSeq: 0, rows: rowsOf([]) });
    const times = [0, ...posts.map((p) => p.at)];
    for (let i = 1; i < times.length; i++)
      expect(times[i]! - times[i - 1]!).toBeLessThan(WORKER_KEEPALIVE_MS + SLICE_MS + YIELD_MS + 1);
    expect(posts.at(-1)!.message).toMatchObject({ type: 'results', id: 1, logLength: 0 });
  });

  it('tells the bridge it is alive while it builds a long run’s results, index and metrics', () => {
    const { loop, drain, posts, tick } = harness();
    // 1,500 steps: the first slice ends with a keepalive, the second ends the run.
    loop.start(silentJob(1, 1_500, undefined, () => tick(WORKER_KEEPALIVE_MS + 50)));
    drain();
    const types = posts.map((p) => p.message.type);
    // The results took longer than the keepalive: an empty batch follows them before the results message.
    expect(types.at(-1)).toBe('results');
    const last = posts.at(-1)!.at;
    const beat = posts.at(-2)!;
    expect(beat.message).toMatchObject({ type: 'log-batch', id: 1, fromSeq: 0 });
    expect(last - beat.at).toBeLessThan(WORKER_KEEPALIVE_MS);
    expect(posts.filter((p) => p.message.type === 'log-batch').length).toBe(2);
  });

  it('adds no keepalive to a quick run’s results', () => {
    const { loop, drain, posts } = harness();
    loop.start(silentJob(1, 1_500));
    drain();
    expect(posts.map((p) => p.message.type)).toEqual(['log-batch', 'results']);
  });

  it('runs the newest job first; the older one resumes afterwards and ends complete', () => {
    const { loop, drain, posts, of } = harness();
    loop.start(run(1, 'burst-scaling'));
    drain(2);
    loop.start(run(2, 'async-retries-exhausted'));
    drain();
    const results = posts.filter((p) => p.message.type === 'results').map((p) => p.message.id);
    expect(results).toEqual([2, 1]);
    expect(logOf(of(1))).toEqual(directRun(getPreset('burst-scaling')!, 1).log);
    expect(logOf(of(2))).toEqual(directRun(getPreset('async-retries-exhausted')!, 1).log);
  });

  it('a cancelled job sends nothing more; the others carry on', () => {
    const { loop, drain, of } = harness();
    loop.start(run(1, 'sync-success'));
    loop.start(run(2, 'burst-scaling'));
    drain(3);
    const sent = of(2).length;
    loop.cancel(2);
    loop.cancel(42); // unknown: ignored
    drain();
    expect(of(2)).toHaveLength(sent);
    expect(of(1).at(-1)!.message.type).toBe('results');
  });

  it('an engine failure answers an error for its job; the queued job still runs', () => {
    const { loop, drain, posts, of } = harness();
    loop.start(run(1, 'sync-success'));
    loop.start(silentJob(2, 10, new Error('boom')));
    drain();
    expect(of(2).map((p) => p.message)).toEqual([
      { type: 'error', id: 2, message: 'The simulation failed: boom' },
    ]);
    expect(of(1).at(-1)!.message.type).toBe('results');
    expect(posts).toHaveLength(of(1).length + 1);
  });

  it('a compare runs its parts in order, tagging every message with the part', () => {
    const { loop, drain, posts } = harness();
    loop.start(
      job({
        type: 'compare',
        id: 3,
        runs: [
          { presetId: 'sync-success', seed: 1 },
          { presetId: 'cold-and-warm', seed: 2 },
        ],
      }),
    );
    drain();
    const parts = posts.map((p) => (p.message.type === 'error' ? null : p.message.part));
    expect(parts).toEqual([...parts].sort());
    expect(new Set(parts)).toEqual(new Set([0, 1]));
    expect(posts.filter((p) => p.message.type === 'results')).toHaveLength(2);
  });
});
