/**
 * What the fuzz tests share: the presets as raw JSON, every path of a JSON value, setting or deleting the
 * value at a path, and the check that a validation error's path names a field (of the input, or of the
 * schema) rather than something made up.
 */
import { expect } from 'vitest';
import type { z } from 'zod';
import { parseFieldPath } from '../../src/scenarios/fieldCatalog';
import { PRESET_IDS, presetSource } from '../../src/scenarios/presets';
import { scenarioSchema } from '../../src/scenarios/schema';
import { formatPath, type ValidationIssue } from '../../src/scenarios/validate';

export type Key = string | number;

/** Every preset's JSON as written (a fresh deep copy each time), by id. */
export function rawPreset(id: string): Record<string, unknown> {
  return structuredClone(presetSource(id)) as Record<string, unknown>;
}

/** The ids of the built-in presets. */
export const PRESETS: readonly string[] = PRESET_IDS;

/** Every path inside a JSON value (not the root), parents before children, at most `limit` of them. */
export function jsonPaths(value: unknown, limit = 5000): Key[][] {
  const out: Key[][] = [];
  const walk = (node: unknown, path: Key[]): void => {
    if (out.length >= limit || node === null || typeof node !== 'object') return;
    const entries: Array<[Key, unknown]> = Array.isArray(node)
      ? node.map((v, i) => [i, v])
      : Object.entries(node as Record<string, unknown>);
    for (const [key, child] of entries) {
      const at = [...path, key];
      out.push(at);
      walk(child, at);
    }
  };
  walk(value, []);
  return out;
}

/** The value at a path, or undefined. */
export function getAt(root: unknown, path: readonly Key[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<Key, unknown>)[key];
  }
  return node;
}

/** Sets (or, with `remove`, deletes) the value at an existing path of a JSON value, in place. */
export function setAt(root: unknown, path: readonly Key[], value: unknown, remove = false): void {
  const parent = getAt(root, path.slice(0, -1)) as Record<Key, unknown> | Key[];
  const key = path[path.length - 1]!;
  if (Array.isArray(parent) && typeof key === 'number') {
    if (remove) parent.splice(key, 1);
    else parent[key] = value as Key;
  } else if (remove) delete (parent as Record<Key, unknown>)[key];
  else Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
}

/** True when `a` is `b`, or one of them is a field inside the other (`a.b` and `a.b[0].c`). */
export function related(a: string, b: string): boolean {
  const inside = (child: string, parent: string) =>
    parent === '(scenario)' || child.startsWith(`${parent}.`) || child.startsWith(`${parent}[`);
  return a === b || inside(a, b) || inside(b, a);
}

// --- Do error paths name real fields? -------------------------------------------------------------

type AnySchema = z.core.$ZodType;
type LooseDef = Record<string, unknown> & { type: string };
const defOf = (schema: AnySchema): LooseDef => schema._zod.def as unknown as LooseDef;

/** True when the schema has a field at this path (choosing union options by the input where it can). */
function inSchema(path: readonly Key[], input: unknown): boolean {
  let options: AnySchema[] = [scenarioSchema];
  let value: unknown = input;
  for (const key of path) {
    const next: AnySchema[] = [];
    for (let schema of options) {
      for (;;) {
        const def = defOf(schema);
        if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable')
          schema = def.innerType as AnySchema;
        else break;
      }
      const def = defOf(schema);
      if (def.type === 'union') {
        options.push(...(def.options as AnySchema[]));
        continue;
      }
      if (def.type === 'object') {
        const child = (def.shape as Record<string, AnySchema>)[String(key)];
        if (child) next.push(child);
      } else if (def.type === 'array' && typeof key === 'number') next.push(def.element as AnySchema);
      else if (def.type === 'tuple' && typeof key === 'number') {
        const item = (def.items as AnySchema[])[key];
        if (item) next.push(item);
      }
    }
    if (next.length === 0) return false;
    options = next;
    value = getAt(value, [key]);
  }
  return true;
}

/** The formatted paths of every field of the input (as `formatPath` writes them). */
function inputPaths(input: unknown): Set<string> {
  return new Set(jsonPaths(input, 20_000).map((p) => formatPath(p)));
}

/** Paths that stand for the whole input rather than a field of it. */
export const WHOLE_INPUT_PATHS = new Set(['(scenario)', '(json)']);

/**
 * Asserts each issue has a message and a path that is the whole input, a field the input has (an unknown
 * one included), or a field the schema knows whose array indexes all exist in the input.
 */
export function expectFieldPaths(issues: readonly ValidationIssue[], input: unknown): void {
  expect(issues.length, 'a refusal says why').toBeGreaterThan(0);
  let own: Set<string> | undefined;
  for (const issue of issues) {
    expect(typeof issue.message, issue.path).toBe('string');
    expect(issue.message.trim(), `${issue.path}: empty message`).not.toBe('');
    expect(typeof issue.path).toBe('string');
    expect(issue.path.trim(), `empty path for "${issue.message}"`).not.toBe('');
    if (WHOLE_INPUT_PATHS.has(issue.path)) continue;
    own ??= inputPaths(input);
    if (own.has(issue.path)) continue;
    let keys: Key[] = [];
    try {
      keys = parseFieldPath(issue.path);
    } catch {
      expect.fail(`"${issue.path}" (${issue.message}) is not a field path`);
    }
    const indexesExist = keys.every((k, i) => {
      if (typeof k !== 'number') return true;
      const list = getAt(input, keys.slice(0, i));
      return Array.isArray(list) && k < list.length;
    });
    expect(
      indexesExist && inSchema(keys, input),
      `"${issue.path}" (${issue.message}) names no field of the input or the schema`,
    ).toBe(true);
  }
}
