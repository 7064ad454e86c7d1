/**
 * Where each node of the topology sits: one column per pipeline stage, left to right, stages without
 * nodes removed, and each column's nodes stacked and centred on one horizontal line. A fixed stage order
 * (rather than a general graph layout) puts the same thing in the same place in every scenario — callers
 * on the left, the function in the middle, destinations on the right — which is what a learner compares.
 */
import { STAGES, type NodeKind, type Topology } from '../../diagram/topology';

export const NODE_WIDTH = 210;
const COLUMN_GAP = 48;
const ROW_GAP = 18;

/**
 * Heights per node kind of the part above the token tray (title, role, live badges); the tray for the
 * tokens is TRAY_HEIGHT more. Fixed, so edges meet their handles and nothing moves while a run plays.
 */
export const CONTENT_HEIGHT: Record<NodeKind, number> = {
  caller: 108,
  producer: 100,
  'sqs-queue': 116,
  'queue-dlq': 104,
  shard: 104,
  poller: 122,
  lambda: 104,
  'async-queue': 116,
  function: 162,
  destination: 104,
};

/** The strip at the bottom of every node where its items' tokens sit (one row of tokens). */
export const TRAY_HEIGHT = 36;

export interface NodePosition {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Top-left corner and size of every node, by id. */
export function layoutTopology(topology: Topology): Record<string, NodePosition> {
  const columns = STAGES.map((stage) => topology.nodes.filter((n) => n.stage === stage)).filter(
    (column) => column.length > 0,
  );
  const out: Record<string, NodePosition> = {};
  columns.forEach((column, c) => {
    const heights = column.map((n) => CONTENT_HEIGHT[n.kind] + TRAY_HEIGHT);
    const total = heights.reduce((a, h) => a + h, 0) + ROW_GAP * (column.length - 1);
    let y = -total / 2;
    column.forEach((node, r) => {
      out[node.id] = { x: c * (NODE_WIDTH + COLUMN_GAP), y, width: NODE_WIDTH, height: heights[r]! };
      y += heights[r]! + ROW_GAP;
    });
  });
  return out;
}
