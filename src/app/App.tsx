/**
 * The app: pick a scenario, run it in the worker, and play the run on the animated diagram — player
 * under the diagram, the followed item or component beside it, and the run's tables (items, metrics,
 * deliveries, the event log) below, all as they stood at the player's moment.
 */
import { Suspense, lazy, useEffect, useState } from 'react';
import { createSimulationClient } from '../bridge/simulationClient';
import { simStore } from '../store/simStore';
import { useSimStore } from '../store/useSimStore';
import { FlowDiagram } from '../ui/diagram/FlowDiagram';
import { SelectionPanel } from '../ui/panel/SelectionPanel';
import { AppHeader } from './components/AppHeader';
import { PlayerControls } from './components/PlayerControls';
import { RunControls } from './components/RunControls';
import { ScenarioIntro } from './components/ScenarioIntro';
import { ErrorBanner, LoadingBanner, Notices } from './components/StatusBanner';
import { ThemeSwitch } from './components/ThemeSwitch';
import { changesLabel, type ComparisonRequest } from './compare/comparisonRequest';
import { findPreset, PRESETS } from './presetCatalog';
import { publishTestView, testHookEnabled } from './testHook';
import { readUrlState, writeUrlState, type UrlState } from './urlState';
import { writeUrlView, type UrlView } from './urlView';
import { useSimulationRun, type RunRequestState } from './useSimulationRun';
import { useMediaQuery } from './useMediaQuery';
import { useTheme } from './useTheme';
import { useUrlTime } from './useUrlTime';

const PRODUCT = 'Lambda invocation visualizer';
const PANEL_BESIDE_MIN_WIDTH = 1400;

// The run's tables sit below the diagram: they load after the first screen; so does the comparison view.
const RunAtCursor = lazy(() => import('./components/RunAtCursor').then((m) => ({ default: m.RunAtCursor })));
const ComparePage = lazy(() => import('./compare/ComparePage').then((m) => ({ default: m.ComparePage })));

/** What a link's view asks for, as a comparison to run (a tour is not a comparison). */
function initialComparison(initial: UrlState): ComparisonRequest | null {
  const { view, seed, presetId } = initial;
  if (view.mode === 'compare')
    return { kind: 'panes', panes: view.presetIds.map((id) => ({ presetId: id })), seed, nonce: 0 };
  if (view.mode === 'fork')
    return {
      kind: 'fork',
      base: { presetId },
      seed,
      atMs: view.atMs,
      changes: view.changes,
      label: changesLabel(view.changes),
      nonce: 0,
    };
  return null;
}

/** The address bar's view for a comparison (an edited scenario cannot be named in a link). */
function urlViewOf(request: ComparisonRequest | null): UrlView {
  if (!request) return { mode: 'run' };
  if (request.kind === 'fork') return { mode: 'fork', atMs: request.atMs, changes: request.changes };
  const ids = request.panes.flatMap((p) => ('presetId' in p ? [p.presetId] : []));
  return ids.length === request.panes.length ? { mode: 'compare', presetIds: ids } : { mode: 'run' };
}

/** A second run to compare the shown preset with: the next preset of the list. */
function comparePartner(presetId: string): string {
  const i = PRESETS.findIndex((p) => p.id === presetId);
  return PRESETS[(i + 1) % PRESETS.length]!.id;
}

