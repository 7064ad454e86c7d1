/**
 * Messages between the UI (through the bridge) and the simulation worker. Plain structured-clone data
 * only: no functions, classes or DOM objects. Every request carries an `id`; every response names the
 * request it answers.
 *
 * A `run` or `fork` answers with zero or more `log-batch` messages (in order, contiguous by `fromSeq`),
 * zero or more `results-part` messages and then exactly one `results`, or an `error` instead. Big logs
 * and results travel in parts of bounded size, because the page reads each message in one main-thread
 * task: a 100,000-item results object in one message would freeze it for about a second. A `compare` does the same once per run it
 * compares, each message tagged with that run's `part` (its index in `runs`), and ends with the last
 * part's `results` or with one `error`. A `cancel` gets no answer: the worker just stops sending
 * anything for the cancelled request.
 *
 * A `sweep` runs one scenario once per seed and answers with `sweep-progress` messages (at most about
 * ten a second) and then one `sweep-results` holding a summary of every run as columns of numbers, or
 * with an `error`. No log is sent for a sweep.
 *
 * While it works on a request the worker sends a message at least every WORKER_KEEPALIVE_MS (an empty
 * `log-batch` when nothing new happened), so the bridge's watchdog can tell a busy worker from a hung one.
 */
import type { Results } from '../engine/results';
import { eventRowsProblem, type EventRows } from '../engine/eventRows';
import type { PostedFlowIndex } from '../diagram/postedFlowIndex';
import type { MetricsCheckpoints } from '../metrics/metricsAt';
import type { MetricsSeriesSet } from '../metrics/metricsSeries';
import type { Scenario } from '../scenarios/schema';

/** The longest the worker stays silent while it has work; a watchdog must allow well more than this. */
export const WORKER_KEEPALIVE_MS = 250;

/** How many runs a `compare` request may hold. */
export const COMPARE_MIN_RUNS = 2;
export const COMPARE_MAX_RUNS = 4;

/** What to simulate: a preset (by id) or a scenario (any JSON; the worker validates it), and a seed. */
export interface RunSpec {
  presetId?: string;
  scenario?: unknown;
  seed: number;
}

/** Run one scenario with a seed ("set seed" is a run with another seed). */
export interface RunRequest extends RunSpec {
  type: 'run';
  id: number;
}

/**
 * One setting to change at a fork: `path` is a dot path into the validated scenario, e.g.
 * `function.EventInvokeConfig.MaximumRetryAttempts` or `sources.0.mapping.BatchSize` (`sources[0]` works
 * too). `value` undefined removes the setting, so its default applies.
 */
export interface ScenarioChange {
  path: string;
  value: unknown;
}

/** Run a scenario to `atMs`, change some settings there, and run the changed scenario to the end. */
export interface ForkRequest extends RunSpec {
  type: 'fork';
  id: number;
  atMs: number;
  changes: ScenarioChange[];
}

/** Run several scenarios (or one with several seeds) to compare them. */
export interface CompareRequest {
  type: 'compare';
  id: number;
  runs: RunSpec[];
}

/** Stop working on an earlier request (superseded or abandoned); nothing more is sent for it. */
export interface CancelRequest {
  type: 'cancel';
  id: number;
}

/** How many seeds a `sweep` request may run. */
export const SWEEP_MIN_RUNS = 1;
export const SWEEP_MAX_RUNS = 10_000;

/** The seeds of a sweep: `from`, `from + 1`, … `from + count - 1`. */
export interface SeedRange {
  from: number;
  count: number;
}

/** Run one scenario once per seed and summarise every run (no logs). */
export interface SweepRequest {
  type: 'sweep';
  id: number;
  presetId?: string;
  scenario?: unknown;
  seeds: SeedRange;
}

export type WorkerRequest = RunRequest | ForkRequest | CompareRequest | SweepRequest | CancelRequest;

/** The requests that produce logs and results. */
export type SimulationRequest = RunRequest | ForkRequest | CompareRequest;

