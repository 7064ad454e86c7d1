// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_PRESET_ID, findPreset } from '../../src/app/presetCatalog';
import { DEFAULT_SEED, MAX_SEED, parseSeed, readUrlState, writeUrlState } from '../../src/app/urlState';
import { PRESET_DESCRIPTIONS } from '../../src/app/presetDescriptions';
import { PRESET_SUMMARIES } from '../../src/app/presetSummaries';
import { presetSource } from '../../src/scenarios/presets';
import { PRESET_IDS, getPreset } from '../../src/scenarios/presets';

describe('parseSeed', () => {
  it.each([
    ['0', 0],
    ['42', 42],
    [' 7 ', 7],
    ['007', 7],
    [String(MAX_SEED), MAX_SEED],
  ])('accepts %j as %d', (text, seed) => {
    expect(parseSeed(text)).toBe(seed);
  });

  it.each(['', ' ', '-1', '1.5', 'abc', '1e3', '0x10', '+5', '99999999999', String(MAX_SEED + 1)])(
    'rejects %j',
    (text) => {
      expect(parseSeed(text)).toBeNull();
    },
  );

  it('MAX_SEED is 2^32 − 1', () => {
    expect(MAX_SEED).toBe(2 ** 32 - 1);
  });
});

describe('readUrlState', () => {
  it('an empty query opens the default preset with its default seed and no notices', () => {
    const state = readUrlState('');
    expect(state).toEqual({
      presetId: DEFAULT_PRESET_ID,
      seed: DEFAULT_SEED,
      notices: [],
      testMode: false,
      view: { mode: 'run' },
      present: false,
    });
  });

  it('a valid preset and seed are taken as they are', () => {
    expect(readUrlState('?scenario=sync-timeout&seed=123')).toEqual({
      presetId: 'sync-timeout',
      seed: 123,
      notices: [],
      testMode: false,
      view: { mode: 'run' },
      present: false,
    });
  });

  it('every preset id is accepted', () => {
    for (const id of PRESET_IDS) {
      const state = readUrlState(`?scenario=${encodeURIComponent(id)}`);
      expect(state.presetId).toBe(id);
      expect(state.notices).toEqual([]);
    }
  });

  it('without a seed, the run uses seed 1, which is every built-in preset’s seed', () => {
    for (const id of PRESET_IDS) {
      const state = readUrlState(`?scenario=${id}`);
      expect(state.seed).toBe(DEFAULT_SEED);
      // The page does not load the presets' JSON; a preset with its own seed would need it to.
      expect(getPreset(id)?.seed ?? 1, `${id} sets a seed`).toBe(DEFAULT_SEED);
    }
  });

  it('the page’s preset summaries match the presets’ JSON, in display order', () => {
    expect(PRESET_SUMMARIES.map((p) => p.id)).toEqual([...PRESET_IDS]);
    for (const summary of PRESET_SUMMARIES) {
      const source = presetSource(summary.id)!;
      expect(summary).toEqual({
        id: source.id,
        title: source.title,
        group: source.group,
        tags: source.tags ?? [],
      });
      expect(PRESET_DESCRIPTIONS.get(summary.id)).toBe(source.description);
    }
  });

  it('an unknown preset falls back to the default preset, with a notice naming both', () => {
    const state = readUrlState('?scenario=no-such-preset&seed=5');
    expect(state.presetId).toBe(DEFAULT_PRESET_ID);
    expect(state.seed).toBe(5);
    expect(state.notices).toHaveLength(1);
    expect(state.notices[0]).toContain('"no-such-preset"');
    expect(state.notices[0]).toContain(findPreset(DEFAULT_PRESET_ID)!.title);
  });

  it('an empty preset name is unknown too', () => {
    const state = readUrlState('?scenario=');
    expect(state.presetId).toBe(DEFAULT_PRESET_ID);
    expect(state.notices).toHaveLength(1);
  });

  it.each(['-1', '1.5', 'abc', '99999999999', ''])(
    'a bad seed (%j) keeps the preset, uses its default seed, and says so',
    (seed) => {
      const state = readUrlState(`?scenario=sync-success&seed=${encodeURIComponent(seed)}`);
      expect(state.presetId).toBe('sync-success');
      expect(state.seed).toBe(DEFAULT_SEED);
      expect(state.notices).toHaveLength(1);
      expect(state.notices[0]).toContain(`"${seed}"`);
      expect(state.notices[0]).toContain(String(MAX_SEED));
      expect(state.notices[0]).toContain(`using ${DEFAULT_SEED}`);
    },
  );

  it('an unknown preset and a bad seed give two notices', () => {
    const state = readUrlState('?scenario=nope&seed=abc');
    expect(state.presetId).toBe(DEFAULT_PRESET_ID);
    expect(state.seed).toBe(DEFAULT_SEED);
    expect(state.notices).toHaveLength(2);
  });

  it('reads a query with or without the leading "?", and decodes it', () => {
    expect(readUrlState('scenario=sync-success&seed=9')).toMatchObject({ presetId: 'sync-success', seed: 9 });
    expect(readUrlState('?seed=%2042%20&scenario=sync%2Dsuccess')).toMatchObject({
      presetId: 'sync-success',
      seed: 42,
      notices: [],
    });
  });

  it('test=1 turns on test mode; watchdogMs is read only in test mode and only when positive', () => {
    expect(readUrlState('?test=1').testMode).toBe(true);
    expect(readUrlState('?test=true').testMode).toBe(false);
    expect(readUrlState('?test=1&watchdogMs=300').watchdogMs).toBe(300);
    expect(readUrlState('?watchdogMs=300')).not.toHaveProperty('watchdogMs');
    for (const bad of ['0', '-5', 'abc', ''])
      expect(readUrlState(`?test=1&watchdogMs=${bad}`), bad).not.toHaveProperty('watchdogMs');
    expect(readUrlState('?test=1')).not.toHaveProperty('watchdogMs');
  });

  it('never throws, whatever the query', () => {
    for (const q of ['?scenario', '?seed', '?%', '?scenario=%E0%A4%A', '&&&', '?seed=1&seed=2'])
      expect(() => readUrlState(q), q).not.toThrow();
  });
});

