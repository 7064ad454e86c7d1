/**
 * The app's shell: the header (scenario, seed, compare, theme), then either one run played on its
 * diagram (RunPage) or several side by side (ComparePage). It owns what is asked for — the run, the
 * comparison — and keeps the address bar in step, so a link reproduces the view.
 */
import { Suspense, lazy, useEffect, useState } from 'react';
import { createSimulationClient } from '../bridge/simulationClient';
import { simStore } from '../store/simStore';
import { useSimStore } from '../store/useSimStore';
import { AppHeader } from './components/AppHeader';
import { RunControls } from './components/RunControls';
import { Notices } from './components/StatusBanner';
import { RunPage } from './RunPage';
import { ThemeSwitch } from './components/ThemeSwitch';
import { changesLabel, type ComparisonRequest, type PaneSpec } from './compare/comparisonRequest';
import { findPreset, PRESETS } from './presetCatalog';
import { publishTestView, testHookEnabled } from './testHook';
import { readUrlState, writeUrlState, type UrlState } from './urlState';
import { writeUrlView, type UrlView } from './urlView';
import { useSimulationRun, type CustomScenario, type RunRequestState } from './useSimulationRun';
import { useMediaQuery } from './useMediaQuery';
import { useTheme } from './useTheme';
import { useUrlTime } from './useUrlTime';

const PRODUCT = 'Lambda invocation visualizer';
const PANEL_BESIDE_MIN_WIDTH = 1400;

// The comparison view loads when it is first shown.
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

/** The shown run as a comparison's pane. */
function currentPane(request: RunRequestState): PaneSpec {
  return request.custom
    ? { scenario: request.custom.scenario, title: request.custom.title }
    : { presetId: request.presetId };
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

  const title = request.custom?.title ?? findPreset(request.presetId)?.title;
  useEffect(() => {
    document.title = title ? `${title} · ${PRODUCT}` : PRODUCT;
  }, [title]);

  const loading = useSimStore((s) => s.status === 'loading');

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

  function rerun(seed: number) {
    showComparison(null);
    setRequest((r) => {
      const { atMs: _moment, ...rest } = r;
      return { ...rest, seed, nonce: r.nonce + 1 };
    });
    setNotices([]);
    if (!request.custom) writeUrlState(request.presetId, seed);
  }

  /** Runs the user's own scenario (edited, imported, a warning's demonstration). */
  function runCustom(custom: CustomScenario) {
    showComparison(null);
    setRequest((r) => ({ presetId: r.presetId, seed: r.seed, nonce: r.nonce + 1, custom }));
    setNotices([]);
  }

  function compareWithNext() {
    showComparison({
      kind: 'panes',
      panes: [currentPane(request), { presetId: comparePartner(request.presetId) }],
      seed: request.seed,
      nonce: 0,
    });
  }

  return (
    <>
      <AppHeader>
        <RunControls
          presetId={request.presetId}
          customTitle={request.custom?.title}
          seed={request.seed}
          busy={loading}
          onRun={run}
          onRerun={rerun}
        />
        <button
          type="button"
          className="button-secondary"
          aria-pressed={comparison !== null}
          onClick={() => (comparison ? showComparison(null) : compareWithNext())}
        >
          Compare
        </button>
        <ThemeSwitch theme={theme} onChange={setTheme} />
      </AppHeader>
      <main className="page" aria-busy={loading}>
        <Notices notices={notices} />
        {comparison ? (
          <Suspense fallback={<p className="muted">Loading the comparison…</p>}>
            <ComparePage
              client={client}
              request={comparison}
              colorMode={theme}
              onRequest={showComparison}
              onExit={() => showComparison(null)}
            />
          </Suspense>
        ) : (
          <RunPage
            request={request}
            colorMode={theme}
            panelBeside={panelBeside}
            onRetry={() => setRequest((r) => ({ ...r, nonce: r.nonce + 1 }))}
          />
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
