/**
 * The interim page (until the animated diagram arrives): pick a preset and a seed, run it in the worker,
 * and read what happened — per item, as metrics, as delivered records, and as a timeline of the log.
 */
import { useEffect, useState } from 'react';
import { createSimulationClient } from '../bridge/simulationClient';
import { AppHeader } from './components/AppHeader';
import { Deliveries } from './components/Deliveries';
import { ItemsSummary } from './components/ItemsSummary';
import { MetricsPanel } from './components/MetricsPanel';
import { RunControls } from './components/RunControls';
import { ScenarioIntro } from './components/ScenarioIntro';
import { ErrorBanner, LoadingBanner, Notices } from './components/StatusBanner';
import { Timeline } from './components/Timeline';
import { findPreset } from './presetCatalog';
import { publishTestView, testHookEnabled } from './testHook';
import { readUrlState, writeUrlState } from './urlState';
import { useSimulationRun, type RunRequestState, type ShownRun } from './useSimulationRun';

const PRODUCT = 'Lambda invocation visualizer';

function runKey(request: RunRequestState): string {
  return `${request.presetId}:${request.seed}:${request.nonce}`;
}

export function App() {
  const [initial] = useState(() => readUrlState(window.location.search));
  const [client] = useState(() =>
    createSimulationClient(initial.watchdogMs ? { timeoutMs: initial.watchdogMs } : {}),
  );
  const [request, setRequest] = useState<RunRequestState>({
    presetId: initial.presetId,
    seed: initial.seed,
    nonce: 0,
  });
  const [notices, setNotices] = useState(initial.notices);
  const state = useSimulationRun(client, request);

  useEffect(() => () => client.dispose(), [client]);

  const exposeTestHook = testHookEnabled(initial.testMode);
  useEffect(() => {
    if (exposeTestHook) publishTestView(state);
  }, [state, exposeTestHook]);

  const title = findPreset(request.presetId)?.title;
  useEffect(() => {
    document.title = title ? `${title} · ${PRODUCT}` : PRODUCT;
  }, [title]);

  function run(presetId: string, seed: number) {
    setRequest((r) => ({ presetId, seed, nonce: r.nonce + 1 }));
    setNotices([]);
    writeUrlState(presetId, seed);
  }

  const loading = state.status === 'loading';
  const shown: ShownRun | null =
    state.status === 'ready'
      ? { request: state.request, output: state.output }
      : state.status === 'loading'
        ? state.previous
        : null;
  const hasAsync = shown?.output.results.items.some((i) => i.kind === 'async') ?? false;

  return (
    <>
      <AppHeader>
        <RunControls presetId={request.presetId} seed={request.seed} busy={loading} onRun={run} />
      </AppHeader>
      <main className="page" aria-busy={loading}>
        <Notices notices={notices} />
        <ScenarioIntro presetId={request.presetId} />
        {loading && <LoadingBanner hasPrevious={shown !== null} />}
        {state.status === 'error' && (
          <ErrorBanner
            message={state.message}
            issues={state.issues}
            onRetry={() => run(request.presetId, request.seed)}
          />
        )}
        {shown && (
          <div key={runKey(shown.request)} className={loading ? 'results is-stale' : 'results'}>
            <ItemsSummary items={shown.output.results.items} />
            <MetricsPanel metrics={shown.output.results.metrics} hasAsync={hasAsync} />
            {/* Only async events have destinations or a DLQ; a sync caller gets the response itself. */}
            {hasAsync && <Deliveries items={shown.output.results.items} />}
            <Timeline log={shown.output.log} />
          </div>
        )}
      </main>
      <footer className="app-footer">
        <p>
          A deterministic simulation: the same scenario and seed always give the same run. Timings and limits
          follow AWS&apos;s documentation; each timeline row links to the page behind it.
        </p>
      </footer>
    </>
  );
}
