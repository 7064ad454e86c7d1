/**
 * SQS standard queues and their event source mapping (aws-semantics.md §3.1, §3.2, §6 "SQS", §9 "SQS"):
 * deletion after success, the visibility timeout after errors, redrive to the queue's DLQ, batching
 * window and 6 MB batches, retention, filtering, the record shape and the queue metrics.
 */
import { describe, expect, it } from 'vitest';
import { matchesFilterCriteria } from '../../src/engine/model/esm/filterCriteria';
import { metricSeries } from '../../src/engine/model/metrics';
import { sqsBatchEvent } from '../../src/engine/model/sqs/sqsRecords';
import { visibleCount } from '../../src/engine/model/sqs/sqsState';
import { SIMULATION_EPOCH_MS } from '../../src/engine/time';
import { getPreset } from '../../src/scenarios/presets';
import type { Scenario } from '../../src/scenarios/schema';
import {
  events,
  expectNear,
  invocationsOf,
  item,
  run,
  scenario,
  SQS_DLQ,
  SQS_FAILED,
  type Run,
} from '../helpers/scenario';

const MIB = 1024 * 1024;
const QUEUE_DLQ = 'arn:aws:sqs:us-east-1:123456789012:orders-dlq';

interface SqsOptions {
  fn?: Record<string, unknown>;
  behavior?: Record<string, unknown>;
  queue?: Record<string, unknown>;
  mapping?: Record<string, unknown>;
  messages: Array<Record<string, unknown>>;
  account?: Record<string, unknown>;
}

/** One SQS source `q` (standard queue "orders", visibility 180 s, BatchSize 10) feeding the function. */
function sqsScenario(o: SqsOptions): Scenario {
  return scenario({
    function: {
      Timeout: 30,
      ...o.fn,
      behavior: { duration: { distribution: 'fixed', ms: 500 }, ...o.behavior },
    },
    sources: [
      {
        type: 'sqs',
        id: 'q',
        queue: { QueueName: 'orders', VisibilityTimeout: 180, ...o.queue },
        mapping: { BatchSize: 10, ...o.mapping },
        messages: o.messages,
      },
    ],
    ...(o.account ? { account: o.account } : {}),
  } as unknown as Parameters<typeof scenario>[0]);
}

/** Messages m1…mn sent at `atMs` (or `everyMs` apart). */
function msgs(n: number, atMs = 0, everyMs = 0, extra: Record<string, unknown> = {}) {
  return Array.from({ length: n }, (_, i) => ({
    id: `m${i + 1}`,
    atMs: atMs + i * everyMs,
    payload: { orderId: `o-${i + 1}` },
    ...extra,
  }));
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => `m${i + 1}`);

/** The SQS MessageId the queue gave an item when it was sent. */
function messageIdOf(r: Run, itemId: string): string {
  return events(r, 'sqs/sent', itemId)[0]!.data!.messageId as string;
}

/** The receive count each attempt of an item processed (the receipt handle it held). */
function receiveCounts(r: Run, itemId: string): Array<number | undefined> {
  return item(r, itemId).attempts.map((a) => (a as { receiveCount?: number }).receiveCount);
}

