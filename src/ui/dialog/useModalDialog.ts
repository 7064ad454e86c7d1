/**
 * A native <dialog> driven by an `open` prop: shown as a modal when `open` turns true, closed when it
 * turns false, and `onClose` called for Escape, a click on the backdrop or the browser closing it. Focus
 * goes back where it was when the dialog opened.
 */
import { useEffect, useRef, type KeyboardEvent, type MouseEvent, type RefObject } from 'react';

interface ModalDialog {
  ref: RefObject<HTMLDialogElement | null>;
  /** Props for the <dialog> element. */
  dialogProps: {
    onClose(): void;
    onCancel(e: { preventDefault(): void }): void;
    onKeyDown(e: KeyboardEvent<HTMLDialogElement>): void;
    onClick(e: MouseEvent<HTMLDialogElement>): void;
  };
}

/** Shows `ref`'s dialog while `open`; `focusOnOpen` (if given) receives focus when it opens. */
export function useModalDialog(
  open: boolean,
  onClose: () => void,
  focusOnOpen?: RefObject<HTMLElement | null>,
): ModalDialog {
  const ref = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open) {
      if (!dialog.open) {
        returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        // Some test DOMs lack showModal; an open non-modal dialog still shows its content.
        if (typeof dialog.showModal === 'function') dialog.showModal();
        else dialog.setAttribute('open', '');
      }
      // Also when the dialog was already open (StrictMode re-runs effects): focus belongs inside it.
      if (!dialog.contains(document.activeElement)) focusOnOpen?.current?.focus();
    } else if (dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
      returnFocus.current?.focus();
      returnFocus.current = null;
    }
  }, [open, focusOnOpen]);

  // An owner may unmount the dialog instead of setting `open` to false: focus still goes back. The
  // element is captured now, as the ref is cleared before this cleanup runs.
  useEffect(() => {
    const dialog = ref.current;
    const back = returnFocus;
    return () => {
      if (dialog?.open) back.current?.focus();
    };
  }, []);

  return {
    ref,
    dialogProps: {
      // The native close event (e.g. a platform back gesture): tell the owner, which sets `open` to false.
      onClose: () => {
        if (open) onClose();
      },
      // Escape is handled in onKeyDown for every engine; the native cancel would close without asking.
      onCancel: (e) => e.preventDefault(),
      onKeyDown: (e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        }
      },
      // The dialog has no padding of its own, so a click whose target is the dialog landed on the backdrop.
      onClick: (e) => {
        if (e.target === e.currentTarget) onClose();
      },
    },
  };
}
