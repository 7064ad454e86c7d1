/**
 * Which runs a comparison shows: a preset per pane (2 to 4), or one of the ready-made sets — the same
 * workload through different invocation types, a setting and its fix.
 */
import { useId } from 'react';
import { COMPARE_SETS } from '../../scenarios/presets/compareSets';
import { PresetOptions } from '../components/PresetOptions';
import { MAX_PANES, MIN_PANES, type PaneSpec } from './comparisonRequest';
import { paneTitle } from './useComparison';

interface Props {
  panes: readonly PaneSpec[];
  onChange(panes: PaneSpec[]): void;
}

function PanePicker({
  pane,
  index,
  count,
  onPick,
  onRemove,
}: {
  pane: PaneSpec;
  index: number;
  count: number;
  onPick(presetId: string): void;
  onRemove(): void;
}) {
  const id = useId();
  return (
    <div className="compare-pick">
      <label htmlFor={id}>Run {index + 1}</label>
      <select
        id={id}
        value={'presetId' in pane ? pane.presetId : ''}
        onChange={(e) => onPick(e.target.value)}
      >
        {!('presetId' in pane) && <option value="">{paneTitle(pane)}</option>}
        <PresetOptions />
      </select>
      {count > MIN_PANES && (
        <button
          type="button"
          className="button-secondary"
          onClick={onRemove}
          aria-label={`Remove run ${index + 1}`}
        >
          Remove
        </button>
      )}
    </div>
  );
}

/** The ready-made set these panes are, if they are one. */
export function matchingSet(panes: readonly PaneSpec[]) {
  const ids = panes.map((p) => ('presetId' in p ? p.presetId : ''));
  return COMPARE_SETS.find(
    (s) => s.presetIds.length === ids.length && s.presetIds.every((id, i) => id === ids[i]),
  );
}

export function CompareSetup({ panes, onChange }: Props) {
  const current = matchingSet(panes);
  return (
    <details className="compare-choose" open={current === undefined}>
      <summary>
        Runs: {current ? current.title : panes.map(paneTitle).join(' · ')}{' '}
        <span className="compare-choose-hint">(change)</span>
      </summary>
      <div className="compare-sets" role="group" aria-label="Ready-made comparisons">
        {COMPARE_SETS.map((set) => (
          <button
            key={set.id}
            type="button"
            className="button-secondary"
            aria-pressed={set === current}
            onClick={() => onChange(set.presetIds.map((presetId) => ({ presetId })))}
          >
            {set.title}
          </button>
        ))}
      </div>
      <div className="compare-setup" role="group" aria-label="Runs to compare">
        {panes.map((pane, i) => (
          <PanePicker
            key={i}
            pane={pane}
            index={i}
            count={panes.length}
            onPick={(presetId) => onChange(panes.map((p, j) => (j === i ? { presetId } : p)))}
            onRemove={() => onChange(panes.filter((_, j) => j !== i))}
          />
        ))}
        {panes.length < MAX_PANES && (
          <button
            type="button"
            className="button-secondary"
            onClick={() => onChange([...panes, panes.at(-1)!])}
          >
            Add a run
          </button>
        )}
      </div>
    </details>
  );
}
