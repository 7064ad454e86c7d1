/**
 * How an SQS event source mapping scales (aws-semantics.md §3.2 "Polling/scaling", "Maximum concurrency",
 * "Error backoff"; §4 "Throttling by invocation type" for SQS): five concurrent batches to start, up to
 * 300 more per minute while messages wait, never above 1,250 or ScalingConfig.MaximumConcurrency; a
 * throttled batch comes back after the visibility timeout; function errors scale the mapping down.
 */
import { describe, expect, it } from 'vitest';
import type { ResultInvocation } from '../../src/engine/results';
import type { Scenario } from '../../src/scenarios/schema';
import { events, expectNear, item, run, scenario, type Run } from '../helpers/scenario';

interface Options {
  count: number;
  batchSize?: number;
  durationMs?: number;
  timeout?: number;
  visibility?: number;
  mapping?: Record<string, unknown>;
  fn?: Record<string, unknown>;
  rules?: unknown[];
  account?: Record<string, unknown>;
}

/** `count` messages m-1…m-n sent at t=0 to a standard queue. */
function backlog(o: Options): Scenario {
  return scenario({
    function: {
      Timeout: o.timeout ?? 120,
      ...o.fn,
      behavior: {
        duration: { distribution: 'fixed', ms: o.durationMs ?? 60_000 },
        rules: o.rules ?? [],
      },
    },
    sources: [
      {
        type: 'sqs',
        id: 'q',
        queue: { QueueName: 'orders', VisibilityTimeout: o.visibility ?? 720 },
        mapping: { BatchSize: o.batchSize ?? 10, ...o.mapping },
        messages: [{ id: 'm', count: o.count, payload: { orderId: 'o' } }],
      },
    ],
    account: { ConcurrentExecutions: 5000, ...o.account },
  } as unknown as Parameters<typeof scenario>[0]);
}

/** Invocations running at time t (started at or before t, not yet ended). */
function runningAt(invs: readonly ResultInvocation[], t: number): number {
  return invs.filter((i) => i.startMs <= t && (i.endMs ?? Number.POSITIVE_INFINITY) > t).length;
}

/** The most invocations running at once between `from` and `to`. */
function maxRunning(invs: readonly ResultInvocation[], from = 0, to = Number.POSITIVE_INFINITY): number {
  const points = invs.flatMap((i) => [
    { t: i.startMs, d: 1 },
    { t: i.endMs ?? Number.POSITIVE_INFINITY, d: -1 },
  ]);
  points.sort((a, b) => a.t - b.t || a.d - b.d);
  let max = runningAt(invs, from);
  let now = 0;
  for (const p of points) {
    now += p.d;
    if (p.t >= from && p.t <= to) max = Math.max(max, now);
  }
  return max;
}

