/**
 * Seeded randomness with one named stream per source of chance, so adding a new random source does not
 * change the numbers any other source draws. Each stream's state is a single uint32 (mulberry32), which
 * keeps the engine state plain, cloneable data: a checkpoint is just a copy of these numbers.
 */
export type RandomState = { seed: number; streams: Record<string, number> };

/** Creates the random state for a run. */
export function createRandom(seed: number): RandomState {
  return { seed: seed >>> 0, streams: {} };
}

function hashName(seed: number, name: string): number {
  // FNV-1a over the name, mixed with the seed.
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The next uint32 of the named stream (mulberry32). */
function nextRaw(rng: RandomState, stream: string): number {
  let s = rng.streams[stream] ?? hashName(rng.seed, stream);
  s = (s + 0x6d2b79f5) >>> 0;
  rng.streams[stream] = s;
  let z = s;
  z = Math.imul(z ^ (z >>> 15), z | 1);
  z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
  return (z ^ (z >>> 14)) >>> 0;
}

/** A uniform number in [0, 1) from the named stream. */
export function nextFloat(rng: RandomState, stream: string): number {
  return nextRaw(rng, stream) / 4294967296;
}

/** A standard normal deviate (Box–Muller) from the named stream. */
export function nextNormal(rng: RandomState, stream: string): number {
  const u1 = nextFloat(rng, stream) || Number.MIN_VALUE;
  const u2 = nextFloat(rng, stream);
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** A 32-bit unsigned integer from the named stream. */
export function nextUint32(rng: RandomState, stream: string): number {
  // The same number as Math.floor(nextFloat() * 2 ** 32): dividing by 2 ** 32 and multiplying back is exact.
  return nextRaw(rng, stream);
}