describe('§3.2 success deletes the batch', () => {
  it('§3.2 10 messages sent at once, BatchSize 10: one invocation with all 10, each deleted exactly once after it', () => {
    const r = run(sqsScenario({ messages: msgs(10) }));
    expect(r.invocations).toHaveLength(1);
    const [inv] = r.invocations;
    expect([...inv!.items].sort()).toEqual([...ids(10)].sort());
    expect(inv!.result).toBe('success');
    for (const id of ids(10)) {
      const m = item(r, id);
      expect(m.outcome, id).toBe('succeeded');
      expect(m.attempts, id).toHaveLength(1);
      expect(m.attempts[0]!.result).toBe('success');
      expect(receiveCounts(r, id)).toEqual([1]);
      const deleted = events(r, 'sqs/deleted', id);
      expect(deleted, id).toHaveLength(1);
      expect(deleted[0]!.t).toBe(inv!.endMs);
      expect(deleted[0]!.data).not.toHaveProperty('staleReceiptHandle');
      expect(m.endedMs).toBe(inv!.endMs);
      expect(m.deliveries).toEqual([]);
    }
    // Until the function succeeded the messages were only hidden, never deleted.
    expect(events(r, 'sqs/deleted').every((e) => e.t >= inv!.endMs!)).toBe(true);
    expect(events(r, 'sqs/received')).toHaveLength(1);
    expect(events(r, 'sqs/received')[0]!.data!.receiveCounts).toEqual(Array(10).fill(1));
    expect(r.metrics).toMatchObject({ Invocations: 1, Errors: 0, Throttles: 0 });
  });

  it('§3.2 12 messages with BatchSize 10: two batches (10 + 2), at once', () => {
    const r = run(sqsScenario({ messages: msgs(12) }));
    expect(r.invocations.map((i) => i.items.length).sort((a, b) => a - b)).toEqual([2, 10]);
    expect(r.invocations.every((i) => i.startMs === 0)).toBe(true);
    expect(events(r, 'sqs/deleted')).toHaveLength(12);
  });
});

describe('§3.2 an error makes the whole batch visible again', () => {
  const errorOnce = () =>
    sqsScenario({
      behavior: {
        duration: { distribution: 'fixed', ms: 600 },
        rules: [
          {
            attempts: [1],
            result: 'error',
            error: { errorType: 'Error', errorMessage: 'cannot process m4' },
          },
        ],
      },
      messages: msgs(5),
    });

  it('§3.2 a thrown error: nothing deleted, all 5 visible again after VisibilityTimeout (180 s), received with count 2', () => {
    const r = run(errorOnce());
    expect(r.invocations).toHaveLength(2);
    const [first, second] = r.invocations;
    expect(first!.result).toBe('error');
    expect(first!.items).toHaveLength(5);
    expect(second!.items).toEqual(first!.items);
    // Nothing is deleted before the second, successful invocation ends.
    expect(events(r, 'sqs/deleted').every((e) => e.t >= second!.endMs!)).toBe(true);
    expect(events(r, 'sqs/batch-failed')).toHaveLength(1);
    expect(events(r, 'sqs/batch-failed')[0]!.data).toMatchObject({
      thrown: true,
      reportBatchItemFailures: false,
    });
    for (const id of ids(5)) {
      const visible = events(r, 'sqs/visible-again', id);
      expect(visible, id).toHaveLength(1);
      expectNear(visible[0]!.t, 180_000);
      expect(receiveCounts(r, id)).toEqual([1, 2]);
      expect(item(r, id).attempts.map((a) => a.result)).toEqual(['error', 'success']);
      expect(events(r, 'sqs/deleted', id)).toHaveLength(1);
      expect(item(r, id).outcome).toBe('succeeded');
    }
    expectNear(second!.startMs, 180_000);
    const received = events(r, 'sqs/received');
    expect(received.map((e) => e.data!.receiveCounts)).toEqual([Array(5).fill(1), Array(5).fill(2)]);
  });

  it('§3.2 at-least-once: the messages the handler had already processed before it threw run twice', () => {
    const r = run(errorOnce());
    for (const id of ['m1', 'm2', 'm3']) expect(invocationsOf(r, id), id).toHaveLength(2);
  });

  it('§3.2 a timeout counts as an error: the whole batch comes back after the visibility timeout', () => {
    const r = run(
      sqsScenario({
        fn: { Timeout: 5 },
        queue: { VisibilityTimeout: 60 },
        behavior: { rules: [{ attempts: [1], result: 'timeout' }] },
        messages: msgs(3),
      }),
    );
    expect(r.invocations.map((i) => i.result)).toEqual(['timeout', 'success']);
    expectNear(r.invocations[1]!.startMs, 60_000);
    for (const id of ids(3)) {
      expect(item(r, id).attempts.map((a) => a.result)).toEqual(['timeout', 'success']);
      expect(receiveCounts(r, id)).toEqual([1, 2]);
    }
  });
});

