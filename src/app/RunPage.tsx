/**
 * One run on the page: what the scenario teaches, what one can do with it and its configuration
 * pitfalls, the animated diagram with the narration and the followed item or component beside it (or
 * under the player on narrower screens), the player, and the run's tables below, all as they stood at
 * the player's moment.
 */
import { Suspense, lazy, type ReactNode } from 'react';
import { useSimStore } from '../store/useSimStore';
import { FlowDiagram } from '../ui/diagram/FlowDiagram';
import { NarrationPanel } from '../ui/narration/NarrationPanel';
import { SelectionPanel } from '../ui/panel/SelectionPanel';
import { PlayerControls } from './components/PlayerControls';
import { ScenarioIntro } from './components/ScenarioIntro';
import { ErrorBanner, LoadingBanner } from './components/StatusBanner';
import type { RunRequestState } from './useSimulationRun';

// The run's tables sit below the diagram: they load after the first screen.
const RunAtCursor = lazy(() => import('./components/RunAtCursor').then((m) => ({ default: m.RunAtCursor })));

interface Props {
  request: RunRequestState;
  colorMode: 'light' | 'dark' | 'system';
  panelBeside: boolean;
  onRetry(): void;
  /** Actions on the run (edit, fork, compare, export), shown under the scenario's explanation. */
  actions?: ReactNode;
  /** Shown above the diagram (a tour's step). */
  banner?: ReactNode;
  /** The scenario's configuration pitfalls, under the actions. */
  warnings?: ReactNode;
}

export function RunPage({ request, colorMode, panelBeside, onRetry, actions, banner, warnings }: Props) {
  const status = useSimStore((s) => s.status);
  const error = useSimStore((s) => s.error);
  const hasResults = useSimStore((s) => s.results !== null);
  const runId = useSimStore((s) => s.runId);
  const loading = status === 'loading';
  // A failed run leaves the previous one on screen, still playable, under the error.
  const showRun = hasResults;
  return (
    <>
      <ScenarioIntro presetId={request.presetId} custom={request.custom} />
      {(actions || warnings) && (
        <div className="run-bar">
          {actions}
          {warnings}
        </div>
      )}
      {loading && <LoadingBanner hasPrevious={hasResults} />}
      {status === 'error' && error && (
        <ErrorBanner message={error.message} issues={error.issues} onRetry={onRetry} previous={hasResults} />
      )}
      {banner}
      {showRun && (
        <div key={runId} className={loading ? 'stage is-stale' : 'stage'}>
          <section className="stage-diagram" aria-label="Diagram of the invocation pipeline">
            <FlowDiagram colorMode={colorMode} />
          </section>
          {panelBeside && (
            <div className="side-column">
              <NarrationPanel />
              <SelectionPanel />
            </div>
          )}
        </div>
      )}
      {showRun && <PlayerControls />}
      {showRun && !panelBeside && <NarrationPanel />}
      {showRun && !panelBeside && <SelectionPanel />}
      {showRun && (
        <div key={`details-${runId}`} className={loading ? 'results is-stale' : 'results'}>
          <Suspense fallback={<p className="muted">Loading the run’s tables…</p>}>
            <RunAtCursor />
          </Suspense>
        </div>
      )}
    </>
  );
}
