/**
 * "Import a SAM or CloudFormation template": paste or open a template, read it, see what was understood,
 * assumed and ignored, pick the function when there are several, and run the scenario. The pasted text is
 * kept whatever happens (errors, closing the dialog); template text is only ever shown as text.
 */
import { useId, useRef, useState, type ChangeEvent } from 'react';
import { importTemplate, type ImportResult } from '../../scenarios/sam';
import { ImportReportView, ReportLineItem } from './ImportReportView';
import { useModalDialog } from '../dialog/useModalDialog';
import './sam.css';

interface Props {
  open: boolean;
  onClose(): void;
  /** Called with the raw scenario JSON (it passes validateScenario) and its title; the dialog then closes. */
  onRun(scenario: unknown, title: string): void;
}

/** Templates larger than this are refused before reading (CloudFormation's own limit is 1 MB). */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

interface Reading {
  /** The text the result was read from: when the textarea differs, the result is out of date. */
  text: string;
  functionLogicalId?: string;
  result: ImportResult;
}

/** The import dialog; mount it (lazily) once and drive it with `open`. */
export function SamImportDialog({ open, onClose, onRun }: Props) {
  const [text, setText] = useState('');
  const [reading, setReading] = useState<Reading | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const { ref, dialogProps } = useModalDialog(open, onClose, textRef);
  const titleId = useId();
  const textId = useId();
  const hintId = useId();
  const pickerId = useId();

  const read = (source: string, wanted?: string) => {
    let functionLogicalId = wanted;
    let result = importTemplate(source, functionLogicalId ? { functionLogicalId } : {});
    // An edited template may no longer have the function picked before: fall back to its first.
    if (functionLogicalId && !result.functions.includes(functionLogicalId)) {
      functionLogicalId = undefined;
      result = importTemplate(source);
    }
    setReading({ text: source, result, ...(functionLogicalId ? { functionLogicalId } : {}) });
    setFileError(null);
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ''; // choosing the same file again reads it again
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setFileError(
        `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; templates over 5 MB are not read.`,
      );
      return;
    }
    try {
      const content = await file.text();
      setFileError(null);
      setText(content);
      read(content);
    } catch (err) {
      setFileError(`${file.name} could not be read: ${err instanceof Error ? err.message : String(err)}`);
    }
  };

  const result = reading?.result;
  const current = reading !== null && reading.text === text;
  const functions = result?.functions ?? [];
  const chosen = result?.ok ? result.functionLogicalId : reading?.functionLogicalId;

  const run = () => {
    if (!result?.ok || !current) return;
    onRun(result.scenario, result.title);
    onClose();
  };

  return (
    <dialog ref={ref} className="sam-dialog" aria-labelledby={titleId} {...dialogProps}>
      <div className="sam-dialog-frame">
        <header className="sam-dialog-header">
          <h2 id={titleId}>Import a SAM or CloudFormation template</h2>
          <button type="button" className="button-secondary" onClick={onClose}>
            Close
          </button>
        </header>
        <div className="sam-dialog-body">
          <label htmlFor={textId} className="sam-label">
            Template (YAML or JSON)
          </label>
          <p id={hintId} className="sam-hint">
            Paste a template, or open a .yaml, .yml, .json or .template file. One function is imported with
            its event sources; the workload and the handler’s behaviour are assumed and listed below.
            Ctrl+Enter reads the template.
          </p>
          <textarea
            ref={textRef}
            id={textId}
            className="sam-textarea"
            aria-describedby={hintId}
            spellCheck={false}
            autoComplete="off"
            rows={14}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && text.trim()) {
                e.preventDefault();
                read(text, chosen);
              }
            }}
          />
          <div className="sam-actions">
            <button type="button" className="button-secondary" onClick={() => fileRef.current?.click()}>
              Open file…
            </button>
            <input
              ref={fileRef}
              type="file"
              accept=".yaml,.yml,.json,.template"
              className="sam-file-input"
              tabIndex={-1}
              aria-hidden="true"
              onChange={(e) => void onFile(e)}
            />
            <button
              type="button"
              className="button-primary"
              disabled={!text.trim()}
              onClick={() => read(text, chosen)}
            >
              Read template
            </button>
          </div>
          {fileError && (
            <p className="sam-error-text" role="alert">
              {fileError}
            </p>
          )}
          {reading && !current && (
            <p className="sam-stale" role="status">
              The template changed since it was read: read it again to update the report.
            </p>
          )}
          {functions.length > 1 && (
            <div className="sam-picker">
              <label htmlFor={pickerId}>Function to import</label>
              <select
                id={pickerId}
                value={chosen ?? functions[0]}
                onChange={(e) => read(text, e.target.value)}
              >
                {functions.map((id) => (
                  <option key={id} value={id}>
                    {id}
                  </option>
                ))}
              </select>
              <span className="sam-hint">The simulator runs one function at a time.</span>
            </div>
          )}
          {result && !result.ok && (
            <section className="sam-errors" role="alert" aria-label="Problems">
              <h3>The template cannot be imported</h3>
              <ul>
                {result.errors.map((line, i) => (
                  <ReportLineItem key={i} line={line} />
                ))}
              </ul>
            </section>
          )}
          {result?.ok && (
            <p className="sam-summary" role="status">
              Read {result.functionLogicalId}: {result.report.understood.length} settings understood,{' '}
              {result.report.assumed.length} assumed, {result.report.ignored.length} ignored
              {result.report.warnings.length > 0 ? `, ${result.report.warnings.length} warnings` : ''}.
            </p>
          )}
          {result?.report && <ImportReportView report={result.report} />}
        </div>
        <footer className="sam-dialog-footer">
          <button type="button" className="button-primary" disabled={!result?.ok || !current} onClick={run}>
            Run this scenario
          </button>
        </footer>
      </div>
    </dialog>
  );
}
