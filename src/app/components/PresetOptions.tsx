/** The built-in presets as the options of a `<select>`, grouped as the picker groups them. */
import { PRESET_GROUPS } from '../presetCatalog';

export function PresetOptions() {
  return (
    <>
      {PRESET_GROUPS.map((g) => (
        <optgroup key={g.group} label={g.label}>
          {g.presets.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}
