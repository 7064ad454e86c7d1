/**
 * Stream failure handling (§3.4, §3.5, §9): bisect, partial batch responses as checkpoints, the
 * on-failure record and its destinations, IteratorAge, tumbling windows, and the record shapes.
 */
import { describe, expect, it } from 'vitest';
import { base64 } from '../../src/engine/encoding';
import { streamEvent, toAttributeValue } from '../../src/engine/model/streams/streamRecords';
import { events, item } from '../helpers/scenario';
import { fail, seq, STREAM_FAILURES_QUEUE, streamRun } from '../helpers/streams';

const Q = STREAM_FAILURES_QUEUE;
const TOPIC = 'arn:aws:sns:us-east-1:123456789012:stream-failures';
const BUCKET = 'arn:aws:s3:::stream-failures';

const ten = [{ id: 's', count: 10 }];
const RBIF = { FunctionResponseTypes: ['ReportBatchItemFailures'] };

interface FailureRecord {
  requestContext: {
    requestId: string;
    functionArn: string;
    condition: string;
    approximateInvokeCount: number;
  };
  responseContext?: { statusCode: number; executedVersion: string; functionError: string | null };
  version: string;
  timestamp: string;
  KinesisBatchInfo?: Record<string, unknown>;
  DDBStreamBatchInfo?: Record<string, unknown>;
}

describe('§3.4 BisectBatchOnFunctionError', () => {
  it('§3.4 a failed batch is split in two and each half retried, first half first; splitting uses no retry', () => {
    const r = streamRun({
      mapping: { BisectBatchOnFunctionError: true, MaximumRetryAttempts: 1 },
      records: [{ id: 'r', count: 6 }],
      rules: [fail('r-2')],
    });
    expect(r.invocations.map((i) => i.items)).toEqual([
      ['r-1', 'r-2', 'r-3', 'r-4', 'r-5', 'r-6'],
      ['r-1', 'r-2', 'r-3'],
      ['r-1', 'r-2'],
      ['r-1'],
      ['r-2'],
      ['r-2'], // a batch of one cannot be split: it uses its retry (MaximumRetryAttempts 1 ⇒ 2 invocations)
      ['r-3'],
      ['r-4', 'r-5', 'r-6'],
    ]);
    expect(events(r, 'stream/batch-bisected')).toHaveLength(3);
    expect(item(r, 'r-2').outcome).toBe('discarded');
    expect(r.items.filter((i) => i.id !== 'r-2').every((i) => i.outcome === 'succeeded')).toBe(true);
    const done = events(r, 'stream/record-checkpointed').map((e) => e.item);
    expect(done).toEqual(['r-1', 'r-3', 'r-4', 'r-5', 'r-6']);
  });

  it('§3.4 a thrown error bisects even with ReportBatchItemFailures on', () => {
    const r = streamRun({
      mapping: { BisectBatchOnFunctionError: true, MaximumRetryAttempts: 0, ...RBIF },
      records: [{ id: 'r', count: 2 }],
      rules: [fail('r-2')],
    });
    expect(r.invocations.map((i) => i.items)).toEqual([['r-1', 'r-2'], ['r-1'], ['r-2']]);
  });
});

