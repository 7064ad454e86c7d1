/**
 * Golden logs (design.md "Tests"): every preset, run with its default seed, must reproduce the stored
 * results and event log exactly. `npm run golden:update` (UPDATE_GOLDEN=1) rewrites the files; review the
 * diff before committing it. Large runs store hashes of the log (and of items and invocations) instead of
 * the data itself, to keep the files small.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/engine/simulation';
import { getPreset, PRESET_IDS } from '../../src/scenarios/presets';

const DIR = fileURLToPath(new URL('.', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';
/** Above this many log events a golden file stores hashes instead of the log, items and invocations. */
const LARGE_LOG = 2000;

function sha256(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

function countBy<T>(xs: T[], key: (x: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return out;
}

/** What the golden file holds for one preset: the plain-JSON results, compacted when large. */
function golden(id: string): unknown {
  const sim = createSimulation(getPreset(id)!);
  sim.run();
  const results = JSON.parse(JSON.stringify(sim.results({ trace: true }))) as Record<string, unknown> & {
    log: unknown[];
    items: Array<{ outcome: string }>;
    invocations: Array<{ result: string }>;
  };
  if (results.log.length <= LARGE_LOG) return results;
  const { log, items, invocations, ...rest } = results;
  return {
    ...rest,
    logLength: log.length,
    logSha256: sha256(log),
    logHead: log.slice(0, 5),
    itemCount: items.length,
    itemsSha256: sha256(items),
    itemOutcomes: countBy(items, (i) => i.outcome),
    itemsHead: items.slice(0, 2),
    invocationCount: invocations.length,
    invocationsSha256: sha256(invocations),
    invocationResults: countBy(invocations, (i) => i.result),
    invocationsHead: invocations.slice(0, 2),
  };
}

describe('golden logs', () => {
  for (const id of PRESET_IDS) {
    // Workload-sized presets (100,000 messages) take a few seconds.
    it(
      `design "Tests" golden ${id}: results and log match tests/golden/${id}.json`,
      { timeout: 30_000 },
      () => {
        const file = `${DIR}${id}.json`;
        const actual = golden(id);
        if (UPDATE) writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
        expect(existsSync(file), `${file} is missing: run \`npm run golden:update\``).toBe(true);
        const expected: unknown = JSON.parse(readFileSync(file, 'utf8'));
        expect(actual).toEqual(expected);
      },
    );
  }

  it('design "Tests" golden: a second run of a preset gives an identical log (no hidden state between runs)', () => {
    expect(golden('default')).toEqual(golden('default'));
  });
});