/** One run's results, without the log (the log arrives in `log-batch` messages first). */
export interface ResultsResponse {
  type: 'results';
  id: number;
  /** For a `compare`: which of its runs this is. Absent for `run` and `fork`. */
  part?: number;
  results: Omit<Results, 'log'>;
  /** The validated scenario the run used (defaults filled in; for a fork, the changed one). */
  scenario: Scenario;
  /** How many log events were sent before this message, so the receiver can check it has them all. */
  logLength: number;
  /**
   * The diagram's index of the log, built in the worker (its arrays are transferred, not copied), without
   * its item ids: they are the results' items' ids, in order.
   */
  flowIndex?: PostedFlowIndex;
  /** The metric charts' series, built in the worker (their arrays are transferred, not copied). */
  metricsSeries?: MetricsSeriesSet;
  /** The run's metric totals every so many events, built in the worker, so the page's metricsAt is cheap. */
  metricsCheckpoints?: MetricsCheckpoints;
}

/**
 * Part of one run's results sent ahead of the `results` message: its items and invocations are the next
 * ones in order, and the `results` message's own arrays come after all parts.
 */
export interface ResultsPartResponse {
  type: 'results-part';
  id: number;
  /** For a `compare`: which of its runs this is. Absent for `run` and `fork`. */
  part?: number;
  items: Results['items'];
  invocations: Results['invocations'];
}

/**
 * A slice of one run's event log, as rows of the compact log (engine/eventRows.ts): the first row is
 * event `fromSeq`, and batches arrive in order. Rows rather than event objects, so neither side makes an
 * object per event: the page keeps the log compact and makes events a window at a time.
 */
export interface LogBatchResponse {
  type: 'log-batch';
  id: number;
  /** For a `compare`: which of its runs this is. Absent for `run` and `fork`. */
  part?: number;
  fromSeq: number;
  rows: EventRows;
}

/** A field path and message from scenario validation. */
export interface ErrorIssue {
  path: string;
  message: string;
}

/** The request failed: unknown preset, invalid scenario or change, bad seed, or the engine threw. */
export interface ErrorResponse {
  type: 'error';
  /** The request's id, or null when the request itself could not be read. */
  id: number | null;
  message: string;
  issues?: ErrorIssue[];
}

/**
 * The numbers a sweep keeps of each run, one column per field, row `i` being the run with seed
 * `from + i`. Latencies are NaN for a run in which no item ended.
 */
export const SWEEP_FIELDS = [
  'seed',
  'items',
  'succeeded',
  'attempts',
  /** Failed items recorded in a dead-letter queue (the function's DLQ or the source queue's). */
  'toDlq',
  /** Failed items delivered to an on-failure destination. */
  'toDestination',
  /** Failed synchronous items whose caller got the error. */
  'toCaller',
  /** Failed items with no record anywhere. */
  'lost',
  'duplicates',
  'latencyP50Ms',
  'latencyP95Ms',
  'latencyMaxMs',
  'concurrencyPeak',
  'costUsd',
] as const;

export type SweepField = (typeof SWEEP_FIELDS)[number];

/** Every run's summary as columns (typed arrays, transferred rather than copied). */
export type SweepColumns = Record<SweepField, Float64Array>;

/** How many of a sweep's runs are done. */
export interface SweepProgressResponse {
  type: 'sweep-progress';
  id: number;
  /** A sweep has no parts; declared so code reading `part` from any response still type-checks. */
  part?: never;
  done: number;
  total: number;
}

/** A sweep's end: the validated scenario and every run's summary. */
export interface SweepResultsResponse {
  type: 'sweep-results';
  id: number;
  /** A sweep has no parts. */
  part?: never;
  scenario: Scenario;
  runs: SweepColumns;
}

export type WorkerResponse =
  | ResultsResponse
  | ResultsPartResponse
  | LogBatchResponse
  | SweepProgressResponse
  | SweepResultsResponse
  | ErrorResponse;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRequestId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** A part index is absent, or a whole number ≥ 0. */
function isPart(value: unknown): boolean {
  return value === undefined || isRequestId(value);
}

