/** The presets' lessons, loaded once on first use (src/app/presetDescriptions.ts); null until they arrive. */
import { useEffect, useState } from 'react';

type Descriptions = ReadonlyMap<string, string>;

let loaded: Descriptions | null = null;
let loading: Promise<Descriptions> | null = null;

/** Starts loading the lessons (once) and resolves with them. */
export function loadPresetDescriptions(): Promise<Descriptions> {
  loading ??= import('./presetDescriptions').then((m) => (loaded = m.PRESET_DESCRIPTIONS));
  return loading;
}

/** Every preset's lesson by id, or null while they load. */
export function usePresetDescriptions(enabled = true): Descriptions | null {
  const [descriptions, setDescriptions] = useState(loaded);
  useEffect(() => {
    if (!enabled || descriptions) return;
    let live = true;
    void loadPresetDescriptions().then((d) => {
      if (live) setDescriptions(d);
    });
    return () => {
      live = false;
    };
  }, [enabled, descriptions]);
  return descriptions;
}
