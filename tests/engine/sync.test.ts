import { describe, expect, it } from 'vitest';
import { events, expectNear, invocationsOf, item, req, run, scenario } from '../helpers/scenario';

type Caller = 'direct' | 'aws-cli' | 'aws-sdk' | 'api-gateway' | 'alb';

/** One synchronous source with the given requests. */
function sync(caller: Caller, requests: Array<Record<string, unknown>>, extra: Record<string, unknown> = {}) {
  return [{ type: 'sync' as const, id: 'client', caller, requests, ...extra }];
}

const MB = 1024 * 1024;

describe('§1.1 what a synchronous caller gets', () => {
  it('§1.1 a returned value is HTTP 200 without X-Amz-Function-Error, body = the value', () => {
    const r = run(
      scenario({
        function: { behavior: { duration: { distribution: 'fixed', ms: 120 }, returns: { ok: true } } },
        sources: sync('direct', [req('a')]),
      }),
    );
    const a = item(r, 'a');
    expect(a.outcome).toBe('succeeded');
    expect(a.response?.statusCode).toBe(200);
    expect(a.response).not.toHaveProperty('functionError');
    expect(a.response?.body).toEqual({ ok: true });
    expect(r.metrics).toMatchObject({ Invocations: 1, Errors: 0, Throttles: 0 });
  });

  it('§1.1 a thrown error is still HTTP 200, with X-Amz-Function-Error Unhandled and the error object as body', () => {
    const r = run(
      scenario({
        function: {
          behavior: {
            rules: [{ result: 'error', durationMs: 50, error: { errorType: 'Error', errorMessage: 'boom' } }],
          },
        },
        sources: sync('direct', [req('a')]),
      }),
    );
    const a = item(r, 'a');
    expect(a.outcome).toBe('failed');
    expect(a.response).toMatchObject({ statusCode: 200, functionError: 'Unhandled' });
    expect(a.response?.body).toMatchObject({ errorType: 'Error', errorMessage: 'boom' });
    expect(r.metrics).toMatchObject({ Invocations: 1, Errors: 1, Throttles: 0 });
    expect(events(r, 'invoke/failed')).toHaveLength(1);
  });

  it('§1.1 a timeout is HTTP 200 with X-Amz-Function-Error Unhandled and a "Task timed out" error', () => {
    const r = run(
      scenario({
        function: { Timeout: 3, behavior: { duration: { distribution: 'fixed', ms: 10_000 } } },
        sources: sync('direct', [req('a')]),
      }),
    );
    const a = item(r, 'a');
    expect(a.response).toMatchObject({ statusCode: 200, functionError: 'Unhandled' });
    expect(JSON.stringify(a.response?.body)).toContain('Task timed out after 3.00 seconds');
  });

  it('§1.1 a throttled call gets 429 TooManyRequestsException with a Reason, and the code never runs', () => {
    const r = run(
      scenario({
        function: {
          Timeout: 10,
          ReservedConcurrentExecutions: 1,
          behavior: { rules: [{ items: ['a'], result: 'success', durationMs: 5000 }] },
        },
        sources: sync('direct', [req('a'), req('b', 1000)]),
      }),
    );
    const b = item(r, 'b');
    expect(b.outcome).toBe('throttled');
    expect(b.response).toMatchObject({
      statusCode: 429,
      errorType: 'TooManyRequestsException',
      reason: 'ReservedFunctionConcurrentInvocationLimitExceeded',
    });
    expect(b.response).not.toHaveProperty('functionError');
    expect(invocationsOf(r, 'b')).toHaveLength(0);
    expect(r.metrics).toMatchObject({ Invocations: 1, Throttles: 1, Errors: 0 });
    expect(events(r, 'invoke/throttled', 'b')).toHaveLength(1);
  });
});