describe('§3.2 redrive: SQS moves a message to the queue DLQ after maxReceiveCount receives', () => {
  const alwaysFails = () =>
    sqsScenario({
      fn: {
        Timeout: 10,
        DeadLetterConfig: { TargetArn: SQS_DLQ },
        EventInvokeConfig: { DestinationConfig: { OnFailure: { Destination: SQS_FAILED } } },
      },
      behavior: {
        duration: { distribution: 'fixed', ms: 1000 },
        rules: [{ result: 'error', error: { errorType: 'Error', errorMessage: 'down' } }],
      },
      queue: { VisibilityTimeout: 60, RedrivePolicy: { deadLetterTargetArn: QUEUE_DLQ, maxReceiveCount: 3 } },
      messages: [{ id: 'm1', payload: { orderId: 'o-1' } }],
    });

  it('§3.2 received 3 times ≈60 s apart, then moved at the 4th receive (≈180 s) to the queue DLQ with its MessageId and Body', () => {
    const r = run(alwaysFails());
    const m = item(r, 'm1');
    expect(m.attempts).toHaveLength(3);
    expect(receiveCounts(r, 'm1')).toEqual([1, 2, 3]);
    expect(m.attempts.map((a) => a.result)).toEqual(['error', 'error', 'error']);
    expect(m.attempts[0]!.startMs).toBe(0);
    expectNear(m.attempts[1]!.startMs - m.attempts[0]!.startMs, 60_000);
    expectNear(m.attempts[2]!.startMs - m.attempts[1]!.startMs, 60_000);
    const moved = events(r, 'sqs/moved-to-dlq', 'm1');
    expect(moved).toHaveLength(1);
    expectNear(moved[0]!.t, 180_000);
    expect(moved[0]!.data).toMatchObject({ destination: QUEUE_DLQ, receiveCount: 3, maxReceiveCount: 3 });
    expect(m.outcome).toBe('dead-lettered');
    expect(m.endedMs).toBe(moved[0]!.t);
    expect(m.deliveries).toHaveLength(1);
    const [d] = m.deliveries;
    expect(d).toMatchObject({
      target: 'queue-dlq',
      destinationType: 'sqs',
      destination: QUEUE_DLQ,
      delivered: true,
    });
    const record = d!.record as { MessageId: string; Body: string };
    expect(record.MessageId).toBe(messageIdOf(r, 'm1'));
    expect(JSON.parse(record.Body)).toEqual({ orderId: 'o-1' });
    expect(events(r, 'sqs/deleted', 'm1')).toHaveLength(0);
    expect(r.invocations).toHaveLength(3);
  });

  it("§3.2 / §2.6 the function's own DLQ and on-failure destination receive nothing for SQS messages", () => {
    const r = run(alwaysFails());
    const targets = r.items.flatMap((i) => i.deliveries.map((d) => d.target));
    expect(targets).toEqual(['queue-dlq']);
    expect(r.items.flatMap((i) => i.deliveries).filter((d) => d.destination === SQS_DLQ)).toHaveLength(0);
    expect(r.items.flatMap((i) => i.deliveries).filter((d) => d.destination === SQS_FAILED)).toHaveLength(0);
    expect(r.metrics).toMatchObject({ AsyncEventsDropped: 0, AsyncEventsReceived: 0, DeadLetterErrors: 0 });
  });

  it('§3.2 without a RedrivePolicy a failing message keeps coming back (no DLQ)', () => {
    const s = sqsScenario({
      fn: { Timeout: 10 },
      behavior: { rules: [{ attempts: [1, 2, 3, 4], result: 'error' }] },
      queue: { VisibilityTimeout: 60 },
      messages: [{ id: 'm1' }],
    });
    const r = run(s);
    expect(receiveCounts(r, 'm1')).toEqual([1, 2, 3, 4, 5]);
    expect(item(r, 'm1').outcome).toBe('succeeded');
    expect(events(r, 'sqs/moved-to-dlq')).toHaveLength(0);
  });
});

