import { describe, expect, it } from 'vitest';
import {
  events,
  expectNear,
  invocationsOf,
  item,
  req,
  run,
  scenario,
  SQS_FAILED,
  type Run,
} from '../helpers/scenario';

const MB = 1024 * 1024;

function asyncSource(requests: Array<Record<string, unknown>>) {
  return [{ type: 'async' as const, id: 'caller', caller: 'direct' as const, requests }];
}

/** A function that always throws after `ms`, with an on-failure SQS destination and optional async config. */
function alwaysFails(config: Record<string, unknown> = {}, ms = 1000, fn: Record<string, unknown> = {}) {
  return scenario({
    function: {
      EventInvokeConfig: { ...config, DestinationConfig: { OnFailure: { Destination: SQS_FAILED } } },
      behavior: {
        rules: [{ result: 'error', durationMs: ms, error: { errorType: 'Error', errorMessage: 'boom' } }],
      },
      ...fn,
    },
    sources: asyncSource([req('e', 0, { payload: { order: 1 } })]),
  });
}

function onFailure(r: Run, id = 'e') {
  return item(r, id).deliveries.filter((d) => d.target === 'on-failure');
}

type Rec = {
  requestContext: { condition: string; approximateInvokeCount: number; requestId: string };
  responseContext?: { functionError?: string; statusCode?: number };
  responsePayload?: unknown;
  requestPayload?: unknown;
};

describe('§2.1 acceptance', () => {
  it('§2.1 an Event invoke gets 202 at once and is queued, even when every attempt fails', () => {
    const r = run(alwaysFails());
    const e = item(r, 'e');
    expect(e.response).toEqual({ statusCode: 202 });
    const accepted = events(r, 'async/accepted', 'e');
    expect(accepted).toHaveLength(1);
    expect(accepted[0]!.t).toBe(0);
    expect(accepted[0]!.rule).toBe('§2.1');
    expect(events(r, 'async/queued', 'e')).toHaveLength(1);
    expect(e.response).not.toHaveProperty('functionError');
    expect(r.metrics.AsyncEventsReceived).toBe(1);
  });

  it('§2.1 a payload above 1 MB (1,048,576 bytes) gets 413 and nothing is queued (Invocations 0)', () => {
    const r = run(scenario({ sources: asyncSource([req('big', 0, { payloadSizeBytes: MB + 1 })]) }));
    const big = item(r, 'big');
    expect(big.outcome).toBe('rejected');
    expect(big.response).toMatchObject({ statusCode: 413, errorType: 'RequestTooLargeException' });
    expect(events(r, 'async/queued')).toHaveLength(0);
    expect(r.metrics).toMatchObject({ Invocations: 0, AsyncEventsReceived: 0 });
  });

  it('§2.1 a payload of exactly 1,048,576 bytes is accepted', () => {
    const r = run(scenario({ sources: asyncSource([req('edge', 0, { payloadSizeBytes: MB })]) }));
    expect(item(r, 'edge').response?.statusCode).toBe(202);
    expect(r.metrics.Invocations).toBe(1);
  });
});

