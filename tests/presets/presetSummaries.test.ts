/** The page's list of presets is generated: it must say what the presets say, in display order. */
import { describe, expect, it } from 'vitest';
import SUMMARIES from '../../src/scenarios/presets/presetSummaries.json';
import { presetSummaryList } from '../../src/scenarios/presets/presetSummaryList';

describe('presetSummaries.json', () => {
  it('matches the presets (run `npm run presets:summaries` after changing a title, group, tags or the order)', () => {
    expect(SUMMARIES).toEqual(presetSummaryList());
  });
});
