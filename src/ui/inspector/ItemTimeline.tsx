/**
 * An item's life on one line: from its arrival to its end (or the player's moment), each attempt a bar
 * in its result's colour and glyph, the waits between them as gaps, throttles as ticks and deliveries
 * as diamonds. The attempts table under it carries the same facts in words.
 */
import type { ResultItem } from '../../engine/results';
import { formatDuration } from '../../app/format';

const WIDTH = 300;
/** Room at both ends, so a delivery's diamond at the very end is whole. */
const PAD = 7;
const HEIGHT = 44;
const BAR_Y = 12;
const BAR_H = 14;

const RESULT_CLASS: Record<string, string> = {
  success: 'is-success',
  error: 'is-error',
  timeout: 'is-timeout',
  throttled: 'is-throttled',
  'in-flight': 'is-running',
};

export function ItemTimeline({ item, atMs }: { item: ResultItem; atMs: number }) {
  const start = item.arrivedMs;
  const end = Math.max(start + 1, item.endedMs ?? atMs, ...item.attempts.map((a) => a.endMs ?? atMs));
  const x = (ms: number) =>
    PAD + ((Math.min(Math.max(ms, start), end) - start) / (end - start)) * (WIDTH - 2 * PAD);
  const label = `From its arrival to ${item.endedMs === null ? 'now' : 'its end'}, ${formatDuration(end - start)}: ${item.attempts.length} attempt${item.attempts.length === 1 ? '' : 's'}${item.deliveries.length > 0 ? `, ${item.deliveries.length} record${item.deliveries.length === 1 ? '' : 's'} sent` : ''}.`;
  return (
    <figure className="item-timeline">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} preserveAspectRatio="none">
        <line
          x1={PAD}
          x2={WIDTH - PAD}
          y1={BAR_Y + BAR_H / 2}
          y2={BAR_Y + BAR_H / 2}
          className="timeline-axis"
        />
        {item.attempts.map((a, i) =>
          a.result === 'throttled' ? (
            <line
              key={i}
              x1={x(a.startMs)}
              x2={x(a.startMs)}
              y1={BAR_Y - 4}
              y2={BAR_Y + BAR_H + 4}
              className="timeline-throttle"
            />
          ) : (
            <rect
              key={i}
              x={x(a.startMs)}
              y={BAR_Y}
              width={Math.max(4, x(a.endMs ?? atMs) - x(a.startMs))}
              height={BAR_H}
              rx={2}
              className={`timeline-attempt ${RESULT_CLASS[a.result] ?? ''}`}
            />
          ),
        )}
        {item.deliveries.map((d, i) => (
          <path
            key={i}
            d={`M ${x(d.atMs)} ${BAR_Y - 7} l 5 5 l -5 5 l -5 -5 z`}
            className={d.delivered ? 'timeline-delivery' : 'timeline-delivery is-failed'}
          />
        ))}
      </svg>
      <figcaption className="timeline-scale">
        <span>+0</span>
        <span>{formatDuration(end - start)}</span>
      </figcaption>
    </figure>
  );
}
