/**
 * The app's shell: the header (scenario, seed, tours, template import, theme), then one of three views —
 * one run played on its diagram (RunPage, with a guided tour over it when one is on), the scenario
 * editor, or several runs side by side (ComparePage). It owns what is asked for and keeps the address
 * bar in step, so a link reproduces the view.
 */
import { Suspense, lazy, useCallback, useEffect, useState } from 'react';
import { createSimulationClient, type SimulationClient } from '../bridge/simulationClient';
import type { ScenarioChange } from '../protocol/messages';
import type { Scenario } from '../scenarios/schema';
import { simStore } from '../store/simStore';
import { useSimStore } from '../store/useSimStore';
import { AppHeader } from './components/AppHeader';
import { RunActions } from './components/RunActions';
import { QuizMeButton } from '../ui/quiz/QuizMeButton';
import { RunControls } from './components/RunControls';
import { Notices } from './components/StatusBanner';
import { ThemeSwitch } from './components/ThemeSwitch';
import type { ComparisonRequest } from './compare/comparisonRequest';
import { comparePartner, currentPane, initialComparison, urlViewOf } from './pageViews';
import { findPreset } from './presetCatalog';
import { RunPage } from './RunPage';
import { writeCustomLink } from './share/customLink';
import { publishTestView, testHookEnabled } from './testHook';
import { readUrlState, writeUrlPresent, writeUrlSeed, writeUrlSpeed, writeUrlState } from './urlState';
import type { InitialState } from './share/initialState';
import { writeUrlView } from './urlView';
import { useMediaQuery } from './useMediaQuery';
import { SimulationClientContext } from './SimulationClientContext';
import { useSimulationRun, type CustomScenario, type RunRequestState } from './useSimulationRun';
import { useTheme } from './useTheme';
import { useUrlTime } from './useUrlTime';

const PRODUCT = 'Lambda invocation visualizer';
const PANEL_BESIDE_MIN_WIDTH = 1400;

// Everything but the run itself loads when first shown.
const ComparePage = lazy(() => import('./compare/ComparePage').then((m) => ({ default: m.ComparePage })));
const EditorPage = lazy(() => import('./EditorPage').then((m) => ({ default: m.EditorPage })));
const TourGuide = lazy(() => import('./tour/TourGuide').then((m) => ({ default: m.TourGuide })));
const TourMenuDialog = lazy(() =>
  import('./tour/TourMenuDialog').then((m) => ({ default: m.TourMenuDialog })),
);
const SamImportDialog = lazy(() =>
  import('../ui/sam/SamImportDialog').then((m) => ({ default: m.SamImportDialog })),
);
const SamExportDialog = lazy(() =>
  import('../ui/sam/SamExportDialog').then((m) => ({ default: m.SamExportDialog })),
);
const PresenterView = lazy(() =>
  import('./presenter/PresenterView').then((m) => ({ default: m.PresenterView })),
);
const EmbedView = lazy(() => import('./embed/EmbedView').then((m) => ({ default: m.EmbedView })));
const QuizGuide = lazy(() => import('../ui/quiz/QuizGuide').then((m) => ({ default: m.QuizGuide })));
const UpdateNotice = lazy(() =>
  import('./components/UpdateNotice').then((m) => ({ default: m.UpdateNotice })),
);
const RunWarnings = lazy(() => import('./components/RunWarnings').then((m) => ({ default: m.RunWarnings })));

type Dialog = 'tours' | 'import' | 'export' | null;

/**
 * `initial`: the page's starting state, read before the first render (main.tsx); `client`: the worker's
 * client, started early by main.tsx. Tests may omit both.
 */