describe('§3.2 visibility timeout shorter than the function', () => {
  const tooShort = () =>
    sqsScenario({
      fn: { Timeout: 10 },
      behavior: { duration: { distribution: 'fixed', ms: 8000 } },
      queue: { VisibilityTimeout: 5 },
      mapping: { BatchSize: 1 },
      messages: [{ id: 'm1' }],
    });

  it('§3.2 the same message is processed twice at the same time (two overlapping invocations)', () => {
    const r = run(tooShort());
    const runs = invocationsOf(r, 'm1');
    expect(runs).toHaveLength(2);
    expectNear(runs[1]!.startMs, 5000);
    expect(runs[1]!.startMs).toBeLessThan(runs[0]!.endMs!);
    expect(runs.every((inv) => inv.result === 'success')).toBe(true);
    expect(receiveCounts(r, 'm1')).toEqual([1, 2]);
  });

  it('§3.2 it still ends deleted, once: the first delete uses a stale receipt handle, the second finds it gone', () => {
    const r = run(tooShort());
    const m = item(r, 'm1');
    expect(m.outcome).toBe('succeeded');
    const deleted = events(r, 'sqs/deleted', 'm1');
    expect(deleted).toHaveLength(1);
    expect(deleted[0]!.data).toMatchObject({ staleReceiptHandle: true, handleOfReceive: 1, receiveCount: 2 });
    expect(deleted[0]!.t).toBe(invocationsOf(r, 'm1')[0]!.endMs);
    expect(events(r, 'sqs/delete-ignored', 'm1')).toHaveLength(1);
  });
});

describe('§3.1 / §3.2 batching window', () => {
  it('§3.2 3 messages, BatchSize 10, window 5 s: one invocation at ≈5 s with all 3', () => {
    const r = run(
      sqsScenario({ mapping: { MaximumBatchingWindowInSeconds: 5 }, messages: msgs(3, 0, 1000) }),
    );
    expect(r.invocations).toHaveLength(1);
    expect([...r.invocations[0]!.items].sort()).toEqual(['m1', 'm2', 'm3']);
    expectNear(r.invocations[0]!.startMs, 5000);
    expect(events(r, 'sqs/received')[0]!.t).toBeGreaterThanOrEqual(4500);
  });

  it('§3.2 the same window with 10 messages sent at once: invoked at once (the batch is full)', () => {
    const r = run(sqsScenario({ mapping: { MaximumBatchingWindowInSeconds: 5 }, messages: msgs(10) }));
    expect(r.invocations).toHaveLength(1);
    expect(r.invocations[0]!.items).toHaveLength(10);
    expect(r.invocations[0]!.startMs).toBe(0);
  });

  it('§3.1 the batch goes when the 10th message arrives, before the window ends', () => {
    const r = run(
      sqsScenario({ mapping: { MaximumBatchingWindowInSeconds: 60 }, messages: msgs(10, 0, 100) }),
    );
    expect(r.invocations).toHaveLength(1);
    expect(r.invocations[0]!.startMs).toBe(900);
  });

  it('§3.2 window 0: messages sent at different times go in separate batches as they arrive', () => {
    const r = run(sqsScenario({ messages: msgs(3, 0, 1000) }));
    expect(r.invocations.map((i) => i.startMs)).toEqual([0, 1000, 2000]);
    expect(r.invocations.map((i) => i.items)).toEqual([['m1'], ['m2'], ['m3']]);
  });
});

