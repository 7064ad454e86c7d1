/**
 * Partial batch responses on SQS (aws-semantics.md §3.1, §3.2 "Partial batch response", §9 "SQS" and
 * the recorded ReportBatchItemFailures shapes): with ReportBatchItemFailures only the reported messages
 * come back; malformed answers and thrown errors fail the whole batch; without it the answer is ignored.
 */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/scenarios/schema';
import { events, expectNear, item, run, scenario, type Run } from '../helpers/scenario';

const RBIF = ['ReportBatchItemFailures'];
const VISIBILITY_MS = 120_000;

/** Five messages m1…m5 in one batch; the first attempt follows `rule`, later attempts succeed. */
function batchOf5(rule: Record<string, unknown>, functionResponseTypes: string[] = RBIF): Scenario {
  return scenario({
    function: {
      Timeout: 30,
      behavior: { duration: { distribution: 'fixed', ms: 500 }, rules: [{ attempts: [1], ...rule }] },
    },
    sources: [
      {
        type: 'sqs',
        id: 'q',
        queue: { QueueName: 'orders', VisibilityTimeout: VISIBILITY_MS / 1000 },
        mapping: { BatchSize: 10, FunctionResponseTypes: functionResponseTypes },
        messages: ['m1', 'm2', 'm3', 'm4', 'm5'].map((id) => ({ id, payload: { id } })),
      },
    ],
  } as unknown as Parameters<typeof scenario>[0]);
}

const ALL = ['m1', 'm2', 'm3', 'm4', 'm5'];

function receiveCounts(r: Run, itemId: string): Array<number | undefined> {
  return item(r, itemId).attempts.map((a) => (a as { receiveCount?: number }).receiveCount);
}

/** The whole batch succeeded at the first invocation: one invocation, each message deleted once at its end. */
function expectCompleteSuccess(r: Run): void {
  expect(r.invocations).toHaveLength(1);
  const [inv] = r.invocations;
  expect(inv!.result).toBe('success');
  expect(events(r, 'sqs/batch-failed')).toHaveLength(0);
  expect(events(r, 'sqs/partial-batch')).toHaveLength(0);
  for (const id of ALL) {
    expect(item(r, id).outcome, id).toBe('succeeded');
    expect(receiveCounts(r, id), id).toEqual([1]);
    const deleted = events(r, 'sqs/deleted', id);
    expect(deleted, id).toHaveLength(1);
    expect(deleted[0]!.t).toBe(inv!.endMs);
  }
}

/** The whole batch failed at the first invocation: nothing deleted, all five received again after the visibility timeout. */
function expectCompleteFailure(r: Run, thrown: boolean): void {
  expect(r.invocations).toHaveLength(2);
  const [first, second] = r.invocations;
  const failed = events(r, 'sqs/batch-failed');
  expect(failed).toHaveLength(1);
  expect(failed[0]!.data).toMatchObject({ thrown, items: first!.items });
  expect(failed[0]!.t).toBe(first!.endMs);
  expect(events(r, 'sqs/deleted').filter((e) => e.t < second!.startMs)).toHaveLength(0);
  expectNear(second!.startMs, VISIBILITY_MS);
  expect([...second!.items].sort()).toEqual(ALL);
  for (const id of ALL) {
    expect(receiveCounts(r, id), id).toEqual([1, 2]);
    expect(
      item(r, id).attempts.map((a) => a.result),
      id,
    ).toEqual(['error', 'success']);
    expect(events(r, 'sqs/deleted', id), id).toHaveLength(1);
  }
}