export function App({
  initial: given,
  client: givenClient,
}: {
  initial?: InitialState;
  client?: SimulationClient;
}) {
  const [initial] = useState<InitialState>(() => given ?? readUrlState(window.location.search));
  const [client] = useState(
    () => givenClient ?? createSimulationClient(initial.watchdogMs ? { timeoutMs: initial.watchdogMs } : {}),
  );
  const [request, setRequest] = useState<RunRequestState>(() => ({
    presetId: initial.presetId,
    seed: initial.seed,
    nonce: 0,
    ...(initial.atMs === undefined ? {} : { atMs: initial.atMs }),
    ...(initial.atEvent === undefined ? {} : { atEvent: initial.atEvent }),
    ...(initial.custom ? { custom: initial.custom } : {}),
  }));
  const [notices, setNotices] = useState(initial.notices);
  const [comparison, setComparison] = useState<ComparisonRequest | null>(() => initialComparison(initial));
  const [tour, setTour] = useState(() =>
    initial.view.mode === 'tour' ? { tourId: initial.view.tourId, step: initial.view.step } : null,
  );
  const [editing, setEditing] = useState(false);
  // "Predict the next step": over the run, or over the tour that is on.
  const [quiz, setQuiz] = useState<{ tourId?: string } | null>(null);
  const [presenting, setPresenting] = useState(initial.present && !initial.embed);
  // The scenario the editor was opened on: the editor stays mounted (hidden) while the run is shown, so
  // closing it keeps what was typed until it is opened on another scenario.
  const [editor, setEditor] = useState<{ scenario: Scenario; title: string; serial: number } | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  // Once opened, the import dialog stays mounted (closed), so a pasted template is still there next time.
  const [importUsed, setImportUsed] = useState(false);
  if (dialog === 'import' && !importUsed) setImportUsed(true);
  const [theme, setTheme] = useTheme();
  // On wide screens the side panel sits beside the diagram; otherwise under the player, so the diagram
  // keeps the whole width (a 1280-pixel projector included).
  const panelBeside = useMediaQuery(`(min-width: ${PANEL_BESIDE_MIN_WIDTH}px)`);
  useSimulationRun(client, simStore, request);
  useUrlTime(simStore);
  useState(() => initial.speed !== undefined && simStore.getState().setSpeed(initial.speed));
  useEffect(() => simStore.subscribe((s, prev) => s.speed !== prev.speed && writeUrlSpeed(s.speed)), []);

  useEffect(() => () => client.dispose(), [client]);

  const exposeTestHook = testHookEnabled(initial.testMode);
  useEffect(() => (exposeTestHook ? publishTestView(simStore) : undefined), [exposeTestHook]);

  const title = request.custom?.title ?? findPreset(request.presetId)?.title;
  useEffect(() => {
    document.title = title ? `${title} · ${PRODUCT}` : PRODUCT;
  }, [title]);

  const loading = useSimStore((s) => s.status === 'loading');
  const scenario = useSimStore((s) => s.scenario);

  function showComparison(next: ComparisonRequest | null) {
    setComparison(next);
    if (next) setTour(null);
    writeUrlView(urlViewOf(next, request.custom));
  }

  /** Leaves any other view for the plain run. */
  function leaveViews() {
    setQuiz(null);
    showComparison(null);
    setTour(null);
    setEditing(false);
    setNotices([]);
  }

  // A new run opens at its start, ready to play; a link's moment belonged to the run it came with.
  const runPreset = useCallback((presetId: string, seed: number) => {
    setRequest((r) => ({ presetId, seed, nonce: r.nonce + 1 }));
    writeUrlState(presetId, seed);
    // A custom scenario's link may still be compressing: it must not come back over the preset's.
    void writeCustomLink(undefined);
  }, []);

  function run(presetId: string, seed: number) {
    leaveViews();
    runPreset(presetId, seed);
  }

  function rerun(seed: number) {
    leaveViews();
    setRequest((r) => {
      const { atMs: _moment, ...rest } = r;
      return { ...rest, seed, nonce: r.nonce + 1 };
    });
    if (request.custom) writeUrlSeed(seed);
    else writeUrlState(request.presetId, seed);
  }

  /** Runs the user's own scenario (edited, imported, a pitfall's demonstration). */
  function runCustom(custom: CustomScenario) {
    leaveViews();
    setRequest((r) => ({ presetId: r.presetId, seed: r.seed, nonce: r.nonce + 1, custom }));
    void writeCustomLink(custom);
  }

  function fork(atMs: number, changes: ScenarioChange[], label: string) {
    showComparison({
      kind: 'fork',
      base: currentPane(request),
      seed: request.seed,
      atMs,
      changes,
      label,
      nonce: 0,
    });
  }

  const startTour = (tourId: string) => {
    showComparison(null);
    setEditing(false);
    setTour({ tourId, step: 1 });
    writeUrlView({ mode: 'tour', tourId, step: 1 });
  };
  const stepTour = useCallback((step: number) => {
    setTour((t) => {
      if (!t) return t;
      writeUrlView({ mode: 'tour', tourId: t.tourId, step });
      return { ...t, step };
    });
  }, []);
  const exitTour = useCallback(() => {
    setTour(null);
    setQuiz(null);
    writeUrlView({ mode: 'run' });
  }, []);
  const failTour = useCallback(
    (message: string) => {
      setNotices((n) => [...n, message]);
      exitTour();
    },
    [exitTour],
  );

  const runActions = (
    <RunActions
      onFork={fork}
      onEdit={() => {
        if (scenario && editor?.scenario !== scenario)
          setEditor({ scenario, title: title ?? scenario.id, serial: (editor?.serial ?? 0) + 1 });
        setEditing(true);
      }}
      onCompare={() =>
        showComparison({
          kind: 'panes',
          panes: [currentPane(request), { presetId: comparePartner(request.presetId) }],
          seed: request.seed,
          nonce: 0,
        })
      }
      onExport={() => setDialog('export')}
      onQuiz={() => setQuiz({})}
    />
  );

  const warnings = scenario && !loading && (
    <Suspense fallback={null}>
      <RunWarnings
        scenario={scenario}
        onSeeItHappen={(demo, demoTitle) =>
          runCustom({
            scenario: demo,
            title: demoTitle,
            origin: `A demonstration of a configuration pitfall, built from “${title ?? scenario.id}”: play it to see what the setting costs.`,
          })
        }
        onFix={(warning) =>
          showComparison({
            kind: 'fork',
            base: currentPane(request),
            seed: request.seed,
            atMs: 0,
            changes: warning.fix.map(({ path, value }) => ({ path, value })),
            label: warning.fix.map((f) => f.label).join('; '),
            nonce: 0,
          })
        }
      />
    </Suspense>
  );

  function view() {
    if (comparison)
      return (
        <Suspense fallback={<p className="muted">Loading the comparison…</p>}>
          <ComparePage
            client={client}
            request={comparison}
            colorMode={theme}
            onRequest={showComparison}
            onExit={() => showComparison(null)}
          />
        </Suspense>
      );
    return (
      <RunPage
        request={request}
        colorMode={theme}
        panelBeside={panelBeside}
        onRetry={() => setRequest((r) => ({ ...r, nonce: r.nonce + 1 }))}
        // A tour keeps the learner on the diagram: the run's actions come back when it ends.
        actions={tour ? undefined : runActions}
        warnings={tour ? undefined : warnings}
        banner={
          quiz ? (
            <Suspense fallback={null}>
              <QuizGuide
                {...(quiz.tourId === undefined ? {} : { tourId: quiz.tourId })}
                seed={request.seed}
                onExit={() => setQuiz(null)}
              />
            </Suspense>
          ) : (
            tour && (
              <Suspense fallback={null}>
                <TourGuide
                  tourId={tour.tourId}
                  step={tour.step}
                  shown={shown}
                  onStep={stepTour}
                  onExit={exitTour}
                  onRun={runPreset}
                  onFail={failTour}
                />
                <QuizMeButton onStart={() => setQuiz({ tourId: tour.tourId })} about="this tour" />
              </Suspense>
            )
          )
        }
      />
    );
  }

  function present(on: boolean) {
    setPresenting(on);
    writeUrlPresent(on);
  }

  const shown = { presetId: request.presetId, seed: request.seed, custom: request.custom !== undefined };

  if (initial.embed)
    return (
      <Suspense fallback={<p className="muted">Loading…</p>}>
        <EmbedView options={initial.embed} colorMode={theme} title={title ?? PRODUCT} />
      </Suspense>
    );

  if (presenting)
    return (
      <Suspense fallback={<p className="muted">Loading presenter mode…</p>}>
        <PresenterView
          colorMode={theme}
          tour={tour}
          shown={shown}
          onStartTour={startTour}
          onStep={stepTour}
          onExitTour={exitTour}
          onRun={runPreset}
          onFailTour={failTour}
          onExit={() => present(false)}
        />
      </Suspense>
    );

  return (
    <SimulationClientContext value={client}>
      <AppHeader>
        <RunControls
          presetId={request.presetId}
          customTitle={request.custom?.title}
          seed={request.seed}
          busy={loading}
          onRun={run}
          onRerun={rerun}
        />
        <div className="header-actions">
          <button
            type="button"
            className="button-secondary"
            aria-haspopup="dialog"
            onClick={() => setDialog('tours')}
          >
            Guided tours
          </button>
          <button
            type="button"
            className="button-secondary"
            aria-haspopup="dialog"
            onClick={() => setDialog('import')}
          >
            Import template
          </button>
        </div>
        <ThemeSwitch theme={theme} onChange={setTheme} />
      </AppHeader>
      <main className="page" aria-busy={loading}>
        <Notices notices={notices} />
        {editor && (
          <div hidden={!editing || comparison !== null}>
            <Suspense fallback={<p className="muted">Loading the editor…</p>}>
              <EditorPage
                key={editor.serial}
                scenario={editor.scenario}
                title={editor.title}
                onRun={(json, editedTitle) =>
                  runCustom({ scenario: json, title: editedTitle, origin: 'Edited in the scenario editor.' })
                }
                onClose={() => setEditing(false)}
              />
            </Suspense>
          </div>
        )}
        {!(editing && editor && !comparison) && view()}
      </main>
      <Suspense fallback={null}>
        {dialog === 'tours' && <TourMenuDialog open onClose={() => setDialog(null)} onStart={startTour} />}
        {importUsed && (
          <SamImportDialog
            open={dialog === 'import'}
            onClose={() => setDialog(null)}
            onRun={(imported, importedTitle) => {
              setDialog(null);
              runCustom({
                scenario: imported,
                title: importedTitle,
                origin:
                  'Imported from a SAM or CloudFormation template, with a workload and behaviour assumed.',
              });
            }}
          />
        )}
        {dialog === 'export' && scenario && (
          <SamExportDialog open onClose={() => setDialog(null)} scenario={scenario} />
        )}
      </Suspense>
      <Suspense fallback={null}>
        <UpdateNotice />
      </Suspense>
      <footer className="app-footer">
        <p>
          A deterministic simulation: the same scenario and seed always give the same run. Timings and limits
          follow AWS&apos;s documentation; each step links to the page behind it.
        </p>
      </footer>
    </SimulationClientContext>
  );
}
