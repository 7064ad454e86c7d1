/**
 * The scenario editor: a form of the settings AWS has, and the whole scenario as JSON, both editing one
 * draft. Everything the user types is validated by the same `validateScenario` as every other entry point;
 * only a scenario that passes reaches `onRun`. Lazy-loaded by the shell (it pulls in zod).
 */
import { useId, useMemo, useRef, type KeyboardEvent } from 'react';
import type { Scenario } from '../../scenarios/schema';
import { isEdited, type EditorMode } from './draftState';
import { FormView } from './FormView';
import { issuesOf } from './issueIndex';
import { JsonView } from './JsonView';
import { ModeSwitch } from './ModeSwitch';
import { RunBar } from './RunBar';
import { useScenarioDraft } from './useScenarioDraft';
import './editor.css';

export interface ScenarioEditorProps {
  /** The scenario to start from, as a JSON object (e.g. the validated scenario of the current run). */
  initial: unknown;
  /** Called with the validated scenario (defaults filled in) and the JSON as the user wrote it. */
  onRun(scenario: Scenario, json: unknown): void;
  onClose?(): void;
}

/** Edits a scenario as a form or as JSON; "Run this scenario" is enabled only while it is valid. */
export function ScenarioEditor({ initial, onRun, onClose }: ScenarioEditorProps) {
  const titleId = useId();
  const bodyRef = useRef<HTMLDivElement>(null);
  const { state, dispatch, result, pending, validNow, checkedText } = useScenarioDraft(initial);
  const issues = useMemo(() => issuesOf(result), [result]);
  const edited = isEdited(state);

  const run = () => {
    // Checked again on the spot: the button's state may lag the text, and invalid input must never get through.
    const valid = validNow();
    if (valid) onRun(valid.scenario, valid.json);
  };

  const revert = () => dispatch({ type: 'revert' });

  const firstError = () => {
    const target = bodyRef.current?.querySelector<HTMLElement>(
      '[aria-invalid="true"], .editor-section-issues, .editor-general',
    );
    if (!target) return;
    if (!target.matches('input, select, textarea')) target.tabIndex = -1;
    target.focus();
    target.scrollIntoView?.({ block: 'center' });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    // Ctrl/⌘+Enter runs from anywhere in the editor, as in most code editors.
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.defaultPrevented) {
      e.preventDefault();
      run();
    }
  };

  const switchTo = (mode: EditorMode) => dispatch({ type: 'switch-mode', mode });

  return (
    <section className="scenario-editor" aria-labelledby={titleId} onKeyDown={onKeyDown}>
      <header className="editor-head">
        <h2 id={titleId}>Edit the scenario</h2>
        <ModeSwitch mode={state.mode} refusal={state.refusal} onSwitch={switchTo} />
      </header>
      <div ref={bodyRef} className="editor-body">
        {state.mode === 'form' ? (
          <FormView
            draft={state.draft}
            texts={state.texts}
            issues={issues}
            onEdit={(path, value, text, dropEmpty) =>
              dispatch({ type: 'edit-field', path, value, text, dropEmpty })
            }
          />
        ) : (
          <JsonView
            text={state.jsonText}
            checkedText={checkedText}
            result={result}
            onChange={(text) => dispatch({ type: 'edit-json', text })}
          />
        )}
      </div>
      <RunBar
        result={result}
        pending={pending}
        edited={edited}
        onRun={run}
        onRevert={revert}
        onFirstError={state.mode === 'form' ? firstError : undefined}
        onClose={onClose}
      />
    </section>
  );
}
