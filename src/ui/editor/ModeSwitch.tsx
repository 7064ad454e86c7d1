/** Switches the editor between the form and the JSON view; says why when a switch is refused. */
import type { EditorMode } from './draftState';

interface Props {
  mode: EditorMode;
  refusal: string | null;
  onSwitch(mode: EditorMode): void;
}

const MODES: ReadonlyArray<{ mode: EditorMode; label: string }> = [
  { mode: 'form', label: 'Form' },
  { mode: 'json', label: 'JSON' },
];

/** Two toggle buttons (aria-pressed) and, when the last switch was refused, the reason as an alert. */
export function ModeSwitch({ mode, refusal, onSwitch }: Props) {
  return (
    <div className="editor-mode">
      <div className="editor-mode-switch" role="group" aria-label="Edit the scenario as">
        {MODES.map((m) => (
          <button key={m.mode} type="button" aria-pressed={mode === m.mode} onClick={() => onSwitch(m.mode)}>
            {m.label}
          </button>
        ))}
      </div>
      {refusal && (
        <p role="alert" className="editor-refusal">
          {refusal}
        </p>
      )}
    </div>
  );
}
