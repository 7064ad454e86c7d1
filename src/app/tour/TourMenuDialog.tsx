/** The guided tours, listed in a modal dialog opened from the header. */
import { useId } from 'react';
import { TourMenu } from '../../ui/tour/TourMenu';
import { useModalDialog } from '../../ui/dialog/useModalDialog';

interface Props {
  open: boolean;
  onClose(): void;
  onStart(tourId: string): void;
}

export function TourMenuDialog({ open, onClose, onStart }: Props) {
  const { ref, dialogProps } = useModalDialog(open, onClose);
  const titleId = useId();
  return (
    <dialog ref={ref} className="tour-dialog" aria-labelledby={titleId} {...dialogProps}>
      <div className="tour-dialog-body">
        <div className="tour-dialog-header">
          <h2 id={titleId}>Guided tours</h2>
          <button type="button" className="button-secondary" onClick={onClose}>
            Close
          </button>
        </div>
        <p className="panel-lead">
          Three chapters walk through synchronous, asynchronous and poll-based invocation step by step, in the
          source article&apos;s words and AWS&apos;s numbers; the surprises show what a setting costs.
        </p>
        <TourMenu
          onStart={(id) => {
            onClose();
            onStart(id);
          }}
        />
      </div>
    </dialog>
  );
}