describe('§1.2 timeout', () => {
  const timeout = scenario({
    function: {
      Timeout: 3,
      behavior: {
        duration: { distribution: 'fixed', ms: 10_000 },
        initDuration: { distribution: 'fixed', ms: 200 },
      },
    },
    sources: sync('direct', [req('a')]),
  });

  it('§1.2 the Invoke phase ends at Timeout and is billed ≈ Timeout', () => {
    const r = run(timeout);
    const [inv] = r.invocations;
    expect(inv!.result).toBe('timeout');
    expectNear(inv!.endMs! - inv!.startMs - inv!.initMs, 3000);
    expectNear(inv!.billedMs, 3000);
    expect(item(r, 'a').attempts[0]!.result).toBe('timeout');
    expect(events(r, 'invoke/timed-out')[0]!.rule).toBe('§1.2');
  });

  it('§1.2 a timeout counts in Errors, not Throttles', () => {
    const r = run(timeout);
    expect(r.metrics).toMatchObject({ Invocations: 1, Errors: 1, Throttles: 0 });
  });

  it('§1.2 the Timeout limits the Invoke phase, not the Init phase of a cold start', () => {
    const r = run(
      scenario({
        function: {
          Timeout: 3,
          behavior: {
            duration: { distribution: 'fixed', ms: 2500 },
            initDuration: { distribution: 'fixed', ms: 2000 },
          },
        },
        sources: sync('direct', [req('a')]),
      }),
    );
    expect(r.invocations[0]!.result).toBe('success');
    expect(item(r, 'a').endedMs).toBe(4500);
  });

  it('§1.2 a handler that finishes just inside Timeout is not a timeout', () => {
    const r = run(
      scenario({
        function: { Timeout: 3, behavior: { duration: { distribution: 'fixed', ms: 2999 } } },
        sources: sync('direct', [req('a')]),
      }),
    );
    expect(r.invocations[0]!.result).toBe('success');
    expect(r.metrics.Errors).toBe(0);
  });
});

describe('§1.3 payload limits', () => {
  it('§1.3 a request over 6 MB gets 413 RequestTooLargeException and is not invoked (Invocations 0)', () => {
    const r = run(
      scenario({ sources: sync('direct', [req('big', 0, { payloadSizeBytes: Math.round(6.5 * MB) })]) }),
    );
    const big = item(r, 'big');
    expect(big.outcome).toBe('rejected');
    expect(big.response).toMatchObject({ statusCode: 413, errorType: 'RequestTooLargeException' });
    expect(r.invocations).toHaveLength(0);
    expect(r.metrics.Invocations).toBe(0);
    expect(events(r, 'sync/rejected')[0]!.rule).toBe('§1.3');
  });

  it('§1.3 a request of exactly 6 MB is accepted', () => {
    const r = run(scenario({ sources: sync('direct', [req('ok', 0, { payloadSizeBytes: 6 * MB })]) }));
    expect(item(r, 'ok').outcome).toBe('succeeded');
    expect(r.metrics.Invocations).toBe(1);
  });

  it('§1.3 a response over 6 MB becomes a function error RequestEntityTooLarge (200 + Unhandled)', () => {
    const r = run(
      scenario({
        function: {
          behavior: { rules: [{ result: 'success', responseSizeBytes: 7 * MB, returns: { big: true } }] },
        },
        sources: sync('direct', [req('a', 0, { payloadSizeBytes: 5 * MB })]),
      }),
    );
    const a = item(r, 'a');
    expect(r.invocations).toHaveLength(1);
    expect(a.outcome).toBe('failed');
    expect(a.response).toMatchObject({
      statusCode: 200,
      functionError: 'Unhandled',
      errorType: 'RequestEntityTooLarge',
    });
    expect(JSON.stringify(a.response?.body)).toContain('Exceeded maximum allowed payload size');
    expect(r.metrics.Errors).toBe(1);
  });
});

