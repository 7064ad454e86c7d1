/**
 * Simulated AWS time, as an offset from the start (`+1 min 01.263 s`) and as a clock (`00:01:01.263`),
 * with the event count. It subscribes to the clock itself, so only it re-renders every frame.
 */
import { formatClock, formatCount, formatOffset } from '../format';
import { useSimStore } from '../../store/useSimStore';

export function PlayerClock() {
  const clockMs = useSimStore((s) => s.clockMs);
  const cursor = useSimStore((s) => s.cursor);
  const total = useSimStore((s) => s.log.length);
  return (
    <div className="player-clock" data-testid="player-clock">
      <span className="visually-hidden">Simulated AWS time: </span>
      <span className="clock-offset">{formatOffset(clockMs)}</span>
      <span className="clock-time" aria-hidden="true">
        {formatClock(clockMs)}
      </span>
      <span className="clock-events">
        event {formatCount(cursor + 1)} of {formatCount(total)}
      </span>
    </div>
  );
}
