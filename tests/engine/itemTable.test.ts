/**
 * design.md "Scale": items, their attempts and SQS messages are kept in columns (src/engine/itemTable.ts,
 * attemptTable.ts, model/sqs/sqsMessageTable.ts). These tests check that the row handles read and write
 * the columns exactly as the item objects they replace did, that attempt records keep their key order,
 * and that a run's columns hold no object per message.
 */
import { describe, expect, it } from 'vitest';
import { appendAttempt, attemptRecord, createAttemptTable, nextAttempt } from '../../src/engine/attemptTable';
import { appendItem, createItemTable, itemRow, NO_ENTRIES, specRow } from '../../src/engine/itemTable';
import { addSqsMessage, sqsMessageAt } from '../../src/engine/model/sqs/sqsMessageTable';
import { createSimulation, restoreSimulation } from '../../src/engine/simulation';
import { getPreset } from '../../src/scenarios/presets';
import { sqsBatchRun } from '../helpers/scenario';

const SPEC = { sourceId: 'q', caller: 'sqs', payload: { orderId: 'o-1' }, payloadSizeBytes: 17 };

describe('design "Scale": the item table', () => {
  it('a new item reads as an in-flight item with no attempts, deliveries or response', () => {
    const t = createItemTable(2);
    const spec = specRow(t, 0, 0, SPEC);
    const item = appendItem(t, 'm-1', 'sqs', spec, 250, '');
    expect(item.index).toBe(0);
    expect({
      id: item.id,
      kind: item.kind,
      sourceId: item.sourceId,
      caller: item.caller,
      payload: item.payload,
      payloadSizeBytes: item.payloadSizeBytes,
      arrivedMs: item.arrivedMs,
      requestId: item.requestId,
      outcome: item.outcome,
      endedMs: item.endedMs,
      tries: item.tries,
      response: item.response,
      lastError: item.lastError,
      lastResponse: item.lastResponse,
      sqs: item.sqs,
      record: item.record,
    }).toEqual({
      id: 'm-1',
      kind: 'sqs',
      sourceId: 'q',
      caller: 'sqs',
      payload: { orderId: 'o-1' },
      payloadSizeBytes: 17,
      arrivedMs: 250,
      requestId: '',
      outcome: 'in-flight',
      endedMs: null,
      tries: 0,
      response: null,
      lastError: null,
      lastResponse: null,
      sqs: undefined,
      record: undefined,
    });
    expect(item.attempts).toBe(NO_ENTRIES);
    expect(item.deliveries).toBe(NO_ENTRIES);
    expect(item.abandonedInvocations).toBe(NO_ENTRIES);
  });

  it('handles write the row: another handle of the same row reads the change; other rows keep theirs', () => {
    const t = createItemTable(1); // grows past its first size
    const spec = specRow(t, 0, 0, SPEC);
    for (let i = 0; i < 100; i++) appendItem(t, `m-${i + 1}`, 'async', spec, i, `req-${i}`);
    const a = itemRow(t, 70);
    a.tries += 2;
    a.outcome = 'dead-lettered';
    a.endedMs = 0;
    a.lastResponse = undefined;
    a.response = { statusCode: 202 };
    const b = itemRow(t, 70);
    expect([b.tries, b.outcome, b.endedMs, b.lastResponse, b.response]).toEqual([
      2,
      'dead-lettered',
      0,
      undefined,
      { statusCode: 202 },
    ]);
    expect(b.requestId).toBe('req-70');
    expect([itemRow(t, 69).tries, itemRow(t, 69).outcome, itemRow(t, 69).endedMs]).toEqual([
      0,
      'in-flight',
      null,
    ]);
  });

  it('the items of one workload entry share one spec row; a changed entry gets a new one', () => {
    const t = createItemTable();
    expect(specRow(t, 0, 0, SPEC)).toBe(0);
    expect(specRow(t, 1, 0, { ...SPEC, sourceId: 'other' })).toBe(1);
    expect(specRow(t, 0, 0, SPEC)).toBe(0);
    expect(specRow(t, 0, 0, { ...SPEC, payload: { orderId: 'o-2' } })).toBe(2);
    expect(t.specs).toHaveLength(3);
  });
});

