/** The inspector's facts about an item that its log does not repeat: its payload and the invocations that ran it. */
import { describe, expect, it } from 'vitest';
import { invocationsById, itemPayload } from '../../../src/ui/inspector/itemFacts';
import { presetRun } from '../../store/fixtures';

describe('itemPayload', () => {
  it('§2.1 an async event carries the payload of its workload entry', () => {
    const { results, scenario } = presetRun('async-dlq');
    expect(itemPayload(scenario, results.items[0]!)).toEqual({ orderId: 'o-1001', amount: 42.5 });
  });

  it('§3.2 each message gets its own entry’s payload ("m10" is not a repeat of "m1")', () => {
    const { results, scenario } = presetRun('sqs-batch-success');
    const m10 = results.items.find((i) => i.id === 'm10')!;
    expect(itemPayload(scenario, m10)).toEqual({ orderId: 'o-1010' });
  });

  it('§4 items of an entry with a count share its payload; their ids get "-n" appended', () => {
    const { results, scenario } = presetRun('burst-scaling');
    const source = scenario.sources[0]!;
    if (source.type !== 'sync') throw new Error('a synchronous source expected');
    const entry = source.requests[0]!;
    expect(entry.count).toBeGreaterThan(1);
    const item = results.items[5]!;
    expect(item.id).toMatch(/-6$/);
    expect(itemPayload(scenario, item)).toEqual(entry.payload ?? {});
  });

  it('an item of no known source has no payload', () => {
    const { results, scenario } = presetRun('async-dlq');
    expect(itemPayload(scenario, { ...results.items[0]!, source: 'elsewhere' })).toBeUndefined();
  });
});

describe('invocationsById', () => {
  it('finds the invocation of every attempt that ran, once per run', () => {
    const { results } = presetRun('async-retries-exhausted');
    const index = invocationsById(results);
    expect(invocationsById(results)).toBe(index);
    for (const a of results.items[0]!.attempts) expect(index.get(a.invocationId!)?.id).toBe(a.invocationId);
  });
});