export function App() {
  const [initial] = useState(() => readUrlState(window.location.search));
  const [client] = useState(() =>
    createSimulationClient(initial.watchdogMs ? { timeoutMs: initial.watchdogMs } : {}),
  );
  const [request, setRequest] = useState<RunRequestState>(() => ({
    presetId: initial.presetId,
    seed: initial.seed,
    nonce: 0,
    ...(initial.atMs === undefined ? {} : { atMs: initial.atMs }),
  }));
  const [notices, setNotices] = useState(initial.notices);
  const [comparison, setComparison] = useState<ComparisonRequest | null>(() => initialComparison(initial));
  const [theme, setTheme] = useTheme();
  // On wide screens the side panel sits beside the diagram; otherwise under the player, so the diagram
  // keeps the whole width (a 1280-pixel projector included).
  const panelBeside = useMediaQuery(`(min-width: ${PANEL_BESIDE_MIN_WIDTH}px)`);
  useSimulationRun(client, simStore, request);
  useUrlTime(simStore);

  useEffect(() => () => client.dispose(), [client]);

  const exposeTestHook = testHookEnabled(initial.testMode);
  useEffect(() => (exposeTestHook ? publishTestView(simStore) : undefined), [exposeTestHook]);

  const title = findPreset(request.presetId)?.title;
  useEffect(() => {
    document.title = title ? `${title} · ${PRODUCT}` : PRODUCT;
  }, [title]);

  const status = useSimStore((s) => s.status);
  const error = useSimStore((s) => s.error);
  const hasResults = useSimStore((s) => s.results !== null);
  const runId = useSimStore((s) => s.runId);

  function showComparison(next: ComparisonRequest | null) {
    setComparison(next);
    writeUrlView(urlViewOf(next));
  }

  function run(presetId: string, seed: number) {
    showComparison(null);
    // A new run opens at its start, ready to play; a link's moment belonged to the run it came with.
    setRequest((r) => ({ presetId, seed, nonce: r.nonce + 1 }));
    setNotices([]);
    writeUrlState(presetId, seed);
  }

  const loading = status === 'loading';
  const showRun = hasResults && status !== 'error' && !comparison;

  return (
    <>
      <AppHeader>
        <RunControls presetId={request.presetId} seed={request.seed} busy={loading} onRun={run} />
        <button
          type="button"
          className="button-secondary"
          aria-pressed={comparison !== null}
          onClick={() =>
            showComparison(
              comparison
                ? null
                : {
                    kind: 'panes',
                    panes: [{ presetId: request.presetId }, { presetId: comparePartner(request.presetId) }],
                    seed: request.seed,
                    nonce: 0,
                  },
            )
          }
        >
          Compare
        </button>
        <ThemeSwitch theme={theme} onChange={setTheme} />
      </AppHeader>
      <main className="page" aria-busy={loading}>
        <Notices notices={notices} />
        {comparison && (
          <Suspense fallback={<p className="muted">Loading the comparison…</p>}>
            <ComparePage
              client={client}
              request={comparison}
              colorMode={theme}
              onRequest={showComparison}
              onExit={() => showComparison(null)}
            />
          </Suspense>
        )}
        {!comparison && <ScenarioIntro presetId={request.presetId} />}
        {!comparison && loading && <LoadingBanner hasPrevious={hasResults} />}
        {!comparison && status === 'error' && error && (
          <ErrorBanner
            message={error.message}
            issues={error.issues}
            onRetry={() => run(request.presetId, request.seed)}
          />
        )}
        {showRun && (
          <div key={runId} className={loading ? 'stage is-stale' : 'stage'}>
            <section className="stage-diagram" aria-label="Diagram of the invocation pipeline">
              <FlowDiagram colorMode={theme} />
            </section>
            {panelBeside && <SelectionPanel />}
          </div>
        )}
        {showRun && <PlayerControls />}
        {showRun && !panelBeside && <SelectionPanel />}
        {showRun && (
          <div key={`details-${runId}`} className={loading ? 'results is-stale' : 'results'}>
            <Suspense fallback={<p className="muted">Loading the run’s tables…</p>}>
              <RunAtCursor />
            </Suspense>
          </div>
        )}
      </main>
      <footer className="app-footer">
        <p>
          A deterministic simulation: the same scenario and seed always give the same run. Timings and limits
          follow AWS&apos;s documentation; each step links to the page behind it.
        </p>
      </footer>
    </>
  );
}
