/**
 * Simulated AWS time, as an offset from the start (`+1 min 01.263 s`) and as a clock (`00:01:01.263`),
 * with the event count. The time changes every frame while playing, so it is written to the DOM through a
 * transient subscription rather than by re-rendering.
 */
import { useRef } from 'react';
import { formatClock, formatCount, formatOffset } from '../format';
import { useSimStore } from '../../store/useSimStore';
import { useTransient } from '../../store/useTransient';

export function PlayerClock() {
  const cursor = useSimStore((s) => s.cursor);
  const total = useSimStore((s) => s.log.length);
  const offset = useRef<HTMLSpanElement>(null);
  const clock = useRef<HTMLSpanElement>(null);
  useTransient(
    (s) => s.clockMs,
    (ms) => {
      if (offset.current) offset.current.textContent = formatOffset(ms);
      if (clock.current) clock.current.textContent = formatClock(ms);
    },
  );
  return (
    <div className="player-clock" data-testid="player-clock">
      <span className="visually-hidden">Simulated AWS time: </span>
      <span className="clock-offset" ref={offset} />
      <span className="clock-time" aria-hidden="true" ref={clock} />
      <span className="clock-events">
        event {formatCount(cursor + 1)} of {formatCount(total)}
      </span>
    </div>
  );
}
