/**
 * Fuzzing what a link carries (design.md "URL state"): arbitrary query strings, and real share links
 * (`custom=`) cut short, altered, re-encoded around other JSON. Reading never throws; a part that cannot
 * be read becomes a notice that names it, and what is read is a state the page can show.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_PANES, MIN_PANES } from '../../src/app/compare/comparisonRequest';
import { findPreset } from '../../src/app/presetCatalog';
import { encodeJson } from '../../src/app/share/compressedJson';
import { readInitialState } from '../../src/app/share/initialState';
import { MAX_SEED, readUrlState, type UrlState } from '../../src/app/urlState';
import { CUSTOM_PANE } from '../../src/app/urlView';
import { SPEEDS } from '../../src/store/playback';
import { getPreset } from '../../src/scenarios/presets';
import { changeScenario } from '../../src/scenarios/scenarioChanges';
import { validateScenario } from '../../src/scenarios/validate';
import { FUZZ_TIMEOUT_MS, fuzzParams, fuzzSeed } from './fuzzConfig';
import { PRESETS, expectFieldPaths, rawPreset } from './fuzzHelpers';

const PARAMS = [
  'scenario',
  'seed',
  't',
  'e',
  'custom',
  'speed',
  'present',
  'embed',
  'autoplay',
  'loop',
  'compare',
  'fork',
  'set',
  'tour',
  'step',
  'test',
  'watchdogMs',
];

/** Values that sit on the edges of what each parameter accepts. */
const EDGY_VALUES = [
  '',
  ' ',
  '0',
  '1',
  '-1',
  '-0',
  'NaN',
  'Infinity',
  '1e3',
  '0x10',
  '1.5',
  String(MAX_SEED),
  String(MAX_SEED + 1),
  '9007199254740991',
  '9007199254740992',
  '99999999999999999999999',
  '0-0',
  '5-1',
  '0-65000',
  'default',
  'custom',
  'default,default',
  'default,custom',
  ',,,',
  'default,default,default,default,default',
  'function.Timeout=5',
  'function.Timeout',
  '=5',
  '__proto__.x=1',
  'constructor.prototype.x=1',
  'sources[0].mapping.BatchSize=1e999',
  'sources.9.id=x',
  'function.behavior.rules=[{"result":"error"}]',
  '%',
  '%E0%A4%A',
  '\u0000',
  '🚀',
];

