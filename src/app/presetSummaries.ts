/**
 * What the page needs to list the built-in scenarios — id, title, group, tags — read
 * from each preset's JSON key by key, so the bundle carries these fields and not the presets' workloads
 * (the worker has those). Vite turns each glob into named imports of the JSON files.
 */
export interface PresetSummary {
  id: string;
  title: string;
  group: string;
  tags: readonly string[];
}

import { PRESET_ORDER } from '../scenarios/presets/presetOrder';

type ByPath<T> = Record<string, T>;

const ids: ByPath<string> = import.meta.glob('../scenarios/presets/*.json', { eager: true, import: 'id' });
const titles: ByPath<string> = import.meta.glob('../scenarios/presets/*.json', {
  eager: true,
  import: 'title',
});
const groups: ByPath<string> = import.meta.glob('../scenarios/presets/*.json', {
  eager: true,
  import: 'group',
});
const tags: ByPath<readonly string[] | undefined> = import.meta.glob('../scenarios/presets/*.json', {
  eager: true,
  import: 'tags',
});

const byId: ReadonlyMap<string, PresetSummary> = new Map(
  Object.keys(ids).map((path) => {
    const summary: PresetSummary = {
      id: ids[path]!,
      title: titles[path] ?? ids[path]!,
      group: groups[path] ?? 'synchronous',
      tags: tags[path] ?? [],
    };
    return [summary.id, summary];
  }),
);

/** Every preset's summary, in display order. */
export const PRESET_SUMMARIES: readonly PresetSummary[] = PRESET_ORDER.flatMap((id) => {
  const summary = byId.get(id);
  return summary ? [summary] : [];
});

/** The summary of the preset with this id, if there is one. */
export function presetSummary(id: string): PresetSummary | undefined {
  return byId.get(id);
}
