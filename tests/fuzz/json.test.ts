/**
 * Fuzzing the scenario gate (design.md "Scenarios": one schema validates everything that enters):
 * arbitrary JSON values and text, and presets with one field set to a random value, deleted, or pushed
 * out of its range. Validation never throws; a refusal names a field path and says why; an accepted
 * scenario is one the engine runs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/engine/simulation';
import { catalogFor } from '../../src/scenarios/fieldCatalog';
import { parseScenarioJson, validateScenario, type ValidationResult } from '../../src/scenarios/validate';
import { FUZZ_TIMEOUT_MS, fuzzParams, fuzzSeed } from './fuzzConfig';
import {
  PRESETS,
  expectFieldPaths,
  getAt,
  jsonPaths,
  rawPreset,
  related,
  setAt,
  type Key,
} from './fuzzHelpers';
import { formatPath } from '../../src/scenarios/validate';

/** An exception caught by the validator's last-resort handler is a bug, not an answer. */
function expectNoCaughtCrash(result: ValidationResult): void {
  if (!result.ok)
    for (const e of result.errors) expect(e.message, e.path).not.toMatch(/could not be read as a scenario/);
}

/** Runs an accepted scenario for a few thousand steps: it must start and step without throwing. */
function expectEngineAccepts(result: ValidationResult): void {
  if (!result.ok) return;
  const sim = createSimulation(result.scenario, { seed: 7 });
  for (let i = 0; i < 2000 && !sim.done(); i++) sim.step();
  expect(Number.isFinite(sim.now())).toBe(true);
}

/** The checks every answer of the gate must pass, for JSON `input`. */
function expectGoodAnswer(result: ValidationResult, input: unknown): void {
  expectNoCaughtCrash(result);
  if (result.ok) expectEngineAccepts(result);
  else expectFieldPaths(result.errors, input);
}

/** Keys a user might mistype, mixed with the schema's own, so random objects sometimes reach deep checks. */
const KEYS = [
  'id',
  'title',
  'function',
  'sources',
  'type',
  'caller',
  'requests',
  'Timeout',
  'timeout',
  'behavior',
  'simulation',
  'account',
  'messages',
  'records',
  'mapping',
  'queue',
  'stream',
];

const scenarioLike = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.jsonValue({ maxDepth: 2 }),
    tie('object'),
    fc.array(tie('value'), { maxLength: 3 }),
  ),
  object: fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string()), tie('value'), { maxKeys: 6 }),
}));