describe('§2.2 function errors are retried', () => {
  it('§2.2 by default 3 attempts: retries wait ≈60 s then ≈120 s after the end of the failed attempt', () => {
    const r = run(alwaysFails());
    const attempts = item(r, 'e').attempts;
    expect(attempts).toHaveLength(3);
    expect(attempts.map((a) => a.result)).toEqual(['error', 'error', 'error']);
    expectNear(attempts[1]!.startMs - attempts[0]!.endMs!, 60_000);
    expectNear(attempts[2]!.startMs - attempts[1]!.endMs!, 120_000);
    expectNear(attempts[1]!.startMs, 61_000);
    expectNear(attempts[2]!.startMs, 182_000);
    const scheduled = events(r, 'async/retry-scheduled', 'e');
    expect(scheduled.map((e) => e.rule)).toEqual(['§2.2', '§2.2']);
    const [rec] = onFailure(r);
    expect((rec!.record as Rec).requestContext).toMatchObject({
      condition: 'RetriesExhausted',
      approximateInvokeCount: 3,
    });
    expect(r.metrics).toMatchObject({ Invocations: 3, Errors: 3, AsyncEventsDropped: 1 });
  });

  it('§2.2 MaximumRetryAttempts 0: one attempt, failure record right after it (count 1), no 60 s wait', () => {
    const r = run(alwaysFails({ MaximumRetryAttempts: 0 }));
    const e = item(r, 'e');
    expect(e.attempts).toHaveLength(1);
    const deliveries = onFailure(r);
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]!.atMs).toBe(e.attempts[0]!.endMs);
    expect((deliveries[0]!.record as Rec).requestContext).toMatchObject({
      condition: 'RetriesExhausted',
      approximateInvokeCount: 1,
    });
    expect(events(r, 'async/retry-scheduled')).toHaveLength(0);
  });

  it('§2.2 MaximumRetryAttempts 1: two attempts (t≈0, t≈61 s), record count 2, no third attempt', () => {
    const r = run(alwaysFails({ MaximumRetryAttempts: 1 }));
    const e = item(r, 'e');
    expect(e.attempts).toHaveLength(2);
    expectNear(e.attempts[1]!.startMs, 61_000);
    const deliveries = onFailure(r);
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]!.atMs).toBe(e.attempts[1]!.endMs);
    expect((deliveries[0]!.record as Rec).requestContext.approximateInvokeCount).toBe(2);
  });

  it('§2.2 timeouts are retried like errors (ASYNC-07): 3 attempts stopped at Timeout, gaps ≈60/≈120 s, Unhandled', () => {
    const r = run(
      scenario({
        function: {
          Timeout: 3,
          EventInvokeConfig: { DestinationConfig: { OnFailure: { Destination: SQS_FAILED } } },
          behavior: { duration: { distribution: 'fixed', ms: 10_000 } },
        },
        sources: asyncSource([req('e')]),
      }),
    );
    const e = item(r, 'e');
    expect(e.attempts.map((a) => a.result)).toEqual(['timeout', 'timeout', 'timeout']);
    for (const inv of invocationsOf(r, 'e')) expectNear(inv.endMs! - inv.startMs - inv.initMs, 3000);
    expectNear(e.attempts[1]!.startMs - e.attempts[0]!.endMs!, 60_000);
    expectNear(e.attempts[2]!.startMs - e.attempts[1]!.endMs!, 120_000);
    const rec = onFailure(r)[0]!.record as Rec;
    expect(rec.requestContext.approximateInvokeCount).toBe(3);
    expect(rec.responseContext?.functionError).toBe('Unhandled');
    expect(r.metrics).toMatchObject({ Errors: 3, Throttles: 0 });
  });

  it('§2.2 a later success ends the retries: no further attempt', () => {
    const r = run(
      scenario({
        function: { behavior: { rules: [{ attempts: [1], result: 'error' }] } },
        sources: asyncSource([req('e')]),
      }),
    );
    expect(item(r, 'e').attempts.map((a) => a.result)).toEqual(['error', 'success']);
    expect(item(r, 'e').outcome).toBe('succeeded');
  });
});

describe('§9 maximum event age is checked before waiting', () => {
  it('§9 age 60 s: 1 attempt, EventAgeExceeded with count 1, delivered at once', () => {
    const r = run(alwaysFails({ MaximumEventAgeInSeconds: 60 }));
    const e = item(r, 'e');
    expect(e.attempts).toHaveLength(1);
    const [d] = onFailure(r);
    expect((d!.record as Rec).requestContext).toMatchObject({
      condition: 'EventAgeExceeded',
      approximateInvokeCount: 1,
    });
    expect(d!.atMs).toBe(e.attempts[0]!.endMs);
    expect(d!.atMs).toBeLessThan(10_000);
    expect(e.outcome).not.toBe('in-flight');
    expect(events(r, 'async/event-age-exceeded')[0]!.rule).toBe('§9');
    expect(r.metrics.AsyncEventsDropped).toBe(1);
  });

  it('§9 age 90 s: 2 attempts, EventAgeExceeded with count 2', () => {
    const r = run(alwaysFails({ MaximumEventAgeInSeconds: 90 }));
    const e = item(r, 'e');
    expect(e.attempts).toHaveLength(2);
    const [d] = onFailure(r);
    expect((d!.record as Rec).requestContext).toMatchObject({
      condition: 'EventAgeExceeded',
      approximateInvokeCount: 2,
    });
    expect(d!.atMs).toBe(e.attempts[1]!.endMs);
  });

  it('§9 all attempts of one event share one requestId and reuse the warm environment', () => {
    const r = run(alwaysFails());
    const invs = invocationsOf(r, 'e');
    expect(invs).toHaveLength(3);
    expect(new Set(invs.map((i) => i.requestId)).size).toBe(1);
    expect(invs[0]!.requestId).toBe(item(r, 'e').requestId);
    expect(new Set(invs.map((i) => i.environmentId)).size).toBe(1);
    expect(invs.map((i) => i.coldStart)).toEqual([true, false, false]);
    const rec = onFailure(r)[0]!.record as Rec;
    expect(rec.requestContext.requestId).toBe(invs[0]!.requestId);
  });

  it('§9 different events get different request ids', () => {
    const r = run(scenario({ sources: asyncSource([req('a'), req('b'), req('c', 10)]) }));
    expect(new Set(r.items.map((i) => i.requestId)).size).toBe(3);
  });
});

