/**
 * The agenda (src/engine/agenda.ts) keeps SQS message timers and environment reaps in first-in-first-out
 * lanes beside the heap. Whatever is scheduled, in whatever order, it must pop entries in exactly the
 * (t, pri, seq) order one heap would: the log's order, and so every golden log, depends on it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agendaPeekTime, agendaPop, agendaPush, agendaSize, createAgenda } from '../../src/engine/agenda';
import { heapPop, heapPush } from '../../src/engine/kernel/eventQueue';
import type { AgendaEntry } from '../../src/engine/types';

type Op = { pop: true } | { pop: false; kind: 0 | 1 | 2; dt: number; pri: number };

const items = Array.from({ length: 8 }, (_, i) => ({ id: `m-${i}` }));

function entry(op: Extract<Op, { pop: false }>, t: number, seq: number): AgendaEntry {
  const { pri } = op;
  if (op.kind === 0) return { kind: 'invoke-end', invocation: `inv-${seq}`, t, pri, seq };
  if (op.kind === 1) return { kind: 'env-reap', env: `env-${seq}`, token: seq, t, pri, seq };
  const i = seq % items.length;
  return {
    kind: 'sqs',
    action: seq % 3 ? 'visible' : 'expire',
    source: `q${seq % 2}`,
    item: `m-${i}`,
    itemIndex: i,
    n: seq,
    t,
    pri,
    seq,
  };
}

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.constant({ pop: true as const }),
  fc.record({
    pop: fc.constant(false as const),
    kind: fc.constantFrom(0 as const, 1 as const, 2 as const),
    // Mostly increasing times (lanes take those), sometimes earlier ones (they must go to the heap).
    dt: fc.oneof(fc.integer({ min: 0, max: 50 }), fc.integer({ min: -40, max: 0 })),
    pri: fc.integer({ min: 0, max: 7 }),
  }),
);

describe('design "The engine": the agenda pops in (t, pri, seq) order, lanes included', () => {
  it('pops exactly what one heap of the same entries pops, in the same order (fc seed 1801)', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
        const agenda = createAgenda();
        const heap: AgendaEntry[] = [];
        let now = 0;
        let seq = 0;
        const pop = () => {
          const expected = heapPop(heap);
          expect(agendaPeekTime(agenda)).toBe(expected?.t);
          const actual = agendaPop(agenda, items);
          expect(actual?.seq).toBe(expected?.seq);
          expect(actual).toEqual(expected);
          if (actual) now = actual.t;
        };
        for (const o of ops) {
          if (o.pop) pop();
          else {
            const e = entry(o, Math.max(now, now + o.dt), seq++);
            agendaPush(agenda, e);
            heapPush(heap, structuredClone(e));
          }
          expect(agendaSize(agenda)).toBe(heap.length);
        }
        while (heap.length > 0) pop();
        expect(agendaPop(agenda, items)).toBeUndefined();
      }),
      { seed: 1801, numRuns: 300 },
    );
  });

  it('keeps its order across a structured clone (a checkpoint)', () => {
    const agenda = createAgenda();
    for (let s = 0; s < 3000; s++) {
      agendaPush(agenda, entry({ pop: false, kind: (s % 3) as 0 | 1 | 2, dt: 0, pri: s % 4 }, s * 10, s));
    }
    for (let k = 0; k < 1000; k++) agendaPop(agenda, items);
    const copy = structuredClone(agenda);
    for (let k = 0; k < 2000; k++) expect(agendaPop(copy, items)).toEqual(agendaPop(agenda, items));
    expect(agendaSize(copy)).toBe(0);
  });
});
