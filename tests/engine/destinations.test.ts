import { describe, expect, it } from 'vitest';
import {
  EVENT_BUS,
  events,
  item,
  OTHER_FUNCTION,
  req,
  run,
  S3_BUCKET,
  scenario,
  SNS_TOPIC,
  SQS_DLQ,
  SQS_FAILED,
} from '../helpers/scenario';

const PAYLOAD = { orderId: 'o-1', amount: 42.5 };

type Rec = {
  version: string;
  timestamp: string;
  requestContext: {
    requestId: string;
    functionArn: string;
    condition: string;
    approximateInvokeCount: number;
  };
  requestPayload: unknown;
  responseContext?: Record<string, unknown>;
  responsePayload?: unknown;
};

/** One async event; `fails` makes every attempt throw "boom". */
function asyncRun(opts: {
  onSuccess?: string;
  onFailure?: string;
  dlq?: string;
  fails?: boolean;
  retries?: number;
  errorMessage?: string;
  simulation?: Record<string, unknown>;
}) {
  const DestinationConfig: Record<string, unknown> = {};
  if (opts.onSuccess) DestinationConfig.OnSuccess = { Destination: opts.onSuccess };
  if (opts.onFailure) DestinationConfig.OnFailure = { Destination: opts.onFailure };
  return run(
    scenario({
      function: {
        FunctionName: 'process-order',
        EventInvokeConfig: { MaximumRetryAttempts: opts.retries ?? 2, DestinationConfig },
        ...(opts.dlq ? { DeadLetterConfig: { TargetArn: opts.dlq } } : {}),
        behavior: {
          returns: { v: 42 },
          rules: opts.fails
            ? [
                {
                  result: 'error',
                  durationMs: 200,
                  error: { errorType: 'Error', errorMessage: opts.errorMessage ?? 'boom' },
                },
              ]
            : [],
        },
      },
      ...(opts.simulation ? { simulation: opts.simulation } : {}),
      sources: [
        { type: 'async', id: 'caller', caller: 'direct', requests: [req('e', 0, { payload: PAYLOAD })] },
      ],
    }),
  );
}

