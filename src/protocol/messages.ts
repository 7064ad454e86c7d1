/**
 * Messages between the UI (through the bridge) and the simulation worker. Plain structured-clone data
 * only: no functions, classes or DOM objects. Every request carries an `id`; every response names the
 * request it answers. A run answers with zero or more `log-batch` messages (in order, contiguous by
 * `fromSeq`) and then exactly one `results` or `error`.
 */
import type { Results } from '../engine/results';
import type { SimEvent } from '../engine/types';

/** How many log events the worker puts in one `log-batch` message. */
export const LOG_BATCH_SIZE = 500;

/** Run a preset (by id) or a scenario (any JSON; the worker validates it) with a seed. */
export interface RunRequest {
  type: 'run';
  id: number;
  presetId?: string;
  scenario?: unknown;
  seed: number;
}

export type WorkerRequest = RunRequest;

/** The run's results, without the log (the log arrives in `log-batch` messages first). */
export interface ResultsResponse {
  type: 'results';
  id: number;
  results: Omit<Results, 'log'>;
  /** How many log events were sent before this message, so the receiver can check it has them all. */
  logLength: number;
}

/** A slice of the event log: `events[0].seq === fromSeq`, and batches arrive in order. */
export interface LogBatchResponse {
  type: 'log-batch';
  id: number;
  fromSeq: number;
  events: SimEvent[];
}

/** A field path and message from scenario validation. */
export interface ErrorIssue {
  path: string;
  message: string;
}

/** The request failed: unknown preset, invalid scenario, bad seed, or the engine threw. */
export interface ErrorResponse {
  type: 'error';
  /** The request's id, or null when the request itself could not be read. */
  id: number | null;
  message: string;
  issues?: ErrorIssue[];
}

export type WorkerResponse = ResultsResponse | LogBatchResponse | ErrorResponse;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRequestId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** True for a well-formed run request: an id, a seed, and exactly one of `presetId` or `scenario`. */
export function isRunRequest(value: unknown): value is RunRequest {
  if (!isRecord(value) || value.type !== 'run' || !isRequestId(value.id)) return false;
  if (typeof value.seed !== 'number') return false;
  if (value.presetId !== undefined && typeof value.presetId !== 'string') return false;
  const hasPreset = typeof value.presetId === 'string';
  const hasScenario = value.scenario !== undefined;
  return hasPreset !== hasScenario;
}

/** True for any request the worker understands. */
export function isWorkerRequest(value: unknown): value is WorkerRequest {
  return isRunRequest(value);
}

/** True for any response the worker may send. */
export function isWorkerResponse(value: unknown): value is WorkerResponse {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'results':
      return isRequestId(value.id) && isRecord(value.results) && typeof value.logLength === 'number';
    case 'log-batch':
      return isRequestId(value.id) && typeof value.fromSeq === 'number' && Array.isArray(value.events);
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