describe('§3.1 6 MB batch payload', () => {
  it('§3.1 10 messages of 1 MiB with BatchSize 10 are split into more than one batch, each ≤ 6 MB', () => {
    const r = run(sqsScenario({ messages: msgs(10, 0, 0, { payloadSizeBytes: MIB }) }));
    expect(r.invocations.length).toBeGreaterThan(1);
    for (const inv of r.invocations) expect(inv.items.length * MIB).toBeLessThanOrEqual(6 * MIB);
    expect(r.invocations.flatMap((i) => i.items).sort()).toEqual([...ids(10)].sort());
    for (const id of ids(10)) expect(events(r, 'sqs/deleted', id), id).toHaveLength(1);
  });

  it('§3.1 a small message still fits next to 5 MiB; one more MiB does not', () => {
    const r = run(
      sqsScenario({
        messages: [
          ...msgs(5, 0, 0, { payloadSizeBytes: MIB }),
          { id: 'small', payloadSizeBytes: 1000 },
          { id: 'big', payloadSizeBytes: MIB },
        ],
      }),
    );
    const sizes = new Map(r.items.map((i) => [i.id, i.id === 'small' ? 1000 : MIB]));
    for (const inv of r.invocations) {
      const total = inv.items.reduce((s, id) => s + sizes.get(id)!, 0);
      expect(total).toBeLessThanOrEqual(6 * MIB);
    }
    expect(r.invocations).toHaveLength(2);
  });

  it('§3.1 with a batching window the batch is sent as soon as 6 MB are waiting, not when the window ends', () => {
    const r = run(
      sqsScenario({
        mapping: { BatchSize: 100, MaximumBatchingWindowInSeconds: 60 },
        messages: msgs(7, 0, 0, { payloadSizeBytes: MIB }),
      }),
    );
    const first = r.invocations[0]!;
    expect(first.items).toHaveLength(6);
    expect(first.startMs).toBeLessThan(1000);
  });
});

describe('§3.2 retention', () => {
  it('§3.2 a message that keeps failing past MessageRetentionPeriod (60 s) is expired, never deleted or redriven', () => {
    const r = run(
      sqsScenario({
        fn: { Timeout: 3 },
        behavior: { rules: [{ result: 'error' }] },
        queue: {
          VisibilityTimeout: 30,
          MessageRetentionPeriod: 60,
          RedrivePolicy: { deadLetterTargetArn: QUEUE_DLQ, maxReceiveCount: 10 },
        },
        messages: [{ id: 'm1' }],
      }),
    );
    const m = item(r, 'm1');
    expect(m.outcome).toBe('expired');
    expect(m.attempts).toHaveLength(2);
    expect(events(r, 'sqs/expired', 'm1')).toHaveLength(1);
    expectNear(m.endedMs, 60_000);
    expect(events(r, 'sqs/deleted', 'm1')).toHaveLength(0);
    expect(m.deliveries).toEqual([]);
  });

  it('§3.2 retention ends while the message is hidden: SQS deletes it at ≈60 s, not when it would become visible (100 s)', () => {
    const r = run(
      sqsScenario({
        fn: { Timeout: 3 },
        behavior: { rules: [{ result: 'error' }] },
        queue: { VisibilityTimeout: 100, MessageRetentionPeriod: 60 },
        messages: [{ id: 'm1' }],
      }),
    );
    const m = item(r, 'm1');
    expect(m.outcome).toBe('expired');
    expect(m.attempts).toHaveLength(1);
    expectNear(m.endedMs, 60_000);
  });

  it('§3.2 a message that succeeds in time is not expired', () => {
    const r = run(
      sqsScenario({
        fn: { Timeout: 3 },
        behavior: { rules: [{ attempts: [1], result: 'error' }] },
        queue: { VisibilityTimeout: 30, MessageRetentionPeriod: 60 },
        messages: [{ id: 'm1' }],
      }),
    );
    expect(item(r, 'm1').outcome).toBe('succeeded');
    expect(events(r, 'sqs/expired')).toHaveLength(0);
  });
});

