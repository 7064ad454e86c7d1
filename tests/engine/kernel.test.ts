import { describe, expect, it } from 'vitest';
import { sampleMs } from '../../src/engine/kernel/distributions';
import { heapPeek, heapPop, heapPush, type Scheduled } from '../../src/engine/kernel/eventQueue';
import { createRandom, nextFloat, nextNormal, nextUint32 } from '../../src/engine/kernel/random';
import { run, scenario } from '../helpers/scenario';

type Entry = Scheduled & { name: string };

function drain(heap: Entry[]): Entry[] {
  const out: Entry[] = [];
  for (let e = heapPop(heap); e; e = heapPop(heap)) out.push(e);
  return out;
}

/** A deterministic shuffle (no Math.random in tests either: failures must reproduce). */
function shuffled<T>(xs: T[], seed: number): T[] {
  const rng = createRandom(seed);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(nextFloat(rng, 'shuffle') * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('kernel: event queue', () => {
  it('design "The engine" pops entries by time first', () => {
    const heap: Entry[] = [];
    for (const [t, name] of [
      [30, 'c'],
      [10, 'a'],
      [50, 'e'],
      [20, 'b'],
      [40, 'd'],
    ] as const) {
      heapPush(heap, { t, pri: 0, seq: t, name });
    }
    expect(heapPeek(heap)?.name).toBe('a');
    expect(drain(heap).map((e) => e.name)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('design "The engine" breaks time ties by priority, then by seq, whatever the insertion order', () => {
    const entries: Entry[] = [
      { t: 5, pri: 2, seq: 0, name: 't5-p2-s0' },
      { t: 5, pri: 0, seq: 3, name: 't5-p0-s3' },
      { t: 5, pri: 0, seq: 1, name: 't5-p0-s1' },
      { t: 5, pri: 1, seq: 2, name: 't5-p1-s2' },
      { t: 1, pri: 9, seq: 9, name: 't1-p9-s9' },
      { t: 5, pri: 0, seq: 2, name: 't5-p0-s2' },
      { t: 7, pri: 0, seq: 0, name: 't7-p0-s0' },
    ];
    const expected = ['t1-p9-s9', 't5-p0-s1', 't5-p0-s2', 't5-p0-s3', 't5-p1-s2', 't5-p2-s0', 't7-p0-s0'];
    for (let seed = 1; seed <= 20; seed++) {
      const heap: Entry[] = [];
      for (const e of shuffled(entries, seed)) heapPush(heap, e);
      expect(drain(heap).map((e) => e.name)).toEqual(expected);
    }
  });

  it('design "The engine" keeps heap order over many random pushes and interleaved pops', () => {
    const rng = createRandom(42);
    const heap: Entry[] = [];
    const popped: Entry[] = [];
    let seq = 0;
    for (let i = 0; i < 2000; i++) {
      heapPush(heap, {
        t: Math.floor(nextFloat(rng, 't') * 50),
        pri: nextUint32(rng, 'p') % 3,
        seq: seq++,
        name: '',
      });
      if (i % 3 === 0) popped.push(heapPop(heap)!);
    }
    // Popped-so-far entries were each the minimum at their time; the remainder drains sorted.
    const rest = drain(heap);
    for (let i = 1; i < rest.length; i++) {
      const a = rest[i - 1]!;
      const b = rest[i]!;
      expect(a.t < b.t || (a.t === b.t && (a.pri < b.pri || (a.pri === b.pri && a.seq < b.seq)))).toBe(true);
    }
    expect(popped.length + rest.length).toBe(2000);
    expect(heapPop(heap)).toBeUndefined();
  });
});

describe('kernel: seeded random streams', () => {
  it('design "The engine" the same seed gives the same numbers; another seed gives others', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const c = createRandom(8);
    const xs = Array.from({ length: 10 }, () => nextFloat(a, 's'));
    const ys = Array.from({ length: 10 }, () => nextFloat(b, 's'));
    const zs = Array.from({ length: 10 }, () => nextFloat(c, 's'));
    expect(xs).toEqual(ys);
    expect(xs).not.toEqual(zs);
    for (const x of xs) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it('design "The engine" drawing from one stream does not change another stream\'s sequence', () => {
    const alone = createRandom(123);
    const mixed = createRandom(123);
    const expected = Array.from({ length: 20 }, () => nextFloat(alone, 'behavior.duration'));
    const actual: number[] = [];
    for (let i = 0; i < 20; i++) {
      for (let k = 0; k < i % 4; k++) nextFloat(mixed, 'ids');
      nextNormal(mixed, 'async.queue-delay');
      actual.push(nextFloat(mixed, 'behavior.duration'));
    }
    expect(actual).toEqual(expected);
    // The streams are really different sequences.
    const other = createRandom(123);
    expect(Array.from({ length: 20 }, () => nextFloat(other, 'ids'))).not.toEqual(expected);
  });

  it('design "The engine" the random state is plain data: a copy continues identically', () => {
    const rng = createRandom(5);
    nextFloat(rng, 'a');
    nextFloat(rng, 'b');
    const copy = structuredClone(rng);
    expect(Array.from({ length: 5 }, () => nextFloat(copy, 'a'))).toEqual(
      Array.from({ length: 5 }, () => nextFloat(rng, 'a')),
    );
  });

  it('design "The engine" the ids stream does not shift durations: adding requests keeps earlier durations', () => {
    // Durations come from their own stream, so request ids drawn for more items do not change them.
    const base = {
      function: { behavior: { duration: { distribution: 'uniform' as const, minMs: 10, maxMs: 1000 } } },
    };
    const one = run(
      scenario({
        ...base,
        sources: [{ type: 'sync', id: 'c', caller: 'direct', requests: [{ id: 'a', atMs: 0 }] }],
      }),
      9,
    );
    const two = run(
      scenario({
        ...base,
        sources: [
          // Arrives first, drawing a request id and a queue delay before `a` draws its duration.
          { type: 'async', id: 'x', caller: 'direct', requests: [{ id: 'b', atMs: 0 }] },
          { type: 'sync', id: 'c', caller: 'direct', requests: [{ id: 'a', atMs: 0 }] },
        ],
      }),
      9,
    );
    const durationOf = (r: typeof one) => r.invocations.find((i) => i.items.includes('a'))!.billedMs;
    expect(durationOf(two)).toBe(durationOf(one));
  });
});

describe('kernel: distributions', () => {
  it('design "Scenarios" fixed durations are exact whole milliseconds', () => {
    const rng = createRandom(1);
    expect(sampleMs({ distribution: 'fixed', ms: 250 }, rng, 'd')).toBe(250);
    expect(sampleMs({ distribution: 'fixed', ms: 0 }, rng, 'd')).toBe(0);
  });

  it('design "Scenarios" uniform durations stay within [min, max] and average to the midpoint', () => {
    const rng = createRandom(2);
    const xs = Array.from({ length: 20_000 }, () =>
      sampleMs({ distribution: 'uniform', minMs: 100, maxMs: 300 }, rng, 'd'),
    );
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...xs)).toBeLessThanOrEqual(300);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(Math.abs(mean - 200)).toBeLessThan(4);
    expect(xs.every(Number.isInteger)).toBe(true);
  });

  it('design "Scenarios" a lognormal sample\'s median is the configured median within a few %', () => {
    const rng = createRandom(3);
    const xs = Array.from({ length: 20_001 }, () =>
      sampleMs({ distribution: 'lognormal', medianMs: 400, sigma: 0.8 }, rng, 'd'),
    ).sort((a, b) => a - b);
    const median = xs[10_000]!;
    expect(Math.abs(median - 400) / 400).toBeLessThan(0.03);
    // And it is skewed: the mean is above the median (exp(σ²/2) ≈ 1.38 for σ = 0.8).
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean / 400).toBeGreaterThan(1.3);
    expect(mean / 400).toBeLessThan(1.46);
    expect(xs[0]!).toBeGreaterThanOrEqual(0);
  });

  it('design "Scenarios" a lognormal with sigma 0 is the median itself', () => {
    const rng = createRandom(4);
    for (let i = 0; i < 10; i++)
      expect(sampleMs({ distribution: 'lognormal', medianMs: 123, sigma: 0 }, rng, 'd')).toBe(123);
  });
});
