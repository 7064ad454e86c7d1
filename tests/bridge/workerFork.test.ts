/** The worker's `fork` request, run in-process (see workerScope.ts). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSimulation, forkSimulation } from '../../src/engine/simulation';
import type { ErrorResponse } from '../../src/protocol/messages';
import { getPreset, presetSource } from '../../src/scenarios/presets';
import type { Scenario } from '../../src/scenarios/schema';
import { mustValidate } from '../../src/scenarios/validate';
import { answered, directRun, loadWorker, reassemble } from './workerScope';

afterEach(() => {
  vi.unstubAllGlobals();
});

const RETRIES = 'function.EventInvokeConfig.MaximumRetryAttempts';

function withRetries(s: Scenario, n: number): Scenario {
  return {
    ...s,
    function: {
      ...s.function,
      EventInvokeConfig: { ...s.function.EventInvokeConfig, MaximumRetryAttempts: n },
    },
  };
}

/** The fork as the engine makes it directly: run to atMs, checkpoint, fork with the changed scenario, run. */
function directFork(base: Scenario, seed: number, atMs: number, changed: Scenario) {
  const sim = createSimulation(base, { seed });
  sim.runUntil(atMs);
  const fork = forkSimulation(sim.checkpoint(), () => changed);
  fork.run();
  return { log: [...fork.log()], results: fork.results() };
}

function fork(id: number, fields: Record<string, unknown>) {
  return {
    type: 'fork',
    id,
    presetId: 'async-retries-exhausted',
    seed: 1,
    atMs: 5000,
    changes: [],
    ...fields,
  };
}

