/**
 * "Export as SAM template": the scenario as a SAM template in YAML, read-only, with Copy and Download.
 * The template is built only while the dialog is open.
 */
import { useId, useMemo, useRef, useState } from 'react';
import { exportSamTemplate } from '../../scenarios/sam';
import type { Scenario } from '../../scenarios/schema';
import { useModalDialog } from '../dialog/useModalDialog';
import './sam.css';

interface Props {
  open: boolean;
  onClose(): void;
  scenario: Scenario;
}

/** The file name offered for download: the scenario id, which is already file-name safe. */
export function templateFileName(scenario: Scenario): string {
  return `${scenario.id}.template.yaml`;
}

/** The export dialog; drive it with `open`. */
export function SamExportDialog({ open, onClose, scenario }: Props) {
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [status, setStatus] = useState('');
  // The status belongs to one opening: it is cleared on the way out.
  const close = () => {
    setStatus('');
    onClose();
  };
  const { ref, dialogProps } = useModalDialog(open, close, textRef);
  const titleId = useId();
  const textId = useId();
  const hintId = useId();
  const yaml = useMemo(() => (open ? exportSamTemplate(scenario) : ''), [open, scenario]);

  const selectAll = () => {
    textRef.current?.focus();
    textRef.current?.select();
  };

  const copy = async () => {
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(yaml);
      setStatus('Copied to the clipboard.');
    } catch {
      // No clipboard access (an insecure page, a refused permission): leave the text selected to copy by hand.
      selectAll();
      setStatus(
        'The clipboard is not available here: the template is selected, press Ctrl+C (⌘C) to copy it.',
      );
    }
  };

  const download = () => {
    const url = URL.createObjectURL(new Blob([yaml], { type: 'application/yaml' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = templateFileName(scenario);
    document.body.append(link);
    link.click();
    link.remove();
    // Revoked after the click has been handled, so the download has started with the URL still valid.
    setTimeout(() => URL.revokeObjectURL(url), 0);
    setStatus(`Downloaded ${templateFileName(scenario)}.`);
  };

  return (
    <dialog ref={ref} className="sam-dialog" aria-labelledby={titleId} {...dialogProps}>
      <div className="sam-dialog-frame">
        <header className="sam-dialog-header">
          <h2 id={titleId}>Export as a SAM template</h2>
          <button type="button" className="button-secondary" onClick={close}>
            Close
          </button>
        </header>
        <div className="sam-dialog-body">
          <label htmlFor={textId} className="sam-label">
            SAM template for “{scenario.title}”
          </label>
          <p id={hintId} className="sam-hint">
            The function, its event sources, queues, streams, destinations and dead-letter queue. The workload
            and the handler’s behaviour have no place in a template: the comment at the top lists what is left
            out.
          </p>
          <textarea
            ref={textRef}
            id={textId}
            className="sam-textarea"
            aria-describedby={hintId}
            readOnly
            spellCheck={false}
            rows={18}
            value={yaml}
          />
          <div className="sam-actions">
            <button type="button" className="button-primary" onClick={() => void copy()}>
              Copy
            </button>
            <button type="button" className="button-secondary" onClick={download}>
              Download
            </button>
            <p className="sam-status" role="status">
              {status}
            </p>
          </div>
        </div>
      </div>
    </dialog>
  );
}
