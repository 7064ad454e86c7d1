/**
 * The run's notable events drawn along the scrubber, one lane per kind, each kind with its own shape
 * and word as well as its colour (never colour alone): ✕ failures, ■ throttles, ◆ retries,
 * ▲ deliveries, ● successes. Decorative for screen readers: the timeline lists the same events in words.
 */
import { Fragment, memo } from 'react';
import type { SimEvent } from '../../engine/types';
import { markerLayout, type MarkerKind } from '../../store/markers';
import { formatCount } from '../format';

export const MARKER_WORDS: Record<MarkerKind, [string, string]> = {
  failure: ['failure', 'failures'],
  throttle: ['throttle', 'throttles'],
  retry: ['retry', 'retries'],
  delivery: ['delivery', 'deliveries'],
  success: ['success', 'successes'],
};

export function MarkerShape({ kind }: { kind: MarkerKind }) {
  return <span className={`marker-shape marker-${kind}`} aria-hidden="true" />;
}

interface Props {
  log: readonly SimEvent[];
  endMs: number;
}

/** Lanes of markers, as cells of the scrubber's grid (label, track); the range sits in the same grid. */
export const EventMarkers = memo(function EventMarkers({ log, endMs }: Props) {
  const layout = markerLayout(log, endMs);
  return layout.kinds.map((kind, i) => {
    const n = layout.totals[kind] ?? 0;
    // Placed explicitly: the shade over the unplayed part shares these cells.
    const gridRow = i + 1;
    return (
      <Fragment key={kind}>
        <span className="marker-lane-label" aria-hidden="true" data-kind={kind} style={{ gridRow }}>
          <MarkerShape kind={kind} />
          {formatCount(n)} {MARKER_WORDS[kind][n === 1 ? 0 : 1]}
        </span>
        <span className="marker-lane-track" aria-hidden="true" data-kind={kind} style={{ gridRow }}>
          <span className="marker-lane-inner">
            {layout.buckets
              .filter((b) => b.kind === kind)
              .map((b) => (
                <span
                  key={b.firstIndex}
                  className={`marker-shape marker-${kind}`}
                  style={{ left: `${b.at * 100}%` }}
                />
              ))}
          </span>
        </span>
      </Fragment>
    );
  });
});