describe('§2.5 destination records', () => {
  it('§2.5 a Success record has condition Success, no functionError key, responsePayload = the returned value', () => {
    const r = asyncRun({ onSuccess: SQS_FAILED.replace('failed', 'ok') });
    const [d] = item(r, 'e').deliveries;
    expect(d).toMatchObject({ target: 'on-success', destinationType: 'sqs', delivered: true });
    const rec = d!.record as Rec;
    expect(rec.version).toBe('1.0');
    expect(rec.requestContext).toMatchObject({ condition: 'Success', approximateInvokeCount: 1 });
    expect(rec.requestContext.requestId).toBe(item(r, 'e').requestId);
    expect(rec.requestContext.functionArn).toMatch(
      /^arn:aws:lambda:us-east-1:123456789012:function:process-order/,
    );
    expect(rec.requestPayload).toEqual(PAYLOAD);
    expect(rec.responseContext).toMatchObject({ statusCode: 200, executedVersion: '$LATEST' });
    expect(rec.responseContext).not.toHaveProperty('functionError');
    expect(rec.responsePayload).toEqual({ v: 42 });
    expect(Number.isNaN(Date.parse(rec.timestamp))).toBe(false);
    expect(events(r, 'destination/delivered')[0]!.rule).toBe('§2.5');
  });

  it('§2.5 a RetriesExhausted record has functionError Unhandled and the error object as responsePayload', () => {
    const r = asyncRun({ onFailure: SQS_FAILED, fails: true });
    const [d] = item(r, 'e').deliveries;
    const rec = d!.record as Rec;
    expect(d!.target).toBe('on-failure');
    expect(rec.requestContext).toMatchObject({ condition: 'RetriesExhausted', approximateInvokeCount: 3 });
    expect(rec.requestPayload).toEqual(PAYLOAD);
    expect(rec.responseContext).toMatchObject({
      statusCode: 200,
      executedVersion: '$LATEST',
      functionError: 'Unhandled',
    });
    expect(rec.responsePayload).toMatchObject({ errorType: 'Error', errorMessage: 'boom' });
  });

  it('§2.5 nothing is sent on success when only OnFailure is configured, and vice versa', () => {
    expect(item(asyncRun({ onFailure: SQS_FAILED }), 'e').deliveries).toHaveLength(0);
    expect(item(asyncRun({ onSuccess: SNS_TOPIC, fails: true }), 'e').deliveries).toHaveLength(0);
  });

  it('§2.5 EventBridge: source lambda, detail-type "… - Success", detail = the record, resources name both ARNs', () => {
    const r = asyncRun({ onSuccess: EVENT_BUS });
    const [d] = item(r, 'e').deliveries;
    expect(d!.destinationType).toBe('eventbridge');
    const ev = d!.record as Record<string, unknown>;
    expect(ev.source).toBe('lambda');
    expect(ev['detail-type']).toBe('Lambda Function Invocation Result - Success');
    const detail = ev.detail as Rec;
    expect(detail.requestContext.condition).toBe('Success');
    expect(detail.responsePayload).toEqual({ v: 42 });
    const resources = ev.resources as string[];
    expect(resources).toContain(EVENT_BUS);
    expect(resources.some((a) => a.includes(':function:process-order'))).toBe(true);
  });

  it('§2.5 EventBridge on failure: detail-type "… - Failure"', () => {
    const r = asyncRun({ onFailure: EVENT_BUS, fails: true });
    const ev = item(r, 'e').deliveries[0]!.record as Record<string, unknown>;
    expect(ev['detail-type']).toBe('Lambda Function Invocation Result - Failure');
    expect((ev.detail as Rec).requestContext.condition).toBe('RetriesExhausted');
  });

  it('§2.5 S3 on failure: object key starts aws/lambda/async/<function>/ and the object is the record', () => {
    const r = asyncRun({ onFailure: S3_BUCKET, fails: true });
    const [d] = item(r, 'e').deliveries;
    expect(d!.destinationType).toBe('s3');
    const obj = d!.record as { key: string; object: Rec };
    expect(obj.key.startsWith('aws/lambda/async/process-order/')).toBe(true);
    expect(obj.object.requestContext.condition).toBe('RetriesExhausted');
  });

  it('§2.5 a Lambda destination gets the record as its event', () => {
    const r = asyncRun({ onSuccess: OTHER_FUNCTION });
    const [d] = item(r, 'e').deliveries;
    expect(d!.destinationType).toBe('lambda');
    const rec = d!.record as Rec;
    expect(rec.requestContext.condition).toBe('Success');
    expect(rec.requestPayload).toEqual(PAYLOAD);
  });

  it('§2.5 SNS: the record is the message', () => {
    const r = asyncRun({ onFailure: SNS_TOPIC, fails: true });
    const [d] = item(r, 'e').deliveries;
    expect(d!.destinationType).toBe('sns');
    expect((d!.record as Rec).requestContext.condition).toBe('RetriesExhausted');
  });

  it('§2.5 SNS: a record whose payloads exceed 256 KB is sent without the payloads', () => {
    const r = run(
      scenario({
        function: {
          EventInvokeConfig: {
            MaximumRetryAttempts: 0,
            DestinationConfig: { OnFailure: { Destination: SNS_TOPIC } },
          },
          behavior: { rules: [{ result: 'error' }] },
        },
        sources: [
          {
            type: 'async',
            id: 'c',
            caller: 'direct',
            requests: [req('e', 0, { payload: { data: 'x'.repeat(300_000) } })],
          },
        ],
      }),
    );
    const [d] = item(r, 'e').deliveries;
    expect(d!.delivered).toBe(true);
    const rec = d!.record as Rec;
    expect(rec).not.toHaveProperty('requestPayload');
    expect(rec).not.toHaveProperty('responsePayload');
    expect(rec.requestContext.condition).toBe('RetriesExhausted');
  });

  it("§2.5 SNS: the 256 KB check uses the event's size (payloadSizeBytes), as the 1 MB acceptance check does", () => {
    const r = run(
      scenario({
        function: {
          EventInvokeConfig: {
            MaximumRetryAttempts: 0,
            DestinationConfig: { OnFailure: { Destination: SNS_TOPIC } },
          },
          behavior: { rules: [{ result: 'error' }] },
        },
        sources: [
          {
            type: 'async',
            id: 'c',
            caller: 'direct',
            requests: [req('e', 0, { payload: { n: 1 }, payloadSizeBytes: 300_000 })],
          },
        ],
      }),
    );
    const rec = item(r, 'e').deliveries[0]!.record as Rec;
    expect(rec).not.toHaveProperty('requestPayload');
  });

  it('§2.5 a FIFO queue as destination: delivery fails and DestinationDeliveryFailures counts it', () => {
    const fifo = 'arn:aws:sqs:us-east-1:123456789012:failed.fifo';
    const r = asyncRun({ onFailure: fifo, fails: true });
    const [d] = item(r, 'e').deliveries;
    expect(d!.delivered).toBe(false);
    expect(d!.failure).toBeTruthy();
    expect(r.metrics.DestinationDeliveryFailures).toBe(1);
    expect(events(r, 'destination/delivery-failed')).toHaveLength(1);
    expect(item(r, 'e').outcome).not.toBe('dead-lettered');
  });

  it('§2.5 a target Lambda may not write to (simulation.deniedTargets): delivery fails and is counted', () => {
    const r = asyncRun({ onSuccess: EVENT_BUS, simulation: { deniedTargets: [EVENT_BUS] } });
    const [d] = item(r, 'e').deliveries;
    expect(d!.delivered).toBe(false);
    expect(r.metrics.DestinationDeliveryFailures).toBe(1);
  });

  it('§2.5 a delivered failure record marks the event dead-lettered; without any target it is discarded', () => {
    expect(item(asyncRun({ onFailure: SQS_FAILED, fails: true }), 'e').outcome).toBe('dead-lettered');
    expect(item(asyncRun({ fails: true, onSuccess: EVENT_BUS }), 'e').outcome).toBe('discarded');
  });
});

