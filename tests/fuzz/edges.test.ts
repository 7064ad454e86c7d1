/**
 * Valid scenarios at the edges of every range: each preset, its workload cut to a few items, with the
 * settings the editor's field catalog lists (ranges read from the schema and the cross-field rules) set to
 * their minimum, minimum + 1, maximum − 1, maximum, sentinel or typical value, one by one, each kept only
 * when the scenario stays valid. The engine runs every one without throwing, and the run invariants hold
 * (tests/helpers/invariants.ts): a well-formed log, nothing lost, order per FIFO group and per partition
 * key, and the same seed gives the same run.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Results } from '../../src/engine/results';
import { createSimulation } from '../../src/engine/simulation';
import { catalogFor, type FieldDescriptor } from '../../src/scenarios/fieldCatalog';
import type { Scenario } from '../../src/scenarios/schema';
import { MAX_SIMULATED_MS } from '../../src/scenarios/timeBounds';
import { validateScenario } from '../../src/scenarios/validate';
import {
  expectFifoGroupOrder,
  expectNothingLost,
  expectPartitionKeyOrder,
  expectWellFormedLog,
  fifoVisibilityCoversInvocations,
} from '../helpers/invariants';
import type { Run } from '../helpers/scenario';
import { FUZZ_TIMEOUT_MS, fuzzParams, fuzzSeed } from './fuzzConfig';
import { PRESETS, getAt, rawPreset, setAt, type Key } from './fuzzHelpers';

/** Items per workload entry and entries per source: enough for order and batching, small enough for speed. */
const MAX_COUNT = 3;
const MAX_ENTRIES = 3;
/** Steps a run without `untilSeconds` may take before it is cut (a run of a few items needs far fewer). */
const STEP_BUDGET = 3_000;
/**
 * Settings whose maximum multiplies the engine's work per simulated second without adding anything to
 * check (a million pre-initialised environments, 500 shards polled every second): capped here.
 */
const WORK_CAPS: Record<string, number> = {
  ProvisionedConcurrentExecutions: 50,
  ShardCount: 40,
};

function toKeys(path: string): Key[] {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .map((k) => (/^\d+$/.test(k) ? Number(k) : k));
}

/** The candidate values of a numeric setting: its edges, its sentinel, and its current or default value. */
function edgesOf(field: FieldDescriptor, current: unknown): number[] {
  const cap = WORK_CAPS[field.name.split('.').pop()!];
  const max = field.max === undefined ? undefined : cap === undefined ? field.max : Math.min(field.max, cap);
  const values: number[] = [];
  if (field.min !== undefined) values.push(field.min, field.min + 1);
  if (max !== undefined) values.push(max - 1, max);
  if (field.sentinel) values.push(field.sentinel.value);
  if (typeof current === 'number') values.push(current);
  else if (typeof field.default === 'number') values.push(field.default);
  return values.filter((v) => Number.isFinite(v));
}

/** Sets a value, creating missing parent objects; returns a function that undoes it. */
function trySet(draft: Record<string, unknown>, keys: Key[], value: unknown): () => void {
  const snapshot = structuredClone(draft);
  for (let i = 1; i < keys.length; i++)
    if (getAt(draft, keys.slice(0, i)) === undefined) setAt(draft, keys.slice(0, i), {});
  setAt(draft, keys, value);
  return () => {
    for (const key of Object.keys(draft)) delete draft[key];
    Object.assign(draft, snapshot);
  };
}

/** Keeps the change only when the scenario is still valid. */
function setIfValid(draft: Record<string, unknown>, keys: Key[], value: unknown): void {
  const undo = trySet(draft, keys, value);
  if (!validateScenario(draft).ok) undo();
}

/**
 * The workload of each source cut to a few items, each entry's numbers at an edge; with `keepEntries`,
 * every entry stays (a rule may name them) and only the counts are cut.
 */
function smallWorkload(draft: Record<string, unknown>, pick: () => number, keepEntries = false): void {
  const sources = draft.sources as Array<Record<string, unknown>>;
  for (const source of sources) {
    const key =
      source.type === 'sqs'
        ? 'messages'
        : source.type === 'kinesis' || source.type === 'dynamodb'
          ? 'records'
          : 'requests';
    const all = source[key] as Array<Record<string, unknown>>;
    const entries = keepEntries ? all : all.slice(0, MAX_ENTRIES);
    for (const entry of entries) {
      if (keepEntries) {
        entry.count = Math.min(Number(entry.count ?? 1), MAX_COUNT);
        continue;
      }
      entry.count = [1, 2, MAX_COUNT, Math.min(Number(entry.count ?? 1), MAX_COUNT)][pick() % 4];
      if (pick() % 3 === 0) entry.atMs = [0, 1, 999, MAX_SIMULATED_MS][pick() % 4];
      if (pick() % 3 === 0) entry.everyMs = [0, 1, 1000][pick() % 3];
      if (pick() % 4 === 0)
        entry.payloadSizeBytes = [0, 1, 262_144, 1_048_576, 1_048_577, 6_291_456][pick() % 6];
      // The last moment the gate accepts leaves no room for a second item after it.
      if (entry.atMs === MAX_SIMULATED_MS) entry.everyMs = 0;
    }
    source[key] = entries;
  }
}

