/**
 * The list the page shows of the built-in scenarios — id, title, group, tags, in display order — built
 * from the presets' JSON. `npm run presets:summaries` writes it to `presetSummaries.json`, which the
 * page imports: one small file instead of four fields picked out of every preset (a test keeps the two
 * in step).
 */
import { PRESET_ORDER } from './presetOrder';
import { presetSource } from './presetSources';

export interface PresetSummaryEntry {
  id: string;
  title: string;
  group: string;
  tags: string[];
}

/** Every preset's summary, in display order. */
export function presetSummaryList(): PresetSummaryEntry[] {
  return PRESET_ORDER.map((id) => {
    const source = presetSource(id) as { title?: string; group?: string; tags?: string[] } | undefined;
    if (!source) throw new Error(`no preset ${id}`);
    return { id, title: source.title ?? id, group: source.group ?? 'synchronous', tags: source.tags ?? [] };
  });
}
