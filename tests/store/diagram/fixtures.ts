/** A preset's run indexed for the diagram, as the store builds it. */
import { buildFlowIndex, type FlowIndex } from '../../../src/store/diagram/flowIndex';
import { flowFrame, type FlowFrame } from '../../../src/store/diagram/flowFrame';
import { createFlowReplay, type FlowReplay } from '../../../src/store/diagram/flowReplay';
import { buildTopology } from '../../../src/store/diagram/topology';
import { presetRun, type PresetRun } from '../fixtures';

export interface DiagramRun extends PresetRun {
  index: FlowIndex;
  replay: FlowReplay;
  /** The frame after events 0..cursor. */
  frameAt(cursor: number): FlowFrame;
  /** Index of the first event of `type` (for `item`, if given); throws if there is none. */
  find(type: string, item?: string, from?: number): number;
}

export function diagramRun(id: string): DiagramRun {
  const run = presetRun(id);
  const index = buildFlowIndex(run.scenario, buildTopology(run.scenario), run.results, run.log);
  const replay = createFlowReplay(index, run.log);
  return {
    ...run,
    index,
    replay,
    frameAt: (cursor) => flowFrame(index, run.log, replay.at(cursor)),
    find(type, item, from = 0) {
      const at = run.log.findIndex(
        (e, i) => i >= from && e.type === type && (item === undefined || e.item === item),
      );
      if (at < 0) throw new Error(`${id}: no ${type}${item ? ` for ${item}` : ''}`);
      return at;
    },
  };
}

/** The token of `item` in `frame`, or undefined. */
export function tokenOf(frame: FlowFrame, item: string) {
  return frame.tokens?.find((t) => t.item === item);
}
