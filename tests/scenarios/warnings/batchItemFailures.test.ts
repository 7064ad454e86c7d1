import { describe, expect, it } from 'vitest';
import { invocationsOf, item } from '../../helpers/scenario';
import { expectFixRemoves, idsOf, runDemo, scenarioOf, warning } from './helpers';

const ID = 'batch-without-report-batch-item-failures';

function sqs(mapping: Record<string, unknown>) {
  return scenarioOf({
    function: { Timeout: 10 },
    sources: [
      {
        type: 'sqs',
        id: 'orders',
        queue: {
          VisibilityTimeout: 60,
          RedrivePolicy: {
            deadLetterTargetArn: 'arn:aws:sqs:us-east-1:123456789012:dlq',
            maxReceiveCount: 5,
          },
        },
        mapping,
        messages: [{ id: 'm' }],
      },
    ],
  });
}

function stream(type: 'kinesis' | 'dynamodb', mapping: Record<string, unknown>) {
  return scenarioOf({
    function: { Timeout: 10 },
    sources: [
      {
        type,
        id: 'changes',
        mapping: {
          StartingPosition: 'TRIM_HORIZON',
          MaximumRetryAttempts: 3,
          DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:failed' } },
          ...mapping,
        },
        records: [{ id: 'r' }],
      },
    ],
  });
}

describe('§3.2 / §3.4 / §3.5 batches without ReportBatchItemFailures', () => {
  it('§3.2 fires for an SQS batch of more than one message (the default 10), not for BatchSize 1 or with the setting', () => {
    const w = warning(sqs({}), ID);
    expect(w.rule).toBe('§3.2');
    expect(w.path).toBe('sources.0.mapping.FunctionResponseTypes');
    expect(w.reason).toContain('up to 10 messages');
    expect(idsOf(sqs({ BatchSize: 1 }))).toEqual([]);
    expect(idsOf(sqs({ FunctionResponseTypes: ['ReportBatchItemFailures'] }))).toEqual([]);
  });

  it('§3.4 §3.5 fires for streams with their own rule', () => {
    expect(warning(stream('kinesis', {}), ID).rule).toBe('§3.4');
    expect(warning(stream('dynamodb', {}), ID).rule).toBe('§3.5');
    expect(warning(stream('kinesis', {}), ID).reason).toContain('up to 100 records');
  });

  it('§3.2 the fix turns on ReportBatchItemFailures', () => {
    const s = sqs({});
    const w = warning(s, ID);
    expect(w.fix).toEqual([expect.objectContaining({ value: ['ReportBatchItemFailures'] })]);
    expect(expectFixRemoves(s, w).sources[0]).toMatchObject({
      mapping: { FunctionResponseTypes: ['ReportBatchItemFailures'] },
    });
  });

  it('§3.2 see it happen (SQS): one failing message makes the whole batch come back; the others run twice', () => {
    const r = runDemo(warning(sqs({}), ID));
    const [first, second] = invocationsOf(r, 'order-1');
    expect(first!.items).toEqual(['order-1', 'order-2', 'order-3', 'order-4', 'order-5']);
    expect(first!.result).toBe('error');
    expect(second!.startMs - first!.startMs).toBeGreaterThanOrEqual(60_000 * 0.9);
    for (const id of ['order-1', 'order-2', 'order-3', 'order-4']) {
      expect(invocationsOf(r, id), id).toHaveLength(2);
      expect(item(r, id).outcome).toBe('succeeded');
    }
  });

  it('§3.2 see it happen uses BatchSize messages when the batch is smaller than five', () => {
    const r = runDemo(warning(sqs({ BatchSize: 3 }), ID));
    expect(r.invocations[0]!.items).toEqual(['order-1', 'order-2', 'order-3']);
    expect(invocationsOf(r, 'order-1')).toHaveLength(2);
  });

  it('§3.4 see it happen (Kinesis): the batch is retried from its first record, so good records run again', () => {
    const r = runDemo(warning(stream('kinesis', {}), ID));
    for (const id of ['order-1', 'order-2', 'order-3', 'order-4'])
      expect(invocationsOf(r, id), id).toHaveLength(2);
    expect(r.items.every((i) => i.outcome === 'succeeded')).toBe(true);
  });

  it('§3.5 see it happen (DynamoDB) shows the same', () => {
    const r = runDemo(warning(stream('dynamodb', {}), ID));
    expect(invocationsOf(r, 'order-1')).toHaveLength(2);
  });
});
