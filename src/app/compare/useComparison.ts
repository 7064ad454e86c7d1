/**
 * Runs a comparison in the worker and builds its stores: one per pane (each with its own run, diagram
 * and selection) and one shared store whose log is every pane's events merged, which the ordinary
 * player drives; the panes follow it (src/store/compare/linkPanes.ts).
 */
import { useEffect, useState } from 'react';
import { SimulationError, type RunOutput, type SimulationClient } from '../../bridge/simulationClient';
import { linkPanes } from '../../store/compare/linkPanes';
import { mergeTimelines, type SharedTimeline } from '../../store/compare/sharedTimeline';
import { createSimStore, type SimStore } from '../../store/simStore';
import type { RunError, RunResults } from '../../store/runSlice';
import { findPreset } from '../presetCatalog';
import { runSpec, type ComparisonRequest, type PaneSpec } from './comparisonRequest';

export interface ComparisonPane {
  title: string;
  /** What makes this pane differ ("Fork at +1m 02s: …"), when it is not the title. */
  note?: string;
  store: SimStore;
  results: RunResults;
}

export type ComparisonState =
  | { status: 'loading' }
  | { status: 'error'; error: RunError }
  | { status: 'ready'; shared: SimStore; panes: ComparisonPane[]; timeline: SharedTimeline };

/** The title of a pane's run. */
export function paneTitle(pane: PaneSpec): string {
  return 'presetId' in pane ? (findPreset(pane.presetId)?.title ?? pane.presetId) : pane.title;
}

function runOutputs(client: SimulationClient, request: ComparisonRequest, signal: AbortSignal) {
  if (request.kind === 'panes')
    return client.compare(
      request.panes.map((p) => ({ ...runSpec(p), seed: request.seed })),
      { signal },
    );
  const base = { ...runSpec(request.base), seed: request.seed };
  // The original runs whole; the fork runs to the same moment and goes on with the changes.
  return Promise.all([
    client.run(base, { signal }),
    client.fork({ ...base, atMs: request.atMs, changes: request.changes }, { signal }),
  ]);
}

function paneStore(output: RunOutput): SimStore {
  const store = createSimStore();
  store.getState().startRun(output.scenario.id, output.results.seed);
  store.getState().finishRun(output, { atStart: true });
  return store;
}

function buildComparison(request: ComparisonRequest, outputs: RunOutput[]) {
  const panes: ComparisonPane[] = outputs.map((output, i) => {
    const spec = request.kind === 'panes' ? request.panes[i]! : request.base;
    const fork = request.kind === 'fork' && i === 1;
    return {
      title: fork ? `Fork: ${request.label}` : paneTitle(spec),
      ...(request.kind === 'fork' ? { note: fork ? paneTitle(spec) : 'Original' } : {}),
      store: paneStore(output),
      results: output.results,
    };
  });
  const timeline = mergeTimelines(outputs.map((o) => o.log));
  const shared = createSimStore();
  const first = outputs[0]!;
  shared.getState().startRun('comparison', request.seed);
  shared.getState().finishRun(
    {
      results: {
        ...first.results,
        scenario: 'comparison',
        endMs: Math.max(...outputs.map((o) => o.results.endMs)),
        items: [],
        invocations: [],
      },
      log: timeline.log,
      scenario: first.scenario,
    },
    request.kind === 'fork' ? { atMs: request.atMs } : { atStart: true },
  );
  return {
    shared,
    panes,
    timeline,
    unlink: linkPanes(
      shared,
      panes.map((p) => p.store),
      timeline,
    ),
  };
}

/** Runs `request` whenever it changes and returns the comparison's stores once they are ready. */
export function useComparison(client: SimulationClient, request: ComparisonRequest): ComparisonState {
  // The answer is kept with the request it answers; a newer request shows as loading until its own arrives.
  const [answer, setAnswer] = useState<{ request: ComparisonRequest; state: ComparisonState } | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    let unlink: (() => void) | null = null;
    runOutputs(client, request, abort.signal).then(
      (outputs) => {
        if (abort.signal.aborted) return;
        const built = buildComparison(request, outputs);
        unlink = built.unlink;
        setAnswer({
          request,
          state: { status: 'ready', shared: built.shared, panes: built.panes, timeline: built.timeline },
        });
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        const message = error instanceof Error ? error.message : String(error);
        setAnswer({
          request,
          state: {
            status: 'error',
            error: { message, issues: error instanceof SimulationError ? error.issues : [] },
          },
        });
      },
    );
    return () => {
      abort.abort();
      unlink?.();
    };
  }, [client, request]);
  return answer?.request === request ? answer.state : { status: 'loading' };
}
