/**
 * What the page needs to list the built-in scenarios — id, title, group, tags — from one small generated
 * file (`npm run presets:summaries`; tests/presets/presetSummaries.test.ts keeps it in step with the
 * presets), so the bundle carries these fields and not the presets' workloads (the worker has those) or
 * their lessons (presetDescriptions.ts, loaded later).
 */
import SUMMARIES from '../scenarios/presets/presetSummaries.json';

export interface PresetSummary {
  id: string;
  title: string;
  group: string;
  tags: readonly string[];
}

/** Every preset's summary, in display order. */
export const PRESET_SUMMARIES: readonly PresetSummary[] = SUMMARIES;

const byId: ReadonlyMap<string, PresetSummary> = new Map(PRESET_SUMMARIES.map((s) => [s.id, s]));

/** The summary of the preset with this id, if there is one. */
export function presetSummary(id: string): PresetSummary | undefined {
  return byId.get(id);
}