describe('§3.4 ReportBatchItemFailures (checkpoints)', () => {
  it('§3.4 the lowest reported sequence number is the checkpoint: the records before it are done, the next invocation holds the rest', () => {
    const r = streamRun({
      mapping: RBIF,
      records: ten,
      rules: [{ attempts: [1], result: 'partial', failedItems: ['s-9', 's-4'] }],
    });
    expect(r.invocations.map((i) => [i.result, i.items.length])).toEqual([
      ['partial', 10],
      ['success', 7],
    ]);
    expect(r.invocations[1]!.items[0]).toBe('s-4');
    const cp = events(r, 'stream/checkpoint')[0]!;
    expect(cp.rule).toBe('§9');
    expect(cp.data).toMatchObject({ partial: true, retryFromSequenceNumber: seq(r, 's-4'), checkpointed: 3 });
    expect(item(r, 's-1').endedMs).toBe(r.invocations[0]!.endMs);
    expect(item(r, 's-9').attempts.map((a) => a.result)).toEqual(['error', 'success']);
  });

  it('§9 a partial response counts as a failed attempt; when retries run out the on-failure record covers the records from the checkpoint on, functionError null', () => {
    const r = streamRun({
      mapping: { ...RBIF, MaximumRetryAttempts: 1, DestinationConfig: { OnFailure: { Destination: Q } } },
      records: ten,
      rules: [{ result: 'partial', failedItems: ['s-6'] }],
    });
    expect(r.invocations.map((i) => i.items.length)).toEqual([10, 5]);
    expect(r.items.map((i) => i.outcome)).toEqual([
      ...Array(5).fill('succeeded'),
      ...Array(5).fill('dead-lettered'),
    ]);
    const rec = item(r, 's-6').deliveries[0]!.record as FailureRecord;
    expect(rec.requestContext).toMatchObject({
      condition: 'RetryAttemptsExhausted',
      approximateInvokeCount: 2,
    });
    expect(rec.responseContext).toEqual({ statusCode: 200, executedVersion: '$LATEST', functionError: null });
    expect(rec.KinesisBatchInfo).toMatchObject({
      startSequenceNumber: seq(r, 's-6'),
      endSequenceNumber: seq(r, 's-10'),
      batchSize: 5,
    });
  });

  it('§9 empty answers are complete success; an itemIdentifier that is empty, missing or not in the batch fails the whole batch', () => {
    for (const returns of ['', [], null, {}, { batchItemFailures: [] }, { batchItemFailures: null }]) {
      const r = streamRun({ mapping: RBIF, records: ten, returns });
      expect(r.invocations, JSON.stringify(returns)).toHaveLength(1);
      expect(r.items.every((i) => i.outcome === 'succeeded')).toBe(true);
    }
    for (const bad of [
      { itemIdentifier: '' },
      { itemIdentifier: null },
      { foo: 'x' },
      { itemIdentifier: '12345' },
    ]) {
      const r = streamRun({
        mapping: { ...RBIF, MaximumRetryAttempts: 1, DestinationConfig: { OnFailure: { Destination: Q } } },
        records: ten,
        returns: { batchItemFailures: [bad] },
      });
      expect(
        r.invocations.map((i) => i.items.length),
        JSON.stringify(bad),
      ).toEqual([10, 10]);
      const rec = item(r, 's-1').deliveries[0]!.record as FailureRecord;
      expect(rec.responseContext!.functionError).toBeNull();
      expect(rec.KinesisBatchInfo).toMatchObject({ batchSize: 10 });
    }
  });

  it('§3.1 without ReportBatchItemFailures a batchItemFailures answer is ignored: the batch succeeded', () => {
    const r = streamRun({ records: ten, rules: [{ result: 'partial', failedItems: ['s-3'] }] });
    expect(r.invocations).toHaveLength(1);
    expect(r.items.every((i) => i.outcome === 'succeeded')).toBe(true);
  });

  it('§3.4 with bisect on, a partial response splits the batch at the returned sequence number without using a retry', () => {
    const r = streamRun({
      mapping: { ...RBIF, BisectBatchOnFunctionError: true, MaximumRetryAttempts: 0 },
      records: ten,
      rules: [{ attempts: [1], result: 'partial', failedItems: ['s-6'] }],
    });
    // MaximumRetryAttempts 0, yet s-6…s-10 are sent again: the split used no retry.
    expect(r.invocations.map((i) => i.items.length)).toEqual([10, 5]);
    expect(events(r, 'stream/batch-bisected')[0]!.data).toMatchObject({
      atSequenceNumber: seq(r, 's-6'),
      halves: [5, 5],
    });
    expect(r.items.every((i) => i.outcome === 'succeeded')).toBe(true);
  });
});

