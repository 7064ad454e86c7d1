/**
 * `window.__sim`: a read-only view of the page for end-to-end tests. It exists only in dev and test
 * builds (`import.meta.env.DEV`, or `vite --mode test`) or when the URL has `?test=1`, so production
 * pages do not grow a global. Shape:
 *
 *   window.__sim = {
 *     status: 'loading' | 'ready' | 'error',
 *     presetId: string, seed: number,
 *     results: Results without the log, or null until a run has finished,
 *     log: SimEvent[] (the whole event log of the shown run, or [] ),
 *     error: string | null,
 *   }
 *
 * Tests wait with `await page.waitForFunction(() => window.__sim?.status === 'ready')`.
 */
import type { RunState } from './useSimulationRun';
import type { Results } from '../engine/results';
import type { SimEvent } from '../engine/types';

export interface SimTestView {
  status: RunState['status'];
  presetId: string;
  seed: number;
  results: Omit<Results, 'log'> | null;
  log: SimEvent[];
  error: string | null;
}

declare global {
  interface Window {
    __sim?: SimTestView;
  }
}

/** Whether this page exposes `window.__sim`. */
export function testHookEnabled(testMode: boolean): boolean {
  return import.meta.env.DEV || import.meta.env.MODE === 'test' || testMode;
}

/** Publishes the current run state on `window.__sim`. */
export function publishTestView(state: RunState): void {
  const output = state.status === 'ready' ? state.output : null;
  window.__sim = {
    status: state.status,
    presetId: state.request.presetId,
    seed: state.request.seed,
    results: output?.results ?? null,
    log: output?.log ?? [],
    error: state.status === 'error' ? state.message : null,
  };
}
