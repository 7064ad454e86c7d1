import { describe, expect, it } from 'vitest';
import { events, expectNear, invocationsOf, item, run, scenario } from '../helpers/scenario';

/** `count` simultaneous sync requests at `atMs` (ids `<id>-1`…), each running `ms`. */
function burst(id: string, count: number, atMs = 0) {
  return { type: 'sync' as const, id, caller: 'direct' as const, requests: [{ id, atMs, count }] };
}

function concurrentMax(r: ReturnType<typeof run>): number {
  const points = r.invocations.flatMap((inv) => [
    { t: inv.startMs, d: 1 },
    { t: inv.endMs ?? Number.POSITIVE_INFINITY, d: -1 },
  ]);
  points.sort((a, b) => a.t - b.t || a.d - b.d);
  let now = 0;
  let max = 0;
  for (const p of points) max = Math.max(max, (now += p.d));
  return max;
}

describe('§4 account concurrency', () => {
  it('§4 requests above the account quota are throttled with ConcurrentInvocationLimitExceeded', () => {
    const r = run(
      scenario({
        account: { ConcurrentExecutions: 10 },
        function: { Timeout: 10, behavior: { duration: { distribution: 'fixed', ms: 5000 } } },
        sources: [burst('r', 12)],
      }),
    );
    const throttled = r.items.filter((i) => i.outcome === 'throttled');
    expect(throttled).toHaveLength(2);
    for (const t of throttled) {
      expect(t.response).toMatchObject({ statusCode: 429, reason: 'ConcurrentInvocationLimitExceeded' });
    }
    expect(r.metrics).toMatchObject({ Invocations: 10, Throttles: 2, ConcurrentExecutionsMax: 10 });
    expect(events(r, 'invoke/throttled')[0]!.rule).toBe('§4');
  });

  it('§4 a freed slot is available again: a later request runs', () => {
    const r = run(
      scenario({
        account: { ConcurrentExecutions: 10 },
        function: { behavior: { duration: { distribution: 'fixed', ms: 1000 } } },
        sources: [burst('r', 10), burst('late', 1, 2000)],
      }),
    );
    expect(item(r, 'late').outcome).toBe('succeeded');
  });
});

describe('§4 reserved concurrency', () => {
  it('§4 reserved concurrency caps the function with ReservedFunctionConcurrentInvocationLimitExceeded', () => {
    const r = run(
      scenario({
        function: {
          Timeout: 10,
          ReservedConcurrentExecutions: 3,
          behavior: { duration: { distribution: 'fixed', ms: 5000 } },
        },
        sources: [burst('r', 5)],
      }),
    );
    const throttled = r.items.filter((i) => i.outcome === 'throttled');
    expect(throttled).toHaveLength(2);
    for (const t of throttled) {
      expect(t.response?.reason).toBe('ReservedFunctionConcurrentInvocationLimitExceeded');
    }
    expect(r.metrics.ConcurrentExecutionsMax).toBe(3);
    expect(concurrentMax(r)).toBe(3);
    expect(events(r, 'invoke/throttled')[0]!.rule).toBe('§4.reserved');
  });

  it('§4 reserved concurrency 0 throttles every synchronous request (429) and nothing runs', () => {
    const r = run(scenario({ function: { ReservedConcurrentExecutions: 0 }, sources: [burst('r', 3)] }));
    expect(r.items.every((i) => i.response?.statusCode === 429)).toBe(true);
    expect(r.invocations).toHaveLength(0);
    expect(r.metrics.Throttles).toBe(3);
  });

  it('§4 reserved concurrency applies to async events too: they wait (throttled) and all run eventually', () => {
    const r = run(
      scenario({
        function: {
          ReservedConcurrentExecutions: 2,
          behavior: { duration: { distribution: 'fixed', ms: 2000 } },
        },
        sources: [{ type: 'async', id: 'a', caller: 'direct', requests: [{ id: 'e', count: 6 }] }],
      }),
    );
    expect(r.items.every((i) => i.outcome === 'succeeded')).toBe(true);
    expect(concurrentMax(r)).toBeLessThanOrEqual(2);
    expect(r.metrics.Throttles).toBeGreaterThan(0);
    expect(r.metrics.Invocations).toBe(6);
  });
});

