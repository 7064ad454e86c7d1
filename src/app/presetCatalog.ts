/** The presets as the picker and the page header show them: id, title, group (lessons load later: presetDescriptions.ts). */
import { DEFAULT_PRESET_ID } from '../scenarios/presets/presetOrder';
import { PRESET_SUMMARIES } from './presetSummaries';

export interface PresetEntry {
  id: string;
  title: string;
  group: string;
}

export interface PresetGroup {
  group: string;
  label: string;
  presets: PresetEntry[];
}

const GROUP_LABELS: Record<string, string> = {
  synchronous: 'Synchronous',
  asynchronous: 'Asynchronous',
  'poll-based': 'Poll-based',
  scaling: 'Scaling',
  compare: 'Compare invocation types',
};

/** `asynchronous` → `Asynchronous`. */
export function groupLabel(group: string): string {
  return GROUP_LABELS[group] ?? group;
}

const GROUP_ORDER = ['synchronous', 'asynchronous', 'poll-based', 'scaling', 'compare'];

export { DEFAULT_PRESET_ID };

/** Every preset, in display order. */
export const PRESETS: readonly PresetEntry[] = PRESET_SUMMARIES.map(({ id, title, group }) => ({
  id,
  title,
  group,
}));

/** The presets grouped for the picker: known groups first in their usual order, then any others. */
export const PRESET_GROUPS: readonly PresetGroup[] = (() => {
  const groups = [...new Set(PRESETS.map((p) => p.group))].sort((a, b) => {
    const ia = GROUP_ORDER.indexOf(a);
    const ib = GROUP_ORDER.indexOf(b);
    return (ia < 0 ? GROUP_ORDER.length : ia) - (ib < 0 ? GROUP_ORDER.length : ib);
  });
  return groups.map((group) => ({
    group,
    label: groupLabel(group),
    presets: PRESETS.filter((p) => p.group === group),
  }));
})();

/** The preset with this id, if there is one. */
export function findPreset(id: string): PresetEntry | undefined {
  return PRESETS.find((p) => p.id === id);
}