const value = fc.oneof(
  fc.constantFrom(...EDGY_VALUES),
  fc.string({ maxLength: 12 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.constantFrom(...PRESETS),
);

/** A query string: known and unknown parameters with edgy values, or raw text. */
const search = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .array(fc.tuple(fc.oneof(fc.constantFrom(...PARAMS), fc.string({ maxLength: 6 })), value), {
        maxLength: 8,
      })
      .map(
        (pairs) => `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`,
      ),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
);

/** The state read is one the page can show; every value it took from the link is in its range. */
function expectShowable(state: UrlState): void {
  expect(findPreset(state.presetId), state.presetId).toBeDefined();
  expect(
    Number.isSafeInteger(state.seed) && state.seed >= 0 && state.seed <= MAX_SEED,
    `seed ${state.seed}`,
  ).toBe(true);
  if (state.atMs !== undefined) expect(Number.isSafeInteger(state.atMs) && state.atMs >= 0).toBe(true);
  if (state.atEvent !== undefined)
    expect(Number.isSafeInteger(state.atEvent) && state.atEvent >= 0).toBe(true);
  if (state.speed !== undefined) expect(SPEEDS as readonly number[]).toContain(state.speed);
  if (state.watchdogMs !== undefined)
    expect(state.watchdogMs > 0 && Number.isFinite(state.watchdogMs)).toBe(true);
  const loop = state.embed?.loop;
  if (loop)
    expect(Number.isSafeInteger(loop.fromMs) && loop.fromMs >= 0 && loop.fromMs < loop.toMs).toBe(true);
  const view = state.view;
  if (view.mode === 'compare') {
    expect(view.presetIds.length).toBeGreaterThanOrEqual(MIN_PANES);
    expect(view.presetIds.length).toBeLessThanOrEqual(MAX_PANES);
    for (const id of view.presetIds)
      expect(findPreset(id) !== undefined || (id === CUSTOM_PANE && state.customLink !== undefined), id).toBe(
        true,
      );
  }
  if (view.mode === 'fork') {
    expect(Number.isSafeInteger(view.atMs) && view.atMs >= 0).toBe(true);
    expect(view.changes.length).toBeGreaterThan(0);
    for (const c of view.changes) expect(c.path.length).toBeGreaterThan(0);
  }
  if (view.mode === 'tour') expect(Number.isSafeInteger(view.step) && view.step >= 1).toBe(true);
  for (const n of state.notices) expect(n.trim().length).toBeGreaterThan(0);
}

/** A parameter the state did not take from the link has a notice that names it. */
function expectRefusalsNamed(params: URLSearchParams, state: UrlState): void {
  const noticed = (pattern: RegExp) => state.notices.some((n) => pattern.test(n));
  const scenario = params.get('scenario');
  if (scenario !== null && state.presetId !== scenario) expect(noticed(/preset/), 'scenario').toBe(true);
  const seed = params.get('seed');
  if (seed !== null && String(state.seed) !== seed.trim().replace(/^0+(?=\d)/, ''))
    expect(noticed(/seed/), `seed=${seed}`).toBe(true);
  if (params.get('t') !== null && state.atMs === undefined) expect(noticed(/time/), 't').toBe(true);
  if (params.get('speed') !== null && state.speed === undefined) expect(noticed(/speed/), 'speed').toBe(true);
  if (params.get('embed') === '1' && params.get('loop') !== null && !state.embed?.loop)
    expect(noticed(/loop/), 'loop').toBe(true);
  const view = params.has('compare') ? 'compare' : params.has('fork') ? 'fork' : undefined;
  if (view && state.view.mode !== view) expect(noticed(/comparison|fork|preset/), view).toBe(true);
}

describe('fuzz: reading the address bar', () => {
  it(
    `fuzz (seed ${fuzzSeed(61)}): arbitrary query strings never make readUrlState throw; what it reads is showable and refusals are named`,
    () => {
      fc.assert(
        fc.property(search, (text) => {
          const state = readUrlState(text);
          expectShowable(state);
          expectRefusalsNamed(new URLSearchParams(text), state);
        }),
        fuzzParams(61, 500),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    `fuzz (seed ${fuzzSeed(62)}): a fork read from a link applies to its preset or names the setting that cannot be changed`,
    () => {
      const forkLink = fc
        .tuple(
          fc.constantFrom(...PRESETS),
          fc.array(
            fc.oneof(
              fc.constantFrom(...EDGY_VALUES.filter((v) => v.includes('='))),
              fc
                .tuple(
                  fc.constantFrom(
                    'function.Timeout',
                    'function.MemorySize',
                    'sources.0.id',
                    'sources[0].type',
                    'simulation.untilSeconds',
                    'seed',
                    'x.y',
                    'sources.0.requests.5',
                  ),
                  fc.oneof(
                    fc.constantFrom('1', '-1', '1e999', 'null', '"x"', '{}', '[]', 'NaN'),
                    fc.jsonValue({ maxDepth: 1 }).map((v) => JSON.stringify(v)),
                  ),
                )
                .map(([p, v]) => `${p}=${v}`),
            ),
            { minLength: 1, maxLength: 3 },
          ),
        )
        .map(
          ([id, sets]) =>
            `?scenario=${id}&fork=1000${sets.map((s) => `&set=${encodeURIComponent(s)}`).join('')}`,
        );
      fc.assert(
        fc.property(forkLink, (text) => {
          const state = readUrlState(text);
          expectShowable(state);
          if (state.view.mode !== 'fork') return;
          const base = getPreset(state.presetId)!;
          const result = changeScenario(base, state.view.changes, state.view.atMs);
          if (result.ok) expect(validateScenario(result.scenario).ok).toBe(true);
          else
            for (const issue of result.issues) {
              expect(issue.path.trim().length, issue.message).toBeGreaterThan(0);
              expect(issue.message.trim().length, issue.path).toBeGreaterThan(0);
            }
        }),
        fuzzParams(62, 300),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    `fuzz (seed ${fuzzSeed(63)}): a share link cut short, altered or re-encoded never makes readInitialState throw; it is read or refused with a notice`,
    async () => {
      const links = new Map<string, string>();
      for (const id of ['default', 'sqs-fifo-group-blocking', 'kinesis-bisect'])
        links.set(id, await encodeJson({ title: id, origin: 'fuzz', scenario: rawPreset(id) }));
      const damage = fc.oneof(
        fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
        fc.record({
          kind: fc.constant('flip' as const),
          at: fc.nat(),
          char: fc.constantFrom(...'AZaz09-_+/=.~%'),
        }),
        fc.record({ kind: fc.constant('append' as const), text: fc.string({ maxLength: 8 }) }),
        fc.record({ kind: fc.constant('json' as const), value: fc.jsonValue({ maxDepth: 3 }) }),
        fc.record({
          kind: fc.constant('envelope' as const),
          title: fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 1 })),
          scenario: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(rawPreset('default'))),
        }),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...links.keys()),
          damage,
          fc.constantFrom('', '&t=-5', '&seed=NaN', '&compare=custom,default'),
          async (id, d, extra) => {
            const link = links.get(id)!;
            let custom: string;
            if (d.kind === 'cut') custom = link.slice(0, d.at % link.length);
            else if (d.kind === 'flip') {
              const i = d.at % link.length;
              custom = link.slice(0, i) + d.char + link.slice(i + 1);
            } else if (d.kind === 'append') custom = link + d.text;
            else if (d.kind === 'json') custom = await encodeJson(d.value);
            else custom = await encodeJson({ title: d.title, scenario: d.scenario });
            const state = await readInitialState(`?custom=${encodeURIComponent(custom)}${extra}`);
            expectShowable(state);
            if (state.custom) {
              expect(typeof state.custom.title).toBe('string');
              expect(state.custom.title.length).toBeLessThanOrEqual(200);
              // The worker validates the link's scenario like any other: an answer, never a crash.
              const result = validateScenario(state.custom.scenario);
              if (!result.ok) expectFieldPaths(result.errors, state.custom.scenario);
            } else {
              expect(
                state.notices.some((n) =>
                  /The scenario in the link cannot be read: .+ The page shows the preset instead\./.test(n),
                ),
                state.notices.join(' | '),
              ).toBe(true);
            }
          },
        ),
        fuzzParams(63, 300),
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});
