/** Runs a preset once with its own seed and shares the result between the tests of one file. */
import { getPreset } from '../../src/scenarios/presets';
import { run, type Run } from '../helpers/scenario';

const runs = new Map<string, Run>();

/** The preset's run to the end (cached). */
export function presetRun(id: string): Run {
  let r = runs.get(id);
  if (!r) {
    const s = getPreset(id);
    if (!s) throw new Error(`no preset ${id}`);
    r = run(s);
    runs.set(id, r);
  }
  return r;
}
