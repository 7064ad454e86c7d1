import { describe, expect, it } from 'vitest';
import { events, invocationsOf, item } from '../../helpers/scenario';
import { demoOf, expectFixRemoves, idsOf, runDemo, scenarioOf, warning } from './helpers';

function sqs(timeout: number, queue: Record<string, unknown>, mapping: Record<string, unknown> = {}) {
  return scenarioOf({
    function: { Timeout: timeout },
    sources: [
      {
        type: 'sqs',
        id: 'orders',
        queue: {
          RedrivePolicy: {
            deadLetterTargetArn: 'arn:aws:sqs:us-east-1:123456789012:dlq',
            maxReceiveCount: 5,
          },
          ...queue,
        },
        mapping: { FunctionResponseTypes: ['ReportBatchItemFailures'], ...mapping },
        messages: [{ id: 'm' }],
      },
    ],
  });
}

describe('§3.2 visibility timeout shorter than the function timeout', () => {
  const misconfigured = () => sqs(10, { VisibilityTimeout: 5 });

  it('§3.2 fires with the queue path, the rule and both numbers in the reason', () => {
    const w = warning(misconfigured(), 'sqs-visibility-below-function-timeout');
    expect(w.path).toBe('sources.0.queue.VisibilityTimeout');
    expect(w.rule).toBe('§3.2');
    expect(w.sourceId).toBe('orders');
    expect(w.reason).toContain('VisibilityTimeout of 5 s');
    expect(w.reason).toContain('Timeout is 10 s');
    expect(w.reason).toContain('InvalidParameterValueException');
  });

  it('§3.2 the fix sets 6 × Timeout + MaximumBatchingWindowInSeconds and removes both visibility warnings', () => {
    const s = sqs(10, { VisibilityTimeout: 5 }, { MaximumBatchingWindowInSeconds: 4 });
    const w = warning(s, 'sqs-visibility-below-function-timeout');
    expect(w.fix).toEqual([
      expect.objectContaining({ path: 'sources.0.queue.VisibilityTimeout', value: 64 }),
    ]);
    const fixed = expectFixRemoves(s, w);
    expect(idsOf(fixed)).not.toContain('sqs-visibility-below-recommended');
  });

  it('§3.2 does not fire when the visibility timeout equals the function timeout (the other warning does)', () => {
    const ids = idsOf(sqs(10, { VisibilityTimeout: 10 }));
    expect(ids).not.toContain('sqs-visibility-below-function-timeout');
    expect(ids).toContain('sqs-visibility-below-recommended');
  });

  it('§3.2 see it happen: one message is received twice and processed by two overlapping invocations', () => {
    const r = runDemo(warning(misconfigured(), 'sqs-visibility-below-function-timeout'));
    const [first, second] = invocationsOf(r, 'order');
    expect(invocationsOf(r, 'order')).toHaveLength(2);
    expect(second!.startMs).toBeGreaterThanOrEqual(5000);
    expect(second!.startMs).toBeLessThan(first!.endMs!);
    expect(item(r, 'order').outcome).toBe('succeeded');
    expect(events(r, 'sqs/received', 'order').map((e) => e.data!.receiveCounts)).toEqual([[1], [2]]);
  });

  it('§3.2 see it happen keeps the queue and function settings, and works for a FIFO queue too', () => {
    const fifo = scenarioOf({
      function: { Timeout: 20, MemorySize: 512 },
      sources: [
        {
          type: 'sqs',
          id: 'payments',
          queue: { QueueName: 'payments.fifo', FifoQueue: true, VisibilityTimeout: 8 },
          messages: [{ id: 'p', messageGroupId: 'g' }],
        },
      ],
    });
    const w = warning(fifo, 'sqs-visibility-below-function-timeout');
    const demo = demoOf(w);
    expect(demo.function.MemorySize).toBe(512);
    expect(demo.sources[0]).toMatchObject({ queue: { QueueName: 'payments.fifo', VisibilityTimeout: 8 } });
    expect(invocationsOf(runDemo(w), 'order')).toHaveLength(2);
  });
});

describe('§3.2 visibility timeout below 6 × the function timeout', () => {
  const misconfigured = () => sqs(30, { VisibilityTimeout: 60 }, { MaximumBatchingWindowInSeconds: 2 });

  it('§3.2 fires with the recommended value worked out from the scenario’s numbers', () => {
    const w = warning(misconfigured(), 'sqs-visibility-below-recommended');
    expect(w.reason).toContain('6 × 30 s + 2 s = 182 s');
    expect(w.reason).toContain('has 60 s');
    expect(w.path).toBe('sources.0.queue.VisibilityTimeout');
  });

  it('§3.2 the fix (182 s) removes it; at exactly the recommended value there is no warning', () => {
    const s = misconfigured();
    expectFixRemoves(s, warning(s, 'sqs-visibility-below-recommended'));
    expect(idsOf(sqs(30, { VisibilityTimeout: 182 }, { MaximumBatchingWindowInSeconds: 2 }))).toEqual([]);
  });

  it('§3.2 a FIFO queue has no batching window in the recommendation', () => {
    const fifo = scenarioOf({
      function: { Timeout: 10 },
      sources: [
        {
          type: 'sqs',
          id: 'q',
          queue: { QueueName: 'q.fifo', FifoQueue: true, VisibilityTimeout: 59 },
          messages: [{ id: 'p', messageGroupId: 'g' }],
        },
      ],
    });
    expect(warning(fifo, 'sqs-visibility-below-recommended').fix[0]!.value).toBe(60);
  });

  it('§3.2 see it happen: throttled messages go back to the queue and are received again, never having failed', () => {
    const r = runDemo(warning(misconfigured(), 'sqs-visibility-below-recommended'));
    expect(r.metrics.Throttles).toBeGreaterThan(0);
    const returned = r.items.filter((i) => i.attempts[0]?.result === 'throttled');
    expect(returned.length).toBeGreaterThan(0);
    for (const m of returned) {
      const next = m.attempts[1];
      expect(next, m.id).toBeDefined();
      expect(next!.startMs - m.attempts[0]!.startMs, m.id).toBeGreaterThanOrEqual(60_000 * 0.9);
      expect(m.attempts.every((a) => a.result === 'throttled' || a.result === 'success')).toBe(true);
    }
    expect(r.items.every((i) => i.outcome === 'succeeded')).toBe(true);
  });
});
