/** The editor's footer: how many issues there are, Revert, and "Run this scenario" (enabled only when valid). */
import { useId } from 'react';
import type { ValidationResult } from '../../scenarios/validate';
import { RevertButton } from './RevertButton';

interface Props {
  result: ValidationResult;
  /** True while the latest text has not been checked yet: running waits for it. */
  pending: boolean;
  edited: boolean;
  onRun(): void;
  /** Goes back to the initial scenario (the user has confirmed, when there were edits). */
  onRevert(): void;
  /** Moves focus to the first field with an error (form only). */
  onFirstError?(): void;
  onClose?(): void;
}

function plural(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? '' : 's'}`;
}

/** The issue count in words, e.g. "2 errors: fix them to run". */
export function summaryOf(result: ValidationResult, pending: boolean): string {
  if (pending) return 'Checking…';
  if (!result.ok) {
    if (result.errors.some((e) => e.path === '(json)')) return 'The JSON does not parse: fix it to run';
    return `${plural(result.errors.length, 'error')}: fix ${result.errors.length === 1 ? 'it' : 'them'} to run`;
  }
  return result.warnings.length > 0 ? `Valid, with ${plural(result.warnings.length, 'warning')}` : 'Valid';
}

/** Summary (a live status), then the buttons. */
export function RunBar({ result, pending, edited, onRun, onRevert, onFirstError, onClose }: Props) {
  const summaryId = useId();
  const canRun = result.ok && !pending;
  return (
    <div className="editor-run-bar">
      <p
        id={summaryId}
        role="status"
        className={`editor-summary ${canRun ? 'editor-summary-ok' : pending ? '' : 'editor-summary-bad'}`}
      >
        <span aria-hidden="true" className="editor-summary-mark">
          {pending ? '…' : result.ok ? '✓' : '✕'}
        </span>{' '}
        {summaryOf(result, pending)}
        {edited && <span className="editor-edited"> · edited</span>}
      </p>
      <div className="editor-run-buttons">
        {!result.ok && !pending && onFirstError && (
          <button type="button" className="button-secondary" onClick={onFirstError}>
            Go to the first error
          </button>
        )}
        <RevertButton edited={edited} onRevert={onRevert} />
        {onClose && (
          <button type="button" className="button-secondary" onClick={onClose}>
            Close
          </button>
        )}
        <button
          type="button"
          className="button-primary"
          disabled={!canRun}
          aria-describedby={summaryId}
          onClick={onRun}
        >
          Run this scenario
        </button>
      </div>
    </div>
  );
}
