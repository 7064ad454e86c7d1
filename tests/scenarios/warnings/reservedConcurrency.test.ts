import { describe, expect, it } from 'vitest';
import { item } from '../../helpers/scenario';
import { demoOf, expectFixRemoves, idsOf, runDemo, scenarioOf, warning } from './helpers';

const ID = 'reserved-concurrency-zero';

function zero(sources: unknown[], fn: Record<string, unknown> = {}) {
  return scenarioOf({ function: { ReservedConcurrentExecutions: 0, ...fn }, sources });
}

const sync = { type: 'sync', id: 'api', caller: 'direct', requests: [{ id: 'r' }] };
const events = { type: 'async', id: 'events', caller: 'eventbridge', requests: [{ id: 'e' }] };
const queue = {
  type: 'sqs',
  id: 'orders',
  queue: {
    VisibilityTimeout: 60,
    RedrivePolicy: { deadLetterTargetArn: 'arn:aws:sqs:us-east-1:123456789012:dlq', maxReceiveCount: 5 },
  },
  mapping: { BatchSize: 1 },
  messages: [{ id: 'm' }],
};

describe('§4 reserved concurrency 0', () => {
  it('§4 fires once, at the function, naming what happens to each kind of source', () => {
    const w = warning(zero([sync, queue]), ID);
    expect(w.rule).toBe('§4.reserved');
    expect(w.path).toBe('function.ReservedConcurrentExecutions');
    expect(w.sourceId).toBeUndefined();
    expect(w.reason).toContain('429 TooManyRequestsException');
    expect(w.reason).toContain('SQS batches are throttled');
    expect(w.reason).not.toContain('asynchronous');
  });

  it('§4 does not fire for reserved concurrency 1 or none', () => {
    expect(idsOf(scenarioOf({ function: { ReservedConcurrentExecutions: 1 }, sources: [sync] }))).toEqual([]);
    expect(idsOf(scenarioOf({ sources: [sync] }))).toEqual([]);
  });

  it('§4 the fix removes the reserved concurrency', () => {
    const s = zero([sync]);
    const w = warning(s, ID);
    expect(w.fix).toEqual([
      expect.objectContaining({ path: 'function.ReservedConcurrentExecutions', value: undefined }),
    ]);
    expect(expectFixRemoves(s, w).function.ReservedConcurrentExecutions).toBeUndefined();
  });

  it('§4 see it happen (sync): 429 and the handler never runs', () => {
    const r = runDemo(warning(zero([sync]), ID));
    expect(item(r, 'item').response?.statusCode).toBe(429);
    expect(r.metrics.Invocations).toBe(0);
    expect(r.metrics.Throttles).toBe(1);
  });

  it('§2.3 see it happen (async): dropped at once without an attempt (ZeroReservedConcurrency)', () => {
    const w = warning(
      zero([events], {
        EventInvokeConfig: {
          DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:failed' } },
        },
      }),
      ID,
    );
    const event = item(runDemo(w), 'item');
    expect(event.response?.statusCode).toBe(202);
    expect(event.deliveries[0]!.record).toMatchObject({
      requestContext: { condition: 'ZeroReservedConcurrency' },
    });
  });

  it('§3.2 see it happen (SQS): the batch is refused at every receive until the redrive policy moves it to the DLQ', () => {
    const w = warning(zero([queue]), ID);
    expect(demoOf(w).simulation.untilSeconds).toBe(600);
    const r = runDemo(w);
    const message = item(r, 'item');
    expect(message.attempts.map((a) => a.result)).toEqual(Array(5).fill('throttled'));
    expect(message.outcome).toBe('dead-lettered');
    expect(r.metrics.Invocations).toBe(0);
  });

  it('§3.4 see it happen (Kinesis): the batch is refused and tried again for the whole ten minutes', () => {
    const stream = {
      type: 'kinesis',
      id: 'clicks',
      mapping: {
        StartingPosition: 'TRIM_HORIZON',
        MaximumRetryAttempts: 1,
        DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:failed' } },
      },
      records: [{ id: 'k' }],
    };
    const r = runDemo(warning(zero([stream]), ID));
    const record = item(r, 'item');
    // Throttles are not function errors: MaximumRetryAttempts 1 does not end them.
    expect(record.attempts.length).toBeGreaterThan(5);
    expect(record.attempts.every((a) => a.result === 'throttled')).toBe(true);
    expect(record.outcome).toBe('in-flight');
  });

  it('§4 other demonstrations with reserved concurrency 0 and a poll-based source stop after ten minutes and say why', () => {
    const batching = { ...queue, mapping: { BatchSize: 10 } };
    const demo = demoOf(warning(zero([batching]), 'batch-without-report-batch-item-failures'));
    expect(demo.simulation.untilSeconds).toBe(600);
    expect(demo.description).toContain('every batch is throttled, so the run stops after 10 minutes');
  });
});
