import { describe, expect, it } from 'vitest';
import { sqsBatchEvent } from '../../src/engine/model/sqs/sqsRecords';
import { getPreset, PRESET_IDS } from '../../src/scenarios/presets';
import { events, expectNear, invocationsOf, item, run, type Run } from '../helpers/scenario';

const runs = new Map<string, Run>();
/** Runs a preset once with its default seed (results are shared by the tests of that preset). */
function preset(id: string): Run {
  let r = runs.get(id);
  if (!r) {
    const s = getPreset(id);
    if (!s) throw new Error(`no preset ${id}`);
    r = run(s);
    runs.set(id, r);
  }
  return r;
}

type Rec = {
  requestContext: { condition: string; approximateInvokeCount: number };
  responseContext?: { functionError?: string };
  responsePayload?: unknown;
  requestPayload?: unknown;
};

describe('presets', () => {
  // Runs every preset, sqs-scaling's 100,000 messages included: seconds on a busy machine.
  it('design "Scenarios" every preset validates and runs to completion', { timeout: 30_000 }, () => {
    const described = [
      'default',
      'sync-success',
      'sync-function-error',
      'sync-timeout',
      'sync-throttled',
      'api-gateway-timeout',
      'cold-and-warm',
      'async-retries-exhausted',
      'async-succeeds-on-third-attempt',
      'async-max-event-age',
      'async-dlq',
      'async-zero-reserved-concurrency',
      'async-throttled-waits',
      'burst-scaling',
    ];
    for (const id of described) expect(PRESET_IDS).toContain(id);
    for (const id of PRESET_IDS) {
      const r = preset(id);
      expect(r.scenario).toBe(id);
      expect(r.items.length, id).toBeGreaterThan(0);
      if (getPreset(id)!.simulation.untilSeconds === undefined) {
        expect(
          r.items.filter((i) => i.outcome === 'in-flight').map((i) => i.id),
          id,
        ).toEqual([]);
      }
    }
  });

  it('§1.1 sync-success: 1 attempt, 200, no function error, body {"ok":true}', () => {
    const r = preset('sync-success');
    const req = item(r, 'request');
    expect(req.attempts).toHaveLength(1);
    expect(req.outcome).toBe('succeeded');
    expect(req.response?.statusCode).toBe(200);
    expect(req.response).not.toHaveProperty('functionError');
    expect(req.response?.body).toEqual({ ok: true });
    expect(r.invocations[0]!.billedMs).toBe(120);
    expect(r.metrics).toMatchObject({ Invocations: 1, Errors: 0 });
  });

  it('§1.1 sync-function-error: 200 + Unhandled, 1 attempt, Errors 1', () => {
    const r = preset('sync-function-error');
    const req = item(r, 'request');
    expect(req.attempts).toHaveLength(1);
    expect(req.response).toMatchObject({ statusCode: 200, functionError: 'Unhandled' });
    expect(req.response?.body).toMatchObject({ errorMessage: 'boom' });
    expect(r.metrics).toMatchObject({ Invocations: 1, Errors: 1, Throttles: 0 });
  });

  it('§1.2 sync-timeout: the attempt ends as a timeout with the Invoke phase capped at 3 s, 200 + Unhandled', () => {
    const r = preset('sync-timeout');
    const req = item(r, 'request');
    expect(req.attempts).toHaveLength(1);
    expect(req.attempts[0]!.result).toBe('timeout');
    const [inv] = r.invocations;
    expectNear(inv!.endMs! - inv!.startMs - inv!.initMs, 3000);
    expectNear(inv!.billedMs, 3000);
    expect(req.response).toMatchObject({ statusCode: 200, functionError: 'Unhandled' });
    expect(r.metrics).toMatchObject({ Errors: 1, Throttles: 0 });
  });

  it('§1.1 sync-throttled: B gets 429 ReservedFunctionConcurrentInvocationLimitExceeded, never runs, Throttles 1', () => {
    const r = preset('sync-throttled');
    const b = item(r, 'B');
    expect(b.response).toMatchObject({
      statusCode: 429,
      reason: 'ReservedFunctionConcurrentInvocationLimitExceeded',
    });
    expect(invocationsOf(r, 'B')).toHaveLength(0);
    expect(b.attempts).toHaveLength(1);
    expect(item(r, 'A').outcome).toBe('succeeded');
    expect(r.metrics).toMatchObject({ Throttles: 1, Invocations: 1 });
  });

  it('§1.5 api-gateway-timeout: 504 at ≈29 s, the invocation ends at ≈35 s', () => {
    const r = preset('api-gateway-timeout');
    const req = item(r, 'request');
    expect(req.response?.statusCode).toBe(504);
    expectNear(req.endedMs, 29_000);
    expect(req.attempts).toHaveLength(1);
    const [inv] = r.invocations;
    expect(inv!.result).toBe('success');
    expectNear(inv!.endMs, 35_000);
  });

  it('§2.2 async-retries-exhausted: attempts at ≈0, ≈61, ≈182 s; one on-failure RetriesExhausted record, count 3', () => {
    const r = preset('async-retries-exhausted');
    const ev = item(r, 'event');
    expect(ev.attempts).toHaveLength(3);
    expect(ev.attempts[0]!.startMs).toBeLessThan(1000);
    expectNear(ev.attempts[1]!.startMs, 61_000);
    expectNear(ev.attempts[2]!.startMs, 182_000);
    const failures = ev.deliveries.filter((d) => d.target === 'on-failure');
    expect(ev.deliveries).toHaveLength(1);
    const rec = failures[0]!.record as Rec;
    expect(rec.requestContext).toMatchObject({ condition: 'RetriesExhausted', approximateInvokeCount: 3 });
    expect(rec.responseContext?.functionError).toBe('Unhandled');
  });

  it('§2.5 async-succeeds-on-third-attempt: one on-success Success record, count 3, {"v":42}; nothing on failure', () => {
    const r = preset('async-succeeds-on-third-attempt');
    const ev = item(r, 'event');
    expect(ev.attempts.map((a) => a.result)).toEqual(['error', 'error', 'success']);
    expect(ev.deliveries).toHaveLength(1);
    const [d] = ev.deliveries;
    expect(d!.target).toBe('on-success');
    const detail = (d!.record as { detail: Rec }).detail;
    expect(detail.requestContext).toMatchObject({ condition: 'Success', approximateInvokeCount: 3 });
    expect(detail.responsePayload).toEqual({ v: 42 });
    expect(ev.deliveries.filter((x) => x.target === 'on-failure')).toHaveLength(0);
  });

  it('§9 async-max-event-age: 1 attempt; EventAgeExceeded count 1 delivered without waiting 60 s', () => {
    const r = preset('async-max-event-age');
    const ev = item(r, 'event');
    expect(ev.attempts).toHaveLength(1);
    expect(ev.deliveries).toHaveLength(1);
    const [d] = ev.deliveries;
    expect((d!.record as Rec).requestContext).toMatchObject({
      condition: 'EventAgeExceeded',
      approximateInvokeCount: 1,
    });
    expect(d!.atMs).toBe(ev.attempts[0]!.endMs);
    expect(d!.atMs).toBeLessThan(60_000 * 0.9);
  });

  it('§2.6 async-dlq: 3 attempts; DLQ body = original event, RequestID, ErrorCode Number "200", ErrorMessage with "boom"', () => {
    const r = preset('async-dlq');
    const ev = item(r, 'event');
    expect(ev.attempts).toHaveLength(3);
    const dlq = ev.deliveries.filter((d) => d.target === 'dlq');
    expect(dlq).toHaveLength(1);
    const msg = dlq[0]!.record as {
      Body: string;
      MessageAttributes: Record<string, { DataType: string; StringValue: string }>;
    };
    expect(JSON.parse(msg.Body)).toEqual({ orderId: 'o-1001', amount: 42.5 });
    expect(msg.MessageAttributes.RequestID).toEqual({ DataType: 'String', StringValue: ev.requestId });
    expect(msg.MessageAttributes.ErrorCode).toEqual({ DataType: 'Number', StringValue: '200' });
    expect(msg.MessageAttributes.ErrorMessage!.StringValue).toContain('boom');
  });

  it('§2.3 async-zero-reserved-concurrency: no attempt runs; ZeroReservedConcurrency, count 0, no responseContext', () => {
    const r = preset('async-zero-reserved-concurrency');
    const ev = item(r, 'event');
    expect(r.invocations).toHaveLength(0);
    expect(r.metrics.Invocations).toBe(0);
    expect(ev.response?.statusCode).toBe(202);
    expect(ev.deliveries).toHaveLength(1);
    const rec = ev.deliveries[0]!.record as Rec;
    expect(rec.requestContext).toMatchObject({
      condition: 'ZeroReservedConcurrency',
      approximateInvokeCount: 0,
    });
    expect(rec).not.toHaveProperty('responseContext');
    expect(rec).not.toHaveProperty('responsePayload');
    expect(r.metrics.AsyncEventsDropped).toBe(1);
  });

  it('§2.3 async-throttled-waits: E2 is throttled at first, then succeeds after E1 ends; nothing on failure', () => {
    const r = preset('async-throttled-waits');
    const e1 = item(r, 'E1');
    const e2 = item(r, 'E2');
    expect(e2.attempts[0]!.result).toBe('throttled');
    expect(events(r, 'async/throttled', 'E2').length).toBeGreaterThan(0);
    expect(e2.outcome).toBe('succeeded');
    const [run2] = invocationsOf(r, 'E2');
    expect(run2!.startMs).toBeGreaterThanOrEqual(e1.endedMs!);
    expect(e1.outcome).toBe('succeeded');
    expect(r.items.flatMap((i) => i.deliveries).filter((d) => d.target === 'on-failure')).toHaveLength(0);
  });

  it('§4 burst-scaling: at most 1,000 run in the first 10 s, the rest get 429', () => {
    const r = preset('burst-scaling');
    const startedEarly = r.invocations.filter((i) => i.startMs < 10_000).length;
    expect(startedEarly).toBeLessThanOrEqual(1000);
    expectNear(startedEarly, 1000);
    const ran = new Set(r.invocations.flatMap((i) => i.items));
    const rest = r.items.filter((i) => !ran.has(i.id));
    expect(rest.length).toBe(3000 - ran.size);
    expect(rest.every((i) => i.response?.statusCode === 429)).toBe(true);
    expect(r.metrics.Throttles).toBe(rest.length);
  });

  it('§4 cold-and-warm: the first call is cold, the second warm on the same environment', () => {
    const r = preset('cold-and-warm');
    const [first] = invocationsOf(r, 'first');
    const [second] = invocationsOf(r, 'second');
    expect(first!.coldStart).toBe(true);
    expect(second!.coldStart).toBe(false);
    expect(second!.environmentId).toBe(first!.environmentId);
  });

  it('§2.2 default: the async event fails twice then succeeds; on-success delivery; on-failure and DLQ receive nothing', () => {
    const r = preset('default');
    const ev = item(r, 'order-event');
    expect(ev.response?.statusCode).toBe(202);
    expect(ev.attempts.map((a) => a.result)).toEqual(['error', 'error', 'success']);
    expectNear(ev.attempts[1]!.startMs - ev.attempts[0]!.endMs!, 60_000);
    expectNear(ev.attempts[2]!.startMs - ev.attempts[1]!.endMs!, 120_000);
    expect(ev.outcome).toBe('succeeded');
    expect(ev.deliveries.map((d) => d.target)).toEqual(['on-success']);
    const detail = (ev.deliveries[0]!.record as { detail: Rec }).detail;
    expect(detail.requestContext).toMatchObject({ condition: 'Success', approximateInvokeCount: 3 });
    expect(detail.responsePayload).toEqual({ status: 'processed' });
  });
});

