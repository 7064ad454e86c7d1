import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Icon } from '../../src/app/components/Icon';
import { OUTCOMES, OUTCOME_ORDER, outcomeInfo, type IconName } from '../../src/app/outcomes';
import { createSimulation } from '../../src/engine/simulation';
import type { ItemOutcome } from '../../src/engine/types';
import { PRESET_IDS, getPreset } from '../../src/scenarios/presets';

/** Every ItemOutcome; `satisfies` makes the compiler check the list against the type. */
const ALL_OUTCOMES = {
  succeeded: true,
  failed: true,
  throttled: true,
  rejected: true,
  'dead-lettered': true,
  expired: true,
  discarded: true,
  'in-flight': true,
} satisfies Record<ItemOutcome, true>;

const ICONS = {
  check: true,
  cross: true,
  stop: true,
  ban: true,
  inbox: true,
  clock: true,
  trash: true,
  dots: true,
  dot: true,
  ring: true,
  play: true,
  retry: true,
} satisfies Record<IconName, true>;

function iconPath(name: IconName): string | undefined {
  const markup = renderToStaticMarkup(createElement(Icon, { name }));
  return /<path[^>]* d="([^"]*)"/.exec(markup)?.[1];
}

describe('outcomes', () => {
  it('every outcome has a label, a known icon, a tone and a meaning', () => {
    for (const outcome of Object.keys(ALL_OUTCOMES) as ItemOutcome[]) {
      const info = OUTCOMES[outcome];
      expect(info, outcome).toBeDefined();
      expect(info.label.trim(), outcome).not.toBe('');
      expect(Object.keys(ICONS), outcome).toContain(info.icon);
      expect(['good', 'bad', 'warn', 'neutral'], outcome).toContain(info.tone);
      expect(info.meaning, outcome).toMatch(/^[A-Z].*\.$/);
    }
  });

  it('labels are distinct, and so are the icons (the icon carries meaning, not only the colour)', () => {
    const infos = Object.values(OUTCOMES);
    expect(new Set(infos.map((i) => i.label)).size).toBe(infos.length);
    expect(new Set(infos.map((i) => i.icon)).size).toBe(infos.length);
  });

  it('a success looks good, a throttle is a warning, and losing an event is bad', () => {
    expect(OUTCOMES.succeeded.tone).toBe('good');
    expect(OUTCOMES.throttled.tone).toBe('warn');
    expect(OUTCOMES.discarded.tone).toBe('bad');
    expect(OUTCOMES['in-flight'].label).toBe('in flight');
  });

  it('OUTCOME_ORDER lists every outcome exactly once, success first', () => {
    expect([...OUTCOME_ORDER].sort()).toEqual(Object.keys(ALL_OUTCOMES).sort());
    expect(new Set(OUTCOME_ORDER).size).toBe(OUTCOME_ORDER.length);
    expect(OUTCOME_ORDER[0]).toBe('succeeded');
  });

  it('every outcome icon draws something', () => {
    for (const outcome of OUTCOME_ORDER) {
      const d = iconPath(OUTCOMES[outcome].icon);
      expect(d, outcome).toMatch(/^M/);
    }
  });

  it('outcomeInfo returns the entry for a known outcome', () => {
    for (const outcome of OUTCOME_ORDER) expect(outcomeInfo(outcome)).toBe(OUTCOMES[outcome]);
  });

  it('outcomeInfo has a neutral fallback for an outcome a newer engine might add', () => {
    expect(outcomeInfo('partially-batched')).toEqual({
      label: 'partially-batched',
      icon: 'dots',
      tone: 'neutral',
      meaning: 'partially-batched',
    });
  });

  it('outcomeInfo does not mistake Object.prototype members for outcomes', () => {
    for (const name of ['toString', 'constructor', 'hasOwnProperty']) {
      const info = outcomeInfo(name);
      expect(info.label, name).toBe(name);
      expect(info.icon, name).toBe('dots');
    }
  });

  it('every outcome the presets produce has its own entry (not the fallback)', () => {
    const seen = new Set<string>();
    for (const id of PRESET_IDS) {
      const sim = createSimulation(getPreset(id)!);
      sim.run();
      for (const item of sim.results().items) seen.add(item.outcome);
    }
    expect(seen.size).toBeGreaterThanOrEqual(4);
    for (const outcome of seen) expect(Object.keys(OUTCOMES), outcome).toContain(outcome);
    // Every preset runs, sqs-scaling's 100,000 messages included: more than the default 5 s on a busy machine.
  }, 60_000);
});