describe('§4 scaling rate', () => {
  it('§4 3,000 simultaneous requests: ≈1,000 start, the rest get 429', () => {
    const r = run(
      scenario({
        account: { ConcurrentExecutions: 10_000 },
        function: { Timeout: 120, behavior: { duration: { distribution: 'fixed', ms: 60_000 } } },
        sources: [burst('r', 3000)],
      }),
    );
    const started = r.items.filter((i) => invocationsOf(r, i.id).length > 0).length;
    expectNear(started, 1000);
    expect(r.items.filter((i) => i.response?.statusCode === 429).length).toBe(3000 - started);
    for (const i of r.items.filter((x) => x.outcome === 'throttled')) {
      expect(i.response?.reason).toBe('ConcurrentInvocationLimitExceeded');
    }
    expect(events(r, 'invoke/throttled')[0]!.rule).toBe('§4.scaling');
  });

  it('§4 the scaling rate refills continuously: ≈100 more environments per further second', () => {
    const r = run(
      scenario({
        account: { ConcurrentExecutions: 10_000 },
        function: { Timeout: 120, behavior: { duration: { distribution: 'fixed', ms: 60_000 } } },
        sources: [burst('first', 1500), burst('second', 500, 1000), burst('third', 500, 4000)],
      }),
    );
    const startedOf = (prefix: string) =>
      r.items.filter((i) => i.id.startsWith(`${prefix}-`) && invocationsOf(r, i.id).length > 0).length;
    expectNear(startedOf('first'), 1000);
    expectNear(startedOf('second'), 100);
    expectNear(startedOf('third'), 300);
  });

  it('§4 unused scaling rate does not accrue beyond 1,000', () => {
    const r = run(
      scenario({
        account: { ConcurrentExecutions: 10_000 },
        function: { Timeout: 120, behavior: { duration: { distribution: 'fixed', ms: 60_000 } } },
        sources: [burst('late', 1500, 100_000)],
      }),
    );
    expectNear(r.invocations.length, 1000);
  });

  it('§4 warm environments are reused without consuming the scaling rate', () => {
    const r = run(
      scenario({
        account: { ConcurrentExecutions: 10_000 },
        function: { behavior: { duration: { distribution: 'fixed', ms: 100 } } },
        sources: [burst('a', 1000), burst('b', 1000, 1000)],
      }),
    );
    expect(r.metrics.Throttles).toBe(0);
    expect(new Set(r.invocations.map((i) => i.environmentId)).size).toBe(1000);
  });
});

describe('§4 request-rate quota (10 × concurrency requests per second)', () => {
  const fast = {
    Timeout: 1,
    behavior: {
      duration: { distribution: 'fixed' as const, ms: 1 },
      initDuration: { distribution: 'fixed' as const, ms: 1 },
    },
  };

  it('§4 a function with reserved concurrency 2 accepts 20 Invoke requests in one second; the 21st gets ReservedFunctionInvocationRateLimitExceeded', () => {
    const r = run(
      scenario({
        function: { ...fast, ReservedConcurrentExecutions: 2 },
        sources: [
          {
            type: 'sync',
            id: 'c',
            caller: 'direct',
            requests: [{ id: 'r', atMs: 0, count: 25, everyMs: 30 }],
          },
        ],
      }),
    );
    const rate = r.items.filter((i) => i.response?.reason === 'ReservedFunctionInvocationRateLimitExceeded');
    expect(rate.map((i) => i.id)).toEqual(['r-21', 'r-22', 'r-23', 'r-24', 'r-25']);
    for (const i of rate)
      expect(i.response).toMatchObject({ statusCode: 429, errorType: 'TooManyRequestsException' });
    expect(rate.every((i) => i.attempts.every((a) => a.invocationId === null))).toBe(true);
  });

  it('§4 the quota counts per second: requests in the next second are accepted again', () => {
    const r = run(
      scenario({
        function: { ...fast, ReservedConcurrentExecutions: 1 },
        sources: [
          {
            type: 'sync',
            id: 'c',
            caller: 'direct',
            requests: [
              { id: 'a', atMs: 0, count: 11, everyMs: 50 },
              { id: 'b', atMs: 1000 },
            ],
          },
        ],
      }),
    );
    expect(item(r, 'a-11').response?.reason).toBe('ReservedFunctionInvocationRateLimitExceeded');
    expect(item(r, 'b').outcome).toBe('succeeded');
  });

  it('§2.1 async events from AWS services are not limited by request rate, direct async callers are', () => {
    const sources = (caller: 'direct' | 's3') => [
      { type: 'async' as const, id: 'c', caller, requests: [{ id: 'e', atMs: 0, count: 15, everyMs: 10 }] },
    ];
    const direct = run(
      scenario({ function: { ...fast, ReservedConcurrentExecutions: 1 }, sources: sources('direct') }),
    );
    const fromS3 = run(
      scenario({ function: { ...fast, ReservedConcurrentExecutions: 1 }, sources: sources('s3') }),
    );
    expect(direct.items.filter((i) => i.response?.statusCode === 429)).toHaveLength(5);
    expect(fromS3.items.every((i) => i.response?.statusCode === 202)).toBe(true);
    expect(fromS3.items.every((i) => i.outcome === 'succeeded')).toBe(true);
  });
});
