/** Writes src/scenarios/presets/presetSummaries.json from the presets (`npm run presets:summaries`). */
import { writeFileSync } from 'node:fs';
import { presetSummaryList } from '../src/scenarios/presets/presetSummaryList';

writeFileSync(
  new URL('../src/scenarios/presets/presetSummaries.json', import.meta.url),
  `${JSON.stringify(presetSummaryList(), null, 2)}\n`,
);
