/**
 * Turning a request into work for the run loop: load and validate every scenario, check the seeds, the
 * fork point and the changes, all before anything runs, so bad input is answered at once with messages
 * that name the field. What comes out is a job: one part for a run or a fork, one per run compared.
 */
import { createSimulation } from '../engine/simulation';
import {
  COMPARE_MAX_RUNS,
  COMPARE_MIN_RUNS,
  type CompareRequest,
  type ErrorIssue,
  type ErrorResponse,
  type ForkRequest,
  type RunSpec,
  type SimulationRequest,
} from '../protocol/messages';
import { getPreset } from '../scenarios/presets';
import type { Scenario } from '../scenarios/schema';
import { validateScenario } from '../scenarios/validate';
import { changeScenario } from '../scenarios/scenarioChanges';
import { forkSteps, stepsToEnd, untilMs, type Steps } from './steps';

/** One run the loop drives to its end. */
export interface Part {
  /** Its index in a compare's `runs`; undefined for a run or a fork. */
  part: number | undefined;
  /** Started lazily, so a queued job holds no simulation yet. */
  steps: Steps;
  /** The validated scenario the results are sent with. */
  scenario: Scenario;
}

export interface Job {
  id: number;
  parts: Part[];
}

export type Prepared = { ok: true; job: Job } | { ok: false; error: ErrorResponse };

/** The largest seed the engine takes. */
export const MAX_SEED = 0xffffffff;

export type Loaded =
  | { ok: true; scenario: Scenario }
  | { ok: false; field: 'seed' | 'presetId' | 'scenario'; message: string; issues?: ErrorIssue[] };

/** "1 error", "3 errors". */
export function errors(count: number): string {
  return `${count} error${count === 1 ? '' : 's'}`;
}

/** Checks a spec's seed and loads its preset or validates its scenario. */
export function load(spec: RunSpec): Loaded {
  const { seed } = spec;
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED)
    return {
      ok: false,
      field: 'seed',
      message: `The seed must be a whole number from 0 to ${MAX_SEED}; got ${seed}.`,
    };
  if (spec.presetId !== undefined) {
    const scenario = getPreset(spec.presetId);
    if (!scenario)
      return { ok: false, field: 'presetId', message: `There is no preset called "${spec.presetId}".` };
    return { ok: true, scenario };
  }
  const result = validateScenario(spec.scenario);
  if (!result.ok)
    return {
      ok: false,
      field: 'scenario',
      message: `The scenario is not valid (${errors(result.errors.length)}).`,
      issues: result.errors,
    };
  return { ok: true, scenario: result.scenario };
}

function* runSteps(scenario: Scenario, seed: number): Steps {
  return yield* stepsToEnd(createSimulation(scenario, { seed }));
}

function failure(id: number, message: string, issues?: ErrorIssue[]): Prepared {
  return {
    ok: false,
    error: issues ? { type: 'error', id, message, issues } : { type: 'error', id, message },
  };
}

function prepareFork(request: ForkRequest, base: Scenario): Prepared {
  const { id, atMs } = request;
  const limit = untilMs(base);
  if (!Number.isFinite(atMs) || atMs < 0 || atMs > limit) {
    const range = Number.isFinite(limit)
      ? `from 0 to ${limit} (the scenario's simulation.untilSeconds)`
      : 'of 0 or more';
    return failure(id, `The fork point must be a time in ms ${range}; got ${atMs}.`);
  }
  const changed = changeScenario(base, request.changes, atMs);
  if (!changed.ok)
    return failure(id, `The changes cannot be made (${errors(changed.issues.length)}).`, changed.issues);
  const scenario = changed.scenario;
  function* steps(): Steps {
    return yield* forkSteps(createSimulation(base, { seed: request.seed }), atMs, scenario);
  }
  return { ok: true, job: { id, parts: [{ part: undefined, steps: steps(), scenario }] } };
}

function prepareCompare(request: CompareRequest): Prepared {
  const { id, runs } = request;
  if (runs.length < COMPARE_MIN_RUNS || runs.length > COMPARE_MAX_RUNS)
    return failure(
      id,
      `A comparison needs ${COMPARE_MIN_RUNS} to ${COMPARE_MAX_RUNS} runs; got ${runs.length}.`,
    );
  const parts: Part[] = [];
  const issues: ErrorIssue[] = [];
  runs.forEach((spec, part) => {
    const loaded = load(spec);
    if (loaded.ok) {
      parts.push({ part, steps: runSteps(loaded.scenario, spec.seed), scenario: loaded.scenario });
      return;
    }
    const at = `runs[${part}].${loaded.field}`;
    // Scenario issues get the run's prefix: `runs[1].scenario.function.Timeout`.
    if (loaded.issues)
      for (const issue of loaded.issues)
        issues.push({
          path: issue.path === '(scenario)' ? at : `${at}.${issue.path}`,
          message: issue.message,
        });
    else issues.push({ path: at, message: loaded.message });
  });
  if (issues.length > 0) return failure(id, `The comparison cannot run (${errors(issues.length)}).`, issues);
  return { ok: true, job: { id, parts } };
}

/** Checks a run, fork or compare request and turns it into a job, or into the error to answer with. */
export function prepareJob(request: SimulationRequest): Prepared {
  if (request.type === 'compare') return prepareCompare(request);
  const loaded = load(request);
  if (!loaded.ok) return failure(request.id, loaded.message, loaded.issues);
  if (request.type === 'fork') return prepareFork(request, loaded.scenario);
  const part: Part = {
    part: undefined,
    steps: runSteps(loaded.scenario, request.seed),
    scenario: loaded.scenario,
  };
  return { ok: true, job: { id: request.id, parts: [part] } };
}