describe('§2.6 dead-letter queue', () => {
  type Msg = { Body: string; MessageAttributes: Record<string, { DataType: string; StringValue: string }> };

  it('§2.6 the DLQ message body is the original event; attributes RequestID (String), ErrorCode (Number "200"), ErrorMessage', () => {
    const r = asyncRun({ dlq: SQS_DLQ, fails: true });
    const e = item(r, 'e');
    const dlq = e.deliveries.filter((d) => d.target === 'dlq');
    expect(dlq).toHaveLength(1);
    expect(e.attempts).toHaveLength(3);
    expect(dlq[0]!.atMs).toBe(e.attempts[2]!.endMs);
    const msg = dlq[0]!.record as Msg;
    expect(JSON.parse(msg.Body)).toEqual(PAYLOAD);
    expect(msg.MessageAttributes.RequestID).toEqual({ DataType: 'String', StringValue: e.requestId });
    expect(msg.MessageAttributes.ErrorCode).toEqual({ DataType: 'Number', StringValue: '200' });
    expect(msg.MessageAttributes.ErrorMessage!.DataType).toBe('String');
    expect(msg.MessageAttributes.ErrorMessage!.StringValue).toContain('boom');
    // No response details in a DLQ message.
    expect(msg).not.toHaveProperty('responsePayload');
    expect(msg.Body).not.toContain('requestContext');
    expect(events(r, 'dlq/delivered')[0]!.rule).toBe('§2.6');
    expect(e.outcome).toBe('dead-lettered');
  });

  it('§2.6 ErrorMessage keeps only the first 1 KB of a long error message', () => {
    const long = `boom ${'x'.repeat(5000)}`;
    const r = asyncRun({ dlq: SQS_DLQ, fails: true, errorMessage: long });
    const msg = item(r, 'e').deliveries.find((d) => d.target === 'dlq')!.record as Msg;
    const text = msg.MessageAttributes.ErrorMessage!.StringValue;
    expect(Buffer.byteLength(text, 'utf8')).toBeLessThanOrEqual(1024);
    expect(text.startsWith('boom ')).toBe(true);
    expect(text.length).toBeGreaterThanOrEqual(1000);
  });

  it('§2.6 ErrorMessage is at most 1 KB in bytes even for multi-byte text', () => {
    const long = `boom ${'é'.repeat(2000)}`;
    const r = asyncRun({ dlq: SQS_DLQ, fails: true, errorMessage: long });
    const msg = item(r, 'e').deliveries.find((d) => d.target === 'dlq')!.record as Msg;
    expect(Buffer.byteLength(msg.MessageAttributes.ErrorMessage!.StringValue, 'utf8')).toBeLessThanOrEqual(
      1024,
    );
  });

  it('§2.6 DLQ and OnFailure together: both receive', () => {
    const r = asyncRun({ dlq: SQS_DLQ, onFailure: SQS_FAILED, fails: true });
    const targets = item(r, 'e')
      .deliveries.map((d) => d.target)
      .sort();
    expect(targets).toEqual(['dlq', 'on-failure']);
    expect(item(r, 'e').deliveries.every((d) => d.delivered)).toBe(true);
  });

  it('§2.6 the DLQ receives nothing when the event succeeds', () => {
    const r = asyncRun({ dlq: SQS_DLQ });
    expect(item(r, 'e').deliveries).toHaveLength(0);
  });

  it('§2.6 a DLQ Lambda may not write to counts in DeadLetterErrors', () => {
    const r = asyncRun({ dlq: SQS_DLQ, fails: true, simulation: { deniedTargets: [SQS_DLQ] } });
    const [d] = item(r, 'e').deliveries;
    expect(d!.delivered).toBe(false);
    expect(r.metrics.DeadLetterErrors).toBe(1);
  });

  it('§2.6 an event too large for an SNS dead-letter topic (256 KB) cannot be sent: DeadLetterErrors', () => {
    const topic = 'arn:aws:sns:us-east-1:123456789012:dlq-topic';
    const r = run(
      scenario({
        function: {
          EventInvokeConfig: { MaximumRetryAttempts: 0 },
          DeadLetterConfig: { TargetArn: topic },
          behavior: { rules: [{ result: 'error' }] },
        },
        sources: [
          {
            type: 'async',
            id: 'c',
            caller: 'direct',
            requests: [req('e', 0, { payloadSizeBytes: 300_000 })],
          },
        ],
      }),
    );
    const [d] = item(r, 'e').deliveries;
    expect(d).toMatchObject({ target: 'dlq', destinationType: 'sns', delivered: false });
    expect(r.metrics.DeadLetterErrors).toBe(1);
  });

  it('§2.6 a DLQ receives an event dropped by reserved concurrency 0 (§2.3), with the original body', () => {
    const r = run(
      scenario({
        function: { ReservedConcurrentExecutions: 0, DeadLetterConfig: { TargetArn: SQS_DLQ } },
        sources: [
          { type: 'async', id: 'c', caller: 'direct', requests: [req('e', 0, { payload: PAYLOAD })] },
        ],
      }),
    );
    const [d] = item(r, 'e').deliveries;
    expect(d!.target).toBe('dlq');
    expect(JSON.parse((d!.record as Msg).Body)).toEqual(PAYLOAD);
  });
});
