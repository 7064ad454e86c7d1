/**
 * The hop the event on screen made, named in the diagram's corner: "Lambda service → Async event queue:
 * 202 Accepted, queued". Said here rather than on the edge, where a label would cover the nodes beside a
 * short edge. A move against an edge's direction (back to the queue for a retry) names no edge.
 */
import type { NodeMove } from '../../store/diagram/flowFrame';
import { selectFlowFrame } from '../../store/diagram/flowSelectors';
import type { Topology } from '../../diagram/topology';
import { useSimStore } from '../../store/useSimStore';

const NO_MOVES: NodeMove[] = [];

export function MoveCaption({ topology }: { topology: Topology }) {
  const moves = useSimStore((s) => selectFlowFrame(s)?.moves ?? NO_MOVES);
  if (moves.length === 0) return null;
  const title = (id: string) => topology.nodes.find((n) => n.id === id)?.title ?? id;
  const text = moves
    .map(({ from, to, items }) => {
      const edge = topology.edges.find((e) => e.source === from && e.target === to);
      const count = items > 1 ? ` (${items.toLocaleString('en-US')} items)` : '';
      return `${title(from)} → ${title(to)}${edge ? `: ${edge.label}` : ''}${count}`;
    })
    .join(' · ');
  return (
    <p className="flow-caption" data-testid="diagram-caption">
      {text}
    </p>
  );
}
