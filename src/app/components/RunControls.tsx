/**
 * The header's form: preset picker (grouped, plus a browser that shows each preset's explanation), seed,
 * Run. Choosing a preset runs it at once.
 */
import { useId, useState, type FormEvent } from 'react';
import { PresetBrowser } from '../../ui/presets/PresetBrowser';
import { PresetOptions } from './PresetOptions';
import { MAX_SEED, parseSeed } from '../urlState';

interface Props {
  presetId: string;
  /** The user's own scenario is shown: the picker names it until a preset is chosen. */
  customTitle?: string | undefined;
  seed: number;
  busy: boolean;
  onRun(presetId: string, seed: number): void;
  /** Runs the shown scenario again with this seed (the user's own one included). */
  onRerun(seed: number): void;
}

export function RunControls({ presetId, customTitle, seed, busy, onRun, onRerun }: Props) {
  const presetFieldId = useId();
  const seedFieldId = useId();
  const seedHintId = useId();
  const [seedText, setSeedText] = useState(String(seed));
  const [shownSeed, setShownSeed] = useState(seed);
  if (seed !== shownSeed) {
    // The seed changed from outside (a run started elsewhere): show it.
    setShownSeed(seed);
    setSeedText(String(seed));
  }
  const parsedSeed = parseSeed(seedText);
  const seedInvalid = parsedSeed === null;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (parsedSeed !== null) onRerun(parsedSeed);
  }

  return (
    <form className="run-controls" onSubmit={submit} aria-label="Simulation settings">
      <div className="field field-preset">
        <label htmlFor={presetFieldId}>Scenario</label>
        <select
          id={presetFieldId}
          name="scenario"
          value={customTitle === undefined ? presetId : ''}
          onChange={(e) => onRun(e.target.value, parsedSeed ?? seed)}
        >
          {customTitle !== undefined && (
            <option value="" disabled>
              Your scenario: {customTitle}
            </option>
          )}
          <PresetOptions />
        </select>
      </div>
      <PresetBrowser currentId={presetId} onChoose={(id) => onRun(id, parsedSeed ?? seed)} />
      <div className="field field-seed">
        <label htmlFor={seedFieldId}>Seed</label>
        <input
          id={seedFieldId}
          name="seed"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          value={seedText}
          aria-invalid={seedInvalid}
          aria-describedby={seedInvalid ? seedHintId : undefined}
          onChange={(e) => setSeedText(e.target.value)}
        />
        {seedInvalid && (
          <span id={seedHintId} className="field-error" role="alert">
            Whole number, 0 to {MAX_SEED}
          </span>
        )}
      </div>
      <button type="submit" className="button-primary" disabled={seedInvalid} aria-busy={busy}>
        {busy ? 'Running…' : 'Run'}
      </button>
    </form>
  );
}
