/**
 * The player's keyboard shortcuts, on the whole page: Space play/pause, ←/→ step, Shift+←/→ ten events,
 * Home/End, [ and ] speed, ? help. They stay out of the way while the user types in a field, picks
 * from a list, or presses Space on a button (which presses the button), and while a dialog is open.
 */
import { useEffect } from 'react';
import { simStore, type SimStore } from '../store/simStore';

/** How many events Shift+←/→ jumps. */
export const BIG_STEP = 10;

export interface Shortcut {
  keys: string[];
  action: string;
}

/** Every shortcut, for the help dialog. */
export const SHORTCUTS: Shortcut[] = [
  { keys: ['Space'], action: 'Play or pause' },
  { keys: ['→'], action: 'Step forward one event' },
  { keys: ['←'], action: 'Step back one event' },
  { keys: ['Shift', '→'], action: `Jump forward ${BIG_STEP} events` },
  { keys: ['Shift', '←'], action: `Jump back ${BIG_STEP} events` },
  { keys: ['Home'], action: 'Jump to the start' },
  { keys: ['End'], action: 'Jump to the end (the whole run)' },
  { keys: [']'], action: 'Faster' },
  { keys: ['['], action: 'Slower' },
  { keys: ['?'], action: 'Show these shortcuts' },
  { keys: ['Esc'], action: 'Close this dialog' },
];

/** Elements where keys mean typing or choosing; a range slider is the player's own, so it is not one. */
function isTypingTarget(el: Element | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  return el instanceof HTMLInputElement && el.type !== 'range';
}

/** Elements that Space presses by itself. */
function isPressedBySpace(el: Element | null): boolean {
  return el instanceof HTMLElement && el.closest('button, summary, [role="button"]') !== null;
}

/** Listens for the player's shortcuts on `window`; `onHelp` opens the shortcut list. */
export function usePlayerShortcuts(onHelp: () => void, store: SimStore = simStore): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (document.querySelector('dialog[open]')) return;
      const target = event.target instanceof Element ? event.target : null;
      if (isTypingTarget(target)) return;
      const s = store.getState();
      if (s.log.length === 0) return;
      let handled = true;
      switch (event.key) {
        case ' ':
          if (isPressedBySpace(target)) return;
          s.toggle();
          break;
        case 'ArrowRight':
          if (event.shiftKey) s.jumpBy(BIG_STEP);
          else s.stepForward();
          break;
        case 'ArrowLeft':
          if (event.shiftKey) s.jumpBy(-BIG_STEP);
          else s.stepBack();
          break;
        // Home and End move the player only: the page stays on the diagram.
        case 'Home':
          s.jumpToStart();
          break;
        case 'End':
          s.jumpToEnd();
          break;
        case '[':
          s.slower();
          break;
        case ']':
          s.faster();
          break;
        case '?':
          onHelp();
          break;
        default:
          handled = false;
      }
      if (handled) event.preventDefault();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onHelp, store]);
}