describe('SQS presets', () => {
  const SQS_PRESETS = [
    'sqs-batch-success',
    'sqs-batch-error',
    'sqs-partial-batch-failure',
    'sqs-redrive-to-dlq',
    'sqs-visibility-too-short',
    'sqs-scaling',
    'sqs-fifo-group-blocking',
    'sqs-batching-window',
    'sqs-poison-then-success',
    'sqs-visibility-six-times',
  ];
  const receiveCounts = (r: Run, id: string) =>
    item(r, id).attempts.map((a) => (a as { receiveCount?: number }).receiveCount);

  it('§3.2 every sqs-* preset is listed under poll-based, runs to completion and leaves no message in flight', () => {
    for (const id of SQS_PRESETS) {
      expect(PRESET_IDS, id).toContain(id);
      expect(getPreset(id)!.group, id).toBe('poll-based');
      const r = preset(id);
      expect(r.items.length, id).toBeGreaterThan(0);
      expect(
        r.items.filter((i) => i.outcome === 'in-flight').map((i) => i.id),
        id,
      ).toEqual([]);
      expect(
        r.items.every((i) => i.kind === 'sqs'),
        id,
      ).toBe(true);
    }
    expect(PRESET_IDS.filter((id) => id.startsWith('sqs-')).sort()).toEqual([...SQS_PRESETS].sort());
  });

  it('§3.2 sqs-batch-success: one invocation with the 10 records (receive count "1", aws:sqs); all 10 deleted once after it', () => {
    const r = preset('sqs-batch-success');
    expect(r.invocations).toHaveLength(1);
    const [inv] = r.invocations;
    expect(inv!.items).toHaveLength(10);
    expect(inv!.result).toBe('success');
    const { Records } = sqsBatchEvent(r.sim.state, inv!.id) as {
      Records: Array<{
        messageId: string;
        receiptHandle: string;
        eventSource: string;
        attributes: Record<string, string>;
      }>;
    };
    expect(Records).toHaveLength(10);
    for (const rec of Records) {
      expect(rec.attributes.ApproximateReceiveCount).toBe('1');
      expect(rec.eventSource).toBe('aws:sqs');
      expect(rec.messageId).toEqual(expect.any(String));
      expect(rec.receiptHandle).toEqual(expect.any(String));
    }
    for (const m of r.items) {
      expect(m.outcome, m.id).toBe('succeeded');
      const deleted = events(r, 'sqs/deleted', m.id);
      expect(deleted, m.id).toHaveLength(1);
      expect(deleted[0]!.t).toBe(inv!.endMs);
    }
    expect(r.metrics).toMatchObject({ Invocations: 1, Errors: 0 });
  });

  it('§3.2 sqs-batch-error: nothing deleted; all 5 hidden until ≈180 s, then received with count 2; m1–m3 processed twice', () => {
    const r = preset('sqs-batch-error');
    expect(r.invocations).toHaveLength(2);
    const [first, second] = r.invocations;
    expect(first!.result).toBe('error');
    expect(first!.items).toHaveLength(5);
    expect(events(r, 'sqs/deleted').filter((e) => e.t < second!.startMs)).toHaveLength(0);
    expectNear(second!.startMs, 180_000);
    for (const m of r.items) {
      expect(receiveCounts(r, m.id), m.id).toEqual([1, 2]);
      expectNear(events(r, 'sqs/visible-again', m.id)[0]!.t, 180_000);
      expect(events(r, 'sqs/deleted', m.id), m.id).toHaveLength(1);
    }
    for (const id of ['m1', 'm2', 'm3']) expect(invocationsOf(r, id), id).toHaveLength(2);
    const records = sqsBatchEvent(r.sim.state, second!.id).Records as Array<{
      attributes: Record<string, string>;
    }>;
    expect(records.map((x) => x.attributes.ApproximateReceiveCount)).toEqual(Array(5).fill('2'));
  });

  it('§3.2 sqs-partial-batch-failure: m1, m3, m5 processed once; m2, m4 twice, the second time ≥ one visibility timeout later', () => {
    const r = preset('sqs-partial-batch-failure');
    const source = getPreset('sqs-partial-batch-failure')!.sources[0]!;
    const visibilityMs = source.type === 'sqs' ? source.queue.VisibilityTimeout * 1000 : Number.NaN;
    expect(visibilityMs).toBe(180_000);
    expect(r.invocations[0]!.result).toBe('partial');
    for (const id of ['m1', 'm3', 'm5']) {
      expect(invocationsOf(r, id), id).toHaveLength(1);
      expect(receiveCounts(r, id), id).toEqual([1]);
      expect(events(r, 'sqs/deleted', id)[0]!.t).toBe(r.invocations[0]!.endMs);
    }
    for (const id of ['m2', 'm4']) {
      const runs = invocationsOf(r, id);
      expect(runs, id).toHaveLength(2);
      expect(runs[1]!.startMs - runs[0]!.startMs, id).toBeGreaterThanOrEqual(visibilityMs);
      expect(receiveCounts(r, id), id).toEqual([1, 2]);
    }
    expect([...r.invocations[1]!.items].sort()).toEqual(['m2', 'm4']);
    for (const m of r.items) {
      expect(m.outcome, m.id).toBe('succeeded');
      expect(events(r, 'sqs/deleted', m.id), m.id).toHaveLength(1);
    }
  });

  it('§3.2 sqs-redrive-to-dlq: received 3 times ≈60 s apart, then SQS moves it to the queue DLQ; no function DLQ or destination', () => {
    const r = preset('sqs-redrive-to-dlq');
    const m = item(r, 'm1');
    expect(receiveCounts(r, 'm1')).toEqual([1, 2, 3]);
    expect(m.attempts.map((a) => a.result)).toEqual(['error', 'error', 'error']);
    expectNear(m.attempts[1]!.startMs - m.attempts[0]!.startMs, 60_000);
    expectNear(m.attempts[2]!.startMs - m.attempts[1]!.startMs, 60_000);
    const moved = events(r, 'sqs/moved-to-dlq', 'm1');
    expect(moved).toHaveLength(1);
    expectNear(moved[0]!.t, 180_000);
    expect(m.outcome).toBe('dead-lettered');
    expect(m.deliveries.map((d) => d.target)).toEqual(['queue-dlq']);
    expect(m.deliveries[0]!.destination).toBe('arn:aws:sqs:us-east-1:123456789012:orders-queue-dlq');
    const record = m.deliveries[0]!.record as { MessageId: string; Body: string };
    expect(record.MessageId).toBe(events(r, 'sqs/sent', 'm1')[0]!.data!.messageId);
    expect(JSON.parse(record.Body)).toEqual({ orderId: 'o-1001' });
    expect(events(r, 'sqs/deleted')).toHaveLength(0);
  });

  it('§3.2 sqs-visibility-too-short: visible again at 5 s, processed twice at the same time; the stale-handle delete still deletes it once', () => {
    const r = preset('sqs-visibility-too-short');
    const runs = invocationsOf(r, 'm1');
    expect(runs).toHaveLength(2);
    expectNear(runs[1]!.startMs, 5000);
    expect(runs[1]!.startMs).toBeLessThan(runs[0]!.endMs!);
    const deleted = events(r, 'sqs/deleted', 'm1');
    expect(deleted).toHaveLength(1);
    expect(deleted[0]!.data).toMatchObject({ staleReceiptHandle: true });
    expect(item(r, 'm1').outcome).toBe('succeeded');
  });

  it('§3.2 sqs-scaling: 5 concurrent batches at first, ≤ ≈305 at 61 s, never above 1,250; all 100,000 processed', () => {
    const r = preset('sqs-scaling');
    const running = (t: number) =>
      r.invocations.filter((i) => i.startMs <= t && (i.endMs ?? Number.POSITIVE_INFINITY) > t).length;
    expect(running(0)).toBe(5);
    expect(running(59_000)).toBe(5);
    expect(running(61_000)).toBeLessThanOrEqual(Math.round(305 * 1.1));
    expectNear(running(61_000), 305);
    expect(r.metrics.ConcurrentExecutionsMax).toBeLessThanOrEqual(1250);
    expect(r.metrics.ConcurrentExecutionsMax).toBe(1250);
    expect(r.items).toHaveLength(100_000);
    expect(r.items.every((i) => i.outcome === 'succeeded')).toBe(true);
    expect(r.invocations).toHaveLength(10_000);
    expect(r.metrics.Throttles).toBe(0);
  });

  it('§3.3 sqs-fifo-group-blocking: B1, B2 run without waiting for A; A2 only after A1 succeeded, then A3', () => {
    const r = preset('sqs-fifo-group-blocking');
    const a1 = item(r, 'A1');
    expect(a1.attempts.map((a) => a.result)).toEqual(['error', 'error', 'success']);
    const [b1] = invocationsOf(r, 'B1');
    const [b2] = invocationsOf(r, 'B2');
    expect(b1!.startMs).toBeLessThan(1000);
    expect(b2!.startMs).toBeGreaterThanOrEqual(b1!.endMs!);
    expect(b2!.endMs!).toBeLessThan(a1.attempts[1]!.startMs);
    const [a2] = invocationsOf(r, 'A2');
    const [a3] = invocationsOf(r, 'A3');
    expect(invocationsOf(r, 'A2')).toHaveLength(1);
    expect(a2!.startMs).toBeGreaterThanOrEqual(a1.endedMs!);
    expect(a3!.startMs).toBeGreaterThanOrEqual(a2!.endMs!);
    for (const id of ['A1', 'A2', 'A3', 'B1', 'B2']) expect(item(r, id).outcome, id).toBe('succeeded');
    // One group is never processed in parallel.
    for (const g of ['A', 'B']) {
      const invs = r.invocations.filter((i) => i.items.some((id) => id.startsWith(g)));
      for (let k = 1; k < invs.length; k++)
        expect(invs[k]!.startMs).toBeGreaterThanOrEqual(invs[k - 1]!.endMs!);
    }
  });
});