/** Simulation-only settings with ranges the catalog does not list (the handler's behaviour, the run). */
const BEHAVIOUR_EDGES: Array<[string, unknown[]]> = [
  ['function.behavior.environmentIdleSeconds', [1, 2, 86_399, 86_400]],
  [
    'function.behavior.duration',
    [
      { distribution: 'fixed', ms: 0 },
      { distribution: 'fixed', ms: 1 },
      { distribution: 'uniform', minMs: 0, maxMs: 0 },
      { distribution: 'lognormal', medianMs: 1, sigma: 5 },
      { distribution: 'lognormal', medianMs: 50, sigma: 0 },
    ],
  ],
  [
    'function.behavior.initDuration',
    [
      { distribution: 'fixed', ms: 0 },
      { distribution: 'uniform', minMs: 0, maxMs: 2000 },
      // The longest median the gate accepts, with the widest spread: a tail far past the last date.
      { distribution: 'lognormal', medianMs: MAX_SIMULATED_MS, sigma: 5 },
    ],
  ],
  ['function.behavior.responseSizeBytes', [0, 1_048_576, 6_291_456, 6_291_457]],
  ['simulation.asyncDuplicateProbability', [0, 1]],
  ['simulation.asyncQueueDelay', [{ distribution: 'fixed', ms: 0 }]],
  ['account.ConcurrentExecutions', [10, 11, 1000, 999_999, 1_000_000]],
];

interface Edgy {
  presetId: string;
  scenario: Scenario;
  seed: number;
}

const edgyScenario: fc.Arbitrary<Edgy> = fc
  .record({
    presetId: fc.constantFrom(...PRESETS),
    picks: fc.array(fc.nat(), { minLength: 64, maxLength: 64 }),
    until: fc.constantFrom(undefined, undefined, 0.001, 1, 30, 120),
    seed: fc.constantFrom(0, 1, 0xffffffff, 12345),
  })
  .map(({ presetId, picks, until, seed }) => {
    let next = 0;
    const pick = () => picks[next++ % picks.length]!;
    const draft = rawPreset(presetId);
    smallWorkload(draft, pick);
    const simulation = (draft.simulation ?? {}) as Record<string, unknown>;
    delete simulation.untilSeconds;
    if (until !== undefined) simulation.untilSeconds = until;
    draft.simulation = simulation;
    // The small workload may break a rule that names items (a rule's `items`): such a preset is kept whole.
    if (!validateScenario(draft).ok) {
      Object.assign(draft, rawPreset(presetId), { simulation });
      smallWorkload(draft, pick, true);
    }
    for (const [path, values] of BEHAVIOUR_EDGES)
      if (pick() % 3 === 0) setIfValid(draft, toKeys(path), values[pick() % values.length]);
    // Ranges are read once from the draft so far (reserved concurrency against its account, FIFO batch
    // sizes); a value another change has since made invalid is not kept.
    for (const field of catalogFor(draft).flatMap((s) => s.fields)) {
      if (field.kind !== 'integer' && field.kind !== 'number') continue;
      const keys = toKeys(field.path);
      const values = edgesOf(field, getAt(draft, keys));
      if (values.length > 0 && pick() % 4 !== 0) setIfValid(draft, keys, values[pick() % values.length]);
    }
    const result = validateScenario(draft);
    if (!result.ok) throw new Error(`${presetId}: ${JSON.stringify(result.errors)}`);
    return { presetId, scenario: result.scenario, seed };
  });

/** Runs to the end, or to `untilSeconds`; without it, a run is cut after STEP_BUDGET steps. */
function runEdgy(s: Scenario, seed: number): { run: Run; results: Results; finished: boolean } {
  const sim = createSimulation(s, { seed });
  let steps = 0;
  if (s.simulation.untilSeconds !== undefined) sim.run();
  else while (!sim.done() && steps++ < STEP_BUDGET) sim.step();
  const results = sim.results({ trace: true });
  return { run: { ...results, log: results.log ?? [], sim }, results, finished: sim.done() };
}

describe('fuzz: valid scenarios at the edges of every range', () => {
  it(
    `fuzz (seed ${fuzzSeed(81)}): the engine runs them without throwing; the log is well formed, nothing is lost, order holds per FIFO group and partition key, and the same seed gives the same run`,
    () => {
      fc.assert(
        fc.property(edgyScenario, ({ presetId, scenario, seed }) => {
          const { run, results, finished } = runEdgy(scenario, seed);
          expectWellFormedLog(run.log);
          if (finished) expectNothingLost(run, scenario);
          const partial = scenario.function.behavior.rules.some((r) => r.result === 'partial');
          if (fifoVisibilityCoversInvocations(scenario)) expectFifoGroupOrder(run, { inSendOrder: !partial });
          expectPartitionKeyOrder(run, scenario);
          const again = runEdgy(scenario, seed);
          expect(again.results, `${presetId}: same seed, another run`).toEqual(results);
        }),
        fuzzParams(81, 120),
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});