describe('§9 the on-failure record and its destinations', () => {
  const exhausted = (type: 'kinesis' | 'dynamodb', destination: string, denied?: string[]) =>
    streamRun({
      type,
      mapping: {
        BatchSize: 3,
        MaximumRetryAttempts: 0,
        DestinationConfig: { OnFailure: { Destination: destination } },
      },
      records: [
        { id: 'a', atMs: 1234 },
        { id: 'b', atMs: 1500 },
        { id: 'c', atMs: 1700 },
      ],
      rules: [fail('b')],
      ...(denied ? { denied } : {}),
    });

  it('§3.4 SQS gets the record alone: requestContext, responseContext, version, timestamp, KinesisBatchInfo — no record data', () => {
    const r = exhausted('kinesis', Q);
    const d = item(r, 'a').deliveries[0]!;
    expect(d).toMatchObject({
      target: 'on-failure',
      destinationType: 'sqs',
      destination: Q,
      delivered: true,
    });
    expect(item(r, 'c').deliveries[0]).toEqual(d);
    const rec = d.record as FailureRecord;
    expect(Object.keys(rec)).toEqual([
      'requestContext',
      'responseContext',
      'version',
      'timestamp',
      'KinesisBatchInfo',
    ]);
    expect(rec.requestContext).toEqual({
      requestId: r.invocations[0]!.requestId,
      functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:process-orders',
      condition: 'RetryAttemptsExhausted',
      approximateInvokeCount: 1,
    });
    expect(rec.version).toBe('1.0');
    // Read at the 2 s poll; cold start 250 ms + 100 ms.
    expect(rec.timestamp).toBe('2026-01-01T00:00:02.350Z');
    expect(rec.KinesisBatchInfo).toEqual({
      shardId: 'shardId-000000000000',
      startSequenceNumber: seq(r, 'a'),
      endSequenceNumber: seq(r, 'c'),
      approximateArrivalOfFirstRecord: '2026-01-01T00:00:01.234Z',
      approximateArrivalOfLastRecord: '2026-01-01T00:00:01.700Z',
      batchSize: 3,
      streamArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/orders',
    });
    expect(r.items.map((i) => i.outcome)).toEqual(['dead-lettered', 'dead-lettered', 'dead-lettered']);
  });

  it('§3.5 DynamoDB: DDBStreamBatchInfo, arrival times in whole seconds, the stream ARN of the table', () => {
    const r = exhausted('dynamodb', TOPIC);
    // Polled four times a second, 'a' (1.234 s) is read alone; 'b' (1.5 s) fails in a batch of its own.
    expect(item(r, 'a').outcome).toBe('succeeded');
    const d = item(r, 'b').deliveries[0]!;
    expect(d.destinationType).toBe('sns');
    const info = (d.record as FailureRecord).DDBStreamBatchInfo!;
    expect(info.approximateArrivalOfFirstRecord).toBe('2026-01-01T00:00:01Z');
    expect(info.streamArn).toMatch(/^arn:aws:dynamodb:us-east-1:123456789012:table\/orders\/stream\//);
    expect(info.shardId).toMatch(/^shardId-\d{20}-[0-9a-f]{8}$/);
  });

  it('§9 S3 stores the record plus "payload": {"Records": […]} under aws/lambda/<ESM-UUID>/<shardId>/YYYY/MM/DD/…', () => {
    const r = exhausted('kinesis', BUCKET);
    const d = item(r, 'b').deliveries[0]!;
    expect(d.destinationType).toBe('s3');
    const obj = d.record as {
      bucket: string;
      key: string;
      object: FailureRecord & { payload: { Records: Array<{ kinesis: { sequenceNumber: string } }> } };
    };
    expect(obj.bucket).toBe('stream-failures');
    expect(obj.key).toMatch(
      /^aws\/lambda\/[0-9a-f-]{36}\/shardId-000000000000\/2026\/01\/01\/2026-01-01T00\.00\.02-[0-9a-f-]{36}$/,
    );
    expect(obj.object.requestContext.condition).toBe('RetryAttemptsExhausted');
    expect(obj.object.payload.Records.map((x) => x.kinesis.sequenceNumber)).toEqual(
      ['a', 'b', 'c'].map((id) => seq(r, id)),
    );
  });

  it('§3.4 a FIFO queue or a target the role may not write to: the delivery fails (DestinationDeliveryFailures) and the records are discarded', () => {
    for (const [arn, denied] of [
      [`${Q}.fifo`, undefined],
      [Q, [Q]],
    ] as const) {
      const r = exhausted('kinesis', arn, denied ? [...denied] : undefined);
      expect(item(r, 'a').deliveries[0]).toMatchObject({ delivered: false });
      expect(r.metrics.DestinationDeliveryFailures).toBe(1);
      expect(r.items.map((i) => i.outcome)).toEqual(['discarded', 'discarded', 'discarded']);
      expect(events(r, 'destination/delivery-failed')).toHaveLength(1);
    }
  });

  it('§3.4 without a destination the skipped records are discarded and nothing is sent', () => {
    const r = streamRun({ mapping: { MaximumRetryAttempts: 0 }, records: [{ id: 'a' }], rules: [fail('a')] });
    expect(item(r, 'a').outcome).toBe('discarded');
    expect(item(r, 'a').deliveries).toHaveLength(0);
    expect(events(r, 'stream/record-skipped', 'a')[0]!.data).toMatchObject({
      condition: 'RetryAttemptsExhausted',
    });
  });
});

describe('§3.4 IteratorAge', () => {
  it('§3.4 IteratorAge is the age of the batch’s last record when processing finished, and keeps growing while the shard is blocked', () => {
    const ok = streamRun({ records: [{ id: 'r', count: 3, everyMs: 200 }] });
    // r-1 is read at once (age 350 ms after a 250 ms cold start + 100 ms); r-2 and r-3 at the 1 s poll,
    // finished at 1.1 s: the last record (400 ms) is 700 ms old.
    expect(ok.metrics.IteratorAgeMaxMs).toBe(700);
    const blocked = streamRun({
      mapping: { MaximumRetryAttempts: 8 },
      records: [{ id: 'bad' }],
      rules: [fail('bad')],
    });
    const ages = events(blocked, 'stream/batch-failed').map(
      (e) => (e.data as { iteratorAgeMs: number }).iteratorAgeMs,
    );
    expect(ages).toHaveLength(9);
    for (let i = 1; i < ages.length; i++) expect(ages[i]!).toBeGreaterThan(ages[i - 1]!);
    expect(blocked.metrics.IteratorAgeMaxMs).toBe(ages.at(-1));
  });
});

describe('§3.4 tumbling windows', () => {
  const windowed = (returns: unknown, extra: Record<string, unknown> = {}) =>
    streamRun({
      mapping: { TumblingWindowInSeconds: 30, MaximumRetryAttempts: 1, ...extra },
      records: [{ id: 'r', count: 8, everyMs: 5000 }],
      returns,
    });

  it('§3.4 each invocation gets the window and the state the previous one returned; after the window ends a final invocation without records has isFinalInvokeForWindow', () => {
    const r = windowed({ state: { total: 1 } });
    const calls = events(r, 'stream/window-invoke').map(
      (e) =>
        e.data as {
          window: { start: string; end: string };
          state: unknown;
          isFinalInvokeForWindow: boolean;
          records: number;
        },
    );
    const first = calls.filter((c) => c.window.start === '2026-01-01T00:00:00Z');
    expect(first.map((c) => c.records)).toEqual([1, 1, 1, 1, 1, 1, 0]);
    expect(first[0]!.state).toEqual({});
    expect(first[1]!.state).toEqual({ total: 1 });
    expect(first.map((c) => c.isFinalInvokeForWindow)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      true,
    ]);
    expect(first[0]!.window.end).toBe('2026-01-01T00:00:30Z');
    const finals = r.invocations.filter((i) => i.items.length === 0);
    expect(finals.map((i) => i.startMs)).toEqual([30_000, 60_000]);
    expect(events(r, 'stream/window-closed')).toHaveLength(2);
    expect(r.items.every((i) => i.outcome === 'succeeded')).toBe(true);
  });

  it('§3.4 a batch never spans two windows', () => {
    const r = streamRun({
      mapping: { TumblingWindowInSeconds: 10, BatchSize: 100, createdAtMs: 60_000 },
      records: [{ id: 'r', count: 6, everyMs: 4000 }],
      returns: { state: {} },
    });
    const batches = r.invocations.filter((i) => i.items.length > 0).map((i) => i.items);
    expect(batches).toEqual([['r-1', 'r-2', 'r-3'], ['r-4', 'r-5'], ['r-6']]);
  });

  it('§3.4 with tumbling windows a response without "state" is a failed invocation', () => {
    const r = windowed({ total: 1 }, { DestinationConfig: { OnFailure: { Destination: Q } } });
    expect(item(r, 'r-1').outcome).toBe('dead-lettered');
    expect(r.invocations.filter((i) => i.items.includes('r-1'))).toHaveLength(2);
    expect(events(r, 'stream/batch-failed')[0]!.data).toMatchObject({
      reason: expect.stringContaining('state'),
    });
  });
});

