/**
 * Counterexamples the fuzz tests found, kept as plain tests (design.md "Conventions": a seeded fuzz test
 * keeps its failing seeds as regression tests). Each names the property, seed and fast-check path it came
 * from; replay one with `FUZZ_SEED=<seed>` (docs/fuzzing.md).
 */
import { describe, expect, it } from 'vitest';
import { isoTime } from '../../src/engine/time';
import { MAX_SIMULATED_MS } from '../../src/scenarios/timeBounds';
import { mustValidate, validateScenario } from '../../src/scenarios/validate';
import {
  expectFifoGroupOrder,
  expectNothingLost,
  expectWellFormedLog,
  fifoVisibilityCoversInvocations,
  overlaps,
} from '../helpers/invariants';
import { run } from '../helpers/scenario';
import { expectFieldPaths, rawPreset } from './fuzzHelpers';

function errorsOf(input: unknown) {
  const result = validateScenario(input);
  if (result.ok) throw new Error('expected a refusal');
  return result.errors;
}

describe('fuzz regressions: the scenario gate', () => {
  it('json.test.ts "arbitrary JSON" (seed 42, path "53:1:1:2:3"): an unknown property named " " gets a path that shows it, [" "], not a blank one', () => {
    const input = { ' ': '' };
    const errors = errorsOf(input);
    expect(errors.map((e) => e.path)).toContain('[" "]');
    expectFieldPaths(errors, input);
  });

  it('same cause: unknown properties named "" or "a.b" are quoted, so the path names exactly that property', () => {
    const scenario = rawPreset('default');
    const input = { ...scenario, '': 1, function: { ...(scenario.function as object), 'a.b': 1 } };
    const paths = errorsOf(input).map((e) => e.path);
    expect(paths).toContain('[""]');
    expect(paths).toContain('function["a.b"]');
    expectFieldPaths(errorsOf(input), input);
  });
});

describe('fuzz regressions: the run invariants', () => {
  it('edges.test.ts (seed 3): a FIFO queue whose VisibilityTimeout (0 s) is shorter than a cold invocation lets SQS hand a group message out again while it runs, so per-group order is only promised when the visibility timeout covers the invocation', () => {
    const raw = rawPreset('sqs-fifo-group-blocking');
    const source = (raw.sources as Array<Record<string, unknown>>)[0]!;
    source.queue = { ...(source.queue as object), VisibilityTimeout: 0 };
    raw.function = {
      ...(raw.function as Record<string, unknown>),
      behavior: {
        ...((raw.function as Record<string, unknown>).behavior as object),
        duration: { distribution: 'fixed', ms: 0 },
        initDuration: { distribution: 'uniform', minMs: 0, maxMs: 2000 },
      },
    };
    const result = validateScenario(raw);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // AWS refuses this mapping; the simulator runs it and says so.
    expect(result.warnings.map((w) => w.path)).toContain('sources[0].queue.VisibilityTimeout');
    expect(fifoVisibilityCoversInvocations(result.scenario)).toBe(false);
    const r = run(result.scenario, 0);
    const groupA = r.invocations.filter((inv) => inv.items.some((id) => id.startsWith('A')));
    expect(overlaps(groupA)).toBe(true);
    expectWellFormedLog(r.log);
    expectNothingLost(r, result.scenario);
    // With the visibility timeout covering Timeout and Init, the same run keeps the group in order.
    const covered = structuredClone(raw);
    (
      (covered.sources as Array<Record<string, unknown>>)[0]!.queue as Record<string, unknown>
    ).VisibilityTimeout = 32;
    const ok = validateScenario(covered);
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    expect(fifoVisibilityCoversInvocations(ok.scenario)).toBe(true);
    expectFifoGroupOrder(run(ok.scenario, 0), { inSendOrder: true });
  });
});

describe('fuzz regressions: times beyond the last date', () => {
  it('json.test.ts "a number set to a huge value" (seed 53): async-max-event-age with sources[0].requests[0].atMs = 1e300 passed the gate and crashed the engine writing a record\'s date; it is refused at that field', () => {
    const input = rawPreset('async-max-event-age');
    const requests = (input.sources as Array<{ requests: Array<Record<string, unknown>> }>)[0]!.requests;
    requests[0]!.atMs = 1e300;
    const errors = errorsOf(input);
    expect(errors).toContainEqual({
      path: 'sources[0].requests[0].atMs',
      message: `must be at most 315,360,000,000 ms (10 years of simulated time)`,
    });
    expectFieldPaths(errors, input);
  });

  it('same cause: a workload whose last item would arrive after ten years is refused at everyMs; durations and untilSeconds are bounded too', () => {
    const input = rawPreset('default');
    const source = (input.sources as Array<{ requests: Array<Record<string, unknown>> }>)[0]!;
    source.requests = [{ atMs: 0, count: 1_000_000, everyMs: MAX_SIMULATED_MS }];
    input.simulation = { untilSeconds: 1e12, asyncQueueDelay: { distribution: 'fixed', ms: 1e300 } };
    const paths = errorsOf(input).map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'sources[0].requests[0].everyMs',
        'simulation.untilSeconds',
        'simulation.asyncQueueDelay.ms',
      ]),
    );
    // The last moment itself is accepted, and runs.
    source.requests = [{ atMs: MAX_SIMULATED_MS }];
    input.simulation = {};
    const ok = validateScenario(input);
    expect(ok.ok).toBe(true);
    if (ok.ok) expectNothingLost(run(ok.scenario), ok.scenario);
  });

  it('same cause, in the engine (seed 6 of a log-normal Init with medianMs 3e11, sigma 5): a duration from the far tail no longer throws when a record shows its date', () => {
    expect(isoTime(1e300)).toBe('+275760-09-13T00:00:00.000Z');
    const input = rawPreset('async-retries-exhausted');
    const fn = input.function as { behavior: Record<string, unknown> };
    fn.behavior.initDuration = { distribution: 'lognormal', medianMs: 3e11, sigma: 5 };
    (input.sources as Array<Record<string, unknown>>)[0]!.requests = [{ count: 20 }];
    const scenario = mustValidate(input);
    const r = run(scenario, 6);
    expectWellFormedLog(r.log);
    expectNothingLost(r, scenario);
  });
});
