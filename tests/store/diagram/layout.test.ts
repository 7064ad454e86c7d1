/**
 * The layout puts the pipeline's stages in columns, left to right in stage order (callers, stores,
 * pollers, the Lambda service, the async queue, the function, destinations): for every preset, no two
 * nodes overlap and every edge runs rightwards, or downwards within one column.
 */
import { describe, expect, it } from 'vitest';
import { PRESET_IDS, getPreset } from '../../../src/scenarios/presets';
import { CONTENT_HEIGHT, NODE_WIDTH, TRAY_HEIGHT, layoutTopology } from '../../../src/store/diagram/layout';
import { STAGES, buildTopology } from '../../../src/diagram/topology';

describe('layout: stage columns, no overlaps, edges left to right', () => {
  for (const id of PRESET_IDS) {
    it(`${id}`, () => {
      const topology = buildTopology(getPreset(id)!);
      const pos = layoutTopology(topology);
      const nodes = topology.nodes;
      expect(Object.keys(pos).sort()).toEqual(nodes.map((n) => n.id).sort());

      for (const n of nodes) {
        expect(pos[n.id]!.width).toBe(NODE_WIDTH);
        expect(pos[n.id]!.height).toBe(CONTENT_HEIGHT[n.kind] + TRAY_HEIGHT);
      }

      // No two nodes overlap (rectangles with positive size).
      for (let i = 0; i < nodes.length; i++) {
        for (let j = i + 1; j < nodes.length; j++) {
          const a = pos[nodes[i]!.id]!;
          const b = pos[nodes[j]!.id]!;
          const apart =
            a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
          expect(apart, `${nodes[i]!.id} overlaps ${nodes[j]!.id}`).toBe(true);
        }
      }

      // Nodes of one stage share a column; columns follow the stage order with no empty column.
      const xOfStage = new Map<string, number>();
      for (const n of nodes) {
        const x = pos[n.id]!.x;
        if (xOfStage.has(n.stage)) expect(x, `${n.id} left its stage's column`).toBe(xOfStage.get(n.stage));
        else xOfStage.set(n.stage, x);
      }
      const used = STAGES.filter((s) => xOfStage.has(s));
      const xs = used.map((s) => xOfStage.get(s)!);
      expect(xs).toEqual([...xs].sort((a, b) => a - b));
      expect(new Set(xs).size).toBe(xs.length);
      expect(xs[0]).toBe(0);

      // Every edge goes to a column on the right, or down within its column.
      for (const e of topology.edges) {
        const from = pos[e.source]!;
        const to = pos[e.target]!;
        expect(from, `${e.id}: unknown source`).toBeDefined();
        expect(to, `${e.id}: unknown target`).toBeDefined();
        if (from.x === to.x) expect(to.y, `${e.id} goes up`).toBeGreaterThan(from.y);
        else expect(to.x, `${e.id} goes left`).toBeGreaterThan(from.x);
      }
    });
  }

  it('each column is centred on the same horizontal line', () => {
    const topology = buildTopology(getPreset('default')!);
    const pos = layoutTopology(topology);
    const columns = new Map<number, { top: number; bottom: number }>();
    for (const p of Object.values(pos)) {
      const c = columns.get(p.x) ?? { top: Infinity, bottom: -Infinity };
      columns.set(p.x, { top: Math.min(c.top, p.y), bottom: Math.max(c.bottom, p.y + p.height) });
    }
    for (const { top, bottom } of columns.values()) expect(top + bottom).toBeCloseTo(0);
    // default: caller | lambda | async queue | function | three destinations.
    expect(columns.size).toBe(5);
  });
});
