/**
 * Counterexamples the fuzz tests found, kept as plain tests (design.md "Conventions": a seeded fuzz test
 * keeps its failing seeds as regression tests). Each names the property, seed and fast-check path it came
 * from; replay one with `FUZZ_SEED=<seed>` (docs/fuzzing.md).
 */
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../src/scenarios/validate';
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
