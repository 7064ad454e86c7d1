/**
 * White glyphs for the AWS service tiles, drawn on a 48×48 grid inside a group that strokes white
 * (width 3, round caps and joins) and fills nothing. `bg` paints with the tile's own gradient, so a
 * shape can knock a gap out of whatever lies beneath it.
 */
import type { ReactNode } from 'react';
import { arrow, polar } from './geometry';

export type Glyph = (bg: string) => ReactNode;

const WHITE = '#fff';

const BOLT = 'M36 20l-8 12h6l-3 10 11-14h-6l3-8z';

const EVENTBRIDGE_SPOKES = [0, 60, 120, 180, 240, 300].map((deg) => ({
  deg,
  from: polar(24, 24, 8, deg),
  to: polar(24, 24, 14.5, deg),
}));

const SNS_SUBSCRIBERS: readonly [number, number][] = [
  [35, 12],
  [37.5, 24],
  [35, 36],
];

export const AWS_GLYPHS = {
  // λ: a serif at the top left, a long leg to a foot at the bottom right, a short leg to the bottom left.
  lambda: () => <path d="M12.5 10.5h7.5L33 37.5h4.5M25.6 21.9L14.5 37.5" strokeWidth={3.5} />,

  // A queue of messages: a front envelope with two more stacked behind it.
  sqs: () => (
    <>
      <path d="M17 15.5v-5h24v17h-5M12 20.5v-5h24v17h-5" />
      <rect x="7" y="20.5" width="24" height="17" rx="2" />
      <path d="M8 22l11 8 11-8" />
    </>
  ),

  // Fan-out: one publisher dot, three lines to three subscriber rings.
  sns: () => (
    <>
      {SNS_SUBSCRIBERS.map(([x, y]) => {
        const dx = x - 12;
        const dy = y - 24;
        const len = Math.hypot(dx, dy);
        const ex = x - (dx / len) * 4.5;
        const ey = y - (dy / len) * 4.5;
        return <path key={`${x}-${y}`} d={`M12 24L${ex.toFixed(2)} ${ey.toFixed(2)}`} />;
      })}
      {SNS_SUBSCRIBERS.map(([x, y]) => (
        <circle key={`c${x}-${y}`} cx={x} cy={y} r="4.5" />
      ))}
      <circle cx="12" cy="24" r="5" fill={WHITE} stroke="none" />
    </>
  ),

  // An event bus: a hub ring with six spokes ending in dots.
  eventbridge: () => (
    <>
      <circle cx="24" cy="24" r="6" />
      {EVENTBRIDGE_SPOKES.map(({ deg, from, to }) => (
        <path key={deg} d={`M${from[0]} ${from[1]}L${to[0]} ${to[1]}`} />
      ))}
      {EVENTBRIDGE_SPOKES.map(({ deg, to }) => (
        <circle key={`d${deg}`} cx={to[0]} cy={to[1]} r="3.4" fill={WHITE} stroke="none" />
      ))}
    </>
  ),

  // A stream: three flowing wave lines.
  kinesis: () => <path d="M8 15q4-6 8 0t8 0 8 0 8 0M8 24q4-6 8 0t8 0 8 0 8 0M8 33q4-6 8 0t8 0 8 0 8 0" />,

  // A database cylinder with a lightning bolt over its lower right.
  dynamodb: (bg) => (
    <>
      <ellipse cx="20" cy="13" rx="11.5" ry="4.5" />
      <path d="M8.5 13v22a11.5 4.5 0 0 0 23 0V13M8.5 24a11.5 4.5 0 0 0 23 0" />
      <path d={BOLT} fill={bg} stroke={bg} strokeWidth={6} />
      <path d={BOLT} fill={WHITE} strokeWidth={1.5} />
    </>
  ),

  // A gateway: angle brackets either side of an arch.
  apiGateway: () => (
    <>
      <path d="M14 14l-7.5 10 7.5 10M34 14l7.5 10-7.5 10" />
      <path d="M18.5 35V23.5a5.5 5.5 0 0 1 11 0V35" />
    </>
  ),

  // A load balancer: one line in, a balancer ring, three arrows out.
  alb: () => (
    <>
      <path d="M6.5 24H14" />
      <circle cx="19.5" cy="24" r="5.5" />
      <path d={arrow(25, 24, 41, 24)} />
      <path d={arrow(23.6, 19.9, 38, 10.5)} />
      <path d={arrow(23.6, 28.1, 38, 37.5)} />
    </>
  ),

  // A bucket: an elliptic rim over tapering sides and a rounded bottom.
  s3: () => (
    <>
      <ellipse cx="24" cy="14" rx="14" ry="4.5" />
      <path d="M10 14l3.5 21a10.5 3.5 0 0 0 21 0L38 14" />
    </>
  ),
} satisfies Record<string, Glyph>;
