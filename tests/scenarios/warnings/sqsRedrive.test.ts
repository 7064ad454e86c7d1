import { describe, expect, it } from 'vitest';
import { events, item } from '../../helpers/scenario';
import { demoOf, expectFixRemoves, functionFailures, idsOf, runDemo, scenarioOf, warning } from './helpers';

function queueWith(queue: Record<string, unknown>, fn: Record<string, unknown> = {}) {
  return scenarioOf({
    function: { Timeout: 10, ...fn },
    sources: [
      {
        type: 'sqs',
        id: 'orders',
        queue: { VisibilityTimeout: 60, ...queue },
        mapping: { BatchSize: 1 },
        messages: [{ id: 'm' }],
      },
    ],
  });
}

const redrive = (maxReceiveCount: number) => ({
  RedrivePolicy: { deadLetterTargetArn: 'arn:aws:sqs:us-east-1:123456789012:orders-dlq', maxReceiveCount },
});

describe('§3.2 maxReceiveCount below 5', () => {
  it('§3.2 fires for 1 to 4 with the count in the reason, not for 5', () => {
    for (const count of [1, 2, 3, 4]) {
      const w = warning(queueWith(redrive(count)), 'sqs-max-receive-count-below-5');
      expect(w.path).toBe('sources.0.queue.RedrivePolicy.maxReceiveCount');
      expect(w.reason).toContain(count === 1 ? 'received once' : `received ${count} times`);
      expect(w.rule).toBe('§3.2');
    }
    expect(idsOf(queueWith(redrive(5)))).toEqual([]);
  });

  it('§3.2 the fix sets maxReceiveCount 5 and removes the warning', () => {
    const s = queueWith(redrive(3));
    const w = warning(s, 'sqs-max-receive-count-below-5');
    expect(w.fix).toEqual([expect.objectContaining({ value: 5 })]);
    const fixed = expectFixRemoves(s, w);
    expect(fixed.sources[0]).toMatchObject({ queue: redrive(5) });
  });

  for (const count of [1, 2, 3, 4]) {
    it(`§3.2 see it happen (maxReceiveCount ${count}): throttles alone move messages that never failed to the queue's DLQ`, () => {
      const r = runDemo(warning(queueWith(redrive(count)), 'sqs-max-receive-count-below-5'));
      const deadLettered = r.items.filter((i) => i.outcome === 'dead-lettered');
      expect(deadLettered.length).toBeGreaterThan(0);
      for (const m of deadLettered) {
        expect(functionFailures(r, m.id), m.id).toBe(0);
        expect(m.attempts.filter((a) => a.result === 'throttled').length, m.id).toBe(count);
        expect(m.deliveries).toEqual([expect.objectContaining({ target: 'queue-dlq' })]);
      }
      expect(r.metrics.Errors).toBe(0);
    });
  }

  it('§3.2 see it happen keeps a small reserved concurrency, caps a larger one at 1 and says so', () => {
    const own = demoOf(
      warning(queueWith(redrive(2), { ReservedConcurrentExecutions: 2 }), 'sqs-max-receive-count-below-5'),
    );
    expect(own.function.ReservedConcurrentExecutions).toBe(2);
    expect(own.description).not.toContain('sets ReservedConcurrentExecutions');
    const capped = demoOf(
      warning(queueWith(redrive(2), { ReservedConcurrentExecutions: 50 }), 'sqs-max-receive-count-below-5'),
    );
    expect(capped.function.ReservedConcurrentExecutions).toBe(1);
    expect(capped.description).toContain('sets ReservedConcurrentExecutions to 1');
  });

  it('§3.2 see it happen with BatchSize 100 keeps BatchSize and makes batches of 10 through the 6 MB limit', () => {
    const s = scenarioOf({
      function: { Timeout: 10 },
      sources: [
        {
          type: 'sqs',
          id: 'orders',
          queue: { VisibilityTimeout: 60, ...redrive(2) },
          mapping: { BatchSize: 100, MaximumBatchingWindowInSeconds: 5 },
          messages: [{ id: 'm' }],
        },
      ],
    });
    const w = warning(s, 'sqs-max-receive-count-below-5');
    expect(demoOf(w).sources[0]).toMatchObject({ mapping: { BatchSize: 100 } });
    const r = runDemo(w);
    expect(Math.max(...r.invocations.map((inv) => inv.items.length))).toBe(10);
    expect(r.items.some((i) => i.outcome === 'dead-lettered' && functionFailures(r, i.id) === 0)).toBe(true);
  });
});

describe('§3.2 no redrive policy on the source queue', () => {
  it('§3.2 fires with the visibility timeout and retention period in the reason', () => {
    const w = warning(queueWith({ MessageRetentionPeriod: 3600 }), 'sqs-no-redrive-policy');
    expect(w.path).toBe('sources.0.queue.RedrivePolicy');
    expect(w.reason).toContain('VisibilityTimeout (60 s)');
    expect(w.reason).toContain('3,600 s (1 hour)');
  });

  it('§3.2 the fix adds a dead-letter queue beside the source queue (FIFO for a FIFO queue) with maxReceiveCount 5', () => {
    const s = queueWith({});
    const w = warning(s, 'sqs-no-redrive-policy');
    expect(w.fix[0]!.value).toEqual({
      deadLetterTargetArn: 'arn:aws:sqs:us-east-1:123456789012:orders-queue-dlq',
      maxReceiveCount: 5,
    });
    expectFixRemoves(s, w);
    const fifo = scenarioOf({
      sources: [
        {
          type: 'sqs',
          id: 'q',
          queue: { QueueName: 'payments.fifo', FifoQueue: true, VisibilityTimeout: 60 },
          messages: [{ id: 'p', messageGroupId: 'g' }],
        },
      ],
    });
    const fifoWarning = warning(fifo, 'sqs-no-redrive-policy');
    expect(fifoWarning.fix[0]!.value).toMatchObject({
      deadLetterTargetArn: 'arn:aws:sqs:us-east-1:123456789012:payments-dlq.fifo',
    });
    expectFixRemoves(fifo, fifoWarning);
  });

  it('§3.2 see it happen: the poison message is received again after every visibility timeout until retention deletes it', () => {
    const r = runDemo(warning(queueWith({ MessageRetentionPeriod: 3600 }), 'sqs-no-redrive-policy'));
    const poison = item(r, 'poison');
    expect(poison.outcome).toBe('expired');
    expect(poison.deliveries).toEqual([]);
    // Received at 0, 60, 120 … s: about one receive per visibility timeout within the hour.
    expect(poison.attempts.length).toBeGreaterThanOrEqual(55);
    expect(functionFailures(r, 'poison')).toBe(poison.attempts.length);
    expect(events(r, 'sqs/expired', 'poison')).toHaveLength(1);
  });

  it('§3.2 see it happen with the default 4-day retention stops after 500 receives and says so', () => {
    const w = warning(queueWith({}), 'sqs-no-redrive-policy');
    const demo = demoOf(w);
    expect(demo.simulation.untilSeconds).toBe(30_000);
    expect(demo.description).toContain('The run stops after');
    const poison = item(runDemo(w), 'poison');
    expect(poison.outcome).toBe('in-flight');
    expect(poison.attempts.length).toBeGreaterThanOrEqual(490);
  });
});
