/** Runs presets with the engine and loads them into fresh stores, as the worker and page would. */
import { createSimulation } from '../../src/engine/simulation';
import type { SimEvent } from '../../src/engine/types';
import { getPreset } from '../../src/scenarios/presets';
import type { Scenario } from '../../src/scenarios/schema';
import type { RunResults } from '../../src/store/runSlice';
import { createSimStore, type SimStore } from '../../src/store/simStore';

export interface PresetRun {
  results: RunResults;
  log: SimEvent[];
  scenario: Scenario;
}

const runs = new Map<string, PresetRun>();

/** A preset's results and log with its default seed (cached: tests must not mutate them). */
export function presetRun(id: string): PresetRun {
  let run = runs.get(id);
  if (!run) {
    const scenario = getPreset(id);
    if (!scenario) throw new Error(`no preset ${id}`);
    const sim = createSimulation(scenario);
    sim.run();
    const { log = [], ...results } = sim.results({ trace: true });
    run = { results, log, scenario };
    runs.set(id, run);
  }
  return run;
}

/** A fresh store with the preset's run loaded (at the end, or at `atMs`). */
export function loadedStore(id = 'default', atMs?: number): SimStore {
  const store = createSimStore();
  store.getState().startRun(id, 1);
  store.getState().finishRun(presetRun(id), atMs === undefined ? {} : { atMs });
  return store;
}
