import { describe, expect, it } from 'vitest';
import { dimensionsOf, metricSeries } from '../../src/engine/model/metrics';
import { createSimulation } from '../../src/engine/simulation';
import { getPreset } from '../../src/scenarios/presets';
import { events, req, run, scenario, SQS_DLQ, SQS_FAILED } from '../helpers/scenario';

describe('§2.7 metrics', () => {
  it('§2.7 Invocations counts attempts that ran; Errors counts failed ones (3 attempts of one event)', () => {
    const r = run(
      scenario({
        function: { behavior: { rules: [{ result: 'error', durationMs: 500 }] } },
        sources: [{ type: 'async', id: 'a', caller: 'direct', requests: [req('e')] }],
      }),
    );
    expect(r.metrics).toMatchObject({
      Invocations: 3,
      Errors: 3,
      Throttles: 0,
      AsyncEventsReceived: 1,
      AsyncEventsDropped: 1,
    });
  });

  it('§2.7 Throttles are counted apart: neither Invocations nor Errors', () => {
    const r = run(
      scenario({
        function: {
          ReservedConcurrentExecutions: 1,
          behavior: { rules: [{ items: ['a'], result: 'success', durationMs: 3000 }] },
        },
        sources: [
          { type: 'sync', id: 's', caller: 'direct', requests: [req('a'), req('b', 100), req('c', 200)] },
        ],
      }),
    );
    expect(r.metrics).toMatchObject({ Invocations: 1, Errors: 0, Throttles: 2 });
  });

  it('§2.7 AsyncEventsReceived counts accepted events only (not 413 rejections, not sync calls)', () => {
    const r = run(
      scenario({
        sources: [
          {
            type: 'async',
            id: 'a',
            caller: 'direct',
            requests: [req('e1'), req('e2', 10), req('big', 20, { payloadSizeBytes: 2_000_000 })],
          },
          { type: 'sync', id: 's', caller: 'direct', requests: [req('s1')] },
        ],
      }),
    );
    expect(r.metrics.AsyncEventsReceived).toBe(2);
    expect(r.metrics.Invocations).toBe(3);
  });

  it('§2.7 AsyncEventsDropped counts events that exhausted retries, expired, or met reserved concurrency 0', () => {
    const exhausted = run(
      scenario({
        function: {
          EventInvokeConfig: { MaximumRetryAttempts: 0 },
          behavior: { rules: [{ result: 'error' }] },
        },
        sources: [{ type: 'async', id: 'a', caller: 'direct', requests: [req('e', 0, { count: 4 })] }],
      }),
    );
    expect(exhausted.metrics.AsyncEventsDropped).toBe(4);
    const zero = run(
      scenario({
        function: { ReservedConcurrentExecutions: 0, DeadLetterConfig: { TargetArn: SQS_DLQ } },
        sources: [{ type: 'async', id: 'a', caller: 'direct', requests: [req('e', 0, { count: 2 })] }],
      }),
    );
    expect(zero.metrics.AsyncEventsDropped).toBe(2);
    const succeeded = run(
      scenario({ sources: [{ type: 'async', id: 'a', caller: 'direct', requests: [req('e')] }] }),
    );
    expect(succeeded.metrics.AsyncEventsDropped).toBe(0);
  });

  it('§2.7 AsyncEventAge grows with retries: on the 3rd attempt it is ≥ the two retry waits (≈180 s)', () => {
    const r = run(
      scenario({
        function: {
          EventInvokeConfig: { DestinationConfig: { OnFailure: { Destination: SQS_FAILED } } },
          behavior: { rules: [{ result: 'error', durationMs: 1000 }] },
        },
        sources: [{ type: 'async', id: 'a', caller: 'direct', requests: [req('e')] }],
      }),
    );
    expect(r.metrics.AsyncEventAgeMaxMs).toBeGreaterThanOrEqual(180_000);
    const ages = events(r, 'async/dequeued', 'e').map((e) => e.data!.ageMs as number);
    expect(ages).toHaveLength(3);
    expect(ages[0]!).toBeLessThan(1000);
    expect(ages[1]!).toBeGreaterThanOrEqual(60_000);
    expect(ages[2]!).toBeGreaterThanOrEqual(180_000);
  });

  it('§2.7 DurationMaxMs is the longest Invoke phase; ConcurrentExecutionsMax the peak', () => {
    const r = run(
      scenario({
        function: { behavior: { rules: [{ items: ['long'], result: 'success', durationMs: 900 }] } },
        sources: [
          { type: 'sync', id: 's', caller: 'direct', requests: [req('long'), req('b'), req('c', 5000)] },
        ],
      }),
    );
    expect(r.metrics.DurationMaxMs).toBe(900);
    expect(r.metrics.ConcurrentExecutionsMax).toBe(2);
  });

  it('§2.7 metric time series sum to the totals', () => {
    const r = run(
      scenario({
        function: { behavior: { rules: [{ result: 'error', durationMs: 500 }] } },
        sources: [
          {
            type: 'async',
            id: 'a',
            caller: 'direct',
            requests: [req('e', 0, { count: 3, everyMs: 30_000 })],
          },
        ],
      }),
    );
    const m = r.sim.state.metrics;
    for (const name of ['Invocations', 'Errors', 'AsyncEventsReceived'] as const) {
      const sum = metricSeries(m, name, 60_000).reduce((a, p) => a + p.sum, 0);
      expect(sum, name).toBe(r.metrics[name]);
    }
    const perMinute = metricSeries(m, 'Invocations', 60_000);
    expect(perMinute.every((p) => p.t % 60_000 === 0)).toBe(true);
  });
});

describe('§3 metrics per dimension', () => {
  it('§3.4 IteratorAge is kept per shard, ApproximateNumberOfMessagesVisible per queue, and concurrency per mapping', () => {
    const kinesis = createSimulation(getPreset('kinesis-poison-blocks-shard')!);
    kinesis.run();
    const shards = dimensionsOf(kinesis.state.metrics, 'IteratorAge');
    expect(shards).toHaveLength(2);
    const maxOf = (shard: string) =>
      Math.max(...metricSeries(kinesis.state.metrics, 'IteratorAge', 3_600_000, shard).map((p) => p.max));
    const [blocked, free] = [...shards].sort((a, b) => maxOf(b) - maxOf(a));
    // The poisoned shard's iterator age grows for hours; the other shard's stays small.
    expect(maxOf(blocked!)).toBeGreaterThan(3_600_000);
    expect(maxOf(free!)).toBeLessThan(60_000);

    const sqs = createSimulation(getPreset('sqs-scaling')!);
    sqs.run();
    const mapping = metricSeries(sqs.state.metrics, 'ConcurrentExecutions', 60_000, 'mapping:orders');
    expect(mapping[0]!.max).toBe(5);
    expect(Math.max(...mapping.map((p) => p.max))).toBe(1250);
    const visible = metricSeries(sqs.state.metrics, 'ApproximateNumberOfMessagesVisible', 60_000, 'orders');
    expect(visible[0]!.max).toBe(100_000);
  }, 30_000);
});
