/**
 * The settings a fork changes: dot paths into the validated scenario, applied to a copy and checked by
 * the same validation as any scenario. Paths point into the validated scenario (defaults filled in), the
 * one the page received with the run's results, so `simulation.asyncQueueDelay.ms` can be changed even
 * when the scenario's JSON never mentioned it; validating a validated scenario gives it back unchanged,
 * so the changed one is exactly the original plus the changes.
 */
import type { ErrorIssue, ScenarioChange } from '../protocol/messages';
import type { Scenario } from './schema';
import { workloadOf } from './workload';
import { formatPath, validateScenario } from './validate';

type Key = string | number;

export type ChangeResult = { ok: true; scenario: Scenario } | { ok: false; issues: ErrorIssue[] };

// Setting these would reach Object.prototype (or a constructor) instead of a scenario field.
const FORBIDDEN_KEYS = new Set(['__proto__', 'prototype', 'constructor']);

/** Splits `sources.0.mapping.BatchSize` or `sources[0].mapping.BatchSize` into keys, or says why not. */
export function parseChangePath(path: string): Key[] | string {
  const segments = path.replace(/\[(\d+)\]/g, '.$1').split('.');
  if (segments.some((s) => s === ''))
    return `"${path}" is not a path into the scenario (expected names and indexes joined by dots, e.g. function.Timeout or sources.0.mapping.BatchSize)`;
  const bad = segments.find((s) => FORBIDDEN_KEYS.has(s));
  if (bad !== undefined) return `"${path}" is not a path into the scenario ('${bad}' is not a setting)`;
  return segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Sets `keys` in `root` to `value` (removes it for undefined), creating missing objects on the way. */
function setAt(root: Record<string, unknown>, keys: Key[], value: unknown): string | null {
  let node: unknown = root;
  for (const [i, key] of keys.entries()) {
    const here = formatPath(keys.slice(0, i));
    const last = i === keys.length - 1;
    if (typeof key === 'number' && !isRecord(node)) {
      if (!Array.isArray(node)) return `${here} is ${kindOf(node)}, not a list, so it has no entry ${key}`;
      if (key >= node.length)
        return `${here} has ${node.length} ${node.length === 1 ? 'entry' : 'entries'}, so there is no entry ${key} (a fork changes entries; it cannot add them)`;
      if (last && value === undefined) return `a fork cannot remove entries from ${here}`;
      if (last) node[key] = value;
      else node = node[key];
      continue;
    }
    // A number names a key of an object too (a payload may have a "0" field).
    const name = String(key);
    if (!isRecord(node)) return `${here} is ${kindOf(node)}, so it has no setting '${name}'`;
    if (last) {
      if (value === undefined) delete node[name];
      else node[name] = value;
      return null;
    }
    // Own properties only: `toString` and friends are not settings. A missing object is created, and
    // validation then says whether it is a setting that exists.
    if (!Object.hasOwn(node, name) || node[name] === undefined) node[name] = {};
    node = node[name];
  }
  return null;
}

/** The name of a source's workload list in the scenario: `requests`, `messages` or `records`. */
export function workloadKey(source: Scenario['sources'][number]): string {
  return source.type === 'sqs'
    ? 'messages'
    : source.type === 'kinesis' || source.type === 'dynamodb'
      ? 'records'
      : 'requests';
}

/**
 * A fork continues the run that already started: the sources and the workload entries it started with
 * stay; settings such as retries, timeouts, batch sizes and behaviour may change. Entries may be added at
 * the end of a workload (an event injected at the fork), arriving at or after the fork moment `atMs`.
 */
function workloadIssues(base: Scenario, changed: Scenario, atMs: number): ErrorIssue[] {
  const why = 'a fork cannot change this, because the run has already started with it';
  if (changed.sources.length !== base.sources.length)
    return [{ path: 'sources', message: `${why} (${base.sources.length} sources)` }];
  const issues: ErrorIssue[] = [];
  base.sources.forEach((source, i) => {
    const other = changed.sources[i]!;
    for (const key of ['id', 'type'] as const) {
      if (other[key] !== source[key])
        issues.push({ path: formatPath(['sources', i, key]), message: `${why} ('${source[key]}')` });
    }
    if (other.type !== source.type) return;
    const before = workloadOf(source);
    const after = workloadOf(other);
    if (after.length < before.length)
      issues.push({
        path: formatPath(['sources', i]),
        message: `${why}: its ${before.length} workload entries`,
      });
    for (let j = before.length; j < after.length; j++) {
      if (after[j]!.atMs < atMs)
        issues.push({
          path: formatPath(['sources', i, workloadKey(other), j, 'atMs']),
          message: `an entry added at a fork arrives at or after the fork moment (${atMs} ms); got ${after[j]!.atMs}`,
        });
    }
  });
  return issues;
}

/**
 * Applies `changes` to a copy of `base` and validates the result; issues name the field paths. `atMs` is
 * the fork moment, before which added workload entries may not arrive.
 */
export function changeScenario(base: Scenario, changes: readonly ScenarioChange[], atMs = 0): ChangeResult {
  const draft = structuredClone(base) as unknown as Record<string, unknown>;
  const issues: ErrorIssue[] = [];
  changes.forEach((change, i) => {
    const keys = parseChangePath(change.path);
    if (typeof keys === 'string') {
      issues.push({ path: `changes[${i}].path`, message: keys });
      return;
    }
    const problem = setAt(draft, keys, structuredClone(change.value));
    if (problem !== null) issues.push({ path: formatPath(keys), message: problem });
  });
  if (issues.length > 0) return { ok: false, issues };
  const validated = validateScenario(draft);
  if (!validated.ok) return { ok: false, issues: validated.errors };
  const structural = workloadIssues(base, validated.scenario, atMs);
  if (structural.length > 0) return { ok: false, issues: structural };
  return { ok: true, scenario: validated.scenario };
}
