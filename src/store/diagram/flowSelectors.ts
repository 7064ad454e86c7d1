/**
 * The diagram's view of the store: the run's topology and layout (fixed for the run) and the frame at
 * the cursor. Built once per run (from the index the worker sent) and cached by its log; the frame is recomputed only when the cursor
 * moves, so components that read it re-render once per shown event, not per animation frame.
 */
import type { SimEvent } from '../../engine/types';
import type { SimStoreState } from '../types';
import { buildFlowIndex, type FlowIndex } from '../../diagram/flowIndex';
import { flowFrame, type FlowFrame } from './flowFrame';
import { createFlowReplay, type FlowReplay } from './flowReplay';
import { layoutTopology, type NodePosition } from './layout';
import { buildTopology, type Topology } from '../../diagram/topology';

export interface FlowModel {
  topology: Topology;
  positions: Record<string, NodePosition>;
  index: FlowIndex;
  replay: FlowReplay;
  log: readonly SimEvent[];
}

const models = new WeakMap<readonly SimEvent[], FlowModel>();

/** The run's diagram model, or null before a run with its scenario has finished. */
export function selectFlowModel(s: SimStoreState): FlowModel | null {
  if (!s.results || !s.scenario) return null;
  let model = models.get(s.log);
  if (!model) {
    // The worker sends the index with the results; built here only when it did not (tests, old workers).
    const index = s.flowIndex ?? buildFlowIndex(s.scenario, buildTopology(s.scenario), s.results, s.log);
    const topology = index.topology;
    model = {
      topology,
      positions: layoutTopology(topology),
      index,
      replay: createFlowReplay(index, s.log),
      log: s.log,
    };
    models.set(s.log, model);
  }
  return model;
}

// One cached frame per run's model: panes of a comparison each keep their own.
const frames = new WeakMap<FlowModel, { cursor: number; frame: FlowFrame }>();

/** What the diagram shows at the cursor (the same object while the cursor stays). */
export function selectFlowFrame(s: SimStoreState): FlowFrame | null {
  const model = selectFlowModel(s);
  if (!model) return null;
  const last = frames.get(model);
  if (last && last.cursor === s.cursor) return last.frame;
  const frame = flowFrame(model.index, model.log, model.replay.at(s.cursor));
  frames.set(model, { cursor: s.cursor, frame });
  return frame;
}
