/**
 * The synchronous, asynchronous and scaling presets that teach payload limits, client retries, ALB,
 * destinations, duplicates, event age and provisioned concurrency do what their descriptions say.
 */
import { describe, expect, it } from 'vitest';
import { events, expectNear, invocationsOf, item } from '../helpers/scenario';
import { presetRun } from './presetRuns';

type Rec = { requestContext: { condition: string; approximateInvokeCount: number } };

describe('synchronous presets', () => {
  it('§1.2 sync-timeout-then-success: timeout 200 + Unhandled, then warm 200, then cold again after the idle reap', () => {
    const r = presetRun('sync-timeout-then-success');
    const slow = item(r, 'slow-order');
    expect(slow.attempts.map((a) => a.result)).toEqual(['timeout']);
    expect(slow.response).toMatchObject({
      statusCode: 200,
      functionError: 'Unhandled',
      errorType: 'Sandbox.Timedout',
    });
    const [first] = invocationsOf(r, 'slow-order');
    expect(first!.billedMs).toBe(3000);
    const [warm] = invocationsOf(r, 'order');
    expect(warm!.coldStart).toBe(false);
    expect(warm!.environmentId).toBe(first!.environmentId);
    expect(item(r, 'order').response).toMatchObject({ statusCode: 200, body: { ok: true } });
    const reaped = events(r, 'env/reaped');
    expect(reaped).toHaveLength(1);
    const [late] = invocationsOf(r, 'late-order');
    expect(late!.coldStart).toBe(true);
    expect(late!.startMs).toBeGreaterThan(reaped[0]!.t);
  });

  it('§1.3 payload-limits: 6.5 MB sync → 413; 7 MB response → RequestEntityTooLarge; async 900 KB → 202, 1.2 MB → 413', () => {
    const r = presetRun('payload-limits');
    expect(item(r, 'too-big').response).toMatchObject({
      statusCode: 413,
      errorType: 'RequestTooLargeException',
    });
    expect(invocationsOf(r, 'too-big')).toHaveLength(0);
    const big = item(r, 'big-answer');
    expect(big.attempts).toHaveLength(1);
    expect(big.response).toMatchObject({
      statusCode: 200,
      functionError: 'Unhandled',
      errorType: 'RequestEntityTooLarge',
    });
    expect(item(r, 'event-900kb')).toMatchObject({ outcome: 'succeeded', response: { statusCode: 202 } });
    expect(item(r, 'event-1-2mb')).toMatchObject({ outcome: 'rejected', response: { statusCode: 413 } });
    expect(invocationsOf(r, 'event-1-2mb')).toHaveLength(0);
    expect(events(r, 'sync/rejected')[0]!.rule).toBe('§1.3');
  });

  it('§1.4 cli-read-timeout-duplicates: three invocations of one request, each billed ≈90 s; the caller gets a read timeout', () => {
    const r = presetRun('cli-read-timeout-duplicates');
    const exp = item(r, 'export');
    expect(exp.attempts).toHaveLength(3);
    expect(exp.attempts.every((a) => a.result === 'success')).toBe(true);
    expect(exp.response).toMatchObject({ errorType: 'ReadTimeoutError' });
    expect(events(r, 'sync/client-timeout')).toHaveLength(3);
    expect(events(r, 'sync/client-retry')).toHaveLength(2);
    expectNear(exp.attempts[1]!.startMs, 60_000);
    for (const inv of r.invocations) expect(inv.billedMs).toBe(90_000);
    expect(r.metrics.ConcurrentExecutionsMax).toBe(2);
  });

  it('§1.4 sdk-retries-throttles: the SDK retries 429s (3 attempts); 4 run, 2 end with 429; Lambda itself never retries', () => {
    const r = presetRun('sdk-retries-throttles');
    expect(r.metrics.Invocations).toBe(4);
    expect(r.metrics.Errors).toBe(0);
    const ended429 = r.items.filter((i) => i.response?.statusCode === 429);
    expect(ended429).toHaveLength(2);
    for (const i of ended429)
      expect(i.attempts.map((a) => a.result)).toEqual(['throttled', 'throttled', 'throttled']);
    for (const i of r.items) expect(i.attempts.length).toBeLessThanOrEqual(3);
    expect(events(r, 'sync/client-retry').every((e) => e.rule === '§1.4')).toBe(true);
    expect(r.metrics.Throttles).toBe(
      r.items.flatMap((i) => i.attempts).filter((a) => a.result === 'throttled').length,
    );
  });

  it('§1.5 alb-limits: 200 for a proxy response; 413 for a body over 1 MB; 502 for a response over 1 MB and for an error', () => {
    const r = presetRun('alb-limits');
    expect(item(r, 'ok').response?.statusCode).toBe(200);
    expect(item(r, 'big-upload').response?.statusCode).toBe(413);
    expect(invocationsOf(r, 'big-upload')).toHaveLength(0);
    expect(item(r, 'big-page').response).toMatchObject({ statusCode: 502, errorType: 'ResponseTooLarge' });
    expect(item(r, 'broken').response?.statusCode).toBe(502);
    for (const i of r.items) expect(i.attempts.length).toBeLessThanOrEqual(1);
  });
});

