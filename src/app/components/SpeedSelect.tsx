/** The playback speed: simulated time per real time, from 0.1× to 1000×. */
import { useId } from 'react';
import { SPEEDS, speedLabel } from '../../store/playback';
import { useSimStore, useSimStoreApi } from '../../store/useSimStore';

export function SpeedSelect() {
  const simStore = useSimStoreApi();
  const id = useId();
  const speed = useSimStore((s) => s.speed);
  return (
    <div className="player-field">
      <label htmlFor={id}>Speed</label>
      <select
        id={id}
        value={speed}
        aria-keyshortcuts="[ ]"
        title="Speed ([ slower, ] faster)"
        onChange={(e) => simStore.getState().setSpeed(Number(e.target.value))}
      >
        {SPEEDS.map((s) => (
          <option key={s} value={s}>
            {speedLabel(s)}
          </option>
        ))}
      </select>
    </div>
  );
}