describe('fuzz: the scenario gate', () => {
  it(
    `fuzz (seed ${fuzzSeed(42)}): arbitrary JSON never makes validation throw; refusals name field paths`,
    () => {
      fc.assert(
        fc.property(fc.oneof(fc.jsonValue(), scenarioLike.object), (input) => {
          const before = structuredClone(input);
          expectGoodAnswer(validateScenario(input), input);
          // Nothing the user typed is lost or changed by validation (design.md "Scenarios").
          expect(input).toEqual(before);
        }),
        fuzzParams(42, 300),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    `fuzz (seed ${fuzzSeed(43)}): arbitrary JavaScript values (maps, sparse arrays, bigints, null prototypes) never make validation throw`,
    () => {
      const anything = fc.anything({
        withBigInt: true,
        withMap: true,
        withSet: true,
        withDate: true,
        withTypedArray: true,
        withSparseArray: true,
        withNullPrototype: true,
        withBoxedValues: true,
        withObjectString: true,
      });
      fc.assert(
        fc.property(anything, (input) => {
          const result = validateScenario(input);
          expectNoCaughtCrash(result);
          if (!result.ok) for (const e of result.errors) expect(e.path.length).toBeGreaterThan(0);
        }),
        fuzzParams(43, 200),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    `fuzz (seed ${fuzzSeed(44)}): arbitrary text, JSON text and damaged preset text never make parseScenarioJson throw`,
    () => {
      const damaged = fc
        .tuple(fc.constantFrom(...PRESETS), fc.nat(), fc.string({ maxLength: 3 }), fc.nat({ max: 5 }))
        .map(([id, at, insert, cut]) => {
          const text = JSON.stringify(rawPreset(id), null, 2);
          const i = at % (text.length + 1);
          return text.slice(0, i) + insert + text.slice(i + cut);
        });
      const text = fc.oneof(
        fc.string({ unit: 'binary' }),
        fc.json(),
        damaged,
        fc.constantFrom('', ' ', '\uFEFF', '\uFEFF{}', '1e999', '[1e999]', '{"__proto__":{}}', 'null'),
      );
      fc.assert(
        fc.property(text, (t) => {
          const result = parseScenarioJson(t);
          let parsed: unknown;
          try {
            parsed = JSON.parse(t.charCodeAt(0) === 0xfeff ? t.slice(1) : t);
          } catch {
            // Not JSON: the one error is about the text, with a line and column when it can be found.
            expect(result.ok).toBe(false);
            if (!result.ok) {
              expect(result.errors.map((e) => e.path)).toEqual(['(json)']);
              expect(result.errors[0]!.message).toMatch(/^not valid JSON/);
            }
            return;
          }
          expectGoodAnswer(result, parsed);
        }),
        fuzzParams(44, 300),
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});

// --- Mutations of presets: reach the deep checks ---------------------------------------------------

/** Fields whose value may be anything (the handler's payloads and return values). */
const FREE_FIELDS = new Set(['payload', 'returns']);

const jsonType = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

interface Mutation {
  id: string;
  path: Key[];
  kind: 'set' | 'delete' | 'retype';
  value?: unknown;
}

/** Another JSON value of a different JSON type than `original`. */
function otherType(original: unknown, pick: number): unknown {
  const candidates = ['text', 17, -3.5, true, null, [], {}, [1, 'a'], { x: 1 }];
  const others = candidates.filter((c) => jsonType(c) !== jsonType(original));
  return others[pick % others.length];
}

const mutation: fc.Arbitrary<Mutation> = fc
  .tuple(
    fc.constantFrom(...PRESETS),
    fc.nat(),
    fc.constantFrom('set', 'delete', 'retype'),
    fc.jsonValue({ maxDepth: 2 }),
    fc.nat(),
  )
  .map(([id, pick, kind, value, typePick]) => {
    const paths = jsonPaths(rawPreset(id));
    const path = paths[pick % paths.length]!;
    if (kind === 'retype') return { id, path, kind, value: otherType(getAt(rawPreset(id), path), typePick) };
    return kind === 'set' ? { id, path, kind, value } : { id, path, kind };
  });

function apply(m: Mutation): Record<string, unknown> {
  const scenario = rawPreset(m.id);
  setAt(scenario, m.path, m.value, m.kind === 'delete');
  return scenario;
}

describe('fuzz: presets with one field changed', () => {
  it(
    `fuzz (seed ${fuzzSeed(51)}): a preset with a field set to a random value, deleted or retyped is answered with field paths; a retyped field is named`,
    () => {
      fc.assert(
        fc.property(mutation, (m) => {
          const input = apply(m);
          const before = structuredClone(input);
          expectGoodAnswer(validateScenario(input), input);
          expect(input, 'validation changed its input').toEqual(before);
          // Through the text entry point too: what the editor and the CLI read.
          const result = parseScenarioJson(JSON.stringify(input));
          expectGoodAnswer(result, input);
          if (m.kind !== 'retype' || m.path.some((k) => FREE_FIELDS.has(String(k)))) return;
          // A value of the wrong type is refused, and an error names the field or what holds it.
          const at = formatPath(m.path);
          expect(result.ok, `${m.id}: ${at} = ${JSON.stringify(m.value)} accepted`).toBe(false);
          if (!result.ok)
            expect(
              result.errors.some((e) => related(e.path, at)),
              `${m.id}: ${at} = ${JSON.stringify(m.value)}; errors at ${result.errors.map((e) => e.path).join(', ')}`,
            ).toBe(true);
        }),
        fuzzParams(51, 250),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    `fuzz (seed ${fuzzSeed(52)}): a number just outside its range (min − 1, max + 1, a fraction for a whole number, 1e999) is refused at exactly its path`,
    () => {
      const outOfRange = fc
        .tuple(fc.constantFrom(...PRESETS), fc.nat(), fc.constantFrom('below', 'above', 'fraction', 'huge'))
        .map(([id, pick, how]) => {
          const scenario = rawPreset(id);
          const fields = catalogFor(scenario)
            .flatMap((s) => s.fields)
            .filter((f) => f.kind === 'integer' || f.kind === 'number');
          const field = fields[pick % fields.length]!;
          const value =
            how === 'below' && field.min !== undefined
              ? field.min - 1
              : how === 'above' && field.max !== undefined
                ? field.max + 1
                : how === 'fraction' && field.kind === 'integer'
                  ? (field.min ?? 0) + 0.5
                  : Infinity;
          return { id, field, value };
        })
        .filter(({ field, value }) => value !== field.sentinel?.value);
      fc.assert(
        fc.property(outOfRange, ({ id, field, value }) => {
          const input = rawPreset(id);
          const keys = field.path.replace(/\[(\d+)\]/g, '.$1').split('.');
          const path = keys.map((k) => (/^\d+$/.test(k) ? Number(k) : k));
          // Create missing parents: an optional object the preset leaves out.
          for (let i = 1; i < path.length; i++)
            if (getAt(input, path.slice(0, i)) === undefined) setAt(input, path.slice(0, i), {});
          setAt(input, path, value);
          // Infinity is what JSON text `1e999` parses to; the text entry point sees the same value.
          const text = JSON.stringify(input, (_k, v: unknown) => (v === Infinity ? '__INF__' : v)).replace(
            '"__INF__"',
            '1e999',
          );
          const result = parseScenarioJson(text);
          expectNoCaughtCrash(result);
          expect(result.ok, `${id}: ${field.path} = ${value} accepted`).toBe(false);
          if (!result.ok) {
            expectFieldPaths(result.errors, input);
            expect(
              result.errors.map((e) => e.path),
              `${id}: ${field.path} = ${value}: ${JSON.stringify(result.errors)}`,
            ).toContain(field.path);
          }
        }),
        fuzzParams(52, 250),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    `fuzz (seed ${fuzzSeed(53)}): a number set to a huge value (beyond the years a Date holds) is refused at its path, or the engine runs it`,
    () => {
      const huge = fc
        .tuple(
          fc.constantFrom(...PRESETS),
          fc.nat(),
          fc.constantFrom(1e300, Number.MAX_SAFE_INTEGER, 8.64e15, 1e13, 1e9 + 0.5),
        )
        .map(([id, pick, value]) => {
          const scenario = rawPreset(id);
          const numeric = jsonPaths(scenario).filter(
            (p) => typeof getAt(scenario, p) === 'number' && !p.some((k) => FREE_FIELDS.has(String(k))),
          );
          return { id, path: numeric[pick % numeric.length]!, value };
        });
      fc.assert(
        fc.property(huge, ({ id, path, value }) => {
          const input = rawPreset(id);
          setAt(input, path, value);
          const result = validateScenario(input);
          expectGoodAnswer(result, input);
          if (!result.ok)
            expect(
              result.errors.some((e) => related(e.path, formatPath(path))),
              `${id}: ${formatPath(path)} = ${value}: ${JSON.stringify(result.errors)}`,
            ).toBe(true);
        }),
        fuzzParams(53, 250),
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});
