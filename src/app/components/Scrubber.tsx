/**
 * The scrubber: a range over the run's simulated time, with the event markers drawn above it and the
 * part not played yet dimmed. Dragging it (or PageUp/PageDown on it) moves the clock; arrow keys step
 * event by event, as everywhere on the page.
 */
import type { CSSProperties } from 'react';
import { markerLayout } from '../../store/markers';
import { selectEndMs } from '../../store/selectors';
import { simStore } from '../../store/simStore';
import { useSimStore } from '../../store/useSimStore';
import { formatCount, formatOffset } from '../format';
import { EventMarkers } from './EventMarkers';

export function Scrubber() {
  const log = useSimStore((s) => s.log);
  const endMs = useSimStore(selectEndMs);
  const clockMs = useSimStore((s) => s.clockMs);
  const cursor = useSimStore((s) => s.cursor);
  const progress = endMs > 0 ? Math.min(1, clockMs / endMs) : 1;
  const laneCount = useSimStore((s) => markerLayout(s.log, selectEndMs(s)).kinds.length);
  // Per-frame styles go on leaf elements only: a custom property on the container would restyle every
  // marker each frame. The shade over the unplayed part moves by transform, which needs no repaint.
  const shade = { transform: `scaleX(${1 - progress})`, gridRow: `1 / span ${laneCount}` } as CSSProperties;
  return (
    <div className="scrubber">
      <EventMarkers log={log} endMs={endMs} />
      {laneCount > 0 && <span className="marker-shade" aria-hidden="true" style={shade} />}
      <span className="scrubber-label" aria-hidden="true">
        Time
      </span>
      <input
        type="range"
        className="scrubber-input"
        aria-label="Simulated time"
        aria-valuetext={`${formatOffset(clockMs)}, event ${formatCount(cursor + 1)} of ${formatCount(log.length)}`}
        min={0}
        max={endMs}
        step={1}
        value={Math.round(clockMs)}
        style={{ '--progress': `${progress * 100}%` } as CSSProperties}
        onChange={(e) => simStore.getState().seekToTime(Number(e.target.value))}
      />
      <span />
      <span className="scrubber-ends" aria-hidden="true">
        <span>{formatOffset(0)}</span>
        <span>{formatOffset(endMs)}</span>
      </span>
    </div>
  );
}
