/**
 * The poll-based presets on batching windows, visibility timeouts, redrive and DynamoDB bisection do what
 * their descriptions say.
 */
import { describe, expect, it } from 'vitest';
import { events, expectNear, invocationsOf, item } from '../helpers/scenario';
import { presetRun } from './presetRuns';

describe('poll-based presets', () => {
  it('§3.1 sqs-batching-window: trickled messages wait up to 10 s; the burst fills one batch of 50 at once', () => {
    const r = presetRun('sqs-batching-window');
    const sizes = r.invocations.map((i) => i.items.length);
    expect(sizes).toEqual([11, 11, 50, 13]);
    expectNear(r.invocations[0]!.startMs, 10_000);
    const full = r.invocations[2]!;
    expect(full.startMs).toBe(30_000);
    expect(r.items.every((i) => i.outcome === 'succeeded')).toBe(true);
  });

  it('§3.2 sqs-visibility-six-times: one receive, one invocation, one delete with a current handle', () => {
    const r = presetRun('sqs-visibility-six-times');
    expect(invocationsOf(r, 'm1')).toHaveLength(1);
    expect(events(r, 'sqs/received', 'm1')).toHaveLength(1);
    expect(events(r, 'sqs/visible-again', 'm1')).toHaveLength(0);
    const deleted = events(r, 'sqs/deleted', 'm1');
    expect(deleted).toHaveLength(1);
    expect(deleted[0]!.data).not.toMatchObject({ staleReceiptHandle: true });
  });

  it('§3.2 sqs-poison-then-success: received 3 times 20 s apart, moved to the queue DLQ by SQS; the later message is deleted', () => {
    const r = presetRun('sqs-poison-then-success');
    const bad = item(r, 'bad-order');
    expect(bad.attempts.map((a) => a.result)).toEqual(['error', 'error', 'error']);
    expectNear(bad.attempts[1]!.startMs, 20_000);
    expectNear(bad.attempts[2]!.startMs, 40_000);
    expect(events(r, 'sqs/visible-again', 'bad-order').length).toBeGreaterThanOrEqual(2);
    expect(events(r, 'sqs/moved-to-dlq', 'bad-order')).toHaveLength(1);
    expect(bad.outcome).toBe('dead-lettered');
    expect(bad.deliveries.map((d) => d.target)).toEqual(['queue-dlq']);
    expect(events(r, 'sqs/deleted', 'bad-order')).toHaveLength(0);
    const good = events(r, 'sqs/deleted', 'order');
    expect(good).toHaveLength(1);
    expect(good[0]!.t).toBeGreaterThan(events(r, 'sqs/moved-to-dlq', 'bad-order')[0]!.t);
  });

  it('§3.5 dynamodb-bisect-on-failure: bisected down to change-6, one retry, a DDBStreamBatchInfo record; the rest in order', () => {
    const r = presetRun('dynamodb-bisect-on-failure');
    expect(events(r, 'stream/batch-bisected').length).toBeGreaterThanOrEqual(3);
    const poison = item(r, 'change-6');
    expect(poison.outcome).toBe('dead-lettered');
    const alone = invocationsOf(r, 'change-6').filter((i) => i.items.length === 1);
    expect(alone).toHaveLength(2);
    const record = poison.deliveries[0]!.record as {
      requestContext: { condition: string; approximateInvokeCount: number };
      DDBStreamBatchInfo: { batchSize: number };
    };
    expect(record.requestContext).toMatchObject({
      condition: 'RetryAttemptsExhausted',
      approximateInvokeCount: 2,
    });
    expect(record.DDBStreamBatchInfo.batchSize).toBe(1);
    const others = r.items.filter((i) => i.id !== 'change-6');
    expect(others.every((i) => i.outcome === 'succeeded')).toBe(true);
    const lastSuccess = (id: string) => invocationsOf(r, id).find((i) => i.result === 'success')!.startMs;
    const order = others.map((i) => lastSuccess(i.id));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});