describe('the worker: fork', () => {
  it('forks async-retries-exhausted after the first failure with no retries left: same past, other outcome', async () => {
    const scope = await loadWorker();
    const atMs = 5000; // the first attempt failed at ≈1.3 s and its retry is scheduled for ≈61 s
    scope.send(fork(1, { atMs, changes: [{ path: RETRIES, value: 0 }] }));
    const { log, last } = reassemble(await answered(scope, 1));

    const base = getPreset('async-retries-exhausted')!;
    const whole = directRun(base, 1);
    const prefix = whole.log.filter((e) => e.t <= atMs);
    expect(prefix.some((e) => e.type === 'invoke/failed')).toBe(true);
    // The fork's log is the whole story: the shared past from seq 0, then its own future.
    expect(log.slice(0, prefix.length)).toEqual(prefix);
    expect(log[prefix.length]!.t).toBeGreaterThan(atMs);
    expect(log).not.toEqual(whole.log);

    // The retry already scheduled still runs, but after it fails no retry is left.
    expect(whole.results.items[0]!.attempts).toHaveLength(3);
    expect(last.results.items[0]!.attempts).toHaveLength(2);
    expect(last.results.items[0]!.outcome).toBe(whole.results.items[0]!.outcome);
    const exhausted = log.find((e) => e.type === 'async/retries-exhausted')!;
    expect(exhausted.data).toEqual({ attempts: 2, maxRetries: 0 });
    expect(exhausted.t).toBeLessThan(whole.log.find((e) => e.type === 'async/retries-exhausted')!.t);

    // Exactly the engine's own fork, and the results carry the changed scenario.
    const changed = withRetries(base, 0);
    const direct = directFork(base, 1, atMs, changed);
    expect(log).toEqual(direct.log);
    expect(last.results).toEqual(direct.results);
    expect(last.scenario).toEqual(changed);
  });

  it('forks default before the first attempt: the event is dead-lettered after one attempt', async () => {
    const scope = await loadWorker();
    scope.send(fork(2, { presetId: 'default', atMs: 1, changes: [{ path: RETRIES, value: 0 }] }));
    const { last } = reassemble(await answered(scope, 2));
    expect(directRun(getPreset('default')!, 1).results.items[0]!.outcome).toBe('succeeded');
    expect(last.results.items[0]!.outcome).toBe('dead-lettered');
    expect(last.results.items[0]!.attempts).toHaveLength(1);
  });

  it('forks a poll-based mapping: BatchSize 1 from then on means more, smaller batches', async () => {
    const scope = await loadWorker();
    // sqs-batch-error: the first batch fails at 850 ms; its messages come back after the visibility timeout.
    const changes = [{ path: 'sources.0.mapping.BatchSize', value: 1 }];
    scope.send(fork(3, { presetId: 'sqs-batch-error', atMs: 850, changes }));
    const { log, last } = reassemble(await answered(scope, 3));
    const base = getPreset('sqs-batch-error')!;
    const whole = directRun(base, 1);
    expect(last.results.invocations.length).toBeGreaterThan(whole.results.invocations.length);
    expect(last.results.invocations.slice(1).every((inv) => inv.items.length === 1)).toBe(true);
    const changed = structuredClone(base);
    (changed.sources[0] as { mapping: { BatchSize: number } }).mapping.BatchSize = 1;
    expect(log).toEqual(directFork(base, 1, 850, changed).log);
    expect(last.scenario).toEqual(changed);
  });

  it('forks a scenario given as JSON, with sources[0] written as an index too', async () => {
    const scope = await loadWorker();
    const scenario = presetSource('async-retries-exhausted');
    scope.send({
      ...fork(4, { changes: [{ path: 'sources[0].requests[0].payload.amount', value: 1 }] }),
      presetId: undefined,
      scenario,
    });
    const { last } = reassemble(await answered(scope, 4));
    expect(last.scenario.sources[0]).toMatchObject({
      requests: [{ payload: { orderId: 'o-1001', amount: 1 } }],
    });
  });

  it('an invalid value is answered with an error naming the field path', async () => {
    const scope = await loadWorker();
    scope.send(fork(5, { changes: [{ path: RETRIES, value: 5 }] }));
    expect(scope.for(5)).toEqual([
      {
        type: 'error',
        id: 5,
        message: 'The changes cannot be made (1 error).',
        issues: [
          {
            path: RETRIES,
            message:
              "1 validation error detected: Value '5' at 'maximumRetryAttempts' failed to satisfy constraint: Member must have value less than or equal to 2",
          },
        ],
      },
    ]);
  });

  it('an unknown setting is answered with an error naming its path', async () => {
    const scope = await loadWorker();
    scope.send(fork(6, { changes: [{ path: 'function.MaxRetries', value: 0 }] }));
    expect(scope.for(6)).toEqual([
      {
        type: 'error',
        id: 6,
        message: 'The changes cannot be made (1 error).',
        issues: [
          { path: 'function.MaxRetries', message: expect.stringMatching(/^unknown property 'MaxRetries'/) },
        ],
      },
    ]);
  });

  it('a path that leads nowhere is answered with an error naming it, before any validation', async () => {
    const scope = await loadWorker();
    const changes = [
      { path: 'sources.4.id', value: 'x' },
      { path: 'function..Timeout', value: 1 },
      { path: RETRIES, value: 5 }, // not reported: the others already make the changes unusable
    ];
    scope.send(fork(12, { changes }));
    expect((scope.for(12)[0] as ErrorResponse).issues).toEqual([
      {
        path: 'sources[4].id',
        message: expect.stringMatching(/sources has 1 entry, so there is no entry 4/),
      },
      { path: 'changes[1].path', message: expect.stringMatching(/"function..Timeout" is not a path/) },
    ]);
  });

  it.each([
    [-1, /from 0|of 0 or more/],
    [Number.NaN, /got NaN/],
    [Number.POSITIVE_INFINITY, /got Infinity/],
  ])('refuses the fork point %d', async (atMs, message) => {
    const scope = await loadWorker();
    scope.send(fork(7, { atMs }));
    expect(scope.for(7)).toEqual([
      { type: 'error', id: 7, message: expect.stringMatching(/^The fork point must be a time in ms/) },
    ]);
    expect((scope.for(7)[0] as ErrorResponse).message).toMatch(message);
  });

  it('refuses a fork point after the scenario stops (simulation.untilSeconds)', async () => {
    const scope = await loadWorker();
    const scenario = { ...presetSource('async-retries-exhausted'), simulation: { untilSeconds: 60 } };
    scope.send({ ...fork(8, { atMs: 60_001 }), presetId: undefined, scenario });
    expect((scope.for(8)[0] as ErrorResponse).message).toBe(
      "The fork point must be a time in ms from 0 to 60000 (the scenario's simulation.untilSeconds); got 60001.",
    );
    scope.send({
      ...fork(9, { atMs: 60_000, changes: [{ path: RETRIES, value: 0 }] }),
      presetId: undefined,
      scenario,
    });
    const { log } = reassemble(await answered(scope, 9));
    expect(log).toEqual(
      directFork(mustValidate(scenario), 1, 60_000, withRetries(mustValidate(scenario), 0)).log,
    );
  });

  it('answers the base scenario’s own problems as a run does', async () => {
    const scope = await loadWorker();
    scope.send(fork(10, { presetId: 'nope' }));
    scope.send(fork(11, { seed: -3 }));
    expect(scope.responses).toEqual([
      { type: 'error', id: 10, message: 'There is no preset called "nope".' },
      { type: 'error', id: 11, message: 'The seed must be a whole number from 0 to 4294967295; got -3.' },
    ]);
  });
});
