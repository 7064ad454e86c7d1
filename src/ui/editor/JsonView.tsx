/**
 * The whole scenario as JSON text. Checked as it is typed: a syntax error names its line and column (with a
 * button that puts the cursor there), and schema errors list each field path with its message.
 */
import { useId, useMemo, useRef } from 'react';
import { locateJsonSyntaxError } from '../../scenarios/jsonSyntaxError';
import type { ValidationResult } from '../../scenarios/validate';
import { stripBom } from './draftState';
import { IssueList } from './IssueList';
import { issuesOf } from './issueIndex';

interface Props {
  text: string;
  /** The text `result` was computed from (it lags `text` while the user types). */
  checkedText: string;
  result: ValidationResult;
  onChange(text: string): void;
}

/** A labelled textarea with the scenario's JSON and what is wrong with it. */
export function JsonView({ text, checkedText, result, onChange }: Props) {
  const id = useId();
  const hintId = `${id}-hint`;
  const problemsId = `${id}-problems`;
  const ref = useRef<HTMLTextAreaElement>(null);
  const syntaxError = !result.ok && result.errors.some((e) => e.path === '(json)');
  const located = useMemo(
    () => (syntaxError ? locateJsonSyntaxError(stripBom(checkedText)) : null),
    [syntaxError, checkedText],
  );
  const issues = issuesOf(result).filter((i) => i.path !== '(json)');

  const showWhere = () => {
    const area = ref.current;
    if (!area || !located) return;
    const offset = located.offset + (checkedText.length - stripBom(checkedText).length);
    area.focus();
    area.setSelectionRange(offset, Math.min(offset + 1, area.value.length));
    const lineHeight = Number.parseFloat(getComputedStyle(area).lineHeight) || 20;
    area.scrollTop = Math.max(0, (located.line - 3) * lineHeight);
  };

  return (
    <div className="editor-json">
      <label className="editor-json-label" htmlFor={id}>
        Scenario JSON
      </label>
      <p id={hintId} className="editor-help">
        The whole scenario, checked as you type. Tab leaves the text box. See docs/scenario-format.md for
        every property.
      </p>
      <textarea
        id={id}
        ref={ref}
        className="editor-json-text"
        value={text}
        onChange={(e) => onChange(e.target.value)}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        autoCorrect="off"
        wrap="off"
        rows={28}
        aria-invalid={!result.ok ? true : undefined}
        aria-describedby={`${hintId} ${problemsId}`}
      />
      <div id={problemsId} className="editor-json-problems">
        {syntaxError && (
          <p className="editor-syntax-error editor-issue editor-issue-error">
            <span className="editor-issue-kind">Syntax error</span>{' '}
            {located ? (
              <>
                at{' '}
                <strong>
                  line {located.line}, column {located.column}
                </strong>
                : {located.message}{' '}
                <button type="button" className="editor-small-button" onClick={showWhere}>
                  Show where
                </button>
              </>
            ) : (
              result.errors.find((e) => e.path === '(json)')?.message
            )}
          </p>
        )}
        {issues.length > 0 && <IssueList issues={issues} />}
      </div>
    </div>
  );
}
