/**
 * Runs a preset in the worker whenever the request changes and puts the answer in the store (results,
 * log, or an error). A newer request supersedes an older one: the older answer is ignored when it arrives.
 */
import { useEffect } from 'react';
import { SimulationError, type SimulationClient } from '../bridge/simulationClient';
import type { SimStore } from '../store/simStore';

export interface RunRequestState {
  presetId: string;
  seed: number;
  /** Bumped by the Run button so the same preset and seed run again. */
  nonce: number;
  /** Open the finished run at this simulated moment (from a link's `t`) instead of at its end. */
  atMs?: number;
}

/** Runs `request` in the worker and records its progress in `store`, again whenever `request` changes. */
export function useSimulationRun(client: SimulationClient, store: SimStore, request: RunRequestState): void {
  useEffect(() => {
    let cancelled = false;
    const { startRun, finishRun, failRun } = store.getState();
    startRun(request.presetId, request.seed);
    client.run({ presetId: request.presetId, seed: request.seed }).then(
      (output) => {
        if (!cancelled) finishRun(output, request.atMs === undefined ? {} : { atMs: request.atMs });
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
    };
  }, [client, store, request]);
}
