/**
 * Importing SAM templates (fixtures in ./templates): each event type lands on the scenario source the
 * simulator runs it with, each setting on its AWS-named field, and the report says what was understood,
 * assumed and ignored, with the template path. Tests are named after the section of aws-semantics.md
 * whose rule the mapping carries.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/engine/simulation';
import { expectLine, fixture, importFixture, importOk, linesAt } from './samHelpers';

const FN = 'Resources.OrdersApiFunction.Properties';

describe('API + function (api-function.yaml)', () => {
  const imported = importFixture('api-function.yaml');
  const { raw, valid, report } = imported;

  it('maps the function’s settings and names where each came from', () => {
    expect(raw.function).toMatchObject({
      FunctionName: 'orders-api',
      Runtime: 'nodejs22.x',
      Timeout: 45,
      MemorySize: 1024,
      Architectures: ['arm64'],
    });
    expectLine(report, 'understood', `${FN}.Timeout`, /^Timeout 45 → function\.Timeout$/);
    expect(expectLine(report, 'understood', `${FN}.Timeout`, /Timeout/).line).toBe(13);
    expect(raw.id).toBe('orders-api');
    expect(raw.group).toBe('synchronous');
  });

  it('§1.5 an Api event is an API Gateway caller with the REST API’s 29 s integration timeout (the default)', () => {
    const rest = valid.sources[0]!;
    expect(rest).toMatchObject({ type: 'sync', id: 'create-order', caller: 'api-gateway' });
    expect(raw.sources[0].TimeoutInMillis).toBeUndefined(); // the simulator's default for api-gateway is 29,000 ms
    expectLine(report, 'assumed', `${FN}.Events.CreateOrder.Properties`, /29 s, the default \(§1\.5\)/);
  });

  it('§1.5 an HttpApi event is an API Gateway caller with the HTTP API’s 30 s timeout, without the REST quota note', () => {
    expect(raw.sources[1]).toMatchObject({
      type: 'sync',
      id: 'get-order',
      caller: 'api-gateway',
      TimeoutInMillis: 30_000,
    });
    expectLine(report, 'assumed', `${FN}.Events.GetOrder.Properties`, /30 s, its default and maximum/);
    expect(report.warnings.some((w) => /quota increase/.test(w.message))).toBe(false);
  });

  it('§1.5 warns that a 45 s function outlives both integrations (504 while it keeps running)', () => {
    const timeouts = linesAt(report, 'warnings', `${FN}.Timeout`).map((w) => w.message);
    expect(timeouts).toEqual([
      expect.stringMatching(/after 29 s: slow requests get 504/),
      expect.stringMatching(/after 30 s: slow requests get 504/),
    ]);
  });

  it('assumes a few requests per route with payloads of the right format, and a proxy response', () => {
    expect(raw.sources[0].requests).toEqual([
      {
        atMs: 0,
        count: 3,
        everyMs: 1000,
        payload: { httpMethod: 'POST', path: '/orders', resource: '/orders', body: '{}' },
      },
    ]);
    expect(raw.sources[1].requests[0].payload).toMatchObject({
      version: '2.0',
      routeKey: 'GET /orders/{id}',
      rawPath: '/orders/id-1',
    });
    expect(raw.function.behavior).toEqual({
      duration: { distribution: 'fixed', ms: 100 },
      returns: { statusCode: 200, body: '{"ok":true}' },
    });
    expectLine(
      report,
      'assumed',
      'Resources.OrdersApiFunction',
      /succeeds in 100 ms with a \{"statusCode":200\} proxy response/,
    );
  });

  it('reports what it leaves out, each with its path and reason', () => {
    expectLine(report, 'ignored', `${FN}.Handler`, /the code is not run/);
    expectLine(report, 'ignored', `${FN}.Environment`, /environment variables/);
    expectLine(
      report,
      'ignored',
      `${FN}.Events.CreateOrder.Properties.Auth`,
      /authorisation happens in API Gateway/,
    );
    expectLine(report, 'ignored', 'Outputs', /not used/);
  });

  it('the scenario runs: every request answered 200', () => {
    const sim = createSimulation(valid);
    sim.run();
    const items = sim.results().items;
    expect(items).toHaveLength(6);
    expect(items.every((i) => i.outcome === 'succeeded' && i.response?.statusCode === 200)).toBe(true);
  });
});

describe('SQS with a dead-letter queue (sqs-with-dlq.yaml)', () => {
  const { raw, valid, report } = importFixture('sqs-with-dlq.yaml');
  const EVENT = 'Resources.OrdersFunction.Properties.Events.OrdersQueueEvent.Properties';

  it('§3.2 the queue’s own settings and RedrivePolicy come from its AWS::SQS::Queue resource', () => {
    expect(raw.sources[0].queue).toEqual({
      QueueName: 'orders-queue',
      VisibilityTimeout: 120,
      MessageRetentionPeriod: 86_400,
      RedrivePolicy: {
        deadLetterTargetArn: 'arn:aws:sqs:us-east-1:123456789012:orders-queue-dlq',
        maxReceiveCount: 5,
      },
    });
    expectLine(
      report,
      'understood',
      'Resources.OrdersQueue.Properties.RedrivePolicy',
      /→ sources\[0\]\.queue\.RedrivePolicy/,
    );
    expectLine(
      report,
      'understood',
      'Resources.OrdersDeadLetterQueue',
      /AWS::SQS::Queue arn:aws:sqs:us-east-1:123456789012:orders-queue-dlq/,
    );
    expect(report.ignored.some((l) => l.path === 'Resources.OrdersDeadLetterQueue')).toBe(false);
  });

  it('§3.2 the mapping: BatchSize, window, ReportBatchItemFailures, MaximumConcurrency', () => {
    expect(valid.sources[0]).toMatchObject({
      type: 'sqs',
      mapping: {
        BatchSize: 5,
        MaximumBatchingWindowInSeconds: 2,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        ScalingConfig: { MaximumConcurrency: 20 },
      },
    });
    expectLine(
      report,
      'understood',
      `${EVENT}.ScalingConfig.MaximumConcurrency`,
      /20 → sources\[0\]\.mapping\.ScalingConfig\.MaximumConcurrency/,
    );
  });

  it('§3.2 AWS’s visibility-timeout advice (6 × Timeout + window) is a warning on the queue’s field', () => {
    expectLine(
      report,
      'warnings',
      'Resources.OrdersQueue.Properties.VisibilityTimeout',
      /6 × 20 s \+ 2 s = 122 s; this queue has 120 s/,
    );
  });

  it('§3.2 a queue named by its URL (!Ref) is still found, with a warning that AWS needs the ARN', () => {
    const { raw: byUrl, report: urlReport } = importOk(
      fixture('sqs-with-dlq.yaml').replace('Queue: !GetAtt OrdersQueue.Arn', 'Queue: !Ref OrdersQueue'),
    );
    expect(byUrl.sources[0].queue.VisibilityTimeout).toBe(120);
    expectLine(urlReport, 'warnings', `${EVENT}.Queue`, /needs its ARN/);
  });

  it('assumes ten messages; the function’s other settings are mapped', () => {
    expect(raw.sources[0].messages).toEqual([
      { atMs: 0, count: 10, everyMs: 100, payload: { orderId: 'order-1' } },
    ]);
    expectLine(report, 'assumed', EVENT, /10 messages/);
    expect(raw.function).toMatchObject({
      FunctionName: 'process-orders',
      Timeout: 20,
      MemorySize: 512,
      ReservedConcurrentExecutions: 50,
    });
    expect(raw.group).toBe('poll-based');
  });
});

describe('FIFO queue (fifo-queue.yaml)', () => {
  const { raw, valid, report } = importFixture('fifo-queue.yaml');

  it('§3.3 FifoQueue is kept; the generated name gets .fifo, and the report says it stands in', () => {
    expect(raw.sources[0].queue).toEqual({
      QueueName: 'PaymentsQueue.fifo',
      FifoQueue: true,
      VisibilityTimeout: 180,
    });
    expectLine(
      report,
      'assumed',
      'Resources.PaymentsQueue',
      /No QueueName: .*PaymentsQueue\.fifo stands for it/,
    );
    expectLine(
      report,
      'ignored',
      'Resources.PaymentsQueue.Properties.ContentBasedDeduplication',
      /not something the simulator models/,
    );
  });

  it('§3.3 the assumed messages come in two message groups', () => {
    const source = valid.sources[0]!;
    expect(source.type === 'sqs' && source.messages.map((m) => [m.messageGroupId, m.count])).toEqual([
      ['group-a', 5],
      ['group-b', 5],
    ]);
  });

  it('a function without FunctionName, MemorySize: logical id and Lambda’s defaults, reported as assumed', () => {
    expect(valid.function).toMatchObject({
      FunctionName: 'PaymentsFunction',
      Runtime: 'python3.12',
      MemorySize: 128,
      Timeout: 30,
    });
    expectLine(report, 'assumed', 'Resources.PaymentsFunction', /No FunctionName/);
    expectLine(report, 'assumed', 'Resources.PaymentsFunction.Properties.MemorySize', /128 MB/);
  });
});

describe('Kinesis with bisect, retries and an on-failure destination (kinesis-bisect.yaml)', () => {
  const { raw, valid, report } = importFixture('kinesis-bisect.yaml');
  const EVENT = 'Resources.ClickstreamFunction.Properties.Events.Clicks.Properties';

  it('§3.4 the stream: name, shards and retention from AWS::Kinesis::Stream', () => {
    expect(raw.sources[0].stream).toEqual({
      StreamName: 'clickstream',
      ShardCount: 2,
      RetentionPeriodHours: 48,
    });
    expectLine(
      report,
      'ignored',
      'Resources.ClickStream.Properties.StreamEncryption',
      /encryption is not simulated/,
    );
  });

  it('§3.4 bisect, retries, record age, parallelization and the on-failure SQS destination', () => {
    expect(valid.sources[0]).toMatchObject({
      type: 'kinesis',
      mapping: {
        StartingPosition: 'TRIM_HORIZON',
        BatchSize: 50,
        MaximumBatchingWindowInSeconds: 1,
        ParallelizationFactor: 2,
        BisectBatchOnFunctionError: true,
        MaximumRetryAttempts: 3,
        MaximumRecordAgeInSeconds: 3600,
        DestinationConfig: {
          OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:clickstream-failures' },
        },
      },
    });
    expectLine(
      report,
      'understood',
      `${EVENT}.DestinationConfig.OnFailure.Destination`,
      /clickstream-failures/,
    );
  });

  it('assumes five records on each shard', () => {
    expect(raw.sources[0].records.map((r: { shard: number; count: number }) => [r.shard, r.count])).toEqual([
      [0, 5],
      [1, 5],
    ]);
    expectLine(report, 'assumed', EVENT, /5 records on each of the 2 shards/);
  });
});

describe('DynamoDB stream (dynamodb-stream.yaml)', () => {
  const { raw, valid, report } = importFixture('dynamodb-stream.yaml');

  it('§3.5 the table’s stream with its mapping; the SNS on-failure destination comes from !Ref of the topic', () => {
    expect(valid.sources[0]).toMatchObject({
      type: 'dynamodb',
      stream: { StreamName: 'orders', ShardCount: 1, RetentionPeriodHours: 24 },
      mapping: {
        StartingPosition: 'LATEST',
        BatchSize: 25,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        MaximumRetryAttempts: 5,
        DestinationConfig: {
          OnFailure: { Destination: 'arn:aws:sns:us-east-1:123456789012:index-failures' },
        },
      },
    });
    expectLine(report, 'assumed', 'Resources.OrdersTable', /one shard is assumed/);
    expectLine(report, 'ignored', 'Resources.OrdersTable', /keys, capacity and indexes are not simulated/);
  });

  it('§3.5 assumed records are item inserts', () => {
    expect(raw.sources[0].records).toEqual([
      { atMs: 0, count: 5, everyMs: 200, shard: 0, eventName: 'INSERT', payload: { id: 'item-1' } },
    ]);
  });
});

describe('Asynchronous function with EventInvokeConfig and destinations (async-destinations.yaml)', () => {
  const { raw, valid, report } = importFixture('async-destinations.yaml');
  const FN_PROPS = 'Resources.ThumbnailFunction.Properties';

  it('§2.2 §2.5 retries, event age and both destinations; SAM’s Type is dropped, the ARN kept', () => {
    expect(raw.function.EventInvokeConfig).toEqual({
      MaximumRetryAttempts: 1,
      MaximumEventAgeInSeconds: 3600,
      DestinationConfig: {
        OnSuccess: { Destination: 'arn:aws:events:us-east-1:123456789012:event-bus/thumbnail-results' },
        OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:thumbnail-failures' },
      },
    });
    expectLine(
      report,
      'understood',
      `${FN_PROPS}.EventInvokeConfig.MaximumRetryAttempts`,
      /1 → function\.EventInvokeConfig\.MaximumRetryAttempts/,
    );
  });

  it('§2.6 DeadLetterQueue {Type, TargetArn} becomes DeadLetterConfig.TargetArn (a topic’s Ref is its ARN)', () => {
    expect(raw.function.DeadLetterConfig).toEqual({
      TargetArn: 'arn:aws:sns:us-east-1:123456789012:thumbnail-dead-letters',
    });
  });

  it('§2 S3, SNS and EventBridge rule events are asynchronous callers, one event each', () => {
    expect(valid.sources.map((s) => [s.type, s.id, s.type === 'async' && s.caller])).toEqual([
      ['async', 'upload', 's3'],
      ['async', 'resize', 'sns'],
      ['async', 'sweep', 'eventbridge'],
    ]);
    expect(raw.sources[0].requests[0].payload.Records[0].s3.bucket.name).toBe('photo-uploads');
    expect(raw.sources[1].requests[0].payload.Records[0].Sns.TopicArn).toBe(
      'arn:aws:sns:us-east-1:123456789012:ResizeRequests',
    );
    expect(raw.sources[2].requests[0].payload).toMatchObject({
      source: 'media.library',
      'detail-type': 'Image Updated',
    });
    expect(raw.group).toBe('asynchronous');
  });

  it('reports EventBridge’s own retries and the S3 filter as not simulated', () => {
    expectLine(
      report,
      'ignored',
      `${FN_PROPS}.Events.Sweep.Properties.RetryPolicy`,
      /EventBridge’s own retries/,
    );
    expectLine(report, 'ignored', `${FN_PROPS}.Events.Upload.Properties.Filter`, /assumed to match/);
  });

  it('destination and DLQ resources are in use, not ignored', () => {
    for (const id of [
      'ResultsBus',
      'ThumbnailFailures',
      'ThumbnailDeadLetters',
      'UploadBucket',
      'ResizeRequests',
    ]) {
      expect(linesAt(report, 'ignored', `Resources.${id}`)).toEqual([]);
    }
  });
});
