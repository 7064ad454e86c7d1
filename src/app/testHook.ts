/**
 * `window.__sim`: a read-only view of the page for end-to-end tests. It exists only in dev and test
 * builds (`import.meta.env.DEV`, or `vite --mode test`) or when the URL has `?test=1`, so production
 * pages do not grow a global. Shape:
 *
 *   window.__sim = {
 *     status: 'loading' | 'ready' | 'error',
 *     presetId: string, seed: number,
 *     results: Results without the log, or null until a run has finished,
 *     log: readonly SimEvent[] (the whole event log of the shown run, or [] ),
 *     error: string | null,
 *     cursor: number (index of the last shown event, -1 before the first),
 *     clockMs: number (simulated time shown), playing: boolean, speed: number,
 *   }
 *
 * Tests wait with `await page.waitForFunction(() => window.__sim?.status === 'ready')`.
 */
import type { Results } from '../engine/results';
import type { SimEvent } from '../engine/types';
import type { SimStore } from '../store/simStore';
import type { RunStatus } from '../store/runSlice';
import type { SimStoreState } from '../store/types';

export interface SimTestView {
  status: RunStatus;
  presetId: string;
  seed: number;
  results: Omit<Results, 'log'> | null;
  log: readonly SimEvent[];
  error: string | null;
  cursor: number;
  clockMs: number;
  playing: boolean;
  speed: number;
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

function viewOf(s: SimStoreState): SimTestView {
  // While a new run loads, the shown results are the previous run's: report none, as before.
  const ready = s.status === 'ready';
  return {
    status: s.status,
    presetId: s.presetId,
    seed: s.seed,
    results: ready ? s.results : null,
    log: ready ? s.log : [],
    error: s.error?.message ?? null,
    cursor: s.cursor,
    clockMs: s.clockMs,
    playing: s.playing,
    speed: s.speed,
  };
}

/** Keeps `window.__sim` up to date with the store; returns the unsubscribe function. */
export function publishTestView(store: SimStore): () => void {
  window.__sim = viewOf(store.getState());
  return store.subscribe((s) => {
    window.__sim = viewOf(s);
  });
}