describe('§9 filter criteria in the engine', () => {
  const filtered = () =>
    sqsScenario({
      mapping: { FilterCriteria: { Filters: [{ Pattern: '{"body":{"type":["order"]}}' }] } },
      messages: [
        { id: 'order1', payload: { type: 'order', n: 1 } },
        { id: 'refund', payload: { type: 'refund' } },
        { id: 'order2', payload: { type: 'order', n: 2 } },
        { id: 'text', payload: 'not json' },
      ],
    });

  it('§9 messages matching no filter are deleted without an invocation (discarded, sqs/filtered-out)', () => {
    const r = run(filtered());
    for (const id of ['refund', 'text']) {
      const m = item(r, id);
      expect(m.outcome, id).toBe('discarded');
      expect(m.attempts, id).toEqual([]);
      expect(invocationsOf(r, id), id).toHaveLength(0);
      expect(events(r, 'sqs/filtered-out', id), id).toHaveLength(1);
      expect(events(r, 'sqs/filtered-out', id)[0]!.rule).toBe('§9');
      expect(events(r, 'sqs/deleted', id), id).toHaveLength(1);
    }
  });

  it('§9 matching messages are processed and deleted after the function succeeds', () => {
    const r = run(filtered());
    expect(r.invocations).toHaveLength(1);
    expect([...r.invocations[0]!.items].sort()).toEqual(['order1', 'order2']);
    for (const id of ['order1', 'order2']) {
      expect(item(r, id).outcome).toBe('succeeded');
      expect(events(r, 'sqs/filtered-out', id)).toHaveLength(0);
    }
  });

  it('§9 when no message matches, the function is never invoked', () => {
    const s = sqsScenario({
      mapping: { FilterCriteria: { Filters: [{ Pattern: '{"body":{"type":["nothing"]}}' }] } },
      messages: msgs(4),
    });
    const r = run(s);
    expect(r.invocations).toHaveLength(0);
    expect(r.metrics.Invocations).toBe(0);
    expect(r.items.every((i) => i.outcome === 'discarded')).toBe(true);
  });
});

describe('§9 filter patterns (matchesFilterCriteria)', () => {
  const f = (...patterns: unknown[]) => patterns.map((p) => ({ Pattern: JSON.stringify(p) }));

  it('§9 exact values: the body is parsed as JSON; any listed value matches', () => {
    const filters = f({ body: { type: ['order', 'refund'] } });
    expect(matchesFilterCriteria({ type: 'order' }, filters)).toBe(true);
    expect(matchesFilterCriteria('{"type":"refund"}', filters)).toBe(true);
    expect(matchesFilterCriteria({ type: 'other' }, filters)).toBe(false);
    expect(matchesFilterCriteria({}, filters)).toBe(false);
    expect(matchesFilterCriteria('order', filters)).toBe(false);
  });

  it('§9 nested fields and several fields must all match', () => {
    const filters = f({ body: { order: { status: ['paid'] }, region: ['eu'] } });
    expect(matchesFilterCriteria({ order: { status: 'paid' }, region: 'eu' }, filters)).toBe(true);
    expect(matchesFilterCriteria({ order: { status: 'paid' }, region: 'us' }, filters)).toBe(false);
    expect(matchesFilterCriteria({ order: { status: 'new' }, region: 'eu' }, filters)).toBe(false);
  });

  it('§9 prefix', () => {
    const filters = f({ body: { sku: [{ prefix: 'BOOK-' }] } });
    expect(matchesFilterCriteria({ sku: 'BOOK-123' }, filters)).toBe(true);
    expect(matchesFilterCriteria({ sku: 'DVD-123' }, filters)).toBe(false);
    expect(matchesFilterCriteria({ sku: 42 }, filters)).toBe(false);
  });

  it('§9 anything-but (one value or a list); a missing field does not match', () => {
    expect(
      matchesFilterCriteria({ type: 'order' }, f({ body: { type: [{ 'anything-but': 'test' }] } })),
    ).toBe(true);
    expect(matchesFilterCriteria({ type: 'test' }, f({ body: { type: [{ 'anything-but': 'test' }] } }))).toBe(
      false,
    );
    const list = f({ body: { type: [{ 'anything-but': ['a', 'b'] }] } });
    expect(matchesFilterCriteria({ type: 'b' }, list)).toBe(false);
    expect(matchesFilterCriteria({ type: 'c' }, list)).toBe(true);
    expect(matchesFilterCriteria({}, list)).toBe(false);
  });

  it('§9 numeric comparisons, including ranges', () => {
    const range = f({ body: { amount: [{ numeric: ['>', 10, '<=', 20] }] } });
    expect(matchesFilterCriteria({ amount: 15 }, range)).toBe(true);
    expect(matchesFilterCriteria({ amount: 20 }, range)).toBe(true);
    expect(matchesFilterCriteria({ amount: 10 }, range)).toBe(false);
    expect(matchesFilterCriteria({ amount: 21 }, range)).toBe(false);
    expect(matchesFilterCriteria({ amount: '15' }, range)).toBe(false);
    expect(matchesFilterCriteria({ amount: 5 }, f({ body: { amount: [{ numeric: ['=', 5] }] } }))).toBe(true);
    expect(matchesFilterCriteria({ amount: 5 }, f({ body: { amount: [{ numeric: ['>=', 6] }] } }))).toBe(
      false,
    );
    expect(matchesFilterCriteria({ amount: 5 }, f({ body: { amount: [{ numeric: ['<', 6] }] } }))).toBe(true);
  });

  it('§9 exists true / false', () => {
    expect(matchesFilterCriteria({ coupon: 'X' }, f({ body: { coupon: [{ exists: true }] } }))).toBe(true);
    expect(matchesFilterCriteria({}, f({ body: { coupon: [{ exists: true }] } }))).toBe(false);
    expect(matchesFilterCriteria({}, f({ body: { coupon: [{ exists: false }] } }))).toBe(true);
    expect(matchesFilterCriteria({ coupon: 'X' }, f({ body: { coupon: [{ exists: false }] } }))).toBe(false);
  });

  it('§9 a message is kept when any of the filters matches', () => {
    const filters = f({ body: { type: ['order'] } }, { body: { priority: [{ numeric: ['>=', 5] }] } });
    expect(matchesFilterCriteria({ type: 'order', priority: 1 }, filters)).toBe(true);
    expect(matchesFilterCriteria({ type: 'refund', priority: 9 }, filters)).toBe(true);
    expect(matchesFilterCriteria({ type: 'refund', priority: 1 }, filters)).toBe(false);
  });

  it('§9 an array field matches when any of its elements matches', () => {
    const filters = f({ body: { tags: ['vip'] } });
    expect(matchesFilterCriteria({ tags: ['new', 'vip'] }, filters)).toBe(true);
    expect(matchesFilterCriteria({ tags: ['new'] }, filters)).toBe(false);
  });
});

