/** The list of keyboard shortcuts, in a modal dialog (Escape or the Close button closes it). */
import { Fragment, useEffect, useId, useRef } from 'react';
import { SHORTCUTS } from '../usePlayerShortcuts';

interface Props {
  open: boolean;
  onClose(): void;
}

export function ShortcutsDialog({ open, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog ref={ref} className="shortcuts-dialog" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId}>Keyboard shortcuts</h2>
      <p className="panel-lead">They work anywhere on the page except while you type in a field.</p>
      <dl className="shortcut-list">
        {SHORTCUTS.map((s) => (
          <div key={s.action} className="shortcut">
            <dt>
              {s.keys.map((k, i) => (
                <Fragment key={k}>
                  {i > 0 && ' + '}
                  <kbd>{k}</kbd>
                </Fragment>
              ))}
            </dt>
            <dd>{s.action}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog">
        <button type="submit" className="button-secondary" autoFocus>
          Close
        </button>
      </form>
    </dialog>
  );
}
