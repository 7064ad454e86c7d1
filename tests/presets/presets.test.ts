import { describe, expect, it } from 'vitest';
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
  it('design "Scenarios" every preset validates and runs to completion', () => {
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
