/**
 * Shared helpers of the scenario validation tests: a minimal scenario, path-based edits, and assertions
 * on errors and warnings in AWS's wording.
 */
import { expect, it } from 'vitest';
import { validateScenario, type ValidationIssue, type ValidationResult } from '../../src/scenarios/validate';

export type Json = Record<string, unknown>;

/** The smallest valid scenario: one direct synchronous request. */
export function base(): Json {
  return {
    id: 'test',
    title: 'Test',
    function: { FunctionName: 'process-order' },
    sources: [{ type: 'sync', id: 'client', caller: 'direct', requests: [{ id: 'r1' }] }],
  };
}

/** Sets a value at a path like `function.EventInvokeConfig.MaximumRetryAttempts` or `sources[0].caller`. */
export function set(target: Json, path: string, value: unknown): Json {
  const keys = path.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== '');
  let node: Record<string, unknown> = target;
  keys.slice(0, -1).forEach((key, i) => {
    node[key] ??= /^\d+$/.test(keys[i + 1]!) ? [] : {};
    node = node[key] as Record<string, unknown>;
  });
  // A copy, so shared fixtures are never changed by a later `set` inside them.
  node[keys[keys.length - 1]!] = typeof value === 'object' && value !== null ? structuredClone(value) : value;
  return target;
}

/** Removes the property at a path (a no-op when it is absent). */
export function unset(target: Json, path: string): Json {
  const keys = path.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== '');
  let node = target as Record<string, unknown> | undefined;
  for (const key of keys.slice(0, -1)) node = node?.[key] as Record<string, unknown> | undefined;
  if (node) delete node[keys[keys.length - 1]!];
  return target;
}

/** Applies `changes` (path → value) in order to `start` (default: `base()`). */
export function scenarioWith(changes: Record<string, unknown>, start: Json = base()): Json {
  for (const [path, value] of Object.entries(changes)) set(start, path, value);
  return start;
}

export function errorsOf(result: ValidationResult): ValidationIssue[] {
  if (result.ok) throw new Error('expected the scenario to be rejected, but it was accepted');
  return result.errors;
}

export function expectAccepted(result: ValidationResult): ValidationIssue[] {
  if (!result.ok)
    throw new Error(`expected the scenario to be accepted:\n${JSON.stringify(result.errors, null, 2)}`);
  return result.warnings;
}

/** The scenario is rejected with (at least) this message at this path. */
export function expectError(input: unknown, path: string, message: string | RegExp): void {
  const errors = errorsOf(validateScenario(input));
  const at = errors.filter((e) => e.path === path);
  expect(at, `errors: ${JSON.stringify(errors)}`).not.toHaveLength(0);
  if (typeof message === 'string') expect(at.map((e) => e.message)).toContain(message);
  else
    expect(
      at.some((e) => message.test(e.message)),
      `messages: ${JSON.stringify(at)}`,
    ).toBe(true);
}

/** AWS's validation wording (§9). */
export const aws = (value: string, member: string, constraint: string) =>
  `1 validation error detected: Value ${value} at '${member}' failed to satisfy constraint: ${constraint}`;
export const atMost = (n: number) => `Member must have value less than or equal to ${n}`;
export const atLeast = (n: number) => `Member must have value greater than or equal to ${n}`;

export interface Range {
  section: string;
  name: string;
  path: string;
  member: string;
  min: number;
  max?: number;
  /** The step "just outside" a bound (1 for integers). */
  step?: number;
  /** Changes applied to `base()` before the value is set. */
  setup?: Record<string, unknown>;
  /** Where the value goes, when it is not simply `path` (e.g. a rule that also needs a result). */
  place?: (start: Json, value: number) => Json;
  /** The path errors are reported at (default `path`). */
  errorPath?: string;
}

function withValue(range: Range, value: number): Json {
  const start = scenarioWith(range.setup ?? {});
  return range.place ? range.place(start, value) : set(start, range.path, value);
}

/** One test per range: accepted at each bound, rejected just outside with the path and AWS wording. */
export function rangeTests(ranges: ReadonlyArray<Range>): void {
  for (const range of ranges) {
    const step = range.step ?? 1;
    const below = Number((range.min - step).toFixed(4));
    const above = range.max === undefined ? undefined : Number((range.max + step).toFixed(4));
    const bounds = range.max === undefined ? `${range.min}` : `${range.min} and ${range.max}`;
    const outside = above === undefined ? `${below}` : `${below} and ${above}`;
    it(`${range.section} ${range.name} accepts ${bounds}, rejects ${outside} with AWS wording`, () => {
      const path = range.errorPath ?? range.path;
      expectAccepted(validateScenario(withValue(range, range.min)));
      if (range.max !== undefined) expectAccepted(validateScenario(withValue(range, range.max)));
      expectError(withValue(range, below), path, aws(`'${below}'`, range.member, atLeast(range.min)));
      if (above !== undefined && range.max !== undefined) {
        expectError(withValue(range, above), path, aws(`'${above}'`, range.member, atMost(range.max)));
      }
    });
  }
}
