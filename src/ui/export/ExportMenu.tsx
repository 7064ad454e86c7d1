/**
 * The "Download" menu: take the run away as results JSON, the event log and items as CSV, the diagram
 * as PNG or SVG, the narration as text, or copy the narration. A menu button (Enter, Space or the
 * arrows open it; the arrows, Home and End move; Escape closes it and returns to the button). The
 * builders and html-to-image load the first time it opens, so the first screen carries only this.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useSimStore, useSimStoreApi } from '../../store/useSimStore';
import type { ExportAction } from './exportActions';
import './exportMenu.css';

type ActionsModule = typeof import('./exportActions');
let loading: Promise<ActionsModule> | null = null;
/** The menu's actions, imported once, on the first open. */
function loadActions(): Promise<ActionsModule> {
  loading ??= import('./exportActions').catch((error: unknown) => {
    loading = null; // a failed chunk load (offline) may work on the next open
    throw error;
  });
  return loading;
}

const ITEMS: ReadonlyArray<{ action: ExportAction; label: string }> = [
  { action: 'results-json', label: 'Results (JSON)' },
  { action: 'events-csv', label: 'Event log (CSV)' },
  { action: 'items-csv', label: 'Items (CSV)' },
  { action: 'diagram-png', label: 'Diagram (PNG)' },
  { action: 'diagram-svg', label: 'Diagram (SVG)' },
  { action: 'transcript-text', label: 'Transcript (text)' },
  { action: 'copy-transcript', label: 'Copy transcript' },
];

export function ExportMenu() {
  const store = useSimStoreApi();
  const ready = useSimStore((s) => s.status === 'ready' && s.results !== null);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef<Array<HTMLButtonElement | null>>([]);
  // Which item takes focus once the list is drawn (set by whatever opened it).
  const focusOnOpen = useRef(0);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    if (!open) return;
    items.current[focusOnOpen.current]?.focus();
    // A press outside closes the menu (focus stays where the press put it).
    const onPointerDown = (event: PointerEvent) => {
      if (!box.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  // A build still running when the menu goes away (another run, another page) is abandoned.
  useEffect(() => () => controller.current?.abort(), []);

  const openAt = (index: number) => {
    focusOnOpen.current = index;
    setOpen(true);
    void loadActions().catch(() => setStatus('The download menu could not be loaded. Check the connection.'));
  };

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  };

  const onButtonKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'Enter' || event.key === ' ' || event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      // Handled here, so the browser's own click (Enter, Space) does not toggle it back.
      event.preventDefault();
      if (open && (event.key === 'Enter' || event.key === ' ')) close(true);
      else openAt(event.key === 'ArrowUp' ? ITEMS.length - 1 : 0);
    }
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const at = items.current.findIndex((el) => el === document.activeElement);
    const move = (index: number) => {
      event.preventDefault();
      items.current[(index + ITEMS.length) % ITEMS.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at < 0 ? ITEMS.length - 1 : at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(ITEMS.length - 1);
    else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation(); // the menu's Escape, not a dialog's or the player's
      close(true);
    } else if (event.key === 'Tab') setOpen(false);
  };

  const run = async (action: ExportAction, label: string) => {
    close(true);
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setBusy(true);
    setStatus(`Preparing ${label}…`);
    try {
      const actions = await loadActions();
      const done = await actions.runExportAction(action, store, abort.signal);
      if (!abort.signal.aborted) setStatus(done);
    } catch (error) {
      if (!abort.signal.aborted)
        setStatus(`${label}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      if (controller.current === abort) {
        controller.current = null;
        setBusy(false);
      }
    }
  };

  return (
    <div className="export-menu" ref={box}>
      <button
        ref={button}
        type="button"
        className="button-secondary export-menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        aria-busy={busy}
        disabled={!ready}
        onClick={() => (open ? close(false) : openAt(0))}
        onKeyDown={onButtonKeyDown}
      >
        Download <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <ul
          id={`${id}-menu`}
          className="export-menu-list"
          role="menu"
          aria-label="Download"
          onKeyDown={onMenuKeyDown}
        >
          {ITEMS.map((item, index) => (
            <li key={item.action} role="none">
              <button
                ref={(el) => {
                  items.current[index] = el;
                }}
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="export-menu-item"
                data-export={item.action}
                onClick={() => void run(item.action, item.label)}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
      <span className="export-menu-status" role="status">
        {status}
      </span>
    </div>
  );
}