describe('§3.2 the event the function receives', () => {
  const twice = () =>
    sqsScenario({
      behavior: { rules: [{ attempts: [1], result: 'error' }] },
      queue: { VisibilityTimeout: 60 },
      messages: [
        { id: 'm1', atMs: 1000, payload: { orderId: 'o-1' } },
        { id: 'm2', atMs: 1000, payload: 'plain text body' },
      ],
    });

  type SqsRecord = {
    messageId: string;
    receiptHandle: string;
    body: string;
    attributes: Record<string, string>;
    eventSource: string;
    eventSourceARN: string;
    awsRegion: string;
  };

  it('§3.2 Records carry messageId, receiptHandle, body (string), attributes, eventSource, eventSourceARN, awsRegion', () => {
    const r = run(twice());
    const [first] = r.invocations;
    const event = sqsBatchEvent(r.sim.state, first!.id) as { Records: SqsRecord[] };
    expect(event.Records).toHaveLength(2);
    const [rec1, rec2] = event.Records;
    expect(rec1!.messageId).toBe(messageIdOf(r, 'm1'));
    expect(rec2!.messageId).toBe(messageIdOf(r, 'm2'));
    expect(typeof rec1!.body).toBe('string');
    expect(JSON.parse(rec1!.body)).toEqual({ orderId: 'o-1' });
    expect(rec2!.body).toBe('plain text body');
    expect(rec1!.receiptHandle).toEqual(expect.any(String));
    expect(rec1!.receiptHandle.length).toBeGreaterThan(0);
    expect(rec1).toMatchObject({
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:orders',
      awsRegion: 'us-east-1',
    });
    expect(rec1!.attributes).toMatchObject({
      ApproximateReceiveCount: '1',
      SentTimestamp: String(SIMULATION_EPOCH_MS + 1000),
      ApproximateFirstReceiveTimestamp: String(SIMULATION_EPOCH_MS + 1000),
    });
    expect(rec1!.attributes).not.toHaveProperty('MessageGroupId');
  });

  it('§3.2 ApproximateReceiveCount and the receipt handle belong to the receive of that invocation', () => {
    const r = run(twice());
    const [first, second] = r.invocations;
    expectNear(second!.startMs, 61_000);
    const a = sqsBatchEvent(r.sim.state, first!.id).Records as SqsRecord[];
    const b = sqsBatchEvent(r.sim.state, second!.id).Records as SqsRecord[];
    expect(a.map((x) => x.attributes.ApproximateReceiveCount)).toEqual(['1', '1']);
    expect(b.map((x) => x.attributes.ApproximateReceiveCount)).toEqual(['2', '2']);
    expect(b[0]!.messageId).toBe(a[0]!.messageId);
    expect(b[0]!.receiptHandle).not.toBe(a[0]!.receiptHandle);
    // The first receive stays the first receive; the sent time never changes.
    expect(b[0]!.attributes.ApproximateFirstReceiveTimestamp).toBe(String(SIMULATION_EPOCH_MS + 1000));
    expect(b[0]!.attributes.SentTimestamp).toBe(a[0]!.attributes.SentTimestamp);
  });

  it('§3.3 FIFO records carry MessageGroupId', () => {
    const r = run(
      scenario({
        sources: [
          {
            type: 'sqs',
            id: 'q',
            queue: { QueueName: 'orders.fifo', FifoQueue: true, VisibilityTimeout: 60 },
            messages: [
              { id: 'a1', messageGroupId: 'A' },
              { id: 'b1', messageGroupId: 'B' },
            ],
          },
        ],
      }),
    );
    const recs = r.invocations.flatMap((inv) => sqsBatchEvent(r.sim.state, inv.id).Records as SqsRecord[]);
    const groups = recs.map((x) => x.attributes.MessageGroupId).sort();
    expect(groups).toEqual(['A', 'B']);
    expect(recs[0]!.eventSourceARN).toBe('arn:aws:sqs:us-east-1:123456789012:orders.fifo');
  });
});

