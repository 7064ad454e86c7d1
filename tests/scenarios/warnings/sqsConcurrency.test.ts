import { describe, expect, it } from 'vitest';
import { events, run } from '../../helpers/scenario';
import {
  demoOf,
  expectFixRemoves,
  functionFailures,
  idsOf,
  runDemo,
  scenarioOf,
  warning,
  withFix,
} from './helpers';

function mapping(reserved: number | undefined, scaling?: number, fifo = false) {
  return scenarioOf({
    function: { Timeout: 10, ...(reserved === undefined ? {} : { ReservedConcurrentExecutions: reserved }) },
    sources: [
      {
        type: 'sqs',
        id: 'orders',
        queue: {
          ...(fifo ? { QueueName: 'orders.fifo', FifoQueue: true } : {}),
          VisibilityTimeout: 60,
          RedrivePolicy: {
            deadLetterTargetArn: `arn:aws:sqs:us-east-1:123456789012:dlq${fifo ? '.fifo' : ''}`,
            maxReceiveCount: 5,
          },
        },
        mapping: {
          BatchSize: 1,
          ...(scaling === undefined ? {} : { ScalingConfig: { MaximumConcurrency: scaling } }),
        },
        messages: [{ id: 'm', ...(fifo ? { messageGroupId: 'g' } : {}) }],
      },
    ],
  });
}

const ID = 'sqs-mapping-concurrency-above-reserved';

describe('§3.2 / §4 the mapping may run more batches than the reserved concurrency', () => {
  it('§3.2 fires for MaximumConcurrency above ReservedConcurrentExecutions, with both numbers', () => {
    const w = warning(mapping(10, 20), ID);
    expect(w.path).toBe('sources.0.mapping.ScalingConfig.MaximumConcurrency');
    expect(w.reason).toContain('MaximumConcurrency is 20');
    expect(w.reason).toContain('ReservedConcurrentExecutions is 10');
  });

  it('§3.2 fires without MaximumConcurrency when reserved concurrency is below the five starting batches (standard queues only)', () => {
    const w = warning(mapping(3), ID);
    expect(w.path).toBe('function.ReservedConcurrentExecutions');
    expect(w.reason).toContain('start five batches');
    expect(idsOf(mapping(5))).not.toContain(ID);
    expect(idsOf(mapping(3, undefined, true))).not.toContain(ID);
  });

  it('§3.2 does not fire when MaximumConcurrency ≤ reserved, without reserved concurrency, or with 0 (its own warning)', () => {
    expect(idsOf(mapping(10, 10))).toEqual([]);
    expect(idsOf(mapping(undefined, 50))).toEqual([]);
    expect(idsOf(mapping(0, 50))).not.toContain(ID);
  });

  it('§3.2 the fix sets MaximumConcurrency to the reserved concurrency; with 1 it raises both to 2', () => {
    const s = mapping(10, 20);
    expect(warning(s, ID).fix).toEqual([
      expect.objectContaining({ path: 'sources.0.mapping.ScalingConfig', value: { MaximumConcurrency: 10 } }),
    ]);
    expectFixRemoves(s, warning(s, ID));
    const one = mapping(1);
    const fixed = expectFixRemoves(one, warning(one, ID));
    expect(fixed.function.ReservedConcurrentExecutions).toBe(2);
  });

  it('§3.2 see it happen: batches beyond the reserved concurrency are throttled, and not with the fix', () => {
    const w = warning(mapping(10, 20), ID);
    const r = runDemo(w);
    expect(events(r, 'sqs/batch-throttled').length).toBeGreaterThan(0);
    expect(r.metrics.Throttles).toBeGreaterThan(0);
    expect(r.metrics.ConcurrentExecutionsMax).toBe(10);
    expect(r.items.every((i) => functionFailures(r, i.id) === 0)).toBe(true);
    const fixed = run(withFix(demoOf(w), w));
    expect(fixed.metrics.Throttles).toBe(0);
  });

  it('§3.2 see it happen at once when the five starting batches outnumber the reserved concurrency', () => {
    const r = runDemo(warning(mapping(3), ID));
    expect(events(r, 'sqs/batch-throttled')[0]!.t).toBe(0);
  });

  it('§3.2 see it happen at a large reserved concurrency keeps the relation at a smaller scale and says so', () => {
    const w = warning(
      scenarioOf({ ...mappingInput(), function: { Timeout: 3, ReservedConcurrentExecutions: 300 } }),
      ID,
    );
    const demo = demoOf(w);
    expect(demo.function.ReservedConcurrentExecutions).toBe(2);
    expect(demo.sources[0]).toMatchObject({ mapping: { ScalingConfig: { MaximumConcurrency: 4 } } });
    expect(demo.description).toContain('at a smaller scale');
    expect(run(demo).metrics.Throttles).toBeGreaterThan(0);
  });
});

function mappingInput() {
  return {
    sources: [
      {
        type: 'sqs',
        id: 'orders',
        queue: {
          VisibilityTimeout: 18,
          RedrivePolicy: {
            deadLetterTargetArn: 'arn:aws:sqs:us-east-1:123456789012:dlq',
            maxReceiveCount: 5,
          },
        },
        mapping: { BatchSize: 1, ScalingConfig: { MaximumConcurrency: 600 } },
        messages: [{ id: 'm' }],
      },
    ],
  };
}