describe('§3.2 scaling: five batches to start, +300 per minute, at most 1,250', () => {
  let cached: Run | undefined;
  /** 5,000 messages in batches of 10 taking 60 s each: 500 batches, enough to scale twice. */
  const big = () => (cached ??= run(backlog({ count: 5000 })));

  it('§3.2 five concurrent invocations at the start, none more during the first minute', () => {
    const r = big();
    expect(r.invocations.filter((i) => i.startMs === 0)).toHaveLength(5);
    expect(maxRunning(r.invocations, 0, 59_999)).toBe(5);
    expect(r.invocations.filter((i) => i.startMs === 0).every((i) => i.items.length === 10)).toBe(true);
  });

  it('§3.2 at most ≈305 after one minute (+300), ≈605 after two', () => {
    const r = big();
    const at61 = runningAt(r.invocations, 61_000);
    expect(at61).toBeLessThanOrEqual(Math.round(305 * 1.1));
    expectNear(at61, 305);
    expect(runningAt(r.invocations, 121_000)).toBeLessThanOrEqual(Math.round(605 * 1.1));
    const up = events(r, 'sqs/scaled-up');
    expect(up[0]!.data).toMatchObject({ from: 5, to: 305 });
    expectNear(up[0]!.t, 60_000);
  });

  it('§3.2 every message is processed exactly once', () => {
    const r = big();
    expect(r.items.every((i) => i.outcome === 'succeeded')).toBe(true);
    expect(events(r, 'sqs/deleted')).toHaveLength(5000);
    expect(r.metrics.Throttles).toBe(0);
  });

  it('§3.2 ScalingConfig.MaximumConcurrency 2 caps the mapping at 2 concurrent invocations', () => {
    const r = run(backlog({ count: 100, mapping: { ScalingConfig: { MaximumConcurrency: 2 } } }));
    expect(maxRunning(r.invocations)).toBe(2);
    expect(r.metrics.ConcurrentExecutionsMax).toBe(2);
    expect(r.invocations.filter((i) => i.startMs === 0)).toHaveLength(2);
    expect(r.invocations).toHaveLength(10);
    expect(r.metrics.Throttles).toBe(0);
    expect(r.items.every((i) => i.outcome === 'succeeded')).toBe(true);
  });

  it('§3.2 MaximumConcurrency 2 also holds while a backlog builds for minutes (no scale-up past it)', () => {
    const r = run(backlog({ count: 200, mapping: { ScalingConfig: { MaximumConcurrency: 2 } } }));
    expect(maxRunning(r.invocations)).toBe(2);
    expect(events(r, 'sqs/scaled-up').every((e) => (e.data!.to as number) <= 2)).toBe(true);
  });
});

describe('§3.2 / §4 throttles: reserved concurrency below the mapping’s concurrency', () => {
  const throttled = () =>
    run(
      backlog({
        count: 20,
        batchSize: 1,
        durationMs: 1000,
        timeout: 5,
        visibility: 30,
        fn: { ReservedConcurrentExecutions: 2 },
      }),
    );

  it('§3.2 batches beyond reserved concurrency are throttled (sqs/batch-throttled, Throttles)', () => {
    const r = throttled();
    const batchThrottles = events(r, 'sqs/batch-throttled');
    expect(batchThrottles.length).toBeGreaterThan(0);
    expect(r.metrics.Throttles).toBeGreaterThan(0);
    expect(r.metrics.ConcurrentExecutionsMax).toBeLessThanOrEqual(2);
    expect(batchThrottles[0]!.data).toMatchObject({
      reason: 'ReservedFunctionConcurrentInvocationLimitExceeded',
    });
  });

  it('§3.2 a throttled message stays hidden and comes back after the visibility timeout with a higher receive count', () => {
    const r = throttled();
    const throttledIds = events(r, 'sqs/batch-throttled').flatMap((e) => e.data!.items as string[]);
    expect(throttledIds.length).toBeGreaterThan(0);
    for (const id of throttledIds) {
      const m = item(r, id);
      const t = m.attempts.findIndex((a) => a.result === 'throttled');
      expect(t, id).toBeGreaterThanOrEqual(0);
      const next = m.attempts.slice(t + 1).find((a) => a.result !== 'throttled');
      expect(next, `${id} ran after its throttle`).toBeDefined();
      expect(next!.startMs - m.attempts[t]!.startMs, id).toBeGreaterThanOrEqual(30_000 * 0.9);
      expect((next as { receiveCount?: number }).receiveCount, id).toBeGreaterThanOrEqual(2);
      expect(events(r, 'sqs/visible-again', id).length, id).toBeGreaterThan(0);
      expect(m.outcome, id).toBe('succeeded');
    }
  });

  it('§3.2 messages of a throttled batch are not deleted by the throttle', () => {
    const r = throttled();
    const [first] = events(r, 'sqs/batch-throttled');
    for (const id of first!.data!.items as string[]) {
      const deleted = events(r, 'sqs/deleted', id);
      expect(deleted, id).toHaveLength(1);
      expect(deleted[0]!.t, id).toBeGreaterThanOrEqual(30_000 * 0.9);
    }
  });

  it('§3.2 a throttled batch counts as a receive: with maxReceiveCount 1 it goes to the queue DLQ', () => {
    const s = scenario({
      function: {
        Timeout: 5,
        ReservedConcurrentExecutions: 1,
        behavior: { duration: { distribution: 'fixed', ms: 1000 } },
      },
      sources: [
        {
          type: 'sqs',
          id: 'q',
          queue: {
            QueueName: 'orders',
            VisibilityTimeout: 30,
            RedrivePolicy: {
              deadLetterTargetArn: 'arn:aws:sqs:us-east-1:123456789012:orders-dlq',
              maxReceiveCount: 1,
            },
          },
          mapping: { BatchSize: 1 },
          messages: [{ id: 'm', count: 3 }],
        },
      ],
    });
    const r = run(s);
    const throttledIds = events(r, 'sqs/batch-throttled').flatMap((e) => e.data!.items as string[]);
    expect(throttledIds.length).toBeGreaterThan(0);
    for (const id of throttledIds) expect(item(r, id).outcome, id).toBe('dead-lettered');
  });
});