describe('asynchronous presets', () => {
  it('§2.5 async-aws-sources: S3, SNS and EventBridge get 202; two Success records; RetriesExhausted count 2 on SNS', () => {
    const r = presetRun('async-aws-sources');
    expect(r.items.map((i) => i.caller).sort()).toEqual(['eventbridge', 's3', 'sns']);
    for (const i of r.items) expect(i.response?.statusCode).toBe(202);
    for (const id of ['upload', 'notification']) {
      const [d] = item(r, id).deliveries;
      expect(d).toMatchObject({ target: 'on-success', destinationType: 'lambda' });
      expect((d!.record as Rec).requestContext.condition).toBe('Success');
    }
    const failed = item(r, 'rule-event');
    expect(failed.attempts).toHaveLength(2);
    expectNear(failed.attempts[1]!.startMs - failed.attempts[0]!.endMs!, 60_000);
    expect(failed.deliveries).toHaveLength(1);
    expect(failed.deliveries[0]).toMatchObject({ target: 'on-failure', destinationType: 'sns' });
    expect((failed.deliveries[0]!.record as Rec).requestContext).toMatchObject({
      condition: 'RetriesExhausted',
      approximateInvokeCount: 2,
    });
  });

  it('§2.7 async-delivery-failures: both deliveries fail; DestinationDeliveryFailures 1, DeadLetterErrors 1, event lost', () => {
    const r = presetRun('async-delivery-failures');
    const ev = item(r, 'event');
    expect(ev.outcome).toBe('discarded');
    expect(ev.deliveries.map((d) => [d.target, d.delivered])).toEqual([
      ['on-failure', false],
      ['dlq', false],
    ]);
    expect(r.metrics).toMatchObject({
      Invocations: 1,
      Errors: 1,
      AsyncEventsReceived: 1,
      AsyncEventsDropped: 1,
      DestinationDeliveryFailures: 1,
      DeadLetterErrors: 1,
    });
  });

  it('§2.4 async-duplicate-delivery: no errors, yet some events run twice with one request id and two Success records', () => {
    const r = presetRun('async-duplicate-delivery');
    expect(r.metrics.Errors).toBe(0);
    const twice = r.items.filter((i) => i.attempts.length === 2);
    expect(twice.length).toBe(2);
    for (const i of twice) {
      const invs = invocationsOf(r, i.id);
      expect(new Set(invs.map((inv) => inv.requestId)).size).toBe(1);
      expect(i.deliveries.filter((d) => d.target === 'on-success')).toHaveLength(2);
    }
    expect(events(r, 'async/duplicate-delivery')).toHaveLength(2);
    expect(r.metrics.Invocations).toBe(r.items.length + twice.length);
  });

  it('§2.3 async-throttled-ages-out: backoff 1, 2, 4, 8, 16 s; EventAgeExceeded with count 0 before the slot frees', () => {
    const r = presetRun('async-throttled-ages-out');
    for (const id of ['order-1', 'order-2']) {
      const ev = item(r, id);
      expect(ev.attempts.every((a) => a.result === 'throttled')).toBe(true);
      const waits = events(r, 'async/throttled', id).map((e) => e.data!.backoffMs);
      expect(waits).toEqual([1000, 2000, 4000, 8000, 16_000]);
      const [age] = events(r, 'async/event-age-exceeded', id);
      expect(age!.t).toBeLessThan(60_000);
      expect(ev.deliveries).toHaveLength(1);
      expect((ev.deliveries[0]!.record as Rec).requestContext).toMatchObject({
        condition: 'EventAgeExceeded',
        approximateInvokeCount: 0,
      });
      expect(ev.endedMs!).toBeLessThan(item(r, 'nightly-report').endedMs!);
    }
    expect(r.metrics.Invocations).toBe(1);
    expect(r.metrics.AsyncEventsDropped).toBe(2);
  });
});

describe('scaling presets', () => {
  it('§4 provisioned-concurrency-spillover: 2 warm provisioned runs with no Init billed; 3 cold spillovers with Init billed', () => {
    const r = presetRun('provisioned-concurrency-spillover');
    expect(events(r, 'env/provisioned-ready')).toHaveLength(1);
    const provisioned = r.invocations.filter((i) => i.environmentId.startsWith('pc-'));
    const spill = r.invocations.filter((i) => !i.environmentId.startsWith('pc-'));
    expect(provisioned).toHaveLength(2);
    expect(spill).toHaveLength(3);
    for (const inv of provisioned) expect(inv).toMatchObject({ coldStart: false, initBilledMs: 0 });
    for (const inv of spill) expect(inv).toMatchObject({ coldStart: true, initBilledMs: 800 });
    expect(r.metrics.ProvisionedConcurrencySpilloverInvocations).toBe(3);
    expect(r.metrics.BilledDurationMs).toBe(5 * 300 + 3 * 800);
  });
});
