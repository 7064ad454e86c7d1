/**
 * The "same order" presets send one workload through four invocation types, and every compare set names
 * presets that exist.
 */
import { describe, expect, it } from 'vitest';
import { COMPARE_SETS, findCompareSet } from '../../src/scenarios/presets/compareSets';
import { getPreset, PRESET_IDS, presetSource } from '../../src/scenarios/presets';
import { PRESET_GROUPS } from '../../src/app/presetCatalog';
import { expectNear, item } from '../helpers/scenario';
import { presetRun } from './presetRuns';

const SAME = ['same-order-sync', 'same-order-async', 'same-order-sqs', 'same-order-kinesis'];

/** The payload a preset's single source sends, and the function's behaviour. */
function workloadOf(id: string) {
  const s = getPreset(id)!;
  const source = s.sources[0]!;
  const requests =
    source.type === 'sqs'
      ? source.messages
      : source.type === 'sync' || source.type === 'async'
        ? source.requests
        : source.records;
  return {
    payload: requests.map((r) => r.payload),
    behavior: s.function.behavior,
    timeout: s.function.Timeout,
  };
}

describe('compare sets', () => {
  it('design "Practitioners compare" COMPARE_SETS: unique ids, existing presets, the same-order set first', () => {
    expect(new Set(COMPARE_SETS.map((s) => s.id)).size).toBe(COMPARE_SETS.length);
    expect(COMPARE_SETS[0]!.presetIds).toEqual(SAME);
    expect(COMPARE_SETS.length).toBeGreaterThanOrEqual(3);
    for (const set of COMPARE_SETS) {
      expect(set.presetIds.length, set.id).toBeGreaterThanOrEqual(2);
      for (const id of set.presetIds) expect(PRESET_IDS, `${set.id}: ${id}`).toContain(id);
      expect(set.description.length).toBeGreaterThan(100);
    }
    expect(findCompareSet('same-order')?.title).toMatch(/four invocation types/);
    expect(findCompareSet('nope')).toBeUndefined();
  });

  it('the same-order presets are listed in the "compare" group, labelled for the picker', () => {
    for (const id of SAME) expect(presetSource(id)!.group).toBe('compare');
    const group = PRESET_GROUPS.find((g) => g.group === 'compare');
    expect(group?.label).toBe('Compare invocation types');
    expect(group?.presets.map((p) => p.id)).toEqual(SAME);
    expect(PRESET_GROUPS.at(-1)?.group).toBe('compare');
  });

  it('the four presets send the same payload to the same handler', () => {
    const [first, ...rest] = SAME.map(workloadOf);
    for (const w of rest) expect(w).toEqual(first);
  });
});

describe('the same order through four invocation types', () => {
  it('§1.4 sync: one attempt; the error goes back as 200 + Unhandled; the SDK does not retry a function error', () => {
    const r = presetRun('same-order-sync');
    const order = item(r, 'order');
    expect(order.attempts.map((a) => a.result)).toEqual(['error']);
    expect(order.response).toMatchObject({
      statusCode: 200,
      functionError: 'Unhandled',
      errorType: 'PaymentServiceUnavailable',
    });
  });

  it('§2.2 async: 202, attempts ≈60 s and ≈120 s apart, the third succeeds; one Success record, count 3', () => {
    const r = presetRun('same-order-async');
    const order = item(r, 'order');
    expect(order.response?.statusCode).toBe(202);
    expect(order.attempts.map((a) => a.result)).toEqual(['error', 'error', 'success']);
    expectNear(order.attempts[1]!.startMs - order.attempts[0]!.endMs!, 60_000);
    expectNear(order.attempts[2]!.startMs - order.attempts[1]!.endMs!, 120_000);
    expect(order.deliveries.map((d) => d.target)).toEqual(['on-success']);
  });

  it('§3.2 sqs: received 3 times, 30 s apart (the visibility timeout), then deleted', () => {
    const r = presetRun('same-order-sqs');
    const order = item(r, 'order');
    expect(order.attempts.map((a) => a.result)).toEqual(['error', 'error', 'success']);
    expect(order.attempts.map((a) => (a as { receiveCount?: number }).receiveCount)).toEqual([1, 2, 3]);
    expectNear(order.attempts[1]!.startMs, 30_000);
    expectNear(order.attempts[2]!.startMs, 60_000);
    expect(order.outcome).toBe('succeeded');
  });

  it('§3.4 kinesis: the batch is retried in place within seconds and succeeds on the third invocation', () => {
    const r = presetRun('same-order-kinesis');
    const order = item(r, 'order');
    expect(order.attempts.map((a) => a.result)).toEqual(['error', 'error', 'success']);
    expect(order.attempts[2]!.endMs!).toBeLessThan(10_000);
    expect(r.log.some((e) => e.type === 'stream/checkpoint')).toBe(true);
  });

  it('the order is done after ≈1 s (as an error), ≈3 min, ≈1 min and ≈6 s', () => {
    const ends = Object.fromEntries(SAME.map((id) => [id, item(presetRun(id), 'order').endedMs!]));
    expect(ends['same-order-sync']).toBeLessThan(2000);
    expectNear(ends['same-order-async']!, 182_663);
    expectNear(ends['same-order-sqs']!, 60_800);
    expect(ends['same-order-kinesis']).toBeLessThan(10_000);
  });
});
