/**
 * The scrubber: a range over the run's simulated time, with the event markers drawn above it and the
 * part not played yet dimmed. Dragging it (or PageUp/PageDown on it) moves the clock; arrow keys step
 * event by event, as everywhere on the page.
 */
import { useRef, type CSSProperties } from 'react';
import { markerLayout } from '../../store/markers';
import { selectEndMs } from '../../store/selectors';
import { useSimStore, useSimStoreApi } from '../../store/useSimStore';
import { useTransient } from '../../store/useTransient';
import { formatCount, formatOffset } from '../format';
import { EventMarkers } from './EventMarkers';

export function Scrubber() {
  const simStore = useSimStoreApi();
  const log = useSimStore((s) => s.log);
  const endMs = useSimStore(selectEndMs);
  const laneCount = useSimStore((s) => markerLayout(s.log, selectEndMs(s)).kinds.length);
  const input = useRef<HTMLInputElement>(null);
  const shadeRef = useRef<HTMLSpanElement>(null);
  // The clock moves every frame while playing: written straight to the elements, not re-rendered. Per-frame
  // styles go on leaf elements only (a custom property on the container would restyle every marker), and
  // the shade over the unplayed part moves by transform, which needs no repaint.
  useTransient(
    (s) => `${s.clockMs}/${s.cursor}/${selectEndMs(s)}`,
    () => {
      const state = simStore.getState();
      const { clockMs, cursor } = state;
      const end = selectEndMs(state);
      const progress = end > 0 ? Math.min(1, clockMs / end) : 1;
      if (input.current) {
        input.current.max = String(end);
        input.current.value = String(Math.round(clockMs));
        input.current.style.setProperty('--progress', `${progress * 100}%`);
        input.current.setAttribute(
          'aria-valuetext',
          `${formatOffset(clockMs)}, event ${formatCount(cursor + 1)} of ${formatCount(state.log.length)}`,
        );
      }
      if (shadeRef.current) shadeRef.current.style.transform = `scaleX(${1 - progress})`;
    },
  );
  const shade = { gridRow: `1 / span ${laneCount}` } as CSSProperties;
  return (
    <div className="scrubber">
      <EventMarkers log={log} endMs={endMs} />
      {laneCount > 0 && <span className="marker-shade" aria-hidden="true" style={shade} ref={shadeRef} />}
      <span className="scrubber-label" aria-hidden="true">
        Time
      </span>
      <input
        type="range"
        className="scrubber-input"
        aria-label="Simulated time"
        ref={input}
        min={0}
        max={endMs}
        step={1}
        defaultValue={0}
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
