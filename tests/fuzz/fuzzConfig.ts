/**
 * Seeds and run counts of the fuzz tests. Each property has a fixed seed, written in its test name, so
 * a failure reproduces; `FUZZ_SEED=<n>` runs every property with another seed and `FUZZ_RUNS=<n>` with
 * another number of runs (see docs/fuzzing.md).
 */

function fromEnv(name: string): number | undefined {
  const text = process.env[name];
  if (text === undefined || text.trim() === '') return undefined;
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${name}=${text} is not a whole number ≥ 0`);
  return n;
}

const SEED_OVERRIDE = fromEnv('FUZZ_SEED');
const RUNS_OVERRIDE = fromEnv('FUZZ_RUNS');

/** The seed of a property: its fixed one, or FUZZ_SEED when set. */
export function fuzzSeed(fixed: number): number {
  return SEED_OVERRIDE ?? fixed;
}

/** The number of runs of a property: its own, or FUZZ_RUNS when set. */
export function fuzzRuns(fixed: number): number {
  return RUNS_OVERRIDE ?? fixed;
}

/** fast-check parameters for a property with this fixed seed and run count. */
export function fuzzParams(seed: number, runs: number): { seed: number; numRuns: number } {
  return { seed: fuzzSeed(seed), numRuns: fuzzRuns(runs) };
}

/**
 * Time a fuzz test may take: hundreds of runs on a busy 2-core machine can pass vitest's 30 s default,
 * and more still with FUZZ_RUNS raised.
 */
export const FUZZ_TIMEOUT_MS = 180_000;
