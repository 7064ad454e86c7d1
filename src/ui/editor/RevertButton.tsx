/**
 * "Revert", with its confirmation in the page rather than window.confirm: an embedded page may not be
 * allowed to open dialogs, and an inline question keeps focus and keyboard use in the editor.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

interface Props {
  /** True when there are changes to lose: only then is the user asked first. */
  edited: boolean;
  onRevert(): void;
}

/** A Revert button that asks "Discard your changes?" when there are any. */
export function RevertButton({ edited, onRevert }: Props) {
  const [asking, setAsking] = useState(false);
  const questionId = useId();
  const revertRef = useRef<HTMLButtonElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (asking) keepRef.current?.focus();
  }, [asking]);

  const finish = (discard: boolean) => {
    setAsking(false);
    if (discard) onRevert();
    // The button is rendered again on the next commit; focus it then.
    requestAnimationFrame(() => revertRef.current?.focus());
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      finish(false);
    }
  };

  if (asking) {
    return (
      <div className="editor-confirm" role="group" aria-labelledby={questionId} onKeyDown={onKeyDown}>
        <span id={questionId}>Discard your changes and go back to the scenario as it was opened?</span>
        <button type="button" className="button-secondary" onClick={() => finish(true)}>
          Discard changes
        </button>
        <button type="button" className="button-secondary" ref={keepRef} onClick={() => finish(false)}>
          Keep editing
        </button>
      </div>
    );
  }
  return (
    <button
      type="button"
      className="button-secondary"
      ref={revertRef}
      onClick={() => (edited ? setAsking(true) : onRevert())}
    >
      Revert
    </button>
  );
}
