/** A preset's run indexed for the diagram, as the store builds it. */
import { createSimulation } from '../../../src/engine/simulation';
import {
  codeNode,
  codePhase,
  buildFlowIndex,
  itemIndexOf,
  type FlowIndex,
} from '../../../src/diagram/flowIndex';
import { flowFrame, type FlowFrame } from '../../../src/store/diagram/flowFrame';
import { createFlowReplay, type FlowReplay } from '../../../src/store/diagram/flowReplay';
import type { Phase } from '../../../src/diagram/places';
import { buildTopology } from '../../../src/diagram/topology';
import type { Scenario } from '../../../src/scenarios/schema';
import { validateScenario } from '../../../src/scenarios/validate';
import { presetRun, type PresetRun } from '../fixtures';

export interface DiagramRun extends PresetRun {
  index: FlowIndex;
  replay: FlowReplay;
  /** The frame after events 0..cursor. */
  frameAt(cursor: number): FlowFrame;
  /** Index of the first event of `type` (for `item`, if given); throws if there is none. */
  find(type: string, item?: string, from?: number): number;
}

function indexRun(id: string, run: PresetRun): DiagramRun {
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

export function diagramRun(id: string): DiagramRun {
  return indexRun(id, presetRun(id));
}

/** A scenario (validated first, like user input) run with the engine and indexed for the diagram. */
export function diagramRunOf(input: unknown): DiagramRun {
  const checked = validateScenario(input);
  if (!checked.ok) throw new Error(checked.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  const scenario: Scenario = checked.scenario;
  const sim = createSimulation(scenario);
  sim.run();
  const { log = [], ...results } = sim.results({ trace: true });
  return indexRun(scenario.id, { results, log, scenario });
}

/** The token of `item` in `frame`, or undefined. */
export function tokenOf(frame: FlowFrame, item: string) {
  return frame.tokens?.find((t) => t.item === item);
}

/** Where `item` is after events 0..cursor (drawn as a token or only counted), or null before it arrived. */
export function placeOf(
  run: DiagramRun,
  cursor: number,
  item: string,
): { node: string; phase: Phase } | null {
  const i = itemIndexOf(run.index, item);
  if (i === undefined) throw new Error(`no item ${item}`);
  const code = run.replay.at(cursor).place[i]!;
  return code < 0 ? null : { node: run.index.nodeIds[codeNode(code)]!, phase: codePhase(code) };
}
