/**
 * Where tokens sit and how they travel, in the diagram's coordinates: each node has a tray along its
 * bottom with TRAY_ROWS rows of slots; a token moving between nodes leaves its node by the side facing
 * the other node and enters the other node by the facing side, so it follows the edge between them.
 */
import { TRAY_HEIGHT, type NodePosition } from '../../store/diagram/layout';

export const TOKEN_WIDTH = 44;
export const TOKEN_HEIGHT = 22;
const TOKEN_GAP = 4;
export const TRAY_ROWS = 1;
/** Space around the tokens inside the tray. */
const TRAY_PADDING = (TRAY_HEIGHT - TRAY_ROWS * TOKEN_HEIGHT - (TRAY_ROWS - 1) * TOKEN_GAP) / 2;

/** Slots per row in a node of `width`. */
export function slotsPerRow(width: number): number {
  return Math.max(1, Math.floor((width - 2 * TRAY_PADDING + TOKEN_GAP) / (TOKEN_WIDTH + TOKEN_GAP)));
}

/** How many tokens a node's tray holds (the last slot shows "+n" when there are more). */
export function traySlots(node: NodePosition): number {
  return slotsPerRow(node.width) * TRAY_ROWS;
}

/** Top-left corner of slot `slot` in the tray of `node`. */
export function slotPosition(node: NodePosition, slot: number): { x: number; y: number } {
  const perRow = slotsPerRow(node.width);
  const row = Math.floor(slot / perRow);
  const col = slot % perRow;
  return {
    x: node.x + TRAY_PADDING + col * (TOKEN_WIDTH + TOKEN_GAP),
    y:
      node.y + node.height - TRAY_PADDING - TOKEN_HEIGHT - (TRAY_ROWS - 1 - row) * (TOKEN_HEIGHT + TOKEN_GAP),
  };
}

/**
 * The corners a token passes through from `from` to `to`: out of the side of `from` that faces `to`,
 * into the facing side of `to` (bottom to top within one column).
 */
export function travelPoints(from: NodePosition, to: NodePosition): Array<{ x: number; y: number }> {
  const centre = (n: NodePosition) => ({ x: n.x + n.width / 2, y: n.y + n.height / 2 });
  const a = centre(from);
  const b = centre(to);
  const half = { x: TOKEN_WIDTH / 2, y: TOKEN_HEIGHT / 2 };
  if (Math.abs(from.x - to.x) < 1) {
    const down = b.y > a.y;
    return [
      { x: a.x - half.x, y: (down ? from.y + from.height : from.y) - half.y },
      { x: b.x - half.x, y: (down ? to.y : to.y + to.height) - half.y },
    ];
  }
  const right = b.x > a.x;
  return [
    { x: (right ? from.x + from.width : from.x) - half.x, y: a.y - half.y },
    { x: (right ? to.x : to.x + to.width) - half.x, y: b.y - half.y },
  ];
}