describe('writeUrlState', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/');
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('puts the preset and seed in the query, and reading it back gives the same state', () => {
    writeUrlState('async-dlq', 77);
    const params = new URLSearchParams(window.location.search);
    expect(params.get('scenario')).toBe('async-dlq');
    expect(params.get('seed')).toBe('77');
    expect(readUrlState(window.location.search)).toMatchObject({
      presetId: 'async-dlq',
      seed: 77,
      notices: [],
    });
  });

  it('replaces the history entry instead of adding one', () => {
    const replace = vi.spyOn(window.history, 'replaceState');
    const push = vi.spyOn(window.history, 'pushState');
    const length = window.history.length;
    writeUrlState('sync-success', 3);
    expect(replace).toHaveBeenCalledTimes(1);
    expect(push).not.toHaveBeenCalled();
    expect(window.history.length).toBe(length);
  });

  it('keeps other parameters and the path, and overwrites an older preset and seed', () => {
    window.history.replaceState(null, '', '/app/?test=1&scenario=default&seed=1&watchdogMs=300#x');
    writeUrlState('sync-timeout', MAX_SEED);
    expect(window.location.pathname).toBe('/app/');
    expect(window.location.hash).toBe('#x');
    const params = new URLSearchParams(window.location.search);
    expect(params.get('test')).toBe('1');
    expect(params.get('watchdogMs')).toBe('300');
    expect(params.getAll('scenario')).toEqual(['sync-timeout']);
    expect(params.getAll('seed')).toEqual([String(MAX_SEED)]);
  });

  it('does not touch history when the address already says the same', () => {
    writeUrlState('cold-and-warm', 8);
    const replace = vi.spyOn(window.history, 'replaceState');
    writeUrlState('cold-and-warm', 8);
    expect(replace).not.toHaveBeenCalled();
  });
});

describe('readUrlState: the moment, the event at that moment, the speed and the link’s own scenario', () => {
  it('reads e= only with t=, as a log index', () => {
    expect(readUrlState('?t=61063&e=9')).toMatchObject({ atMs: 61_063, atEvent: 9 });
    expect(readUrlState('?e=9').atEvent).toBeUndefined();
    expect(readUrlState('?t=5&e=-1').atEvent).toBeUndefined();
  });

  it('takes a speed the player has, and refuses another with a notice', () => {
    expect(readUrlState('?speed=30').speed).toBe(30);
    const odd = readUrlState('?speed=7');
    expect(odd.speed).toBeUndefined();
    expect(odd.notices[0]).toContain('"7"');
  });

  it('keeps the compressed scenario for later unpacking', () => {
    expect(readUrlState('?custom=abc_-').customLink).toBe('abc_-');
  });
});

describe('readUrlState: presenter and embed modes', () => {
  it('present=1 opens presenter mode', () => {
    expect(readUrlState('?present=1').present).toBe(true);
    expect(readUrlState('').present).toBe(false);
  });

  it('embed=1 with autoplay and a loop between two moments', () => {
    expect(readUrlState('?embed=1&autoplay=1&loop=0-65000').embed).toEqual({
      autoplay: true,
      loop: { fromMs: 0, toMs: 65_000 },
    });
    expect(readUrlState('?embed=1').embed).toEqual({ autoplay: false });
    expect(readUrlState('').embed).toBeUndefined();
  });

  it('a loop that is not two increasing moments is refused with a notice', () => {
    const state = readUrlState('?embed=1&loop=9-3');
    expect(state.embed).toEqual({ autoplay: false });
    expect(state.notices[0]).toContain('"9-3"');
  });
});