describe('§3.4 §3.5 record shapes', () => {
  it('§3.4 Kinesis: base64 data, eventID "<shardId>:<sequence number>", approximateArrivalTimestamp in fractional seconds', () => {
    const r = streamRun({
      records: [
        { id: 'a', atMs: 1250, partitionKey: 'customer-7', payload: { orderId: 'o-1', note: 'café' } },
      ],
    });
    const state = r.sim.state;
    const event = streamEvent(state, state.streams.src!, ['a']);
    const [rec] = event.Records as Array<Record<string, unknown>>;
    const kinesis = rec!.kinesis as Record<string, unknown>;
    expect(kinesis).toMatchObject({
      kinesisSchemaVersion: '1.0',
      partitionKey: 'customer-7',
      sequenceNumber: seq(r, 'a'),
    });
    expect(Buffer.from(kinesis.data as string, 'base64').toString('utf8')).toBe(
      '{"orderId":"o-1","note":"café"}',
    );
    expect(kinesis.approximateArrivalTimestamp).toBe(1_767_225_601.25);
    expect(rec).toMatchObject({
      eventSource: 'aws:kinesis',
      eventVersion: '1.0',
      eventID: `shardId-000000000000:${seq(r, 'a')}`,
      eventName: 'aws:kinesis:record',
      awsRegion: 'us-east-1',
      eventSourceARN: 'arn:aws:kinesis:us-east-1:123456789012:stream/orders',
    });
    expect(base64('Hello, this is a test.')).toBe('SGVsbG8sIHRoaXMgaXMgYSB0ZXN0Lg==');
  });

  it('§3.5 DynamoDB: Keys and NewImage in attribute-value notation, whole-second ApproximateCreationDateTime, REMOVE carries OldImage', () => {
    const r = streamRun({
      type: 'dynamodb',
      records: [
        {
          id: 'a',
          atMs: 1999,
          payload: { id: 'o-1', amount: 42.5, paid: true, tags: ['x'], meta: { by: null } },
        },
        { id: 'b', atMs: 3000, eventName: 'REMOVE', payload: { id: 'o-2' } },
      ],
    });
    const state = r.sim.state;
    const [a, b] = streamEvent(state, state.streams.src!, ['a', 'b']).Records as Array<
      Record<string, Record<string, unknown>>
    >;
    expect(a).toMatchObject({
      eventName: 'INSERT',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'us-east-1',
    });
    expect(a!.eventID).toMatch(/^[0-9a-f]{32}$/);
    expect(a!.dynamodb).toEqual({
      ApproximateCreationDateTime: 1_767_225_601,
      Keys: { id: { S: 'o-1' } },
      NewImage: {
        id: { S: 'o-1' },
        amount: { N: '42.5' },
        paid: { BOOL: true },
        tags: { L: [{ S: 'x' }] },
        meta: { M: { by: { NULL: true } } },
      },
      SequenceNumber: seq(r, 'a'),
      SizeBytes: JSON.stringify({ id: 'o-1', amount: 42.5, paid: true, tags: ['x'], meta: { by: null } })
        .length,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    });
    expect(b!.eventName).toBe('REMOVE');
    expect(b!.dynamodb).toHaveProperty('OldImage');
    expect(b!.dynamodb).not.toHaveProperty('NewImage');
    expect(toAttributeValue(7)).toEqual({ N: '7' });
  });
});
