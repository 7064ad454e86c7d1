/**
 * The items on the diagram, drawn in its coordinates (inside React Flow's viewport, so they pan and
 * zoom with the nodes). Each node's tokens fill its tray in item order; a full tray's last slot says
 * "+n". When more items are in play than can be followed one by one, no tokens are drawn: the nodes'
 * badges count them instead, and a note says so.
 */
import { ViewportPortal } from '@xyflow/react';
import { LazyMotion } from 'motion/react';
import { usePrefersReducedMotion } from '../../app/usePrefersReducedMotion';
import type { TokenView } from '../../store/diagram/flowFrame';
import { selectFlowFrame, selectFlowModel } from '../../store/diagram/flowSelectors';
import { useSimStore } from '../../store/useSimStore';
import { Token } from './Token';
import { TOKEN_HEIGHT, TOKEN_WIDTH, slotPosition, traySlots } from './tokenGeometry';

const loadMotionFeatures = () => import('./motionFeatures').then((module) => module.default);

export function TokenLayer() {
  const model = useSimStore(selectFlowModel);
  const tokens = useSimStore((s) => selectFlowFrame(s)?.tokens ?? null);
  const selected = useSimStore((s) => s.selectedItemId);
  const toggleItem = useSimStore((s) => s.toggleItem);
  const reducedMotion = usePrefersReducedMotion();
  if (!model || !tokens) return null;

  const byNode = new Map<string, TokenView[]>();
  for (const token of tokens) {
    const list = byNode.get(token.node);
    if (list) list.push(token);
    else byNode.set(token.node, [token]);
  }
  const kinds = new Map(model.topology.nodes.map((n) => [n.id, n.kind]));

  const drawn: React.ReactNode[] = [];
  for (const [nodeId, list] of byNode) {
    const node = model.positions[nodeId];
    if (!node) continue;
    const slots = traySlots(node);
    const shown = list.length > slots ? list.slice(0, slots - 1) : list;
    shown.forEach((token, slot) => {
      drawn.push(
        <Token
          key={token.item}
          token={token}
          at={slotPosition(node, slot)}
          node={node}
          fromNode={token.from ? model.positions[token.from] : undefined}
          nodeKind={kinds.get(nodeId) ?? 'function'}
          selected={selected === token.item}
          reducedMotion={reducedMotion}
          onSelect={toggleItem}
        />,
      );
    });
    if (list.length > shown.length) {
      const at = slotPosition(node, slots - 1);
      drawn.push(
        <div
          key={`more:${nodeId}`}
          className="token-more"
          style={{ transform: `translate(${at.x}px, ${at.y}px)`, width: TOKEN_WIDTH, height: TOKEN_HEIGHT }}
          title={`${list.length - shown.length} more here`}
        >
          +{list.length - shown.length}
        </div>,
      );
    }
  }
  return (
    <ViewportPortal>
      {/* Only the DOM animation features tokens use, not all of motion's, loaded after the first screen. */}
      <LazyMotion features={loadMotionFeatures} strict>
        <div className="token-layer">{drawn}</div>
      </LazyMotion>
    </ViewportPortal>
  );
}
