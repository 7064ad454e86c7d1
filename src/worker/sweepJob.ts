/**
 * Turning a `sweep` request into a sweep job: the scenario loaded and validated and the seed range
 * checked before anything runs, so bad input is answered at once with a message naming the field.
 */
import {
  SWEEP_MAX_RUNS,
  SWEEP_MIN_RUNS,
  type ErrorIssue,
  type ErrorResponse,
  type SweepRequest,
} from '../protocol/messages';
import type { Scenario } from '../scenarios/schema';
import { MAX_SEED, load } from './jobs';

/** A sweep the loop runs: `count` runs of `scenario`, with seeds `from`, `from + 1`, … */
export interface SweepJob {
  id: number;
  scenario: Scenario;
  from: number;
  count: number;
}

export type PreparedSweep = { ok: true; job: SweepJob } | { ok: false; error: ErrorResponse };

function refuse(id: number, path: string, message: string, issues?: ErrorIssue[]): PreparedSweep {
  return {
    ok: false,
    error: { type: 'error', id, message, issues: issues ?? [{ path, message }] },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks a sweep request and turns it into a job, or into the error to answer with. */
export function prepareSweep(request: SweepRequest): PreparedSweep {
  const { id } = request;
  const seeds: unknown = request.seeds;
  if (!isRecord(seeds)) return refuse(id, 'seeds', 'The sweep needs seeds: {from, count}.');
  const { from, count } = seeds;
  if (
    typeof count !== 'number' ||
    !Number.isInteger(count) ||
    count < SWEEP_MIN_RUNS ||
    count > SWEEP_MAX_RUNS
  )
    return refuse(
      id,
      'seeds.count',
      `seeds.count must be a whole number from ${SWEEP_MIN_RUNS} to ${SWEEP_MAX_RUNS}; got ${String(count)}.`,
    );
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 0 || from + count - 1 > MAX_SEED)
    return refuse(
      id,
      'seeds.from',
      `seeds.from must be a whole number from 0 to ${MAX_SEED - count + 1} (the last seed is at most ${MAX_SEED}); got ${String(from)}.`,
    );
  const spec =
    request.presetId !== undefined
      ? { presetId: request.presetId, seed: from }
      : { scenario: request.scenario, seed: from };
  const loaded = load(spec);
  if (!loaded.ok) {
    // Scenario issues get the field's prefix, as a comparison's do: `scenario.function.Timeout`.
    const issues = loaded.issues?.map((issue) => ({
      path: issue.path === '(scenario)' ? 'scenario' : `scenario.${issue.path}`,
      message: issue.message,
    }));
    return refuse(id, loaded.field, loaded.message, issues);
  }
  return { ok: true, job: { id, scenario: loaded.scenario, from, count } };
}
