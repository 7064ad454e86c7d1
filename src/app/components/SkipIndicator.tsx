/**
 * The transient "+58 s" that appears when the player skips quiet time, so the jump in the clock reads
 * as AWS time passing (a retry wait) rather than as a glitch. The live region stays in the page, empty
 * between skips, so screen readers announce each one.
 */
import { useEffect, useState } from 'react';
import { formatDuration } from '../format';
import { useSimStore } from '../../store/useSimStore';
import { PlayerIcon } from './PlayerIcon';

/** How long the notice stays, in real time. */
const SHOW_MS = 2500;

export function SkipIndicator() {
  const skip = useSimStore((s) => s.lastSkip);
  const [hiddenSerial, setHiddenSerial] = useState(0);
  const serial = skip?.serial ?? 0;

  useEffect(() => {
    if (serial === 0) return;
    const timer = setTimeout(() => setHiddenSerial(serial), SHOW_MS);
    return () => clearTimeout(timer);
  }, [serial]);

  const visible = skip !== null && serial !== hiddenSerial;
  return (
    <div className="skip-slot" role="status">
      {visible && (
        <span key={serial} className="skip-indicator" data-testid="skip-indicator">
          <PlayerIcon name="skip" />+{formatDuration(skip.skippedMs)}
          <span className="skip-words"> of quiet time skipped</span>
        </span>
      )}
    </div>
  );
}
