/**
 * White glyphs for the generic (non-AWS-service) tiles: callers, Lambda's own internals, and where
 * results end up. Same grid and stroke conventions as ./awsGlyphs.
 */
import { arcArrow, arrow } from './geometry';
import type { Glyph } from './awsGlyphs';

const WHITE = '#fff';

const POLLER_ARCS = arcArrow(24, 24, 12, 195, 325, 5.5) + arcArrow(24, 24, 12, 15, 145, 5.5);

export const GENERIC_GLYPHS = {
  // A terminal window with a `>_` prompt.
  client: () => (
    <>
      <rect x="6.5" y="9.5" width="35" height="29" rx="3.5" />
      <path d="M14 20l6 5-6 5M24 31h10" />
    </>
  ),

  // Code braces `{ }` around a dot.
  sdk: () => (
    <>
      <path d="M19 9.5h-2.5a3 3 0 0 0-3 3V19c0 3-2 5-4.5 5 2.5 0 4.5 2 4.5 5v6.5a3 3 0 0 0 3 3H19" />
      <path d="M29 9.5h2.5a3 3 0 0 1 3 3V19c0 3 2 5 4.5 5-2.5 0-4.5 2-4.5 5v6.5a3 3 0 0 1-3 3H29" />
      <circle cx="24" cy="24" r="2.6" fill={WHITE} stroke="none" />
    </>
  ),

  // Lambda's internal event queue: a tube of three slots, two holding events, and an arrow out.
  asyncQueue: () => (
    <>
      <rect x="5" y="14" width="28" height="20" rx="3.5" />
      <path d="M14.5 14v20M23.5 14v20" />
      <rect x="17" y="18" width="4" height="12" rx="1" fill={WHITE} stroke="none" />
      <rect x="26" y="18" width="4" height="12" rx="1" fill={WHITE} stroke="none" />
      <path d={arrow(35.5, 24, 43, 24, 4.5)} />
    </>
  ),

  // An execution environment: a container box holding a small cube (solid top face).
  environment: () => (
    <>
      <rect x="6.5" y="6.5" width="35" height="35" rx="5" />
      <path d="M24 13l10 5.5-10 5.5-10-5.5z" fill={WHITE} />
      <path d="M14 18.5v11L24 35l10-5.5v-11M24 24v11" />
    </>
  ),

  // An event source mapping poller: two circular arrows chasing each other.
  poller: () => <path d={POLLER_ARCS} />,

  // A stream shard: stacked horizontal bars of records (thick round-capped strokes).
  shard: () => <path d="M11 14h8M27.5 14h9.5M11 24h14M33.5 24h3.5M11 34h3M22.5 34h14.5" strokeWidth={6} />,

  // A dead-letter queue: an envelope with a solid cross badge.
  dlq: (bg) => (
    <>
      <rect x="6.5" y="9.5" width="28" height="20" rx="2.5" />
      <path d="M7.5 11l13 9.5 13-9.5" />
      <circle cx="33.5" cy="31.5" r="12.5" fill={bg} stroke="none" />
      <circle cx="33.5" cy="31.5" r="9.5" fill={WHITE} stroke="none" />
      <path d="M29.5 27.5l8 8M37.5 27.5l-8 8" stroke={bg} strokeWidth={3.5} />
    </>
  ),

  // A destination: a flag on a pole.
  destination: () => (
    <>
      <path d="M14 40.5V8.5M9 40.5h10" />
      <path d="M14 10h21l-5.5 7 5.5 7H14z" fill={WHITE} />
    </>
  ),

  // A producer: an arrow leaving an open box.
  producer: () => (
    <>
      <path d="M23 10H12a3.5 3.5 0 0 0-3.5 3.5v21A3.5 3.5 0 0 0 12 38h11" />
      <path d={arrow(17, 24, 40, 24, 7)} />
    </>
  ),
} satisfies Record<string, Glyph>;
