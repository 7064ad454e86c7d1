/**
 * Runs a preset (or the user's own scenario) in the worker whenever the request changes and puts the answer in the store (results,
 * log, scenario, or an error). A newer request supersedes an older one: the older one is cancelled.
 */
import { useEffect } from 'react';
import { SimulationError, type SimulationClient } from '../bridge/simulationClient';
import type { SimStore } from '../store/simStore';

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

/** Runs `request` in the worker and records its progress in `store`, again whenever `request` changes. */
export function useSimulationRun(client: SimulationClient, store: SimStore, request: RunRequestState): void {
  useEffect(() => {
    let cancelled = false;
    // A superseded run is cancelled in the worker too, so the newer one gets all of its time.
    const abort = new AbortController();
    const { startRun, finishRun, failRun } = store.getState();
    startRun(request.presetId, request.seed);
    const spec = request.custom ? { scenario: request.custom.scenario } : { presetId: request.presetId };
    client.run({ ...spec, seed: request.seed }, { signal: abort.signal }).then(
      (output) => {
        if (!cancelled)
          finishRun(
            output,
            request.atMs === undefined
              ? { atStart: true }
              : {
                  atMs: request.atMs,
                  ...(request.atEvent === undefined ? {} : { atEvent: request.atEvent }),
                },
          );
      },
      (error: unknown) => {
        if (cancelled) return;
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
