/**
 * The run being shown: which preset and seed, whether the worker is still running it, and its results
 * and event log. While a new run loads, the previous results stay (the page shows them dimmed).
 */
import type { Results } from '../engine/results';
import type { SimEvent } from '../engine/types';
import type { ErrorIssue } from '../protocol/messages';
import type { FlowIndex } from '../diagram/flowIndex';
import type { Scenario } from '../scenarios/schema';
import { cursorAtTime, runEndMs } from './playback';
import type { SliceCreator } from './types';

export type RunStatus = 'loading' | 'ready' | 'error';
export type RunResults = Omit<Results, 'log'>;

export interface RunError {
  /** Written for the user. */
  message: string;
  issues: ErrorIssue[];
}

export interface FinishedRun {
  results: RunResults;
  log: readonly SimEvent[];
  /** The validated scenario the run used (its topology is what the diagram draws). */
  scenario: Scenario;
  /** The diagram's index of the log, when the worker built it (the page builds it otherwise). */
  flowIndex?: FlowIndex;
}

export interface RunSlice {
  presetId: string;
  seed: number;
  status: RunStatus;
  results: RunResults | null;
  scenario: Scenario | null;
  flowIndex: FlowIndex | null;
  /** The whole event log of the shown run ([] before the first run finishes). */
  log: readonly SimEvent[];
  error: RunError | null;
  /** Bumped whenever a run's results arrive, so views keyed on it start afresh. */
  runId: number;
  /** A run of `presetId` with `seed` started; the shown results stay until it finishes. */
  startRun(presetId: string, seed: number): void;
  /**
   * The run finished. The player opens at the end (the whole story at once), at the start before the
   * first event (`atStart`, to play the story), or at `atMs` when given (a link to a moment): on the
   * last event at or before it.
   */
  finishRun(run: FinishedRun, options?: { atMs?: number; atEvent?: number; atStart?: boolean }): void;
  failRun(error: RunError): void;
}

export const createRunSlice: SliceCreator<RunSlice> = (set) => ({
  presetId: '',
  seed: 0,
  status: 'loading',
  results: null,
  scenario: null,
  flowIndex: null,
  log: [],
  error: null,
  runId: 0,

  startRun: (presetId, seed) => set({ presetId, seed, status: 'loading', error: null, playing: false }),

  finishRun: ({ results, log, scenario, flowIndex }, options = {}) =>
    set((s) => {
      const endMs = runEndMs(log, results.endMs);
      const atMs = options.atMs === undefined ? endMs : Math.max(0, Math.min(endMs, options.atMs));
      const selected =
        s.selectedItemId !== null && results.items.some((i) => i.id === s.selectedItemId)
          ? s.selectedItemId
          : null;
      // A component of the same name is kept (the same preset again, another seed); otherwise dropped.
      const sameScenario = s.scenario?.id === scenario.id;
      return {
        status: 'ready',
        results,
        scenario,
        flowIndex: flowIndex ?? null,
        log,
        error: null,
        runId: s.runId + 1,
        cursor: options.atStart
          ? -1
          : options.atMs === undefined
            ? log.length - 1
            : // An event of that very millisecond, when the link names one; else the last at or before it.
              options.atEvent !== undefined && log[options.atEvent]?.t === atMs
              ? options.atEvent
              : cursorAtTime(log, atMs),
        clockMs: options.atStart ? 0 : atMs,
        playing: false,
        lastSkip: null,
        selectedItemId: selected,
        selectedNodeId: sameScenario ? s.selectedNodeId : null,
      };
    }),

  failRun: (error) => set({ status: 'error', error, playing: false }),
});