describe('design "Scale": the attempt table', () => {
  it('attempt records keep the keys, in order, that the attempt objects had', () => {
    const t = createAttemptTable(1);
    const refused = appendAttempt(t, -1, 5, 5, 'throttled', false, null, 'ReservedConcurrency', false, -1);
    const started = appendAttempt(t, refused, 7, null, null, true, 'inv-1', undefined, false, 2);
    const duplicate = appendAttempt(t, started, 9, null, null, false, 'inv-2', undefined, true, -1);
    expect(nextAttempt(t, refused)).toBe(started);
    expect(nextAttempt(t, duplicate)).toBe(-1);
    expect(JSON.stringify(attemptRecord(t, refused))).toBe(
      '{"startMs":5,"endMs":5,"result":"throttled","coldStart":false,"invocationId":null,"reason":"ReservedConcurrency"}',
    );
    expect(JSON.stringify(attemptRecord(t, started))).toBe(
      '{"startMs":7,"endMs":null,"result":null,"coldStart":true,"invocationId":"inv-1","receiveCount":2}',
    );
    expect(JSON.stringify(attemptRecord(t, duplicate))).toBe(
      '{"startMs":9,"endMs":null,"result":null,"coldStart":false,"invocationId":"inv-2","duplicate":true}',
    );
  });

  it('an item lists its attempts in order; ending one through its handle writes the row', () => {
    const s = createSimulation(getPreset('async-retries-exhausted')!);
    s.run();
    const item = s.state.items[0]!;
    expect(item.attempts.length).toBeGreaterThan(1);
    const results = s.results().items[0]!.attempts;
    expect(item.attempts.map((a) => [a.startMs, a.endMs, a.result])).toEqual(
      results.map((a) => [a.startMs, a.endMs, a.result]),
    );
  });
});

describe('design "Scale": the SQS message table', () => {
  it('stores a message by item index and reads it back; other rows hold none', () => {
    const t = createItemTable(4, 4);
    addSqsMessage(t.sqs, 2, 'a1b2c3d4-0000-4000-8000-000000000000', 40, 7, 'g-1');
    expect(sqsMessageAt(t.sqs, 1)).toBeUndefined();
    expect(sqsMessageAt(t.sqs, 100)).toBeUndefined();
    const msg = sqsMessageAt(t.sqs, 2)!;
    expect([msg.messageId, msg.status, msg.receiveCount, msg.sentMs, msg.firstReceiveMs]).toEqual([
      'a1b2c3d4-0000-4000-8000-000000000000',
      'visible',
      0,
      40,
      null,
    ]);
    expect([msg.sequence, msg.visibilityPending, msg.groupId]).toEqual([7, false, 'g-1']);
    msg.receiveCount += 1;
    msg.firstReceiveMs ??= 90;
    msg.status = 'in-flight';
    const again = sqsMessageAt(t.sqs, 2)!;
    expect([again.receiveCount, again.firstReceiveMs, again.status]).toEqual([1, 90, 'in-flight']);
    addSqsMessage(t.sqs, 9, 'e5f6a7b8-0000-4000-8000-000000000000', 41, 8, undefined); // past its first size
    expect(sqsMessageAt(t.sqs, 9)?.groupId).toBeUndefined();
    expect(sqsMessageAt(t.sqs, 2)?.receiveCount).toBe(1);
  });
});

describe('design "Scale": a run keeps its items in columns', () => {
  const sim = sqsBatchRun(5000);
  const table = sim.state.itemTable;

  it('one spec row for 5,000 messages, and no per-item maps filled', () => {
    expect(table.length).toBe(5000);
    expect(table.specs).toHaveLength(1);
    expect(table.deliveries.size + table.response.size + table.lastError.size + table.record.size).toBe(0);
    expect(table.attempts.length).toBe(5000);
  });

  it('the items view is no part of a checkpoint, and a restored run has it again', () => {
    const cp = sim.checkpoint();
    expect(Object.keys(cp.state)).not.toContain('items');
    const restored = restoreSimulation(cp);
    expect(restored.state.items).toHaveLength(5000);
    expect(restored.state.items[4999]!.id).toBe('m-5000');
    expect(restored.results()).toEqual(sim.results());
  });
});
