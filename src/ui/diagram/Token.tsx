/**
 * One item on the diagram. It glides (with `motion`) from node to node along the edge between them
 * when an event moves it, bounces when it is throttled, and shows what matters about it now: the
 * attempt ("#2"), the SQS receive count ("×3"), the HTTP status its caller got, or a countdown to the
 * retry or visibility timeout it waits for. Colour, glyph and words always agree.
 */
import * as m from 'motion/react-m';
import { memo, useState } from 'react';
import type { TokenView } from '../../store/diagram/flowFrame';
import type { NodePosition } from '../../store/diagram/layout';
import type { NodeKind } from '../../diagram/topology';
import { useSimStore } from '../../store/useSimStore';
import { PhaseGlyph } from './PhaseGlyph';
import { PHASE_LOOK, phaseWord } from './phaseLook';
import { travelPoints } from './tokenGeometry';

/** A wait in as few characters as a token has room for: `58s`, `2m`, `6h`. */
export function shortWait(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  if (s < 100) return `${s}s`;
  if (s < 100 * 60) return `${Math.round(s / 60)}m`;
  return `${Math.round(s / 3600)}h`;
}

function Countdown({ untilMs }: { untilMs: number }) {
  // Re-renders only when the shown text changes, not every frame.
  const text = useSimStore((s) => shortWait(untilMs - s.clockMs));
  return <span className="token-wait">{text}</span>;
}

interface Placement {
  node: NodePosition;
  x: number;
  y: number;
}

interface Track {
  at: Placement;
  previous: Placement | null;
}

interface Props {
  token: TokenView;
  at: { x: number; y: number };
  node: NodePosition;
  /** Where the token's last move started (the node it came from), if drawn. */
  fromNode: NodePosition | undefined;
  nodeKind: NodeKind;
  selected: boolean;
  reducedMotion: boolean;
  onSelect(item: string): void;
}

function TokenView_({ token, at, node, fromNode, nodeKind, selected, reducedMotion, onSelect }: Props) {
  const look = PHASE_LOOK[token.phase];
  // Where it was drawn before its latest move: derived state, updated while rendering (React's pattern
  // for state that follows props), so a move animates from the old place along the edge.
  const [track, setTrack] = useState<Track>({ at: { node, x: at.x, y: at.y }, previous: null });
  if (track.at.node !== node || track.at.x !== at.x || track.at.y !== at.y)
    setTrack({ at: { node, x: at.x, y: at.y }, previous: track.at });
  const previous = track.previous;

  let initial: { x: number; y: number; scale: number; opacity: number } | false = false;
  let animate: Record<string, number | number[] | null[] | Array<number | null>>;
  let times: number[] | undefined;
  if (!previous) {
    // Appearing: from the node it came from when there is one, else it pops in where it is.
    const start = fromNode && fromNode !== node ? travelPoints(fromNode, node)[0]! : at;
    initial = reducedMotion
      ? false
      : { x: start.x, y: start.y, scale: fromNode ? 1 : 0.4, opacity: fromNode ? 1 : 0 };
    animate = { x: at.x, y: at.y, scale: 1, opacity: 1 };
  } else if (previous.node !== node && !reducedMotion) {
    const [exit, entry] = travelPoints(previous.node, node);
    animate = {
      x: [previous.x, exit!.x, entry!.x, at.x],
      y: [previous.y, exit!.y, entry!.y, at.y],
      scale: 1,
      opacity: 1,
    };
    times = [0, 0.2, 0.8, 1];
  } else {
    animate = { x: at.x, y: at.y, scale: 1, opacity: 1 };
  }

  const label = token.label;
  const name = `${token.item}: ${phaseWord(token.phase, nodeKind)}${label ? `, ${labelWords(label)}` : ''}`;
  return (
    <m.button
      type="button"
      className={`token tone-${look.tone} phase-${token.phase}${selected ? ' is-selected' : ''}${token.coldStart ? ' is-cold' : ''}`}
      style={{ position: 'absolute', left: 0, top: 0 }}
      initial={initial}
      animate={animate}
      transition={
        reducedMotion
          ? { duration: 0 }
          : { duration: times ? 0.7 : 0.35, ease: 'easeInOut', ...(times ? { times } : {}) }
      }
      aria-label={name}
      aria-pressed={selected}
      title={name}
      data-item={token.item}
      data-phase={token.phase}
      data-node={token.node}
      onClick={(e) => {
        e.stopPropagation();
        onSelect(token.item);
      }}
    >
      <span key={token.phase === 'throttled' ? token.movedAt : 'still'} className="token-body">
        <PhaseGlyph phase={token.phase} />
        {token.untilMs !== null ? (
          <Countdown untilMs={token.untilMs} />
        ) : (
          label && <span className="token-label">{label}</span>
        )}
      </span>
    </m.button>
  );
}

function labelWords(label: string): string {
  if (label.startsWith('#')) return `attempt ${label.slice(1)}`;
  if (label.startsWith('×')) return `received ${label.slice(1)} times`;
  return `HTTP ${label}`;
}

export const Token = memo(TokenView_);