describe('§2.7 / §3.2 queue metrics', () => {
  it('§2.7 ApproximateNumberOfMessagesVisible / NotVisible: max 10 in sqs-batch-success, and an empty queue at the end', () => {
    const r = run(getPreset('sqs-batch-success')!);
    const { stats, series } = r.sim.state.metrics;
    expect(stats.ApproximateNumberOfMessagesVisible.max).toBe(10);
    expect(stats.ApproximateNumberOfMessagesNotVisible.max).toBe(10);
    expect(
      metricSeries(r.sim.state.metrics, 'ApproximateNumberOfMessagesVisible', 1000).length,
    ).toBeGreaterThan(0);
    expect(
      metricSeries(r.sim.state.metrics, 'ApproximateNumberOfMessagesNotVisible', 1000).length,
    ).toBeGreaterThan(0);
    expect(Object.keys(series.ApproximateAgeOfOldestMessage).length).toBeGreaterThan(0);
    const q = r.sim.state.sqs.orders!;
    expect(visibleCount(q)).toBe(0);
    expect(q.inFlight).toBe(0);
    expect(q.stored).toBe(0);
  });

  it('§2.7 ApproximateAgeOfOldestMessage grows while messages wait: ≈180 s at the second receive of sqs-batch-error', () => {
    const r = run(getPreset('sqs-batch-error')!);
    const { stats } = r.sim.state.metrics;
    expectNear(stats.ApproximateAgeOfOldestMessage.max, 180_000);
    expect(stats.ApproximateNumberOfMessagesVisible.max).toBe(5);
    expect(stats.ApproximateNumberOfMessagesNotVisible.max).toBe(5);
    // At 180 s the five messages are visible again; no message is ever counted twice.
    const visible = metricSeries(r.sim.state.metrics, 'ApproximateNumberOfMessagesVisible', 1000);
    expect(visible.find((p) => p.t === 180_000)?.max).toBe(5);
    expect(visible.every((p) => p.max <= 5)).toBe(true);
  });
});