describe('§2.3 throttles and the queue', () => {
  /** E1 holds the only slot (reserved concurrency 1) for `holdMs`; E2 arrives at 0.1 s. */
  function blocked(holdMs: number, config: Record<string, unknown> = {}) {
    return scenario({
      function: {
        Timeout: 900,
        ReservedConcurrentExecutions: 1,
        EventInvokeConfig: {
          MaximumRetryAttempts: 0,
          DestinationConfig: { OnFailure: { Destination: SQS_FAILED } },
          ...config,
        },
        behavior: { rules: [{ items: ['E1'], result: 'success', durationMs: holdMs }] },
      },
      sources: asyncSource([req('E1'), req('E2', 100)]),
    });
  }

  it('§2.3 throttled events back off 1 s, 2 s, 4 s… capped at 5 min', () => {
    const r = run(blocked(890_000));
    const waits = events(r, 'async/throttled', 'E2').map((e) => e.data!.backoffMs as number);
    expect(waits.slice(0, 9)).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, 64_000, 128_000, 256_000]);
    expect(waits.slice(9).length).toBeGreaterThan(0);
    expect(waits.slice(9).every((w) => w === 300_000)).toBe(true);
    expect(Math.max(...waits)).toBe(300_000);
    for (const e of events(r, 'async/throttled', 'E2')) expect(e.rule).toBe('§2.3');
  });

  it('§2.3 throttles do not consume retries: with MaximumRetryAttempts 0 the throttled event still runs and succeeds', () => {
    const r = run(blocked(30_000));
    const e2 = item(r, 'E2');
    expect(e2.attempts.filter((a) => a.result === 'throttled').length).toBeGreaterThan(0);
    expect(e2.attempts.at(-1)!.result).toBe('success');
    expect(e2.outcome).toBe('succeeded');
    expect(invocationsOf(r, 'E2')).toHaveLength(1);
    expect(invocationsOf(r, 'E2')[0]!.startMs).toBeGreaterThanOrEqual(item(r, 'E1').endedMs!);
    expect(onFailure(r, 'E2')).toHaveLength(0);
    expect(r.metrics.Throttles).toBe(e2.attempts.filter((a) => a.result === 'throttled').length);
    expect(r.metrics.Invocations).toBe(2);
  });

  it('§2.3 an event throttled past its maximum age fails with EventAgeExceeded, without ever running', () => {
    const r = run(blocked(120_000, { MaximumEventAgeInSeconds: 60 }));
    const e2 = item(r, 'E2');
    expect(invocationsOf(r, 'E2')).toHaveLength(0);
    expect(e2.endedMs! - e2.arrivedMs).toBeLessThanOrEqual(60_000);
    const [d] = onFailure(r, 'E2');
    const rec = d!.record as Rec;
    expect(rec.requestContext).toMatchObject({ condition: 'EventAgeExceeded', approximateInvokeCount: 0 });
    expect(rec).not.toHaveProperty('responseContext');
    expect(r.metrics.AsyncEventsDropped).toBe(1);
  });

  it('§2.3 a system error (5xx) backs off like a throttle and does not use up retries', () => {
    const r = run(
      scenario({
        function: {
          EventInvokeConfig: { MaximumRetryAttempts: 0 },
          behavior: { rules: [{ attempts: [1], result: 'service-error' }] },
        },
        sources: asyncSource([req('e')]),
      }),
    );
    const e = item(r, 'e');
    expect(e.outcome).toBe('succeeded');
    expect(invocationsOf(r, 'e')).toHaveLength(1);
    const [backoff] = events(r, 'async/throttled', 'e');
    expect(backoff!.data!.backoffMs).toBe(1000);
    expect(backoff!.rule).toBe('§2.3');
    expect(r.metrics.Errors).toBe(0);
  });

  it('§2.3 reserved concurrency 0: ZeroReservedConcurrency record, count 0, no response, no attempt, dropped', () => {
    const r = run(
      scenario({
        function: {
          ReservedConcurrentExecutions: 0,
          EventInvokeConfig: { DestinationConfig: { OnFailure: { Destination: SQS_FAILED } } },
        },
        sources: asyncSource([req('e', 0, { payload: { order: 1 } })]),
      }),
    );
    const e = item(r, 'e');
    expect(e.response?.statusCode).toBe(202);
    expect(r.invocations).toHaveLength(0);
    expect(r.metrics.Invocations).toBe(0);
    const [d] = onFailure(r);
    const rec = d!.record as Rec;
    expect(rec.requestContext).toMatchObject({
      condition: 'ZeroReservedConcurrency',
      approximateInvokeCount: 0,
    });
    expect(rec).not.toHaveProperty('responseContext');
    expect(rec).not.toHaveProperty('responsePayload');
    expect(rec.requestPayload).toEqual({ order: 1 });
    expect(r.metrics.AsyncEventsDropped).toBe(1);
    // Without retries: promptly, and only once.
    expect(d!.atMs).toBeLessThan(1000);
    expect(events(r, 'async/throttled')).toHaveLength(0);
    expect(events(r, 'async/retry-scheduled')).toHaveLength(0);
  });
});

