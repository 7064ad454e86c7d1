import { describe, expect, it } from 'vitest';
import { shareStrings } from '../../src/bridge/shareStrings';

describe('shareStrings: one copy of each repeated string in results read from the worker', () => {
  it('leaves the data equal and puts each repeated string in the table once', () => {
    const items = [
      { id: 'm-1', outcome: 'succeeded', attempts: [{ result: 'success', invocationId: 'inv-1' }] },
      { id: 'm-2', outcome: 'succeeded', attempts: [{ result: 'success', invocationId: 'inv-1' }] },
      { id: 'm-3', outcome: 'failed', requestId: 'req-3', attempts: [] },
    ];
    const before = structuredClone(items);
    const table = new Map<string, string>();
    expect(shareStrings(items, table)).toBe(items);
    expect(items).toEqual(before);
    expect([...table.keys()].sort()).toEqual(['failed', 'inv-1', 'succeeded', 'success']);
  });

  it('leaves ids and request ids out of the table (one per item: nothing to share)', () => {
    const table = new Map<string, string>();
    shareStrings({ id: 'x', requestId: 'y', nested: { id: 'z', kind: 'sqs' } }, table);
    expect([...table.keys()]).toEqual(['sqs']);
  });

  it('keeps numbers, booleans, null and undefined as they are', () => {
    const value = { a: 1, b: true, c: null, d: undefined, e: [2, false] };
    expect(shareStrings(structuredClone(value), new Map())).toEqual(value);
  });
});
