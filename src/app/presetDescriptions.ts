/**
 * Every preset's one-paragraph lesson, by id. Loaded after the first screen (usePresetDescriptions): the
 * page needs only titles to start, and forty-odd lessons weigh more than the rest of the catalog.
 */

// The files' text, parsed here: importing the JSON modules' `description` would share those modules with
// the page's catalog (which imports the same files for their titles) and carry every lesson into the
// first bundle.
const texts: Record<string, string> = import.meta.glob('../scenarios/presets/*.json', {
  eager: true,
  query: '?raw',
  import: 'default',
});

/** Preset id → its lesson. */
export const PRESET_DESCRIPTIONS: ReadonlyMap<string, string> = new Map(
  Object.values(texts).map((text) => {
    const { id, description } = JSON.parse(text) as { id: string; description?: string };
    return [id, description ?? ''];
  }),
);