describe('§2.4 delivery guarantees', () => {
  it('§2.4 asyncDuplicateProbability 1 runs the handler twice for one event, with the same requestId', () => {
    const r = run(
      scenario({
        simulation: { asyncDuplicateProbability: 1 },
        sources: asyncSource([req('e', 0, { payload: { n: 1 } })]),
      }),
    );
    const runs = invocationsOf(r, 'e');
    expect(runs).toHaveLength(2);
    expect(runs[0]!.requestId).toBe(runs[1]!.requestId);
    expect(events(r, 'async/duplicate-delivery', 'e')[0]!.rule).toBe('§2.4');
    expect(r.metrics.Invocations).toBe(2);
    expect(r.metrics.AsyncEventsReceived).toBe(1);
  });

  it('§2.4 by default (probability 0) an event that succeeds is never run twice', () => {
    const r = run(scenario({ sources: asyncSource([req('e', 0, { count: 50, everyMs: 10 })]) }));
    for (const it of r.items) expect(invocationsOf(r, it.id)).toHaveLength(1);
    expect(events(r, 'async/duplicate-delivery')).toHaveLength(0);
  });
});

describe('§2.4 duplicates and retries', () => {
  it("§2.4 a duplicate delivery does not use up the event's retries: still 3 attempts at ≈0, ≈61, ≈182 s (§2.2)", () => {
    const r = run(
      scenario({
        simulation: { asyncDuplicateProbability: 1 },
        function: {
          EventInvokeConfig: { DestinationConfig: { OnFailure: { Destination: SQS_FAILED } } },
          behavior: { rules: [{ result: 'error', durationMs: 1000 }] },
        },
        sources: asyncSource([req('e')]),
      }),
    );
    const e = item(r, 'e');
    const regular = e.attempts.filter((a) => !a.duplicate && a.result !== 'throttled');
    expect(regular).toHaveLength(3);
    expectNear(regular[1]!.startMs - regular[0]!.endMs!, 60_000);
    expectNear(regular[2]!.startMs - regular[1]!.endMs!, 120_000);
  });
});

describe('§2.4 no ordering guarantee', () => {
  it('§2.4 events accepted 5 ms apart do not always start in arrival order (across seeds)', () => {
    const s = scenario({
      function: { behavior: { duration: { distribution: 'fixed', ms: 100 } } },
      sources: asyncSource([req('first', 0), req('second', 5)]),
    });
    const outOfOrder = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].filter((seed) => {
      const r = run(s, seed);
      return item(r, 'second').attempts[0]!.startMs < item(r, 'first').attempts[0]!.startMs;
    });
    expect(outOfOrder.length).toBeGreaterThan(0);
    expect(outOfOrder.length).toBeLessThan(10);
  });

  it('§2.4 a failed event is retried behind events that arrived after it', () => {
    const r = run(
      scenario({
        function: {
          behavior: { rules: [{ items: ['early'], attempts: [1], result: 'error', durationMs: 100 }] },
        },
        sources: asyncSource([req('early', 0), req('late', 10_000)]),
      }),
    );
    expect(item(r, 'late').outcome).toBe('succeeded');
    expect(item(r, 'early').outcome).toBe('succeeded');
    expect(item(r, 'early').endedMs!).toBeGreaterThan(item(r, 'late').endedMs!);
  });
});