describe('§3.2 error backoff: function errors scale the mapping down', () => {
  /**
   * 1,000 messages, batches of 1 taking 20 s: 5 at a time in the first minute (m-1…m-15), then +300 at
   * 60 s. m-100 (in the batches started at 60 s) throws at ≈80 s, when hundreds of messages still wait.
   */
  const scaledThenFails = (rbif: boolean) =>
    run(
      backlog({
        count: 1000,
        batchSize: 1,
        durationMs: 20_000,
        timeout: 30,
        visibility: 180,
        rules: [{ items: ['m-100'], attempts: [1], result: 'error' }],
        mapping: rbif ? { FunctionResponseTypes: ['ReportBatchItemFailures'] } : {},
      }),
    );

  it('§3.2 after a function error the mapping that had scaled up scales down (sqs/scaled-down)', () => {
    const r = scaledThenFails(false);
    expect(events(r, 'sqs/scaled-up').length).toBeGreaterThan(0);
    const failedAt = events(r, 'sqs/batch-failed')[0]!.t;
    const down = events(r, 'sqs/scaled-down');
    expect(down).toHaveLength(1);
    expect(down[0]!.t).toBe(failedAt);
    expect(down[0]!.data!.to as number).toBeLessThan(down[0]!.data!.from as number);
  });

  it('§3.2 the reduction holds: no invocation starts above the reduced concurrency right after the error', () => {
    const r = scaledThenFails(false);
    const down = events(r, 'sqs/scaled-down')[0]!;
    const to = down.data!.to as number;
    const after = r.invocations.filter((i) => i.startMs >= down.t && i.startMs < down.t + 10_000);
    expect(after.length).toBeGreaterThan(0);
    expect(maxRunning(r.invocations, down.t + 1, down.t + 10_000)).toBeLessThanOrEqual(to);
  });

  it('§3.2 with ReportBatchItemFailures on, failures do not scale the mapping down', () => {
    const r = scaledThenFails(true);
    expect(events(r, 'sqs/batch-failed')).toHaveLength(1);
    expect(events(r, 'sqs/scaled-down')).toHaveLength(0);
  });

  it('§3.2 a mapping still at its five starting batches does not go below five', () => {
    const r = run(
      backlog({
        count: 10,
        batchSize: 1,
        durationMs: 1000,
        timeout: 5,
        visibility: 30,
        rules: [{ attempts: [1], result: 'error' }],
      }),
    );
    expect(events(r, 'sqs/batch-failed').length).toBeGreaterThan(0);
    expect(events(r, 'sqs/scaled-down')).toHaveLength(0);
    expect(r.invocations.filter((i) => i.startMs === 0)).toHaveLength(5);
  });
});
