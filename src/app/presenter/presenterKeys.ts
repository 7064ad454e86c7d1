/**
 * The presenter's keys, as clickers send them: PageDown / → / ↓ next, PageUp / ← / ↑ previous (a tour's
 * step when a tour is on, else one event), Space play or pause, B or . black screen, F full screen,
 * 1–3 the tour chapters, ? the key list, Escape leaves. A pure mapping, so it is tested without a DOM.
 */

export type PresenterAction =
  | { kind: 'next' }
  | { kind: 'previous' }
  | { kind: 'toggle-play' }
  | { kind: 'blackout' }
  | { kind: 'fullscreen' }
  | { kind: 'chapter'; index: number }
  | { kind: 'help' }
  | { kind: 'exit' };

/** The action of a key (`KeyboardEvent.key`), or null when the presenter mode does not use it. */
export function presenterAction(key: string): PresenterAction | null {
  switch (key) {
    case 'PageDown':
    case 'ArrowRight':
    case 'ArrowDown':
      return { kind: 'next' };
    case 'PageUp':
    case 'ArrowLeft':
    case 'ArrowUp':
      return { kind: 'previous' };
    case ' ':
      return { kind: 'toggle-play' };
    case 'b':
    case 'B':
    case '.':
      return { kind: 'blackout' };
    case 'f':
    case 'F':
      return { kind: 'fullscreen' };
    case '?':
      return { kind: 'help' };
    case 'Escape':
      return { kind: 'exit' };
    default:
      return /^[1-9]$/.test(key) ? { kind: 'chapter', index: Number(key) - 1 } : null;
  }
}

/** The key list the help overlay shows. */
export const PRESENTER_KEYS: ReadonlyArray<{ keys: string; action: string }> = [
  { keys: 'PageDown, →, ↓', action: 'Next step of the tour, or next event' },
  { keys: 'PageUp, ←, ↑', action: 'Previous step, or previous event' },
  { keys: 'Space', action: 'Play or pause' },
  { keys: 'B or .', action: 'Black screen (again to come back)' },
  { keys: 'F', action: 'Full screen' },
  { keys: '1, 2, 3', action: 'Tour chapters: synchronous, asynchronous, poll-based' },
  { keys: '?', action: 'This list' },
  { keys: 'Esc', action: 'Leave presenter mode' },
];
