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
import { findPreset } from './presetCatalog';
import { publishTestView, testHookEnabled } from './testHook';
import { readUrlState, writeUrlState } from './urlState';
import { useSimulationRun, type RunRequestState } from './useSimulationRun';
import { useMediaQuery } from './useMediaQuery';
import { useTheme } from './useTheme';
import { useUrlTime } from './useUrlTime';

const PRODUCT = 'Lambda invocation visualizer';
const PANEL_BESIDE_MIN_WIDTH = 1400;

// The run's tables sit below the diagram: they load after the first screen.
const RunAtCursor = lazy(() => import('./components/RunAtCursor').then((m) => ({ default: m.RunAtCursor })));

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

  function run(presetId: string, seed: number) {
    // A new run opens at its start, ready to play; a link's moment belonged to the run it came with.
    setRequest((r) => ({ presetId, seed, nonce: r.nonce + 1 }));
    setNotices([]);
    writeUrlState(presetId, seed);
  }

  const loading = status === 'loading';
  const showResults = hasResults && status !== 'error';

  return (
    <>
      <AppHeader>
        <RunControls presetId={request.presetId} seed={request.seed} busy={loading} onRun={run} />
        <ThemeSwitch theme={theme} onChange={setTheme} />
      </AppHeader>
      <main className="page" aria-busy={loading}>
        <Notices notices={notices} />
        <ScenarioIntro presetId={request.presetId} />
        {loading && <LoadingBanner hasPrevious={hasResults} />}
        {status === 'error' && error && (
          <ErrorBanner
            message={error.message}
            issues={error.issues}
            onRetry={() => run(request.presetId, request.seed)}
          />
        )}
        {showResults && (
          <div key={runId} className={loading ? 'stage is-stale' : 'stage'}>
            <section className="stage-diagram" aria-label="Diagram of the invocation pipeline">
              <FlowDiagram colorMode={theme} />
            </section>
            {panelBeside && <SelectionPanel />}
          </div>
        )}
        {showResults && <PlayerControls />}
        {showResults && !panelBeside && <SelectionPanel />}
        {showResults && (
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
