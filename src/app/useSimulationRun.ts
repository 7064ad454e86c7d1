/**
 * Runs a preset in the worker whenever the request changes and keeps the latest answer. A newer request
 * supersedes an older one: the older answer is ignored when it arrives.
 */
import { useEffect, useState } from 'react';
import { SimulationError, type RunOutput, type SimulationClient } from '../bridge/simulationClient';
import type { ErrorIssue } from '../protocol/messages';

export interface RunRequestState {
  presetId: string;
  seed: number;
  /** Bumped by the Run button so the same preset and seed run again. */
  nonce: number;
}

/** A finished run and the request that produced it. */
export interface ShownRun {
  request: RunRequestState;
  output: RunOutput;
}

export type RunState =
  | { status: 'loading'; request: RunRequestState; previous: ShownRun | null }
  | { status: 'ready'; request: RunRequestState; output: RunOutput }
  | { status: 'error'; request: RunRequestState; message: string; issues: ErrorIssue[] };

/** The state of the run for `request`, re-run whenever `request` changes. */
export function useSimulationRun(client: SimulationClient, request: RunRequestState): RunState {
  const [state, setState] = useState<RunState>({ status: 'loading', request, previous: null });

  // Derive "loading" during render when the request changed, instead of setting state in the effect.
  let current = state;
  if (state.request !== request) {
    current = {
      status: 'loading',
      request,
      previous:
        state.status === 'ready'
          ? { request: state.request, output: state.output }
          : state.status === 'loading'
            ? state.previous
            : null,
    };
    setState(current);
  }

  useEffect(() => {
    let cancelled = false;
    client.run({ presetId: request.presetId, seed: request.seed }).then(
      (output) => {
        if (!cancelled) setState({ status: 'ready', request, output });
      },
      (error: unknown) => {
        if (cancelled) return;
        const message = error instanceof Error ? error.message : String(error);
        const issues = error instanceof SimulationError ? error.issues : [];
        setState({ status: 'error', request, message, issues });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [client, request]);

  return current;
}
