/**
 * The player, above the results and sticky at the top of the page: transport buttons, speed, the
 * simulated clock, the skip-quiet-time notice, the shortcut list, the scrubber with event markers, and
 * the current event in words. It runs the playback loop and the keyboard shortcuts while it is shown.
 * Everything here reads the store only, so it carries over to any view of the run.
 */
import { useCallback, useState } from 'react';
import { useSimStoreApi } from '../../store/useSimStore';
import { usePlayback } from '../usePlayback';
import { usePlayerShortcuts } from '../usePlayerShortcuts';
import { CurrentEvent } from './CurrentEvent';
import { PlayerClock } from './PlayerClock';
import { PlayerIcon } from './PlayerIcon';
import { Scrubber } from './Scrubber';
import { ShortcutsDialog } from './ShortcutsDialog';
import { SkipIndicator } from './SkipIndicator';
import { SpeedSelect } from './SpeedSelect';
import { TransportButtons } from './TransportButtons';

interface Props {
  /** A comparison's shared player: which run the current event belongs to. */
  eventOwner?: (index: number) => string;
}

export function PlayerControls({ eventOwner }: Props = {}) {
  const [helpOpen, setHelpOpen] = useState(false);
  const openHelp = useCallback(() => setHelpOpen(true), []);
  const closeHelp = useCallback(() => setHelpOpen(false), []);
  const store = useSimStoreApi();
  usePlayback(store);
  usePlayerShortcuts(openHelp, store);

  return (
    <section className="player" aria-label="Player">
      <div className="player-bar">
        <TransportButtons />
        <SpeedSelect />
        <PlayerClock />
        <SkipIndicator />
        <button
          type="button"
          className="button-secondary shortcuts-button"
          aria-haspopup="dialog"
          aria-keyshortcuts="?"
          onClick={openHelp}
        >
          <PlayerIcon name="keyboard" />
          <span>
            Shortcuts <kbd aria-hidden="true">?</kbd>
          </span>
        </button>
      </div>
      <Scrubber />
      <CurrentEvent {...(eventOwner ? { eventOwner } : {})} />
      <ShortcutsDialog open={helpOpen} onClose={closeHelp} />
    </section>
  );
}
