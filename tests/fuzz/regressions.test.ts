/**
 * Counterexamples the fuzz tests found, kept as plain tests (design.md "Conventions": a seeded fuzz test
 * keeps its failing seeds as regression tests). Each names the property, seed and fast-check path it came
 * from; replay one with `FUZZ_SEED=<seed>` (docs/fuzzing.md).
 */
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../src/scenarios/validate';
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