/** A seed, and exactly one of `presetId` (a string) or `scenario`. The worker checks the seed's range. */
function isRunSpec(value: unknown): value is RunSpec {
  if (!isRecord(value) || typeof value.seed !== 'number') return false;
  if (value.presetId !== undefined && typeof value.presetId !== 'string') return false;
  const hasPreset = typeof value.presetId === 'string';
  const hasScenario = value.scenario !== undefined;
  return hasPreset !== hasScenario;
}

/** True for a well-formed run request: an id, a seed, and exactly one of `presetId` or `scenario`. */
export function isRunRequest(value: unknown): value is RunRequest {
  return isRecord(value) && value.type === 'run' && isRequestId(value.id) && isRunSpec(value);
}

/** True for `{path: string, value}`; whether the path exists is the worker's to say. */
export function isScenarioChange(value: unknown): value is ScenarioChange {
  return isRecord(value) && typeof value.path === 'string';
}

/** True for a well-formed fork request: a run request's fields, a time `atMs` and a list of changes. */
export function isForkRequest(value: unknown): value is ForkRequest {
  return (
    isRecord(value) &&
    value.type === 'fork' &&
    isRequestId(value.id) &&
    isRunSpec(value) &&
    typeof value.atMs === 'number' &&
    Array.isArray(value.changes) &&
    value.changes.every(isScenarioChange)
  );
}

/** True for a well-formed compare request; how many runs it may hold is the worker's to say. */
export function isCompareRequest(value: unknown): value is CompareRequest {
  return (
    isRecord(value) &&
    value.type === 'compare' &&
    isRequestId(value.id) &&
    Array.isArray(value.runs) &&
    value.runs.every(isRunSpec)
  );
}

/**
 * True for a sweep request: an id and exactly one of `presetId` or `scenario`. The seed range is the
 * worker's to check, so a bad one is answered with a message that names the field.
 */
export function isSweepRequest(value: unknown): value is SweepRequest {
  if (!isRecord(value) || value.type !== 'sweep' || !isRequestId(value.id)) return false;
  if (value.presetId !== undefined && typeof value.presetId !== 'string') return false;
  return (typeof value.presetId === 'string') !== (value.scenario !== undefined);
}

/** True when every sweep field is a Float64Array of the same length. */
function isSweepColumns(value: unknown): value is SweepColumns {
  if (!isRecord(value)) return false;
  const first = value.seed;
  if (!(first instanceof Float64Array)) return false;
  return SWEEP_FIELDS.every((f) => {
    const column = value[f];
    return column instanceof Float64Array && column.length === first.length;
  });
}

/** True for a cancel request. */
export function isCancelRequest(value: unknown): value is CancelRequest {
  return isRecord(value) && value.type === 'cancel' && isRequestId(value.id);
}

/** True for any request the worker understands. */
export function isWorkerRequest(value: unknown): value is WorkerRequest {
  return (
    isRunRequest(value) ||
    isForkRequest(value) ||
    isCompareRequest(value) ||
    isSweepRequest(value) ||
    isCancelRequest(value)
  );
}

/** True for any response the worker may send. */
export function isWorkerResponse(value: unknown): value is WorkerResponse {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'results':
      return (
        isRequestId(value.id) &&
        isPart(value.part) &&
        isRecord(value.results) &&
        isRecord(value.scenario) &&
        typeof value.logLength === 'number'
      );
    case 'results-part':
      return (
        isRequestId(value.id) &&
        isPart(value.part) &&
        Array.isArray(value.items) &&
        Array.isArray(value.invocations)
      );
    case 'log-batch':
      return (
        isRequestId(value.id) &&
        isPart(value.part) &&
        typeof value.fromSeq === 'number' &&
        eventRowsProblem(value.rows) === null
      );
    case 'sweep-progress':
      return isRequestId(value.id) && typeof value.done === 'number' && typeof value.total === 'number';
    case 'sweep-results':
      return isRequestId(value.id) && isRecord(value.scenario) && isSweepColumns(value.runs);
    case 'error':
      return (
        (value.id === null || isRequestId(value.id)) &&
        typeof value.message === 'string' &&
        (value.issues === undefined || Array.isArray(value.issues))
      );
    default:
      return false;
  }
}
