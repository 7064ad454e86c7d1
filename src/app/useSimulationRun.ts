/**
 * Runs a preset (or the user's own scenario) in the worker whenever the request changes and puts the answer in the store (results,
 * log, scenario, or an error). A newer request supersedes an older one: the older one is cancelled.
 *
 * Recovery: a failed run leaves the previous run in the store (still shown and playable), and a worker
 * that crashes while idle is reported as a failure of the shown run. Asking for the failed run again
 * (Try again: the same request with a new nonce) restarts the worker and opens the new run at the
 * moment the player was showing, so the user's scenario and position survive the failure.
 */
import { useEffect, useRef } from 'react';
import { SimulationError, type SimulationClient } from '../bridge/simulationClient';
import { cursorAtTime } from '../store/playback';
import { selectAtEnd } from '../store/selectors';
import type { SimStore } from '../store/simStore';
import type { SimStoreState } from '../store/types';

export interface RunRequestState {
  presetId: string;
  seed: number;
  /** Bumped by the Run button so the same preset and seed run again. */
  nonce: number;
  /** Open the finished run at this simulated moment (from a link's `t`) instead of at its start. */
  atMs?: number;
  /** With `atMs`: the event to open on among those at that millisecond. */
  atEvent?: number;
  /** A scenario the user made (edited, imported, a warning's demonstration), run instead of the preset. */
  custom?: CustomScenario;
}

export interface CustomScenario {
  /** The scenario as JSON; the worker validates it. */
  scenario: unknown;
  title: string;
  /** Where it came from, in words ("Edited from …", "Imported from a SAM template"). */
  origin: string;
}

type OpenAt = Parameters<SimStoreState['finishRun']>[1];

/** Whether `b` asks for the same run as `a` (it may differ in its nonce and moment: a retry). */
export function sameRun(a: RunRequestState, b: RunRequestState): boolean {
  return a.presetId === b.presetId && a.seed === b.seed && a.custom === b.custom;
}

/** Where a request's run opens when nothing else is asked: its link's moment, else its start. */
function requestedMoment(request: RunRequestState): OpenAt {
  if (request.atMs === undefined) return { atStart: true };
  return {
    atMs: request.atMs,
    ...(request.atEvent === undefined ? {} : { atEvent: request.atEvent }),
  };
}

/**
 * The player's moment as options for `finishRun`: its start, its end, or the clock (and the exact event
 * when several share that millisecond), so a new run of the same scenario opens where this one stood.
 */
export function playerMoment(s: SimStoreState): OpenAt {
  if (s.cursor < 0 && s.clockMs === 0) return { atStart: true };
  if (selectAtEnd(s)) return {};
  const exact = s.cursor >= 0 && cursorAtTime(s.log, s.clockMs) !== s.cursor;
  return { atMs: s.clockMs, ...(exact ? { atEvent: s.cursor } : {}) };
}

/** Runs `request` in the worker and records its progress in `store`, again whenever `request` changes. */
export function useSimulationRun(client: SimulationClient, store: SimStore, request: RunRequestState): void {
  // The last request whose run failed (or whose worker died under it): asking for it again is a retry.
  const failed = useRef<RunRequestState | null>(null);
  const current = useRef(request);

  useEffect(() => {
    current.current = request;
  }, [request]);

  // A worker that dies between requests loses nothing on screen, but the user must hear of it, and a
  // retry must start a fresh one before anything else is asked of it.
  useEffect(
    () =>
      client.onIdleFailure((error) => {
        if (store.getState().status !== 'ready') return;
        failed.current = current.current;
        store.getState().failRun({ message: error.message, issues: [] });
      }),
    [client, store],
  );

  useEffect(() => {
    let cancelled = false;
    // A superseded run is cancelled in the worker too, so the newer one gets all of its time.
    const abort = new AbortController();
    const { startRun, failRun } = store.getState();
    const retry = failed.current !== null && sameRun(failed.current, request);
    startRun(request.presetId, request.seed);
    const spec = request.custom ? { scenario: request.custom.scenario } : { presetId: request.presetId };
    client.run({ ...spec, seed: request.seed }, { signal: abort.signal }).then(
      (output) => {
        if (cancelled) return;
        failed.current = null;
        const shown = store.getState();
        // A retry comes back to where the player stands on the run still shown (read now: it may have moved).
        const openAt = retry && shown.results !== null ? playerMoment(shown) : requestedMoment(request);
        shown.finishRun(output, openAt);
      },
      (error: unknown) => {
        if (cancelled) return;
        failed.current = request;
        const message = error instanceof Error ? error.message : String(error);
        const issues = error instanceof SimulationError ? error.issues : [];
        failRun({ message, issues });
      },
    );
    return () => {
      cancelled = true;
      abort.abort();
    };
  }, [client, store, request]);
}