describe('§3.2 partial batch responses (ReportBatchItemFailures)', () => {
  it('§3.2 result "partial" naming m2 and m4: m1, m3, m5 deleted at once; only m2 and m4 come back after the visibility timeout', () => {
    const r = run(batchOf5({ result: 'partial', failedItems: ['m2', 'm4'] }));
    const [first, second] = r.invocations;
    expect(r.invocations).toHaveLength(2);
    expect(first!.result).toBe('partial');
    expect(first!.items).toHaveLength(5);
    const partial = events(r, 'sqs/partial-batch');
    expect(partial).toHaveLength(1);
    expect(partial[0]!.data).toMatchObject({ failed: ['m2', 'm4'] });
    for (const id of ['m1', 'm3', 'm5']) {
      expect(receiveCounts(r, id), id).toEqual([1]);
      expect(events(r, 'sqs/deleted', id)[0]!.t, id).toBe(first!.endMs);
      expect(item(r, id).attempts[0]!.result).toBe('success');
    }
    expect([...second!.items].sort()).toEqual(['m2', 'm4']);
    expectNear(second!.startMs, VISIBILITY_MS);
    for (const id of ['m2', 'm4']) {
      expect(receiveCounts(r, id), id).toEqual([1, 2]);
      expect(item(r, id).attempts.map((a) => a.result)).toEqual(['error', 'success']);
      expect(events(r, 'sqs/visible-again', id)).toHaveLength(1);
    }
    for (const id of ALL) {
      expect(events(r, 'sqs/deleted', id), id).toHaveLength(1);
      expect(item(r, id).outcome).toBe('succeeded');
    }
    expect(events(r, 'sqs/visible-again', 'm1')).toHaveLength(0);
  });

  it('§3.2 the handler answers with the failed messages’ MessageIds', () => {
    const r = run(batchOf5({ result: 'partial', failedItems: ['m2', 'm4'] }));
    const messageId = (id: string) => events(r, 'sqs/sent', id)[0]!.data!.messageId;
    const response = r.sim.state.invocations[0]!.response;
    expect(response).toEqual({
      batchItemFailures: [{ itemIdentifier: messageId('m2') }, { itemIdentifier: messageId('m4') }],
    });
  });

  it('§3.2 a returned {"batchItemFailures":[{"itemIdentifier": <MessageId of m3>}]} brings back only m3', () => {
    // Message ids are drawn from the seeded stream at send time, so a first run tells the second one m3's id.
    const probe = run(batchOf5({ result: 'success' }));
    const m3Id = events(probe, 'sqs/sent', 'm3')[0]!.data!.messageId as string;
    const r = run(
      batchOf5({ result: 'success', returns: { batchItemFailures: [{ itemIdentifier: m3Id }] } }),
    );
    expect(events(r, 'sqs/sent', 'm3')[0]!.data!.messageId).toBe(m3Id);
    expect(r.invocations[0]!.result).toBe('partial');
    expect(r.invocations).toHaveLength(2);
    expect(r.invocations[1]!.items).toEqual(['m3']);
    expect(receiveCounts(r, 'm3')).toEqual([1, 2]);
    for (const id of ['m1', 'm2', 'm4', 'm5']) expect(receiveCounts(r, id), id).toEqual([1]);
  });
});

describe('§9 ReportBatchItemFailures answers that mean complete success', () => {
  const shapes: Array<[string, unknown]> = [
    ['{}', {}],
    ['null', null],
    ['""', ''],
    ['[]', []],
    ['{"batchItemFailures":[]}', { batchItemFailures: [] }],
    ['{"batchItemFailures":null}', { batchItemFailures: null }],
  ];
  for (const [label, returns] of shapes) {
    it(`§9 ${label} is complete success: one invocation, all five deleted`, () => {
      const r = run(batchOf5({ result: 'success', returns }));
      expect(r.sim.state.invocations[0]!.response).toEqual(returns);
      expectCompleteSuccess(r);
    });
  }
});

describe('§9 ReportBatchItemFailures answers that fail the whole batch', () => {
  const shapes: Array<[string, unknown]> = [
    ['{"batchItemFailures":[{"foo":"x"}]} (bad key name)', { batchItemFailures: [{ foo: 'x' }] }],
    ['an itemIdentifier ""', { batchItemFailures: [{ itemIdentifier: '' }] }],
    ['an itemIdentifier null', { batchItemFailures: [{ itemIdentifier: null }] }],
    ['an itemIdentifier not in the batch', { batchItemFailures: [{ itemIdentifier: 'not-a-message-id' }] }],
    ['a string that is not JSON', 'all good'],
    ['batchItemFailures that is not a list', { batchItemFailures: 'm2' }],
  ];
  for (const [label, returns] of shapes) {
    it(`§9 ${label}: nothing deleted, all five visible again and received with count 2`, () => {
      const r = run(batchOf5({ result: 'success', returns }));
      expect(r.invocations[0]!.result).toBe('success'); // the function returned; its answer failed the batch
      expectCompleteFailure(r, false);
    });
  }

  it('§9 a thrown error fails the whole batch even with ReportBatchItemFailures on', () => {
    const r = run(batchOf5({ result: 'error', error: { errorType: 'Error', errorMessage: 'boom' } }));
    expect(r.invocations[0]!.result).toBe('error');
    expectCompleteFailure(r, true);
    expect(events(r, 'sqs/batch-failed')[0]!.data).toMatchObject({ reportBatchItemFailures: true });
  });

  it('§9 a timeout fails the whole batch even with ReportBatchItemFailures on', () => {
    const r = run(batchOf5({ result: 'timeout' }));
    expect(r.invocations[0]!.result).toBe('timeout');
    expect(events(r, 'sqs/batch-failed')).toHaveLength(1);
    for (const id of ALL) expect(receiveCounts(r, id), id).toEqual([1, 2]);
  });
});

describe('§3.1 without ReportBatchItemFailures a batchItemFailures answer is ignored', () => {
  it('§3.1 result "partial" naming m2 and m4: the batch counts as a success, all five deleted', () => {
    const r = run(batchOf5({ result: 'partial', failedItems: ['m2', 'm4'] }, []));
    expectCompleteSuccess(r);
  });

  it('§3.1 a malformed batchItemFailures answer is ignored too (all deleted)', () => {
    const r = run(batchOf5({ result: 'success', returns: { batchItemFailures: [{ foo: 'x' }] } }, []));
    expectCompleteSuccess(r);
  });

  it('§3.2 a thrown error still fails the whole batch', () => {
    const r = run(batchOf5({ result: 'error' }, []));
    expectCompleteFailure(r, true);
  });
});
