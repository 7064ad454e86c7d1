/**
 * The built-in scenarios, as data. Each is validated by the same schema as user input the first time
 * it is asked for, so a broken preset fails loudly in tests rather than quietly in the app.
 */
import { mustValidate } from '../validate';
import type { Scenario } from '../schema';
import { presetSource } from './presetSources';

export { DEFAULT_PRESET_ID, PRESET_IDS, presetSource } from './presetSources';

const cache = new Map<string, Scenario>();

/** A validated preset, or undefined when no preset has that id. */
export function getPreset(id: string): Scenario | undefined {
  const cached = cache.get(id);
  if (cached) return cached;
  const raw = presetSource(id);
  if (raw === undefined) return undefined;
  const scenario = mustValidate(raw);
  cache.set(id, scenario);
  return scenario;
}
