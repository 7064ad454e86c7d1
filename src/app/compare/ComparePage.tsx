/**
 * The comparison view: 2 to 4 runs side by side, each with its diagram, on one shared clock driven by
 * one player, and a table of what each run did. A fork shows the original and the changed run from
 * the moment they part.
 */
import { useCallback, useState } from 'react';
import './compare.css';
import type { SimulationClient } from '../../bridge/simulationClient';
import { SimStoreContext } from '../../store/useSimStore';
import { CopyLinkButton } from '../components/CopyLinkButton';
import { PlayerControls } from '../components/PlayerControls';
import { ErrorBanner } from '../components/StatusBanner';
import { formatOffset } from '../format';
import { CompareSetup, matchingSet } from './CompareSetup';
import { ComparePane } from './ComparePane';
import { ComparisonTable } from './ComparisonTable';
import type { ComparisonRequest, PaneSpec } from './comparisonRequest';
import { useComparison } from './useComparison';

interface Props {
  client: SimulationClient;
  request: ComparisonRequest;
  colorMode: 'light' | 'dark' | 'system';
  onRequest(request: ComparisonRequest): void;
  onExit(): void;
}

/** A ready-made set's lesson: two lines until asked, so the player and the diagrams stay in view. */
function SetLesson({ text }: { text: string }) {
  const [expanded, setExpanded] = useState(false);
  return (
    <div className="compare-intro compare-set-lesson">
      <p className={expanded ? 'intro-description' : 'intro-description is-clamped'}>{text}</p>
      <button
        type="button"
        className="intro-more"
        aria-expanded={expanded}
        onClick={() => setExpanded((e) => !e)}
      >
        {expanded ? 'Show less' : 'Read the whole lesson'}
      </button>
    </div>
  );
}

function Intro({ request }: { request: ComparisonRequest }) {
  const set = request.kind === 'panes' ? matchingSet(request.panes) : undefined;
  if (set) return <SetLesson text={set.description} />;
  if (request.kind === 'fork')
    return (
      <p className="compare-intro">
        The same run twice up to <strong>{formatOffset(request.atMs)}</strong>; from there the fork runs with{' '}
        <strong>{request.label}</strong>. One player drives both.
      </p>
    );
  return (
    <p className="compare-intro">
      {request.panes.length} runs on one clock: the player steps through every run&apos;s events in time
      order, and each diagram shows its run at that moment.
    </p>
  );
}

export function ComparePage({ client, request, colorMode, onRequest, onExit }: Props) {
  const state = useComparison(client, request);
  const setPanes = useCallback(
    (panes: PaneSpec[]) => onRequest({ kind: 'panes', panes, seed: request.seed, nonce: request.nonce + 1 }),
    [onRequest, request],
  );
  const owner = useCallback(
    (index: number) => {
      if (state.status !== 'ready') return '';
      const pane = state.timeline.pane[index];
      return pane === undefined ? '' : `Run ${pane + 1}`;
    },
    [state],
  );

  return (
    <div className="compare-page" data-testid="compare-page">
      <div className="compare-head">
        <h1>{request.kind === 'fork' ? 'Original and fork' : 'Compare runs'}</h1>
        <span className="compare-head-actions">
          <CopyLinkButton />
          <button type="button" className="button-secondary" onClick={onExit}>
            Back to one run
          </button>
        </span>
      </div>
      <Intro request={request} />
      {request.kind === 'panes' && <CompareSetup panes={request.panes} onChange={setPanes} />}
      {state.status === 'loading' && (
        <p className="banner" role="status">
          Simulating {request.kind === 'fork' ? 'the original and the fork' : 'the runs'}…
        </p>
      )}
      {state.status === 'error' && (
        <ErrorBanner
          message={state.error.message}
          issues={state.error.issues}
          onRetry={() => onRequest({ ...request, nonce: request.nonce + 1 })}
        />
      )}
      {state.status === 'ready' && (
        <>
          {/* The one player sits above the panes, sticky, so it stays in reach of every diagram. */}
          <SimStoreContext.Provider value={state.shared}>
            <PlayerControls eventOwner={owner} />
          </SimStoreContext.Provider>
          <div className={`compare-panes panes-${state.panes.length}`}>
            {state.panes.map((pane, i) => (
              <ComparePane key={i} pane={pane} index={i} colorMode={colorMode} />
            ))}
          </div>
          <ComparisonTable panes={state.panes} />
        </>
      )}
    </div>
  );
}