describe('§1.4 retries: Lambda never retries; clients do', () => {
  it('§1.4 Lambda makes exactly one attempt for a direct sync call that fails', () => {
    const r = run(
      scenario({
        function: { behavior: { rules: [{ result: 'error' }] } },
        sources: sync('direct', [req('a')]),
      }),
    );
    expect(item(r, 'a').attempts).toHaveLength(1);
    expect(r.invocations).toHaveLength(1);
    expect(events(r, 'sync/client-retry')).toHaveLength(0);
  });

  it('§1.4 the SDK (standard mode) does not retry a function error', () => {
    const r = run(
      scenario({
        function: {
          behavior: { rules: [{ result: 'error', error: { errorType: 'Error', errorMessage: 'boom' } }] },
        },
        sources: sync('aws-sdk', [req('a')]),
      }),
    );
    const a = item(r, 'a');
    expect(a.attempts).toHaveLength(1);
    expect(a.response).toMatchObject({ statusCode: 200, functionError: 'Unhandled' });
    expect(r.metrics.Invocations).toBe(1);
  });

  it('§1.4 the SDK (standard mode) retries a throttle: 3 attempts in total, backoff ≤ 20 s, then 429', () => {
    const r = run(
      scenario({
        function: {
          Timeout: 120,
          ReservedConcurrentExecutions: 1,
          behavior: { rules: [{ items: ['long'], result: 'success', durationMs: 100_000 }] },
        },
        sources: [
          { type: 'sync', id: 'other', caller: 'direct', requests: [req('long')] },
          { type: 'sync', id: 'sdk', caller: 'aws-sdk', requests: [req('b', 1000)] },
        ],
      }),
    );
    const b = item(r, 'b');
    expect(b.attempts).toHaveLength(3);
    expect(b.attempts.every((a) => a.result === 'throttled')).toBe(true);
    expect(b.outcome).toBe('throttled');
    expect(b.response).toMatchObject({
      statusCode: 429,
      reason: 'ReservedFunctionConcurrentInvocationLimitExceeded',
    });
    const retries = events(r, 'sync/client-retry', 'b');
    expect(retries).toHaveLength(2);
    for (const e of retries) {
      expect(e.rule).toBe('§1.4');
      expect(e.data!.delayMs as number).toBeLessThanOrEqual(20_000);
    }
    for (let i = 1; i < b.attempts.length; i++) {
      const gap = b.attempts[i]!.startMs - b.attempts[i - 1]!.endMs!;
      expect(gap).toBeGreaterThanOrEqual(0);
      expect(gap).toBeLessThanOrEqual(20_000);
    }
    expect(r.metrics.Throttles).toBe(3);
    expect(invocationsOf(r, 'b')).toHaveLength(0);
  });

  it('§1.4 the SDK retry succeeds once capacity frees up', () => {
    const r = run(
      scenario({
        function: {
          ReservedConcurrentExecutions: 1,
          behavior: { rules: [{ items: ['first'], result: 'success', durationMs: 1200 }] },
        },
        sources: [
          { type: 'sync', id: 'other', caller: 'direct', requests: [req('first')] },
          { type: 'sync', id: 'sdk', caller: 'aws-sdk', maxAttempts: 10, requests: [req('b', 100)] },
        ],
      }),
    );
    const b = item(r, 'b');
    expect(b.outcome).toBe('succeeded');
    expect(b.attempts[0]!.result).toBe('throttled');
    expect(b.attempts.at(-1)!.result).toBe('success');
    expect(b.response?.statusCode).toBe(200);
  });

  it('§1.4 a direct call gets 500 ServiceException for a Lambda system error; the SDK retries it', () => {
    const fn = { behavior: { rules: [{ attempts: [1], result: 'service-error' as const }] } };
    const direct = run(scenario({ function: fn, sources: sync('direct', [req('a')]) }));
    expect(item(direct, 'a').response).toMatchObject({ statusCode: 500, errorType: 'ServiceException' });
    expect(direct.invocations).toHaveLength(0);
    const sdk = run(scenario({ function: fn, sources: sync('aws-sdk', [req('a')]) }));
    expect(item(sdk, 'a').attempts).toHaveLength(2);
    expect(item(sdk, 'a').outcome).toBe('succeeded');
    expect(sdk.invocations).toHaveLength(1);
  });

  it('§1.4 every client attempt is a new Invoke request with its own request id', () => {
    const r = run(
      scenario({
        function: { Timeout: 120, behavior: { duration: { distribution: 'fixed', ms: 90_000 } } },
        sources: sync('aws-cli', [req('a')]),
      }),
    );
    const ids = invocationsOf(r, 'a').map((i) => i.requestId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('§1.4 retryMode none makes the SDK give up after the first throttle', () => {
    const r = run(
      scenario({
        function: {
          ReservedConcurrentExecutions: 1,
          behavior: { rules: [{ items: ['long'], result: 'success', durationMs: 2000 }] },
        },
        sources: [
          { type: 'sync', id: 'other', caller: 'direct', requests: [req('long')] },
          { type: 'sync', id: 'sdk', caller: 'aws-sdk', retryMode: 'none', requests: [req('b', 100)] },
        ],
      }),
    );
    expect(item(r, 'b').attempts).toHaveLength(1);
    expect(item(r, 'b').response?.statusCode).toBe(429);
  });

  it("§1.4 the CLI's 60 s read timeout on a 90 s function runs the same item again (duplicates), then ReadTimeoutError", () => {
    const r = run(
      scenario({
        function: { Timeout: 120, behavior: { duration: { distribution: 'fixed', ms: 90_000 } } },
        sources: sync('aws-cli', [req('a', 0, { payload: { order: 1 } })]),
      }),
    );
    const a = item(r, 'a');
    const runs = invocationsOf(r, 'a');
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs.length).toBeLessThanOrEqual(3);
    // Every execution ran the handler to its end: the work was done more than once.
    expect(runs.every((inv) => inv.result === 'success')).toBe(true);
    expect(a.outcome).toBe('failed');
    expect(a.response?.errorType).toBe('ReadTimeoutError');
    const timeouts = events(r, 'sync/client-timeout', 'a');
    expect(timeouts.length).toBe(runs.length);
    expectNear(timeouts[0]!.t, 60_000);
    expect(events(r, 'sync/response-unclaimed', 'a').length).toBe(runs.length);
    // The second execution starts while the first is still running.
    expect(runs[1]!.startMs).toBeLessThan(runs[0]!.endMs!);
  });

  it('§1.4 a CLI call that finishes within the read timeout runs once', () => {
    const r = run(
      scenario({
        function: { Timeout: 120, behavior: { duration: { distribution: 'fixed', ms: 30_000 } } },
        sources: sync('aws-cli', [req('a')]),
      }),
    );
    expect(invocationsOf(r, 'a')).toHaveLength(1);
    expect(item(r, 'a').outcome).toBe('succeeded');
  });
});

describe('§1.5 API Gateway', () => {
  it('§1.5 API Gateway answers 504 at ≈29 s while the invocation runs on to its end (≈35 s)', () => {
    const r = run(
      scenario({
        function: {
          Timeout: 60,
          behavior: {
            duration: { distribution: 'fixed', ms: 35_000 },
            returns: { statusCode: 200, body: '{}' },
          },
        },
        sources: sync('api-gateway', [req('a')]),
      }),
    );
    const a = item(r, 'a');
    expect(a.response).toMatchObject({ statusCode: 504, body: { message: 'Endpoint request timed out' } });
    expectNear(a.endedMs, 29_000);
    const [inv] = r.invocations;
    expect(inv!.result).toBe('success');
    expectNear(inv!.endMs, 35_000);
    expectNear(inv!.billedMs, 35_000);
    expect(events(r, 'apigw/integration-timeout')[0]!.rule).toBe('§1.5');
    expect(a.attempts).toHaveLength(1);
  });

  it('§1.5 API Gateway answers 502 Internal server error for a function error', () => {
    const r = run(
      scenario({
        function: { behavior: { rules: [{ result: 'error' }] } },
        sources: sync('api-gateway', [req('a')]),
      }),
    );
    expect(item(r, 'a').response).toMatchObject({
      statusCode: 502,
      body: { message: 'Internal server error' },
    });
    expect(item(r, 'a').attempts).toHaveLength(1);
  });

  it('§1.5 API Gateway answers 500 Internal server error for a throttle', () => {
    const r = run(
      scenario({
        function: {
          ReservedConcurrentExecutions: 1,
          behavior: {
            rules: [{ items: ['a'], result: 'success', durationMs: 2000, returns: { statusCode: 200 } }],
          },
        },
        sources: sync('api-gateway', [req('a'), req('b', 500)]),
      }),
    );
    expect(item(r, 'b').response).toMatchObject({
      statusCode: 500,
      body: { message: 'Internal server error' },
    });
    expect(item(r, 'b').attempts).toHaveLength(1);
    expect(item(r, 'a').response?.statusCode).toBe(200);
  });

  it('§1.5 API Gateway answers 502 for a response without statusCode (malformed proxy response)', () => {
    const r = run(
      scenario({
        function: { behavior: { returns: { ok: true } } },
        sources: sync('api-gateway', [req('a')]),
      }),
    );
    expect(r.invocations[0]!.result).toBe('success');
    expect(item(r, 'a').response).toMatchObject({
      statusCode: 502,
      body: { message: 'Internal server error' },
    });
  });

  it("§1.5 API Gateway passes a proxy response's statusCode through", () => {
    const r = run(
      scenario({
        function: { behavior: { returns: { statusCode: 201, body: 'created' } } },
        sources: sync('api-gateway', [req('a')]),
      }),
    );
    expect(item(r, 'a').response?.statusCode).toBe(201);
    expect(item(r, 'a').outcome).toBe('succeeded');
  });

  it('§1.5 API Gateway never makes more than one attempt, whatever happens', () => {
    const r = run(
      scenario({
        function: {
          Timeout: 60,
          ReservedConcurrentExecutions: 1,
          behavior: {
            rules: [
              { items: ['slow'], result: 'success', durationMs: 40_000 },
              { items: ['err'], result: 'error' },
            ],
          },
        },
        sources: sync('api-gateway', [
          req('slow'),
          req('throttled', 100),
          req('err', 45_000),
          req('ok', 50_000),
        ]),
      }),
    );
    for (const it of r.items) expect(it.attempts.length, it.id).toBeLessThanOrEqual(1);
    expect(r.invocations.length).toBe(3);
    expect(events(r, 'sync/client-retry')).toHaveLength(0);
  });
});

describe('§1.5 Application Load Balancer', () => {
  it('§1.5 ALB rejects a request body over 1 MB with 413 and does not invoke', () => {
    const r = run(scenario({ sources: sync('alb', [req('a', 0, { payloadSizeBytes: MB + 1 })]) }));
    expect(item(r, 'a').response?.statusCode).toBe(413);
    expect(r.metrics.Invocations).toBe(0);
  });

  it('§1.5 ALB answers 502 for a response over 1 MB', () => {
    const r = run(
      scenario({
        function: { behavior: { returns: { statusCode: 200, body: 'x' }, responseSizeBytes: 2 * MB } },
        sources: sync('alb', [req('a')]),
      }),
    );
    expect(r.invocations).toHaveLength(1);
    expect(item(r, 'a').response?.statusCode).toBe(502);
  });

  it('§1.5 ALB answers 502 for a function error', () => {
    const r = run(
      scenario({
        function: { behavior: { rules: [{ result: 'error' }] } },
        sources: sync('alb', [req('a')]),
      }),
    );
    expect(item(r, 'a').response?.statusCode).toBe(502);
    expect(item(r, 'a').attempts).toHaveLength(1);
  });

  it('§1.5 ALB passes a small proxy response through', () => {
    const r = run(
      scenario({
        function: { behavior: { returns: { statusCode: 200, body: 'ok' }, responseSizeBytes: 1000 } },
        sources: sync('alb', [req('a')]),
      }),
    );
    expect(item(r, 'a').response?.statusCode).toBe(200);
  });
});
