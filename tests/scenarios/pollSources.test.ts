/**
 * Validation of poll-based sources (aws-semantics.md §3): SQS standard and FIFO queues, Kinesis data
 * streams and DynamoDB streams with their event source mappings. Ranges at their bounds (§9), the
 * cross-field errors AWS rejects (in AWS's words where §9 records them), warnings for settings that run
 * but rarely do what was meant, and `result: "partial"` rules.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../src/scenarios/validate';
import {
  atMost,
  aws,
  base,
  errorsOf,
  expectAccepted,
  expectError,
  rangeTests,
  scenarioWith,
  set,
  unset,
  type Json,
} from './helpers';

const ACCOUNT = '123456789012';
const sqsArn = (name: string) => `arn:aws:sqs:us-east-1:${ACCOUNT}:${name}`;

/** A standard queue with defaults that give no warnings (function Timeout 3 s, visibility 30 s). */
function sqs(changes: Record<string, unknown> = {}): Json {
  return scenarioWith(changes, {
    ...base(),
    sources: [{ type: 'sqs', id: 'orders', queue: { QueueName: 'orders-queue' }, messages: [{ id: 'm1' }] }],
  });
}

function fifo(changes: Record<string, unknown> = {}): Json {
  return scenarioWith(changes, {
    ...base(),
    sources: [
      {
        type: 'sqs',
        id: 'orders',
        queue: { QueueName: 'orders.fifo', FifoQueue: true },
        messages: [
          { id: 'a1', messageGroupId: 'A' },
          { id: 'b1', messageGroupId: 'B' },
        ],
      },
    ],
  });
}

/** A Kinesis or DynamoDB source with bounded retries and an on-failure queue: no warnings. */
function stream(type: 'kinesis' | 'dynamodb', changes: Record<string, unknown> = {}): Json {
  return scenarioWith(changes, {
    ...base(),
    sources: [
      {
        type,
        id: 'changes',
        stream: { StreamName: 'orders', ShardCount: 2 },
        mapping: {
          StartingPosition: 'TRIM_HORIZON',
          MaximumRetryAttempts: 2,
          DestinationConfig: { OnFailure: { Destination: sqsArn('orders-failed') } },
        },
        records: [
          type === 'kinesis' ? { id: 'r1', partitionKey: 'customer-1' } : { id: 'r1', eventName: 'INSERT' },
        ],
      },
    ],
  });
}
const kinesis = (changes: Record<string, unknown> = {}) => stream('kinesis', changes);
const dynamodb = (changes: Record<string, unknown> = {}) => stream('dynamodb', changes);

const warningsOf = (input: Json) => expectAccepted(validateScenario(input));

describe('§9 ranges of poll-based sources: accepted at each bound, rejected just outside', () => {
  const sqsSource = sqs().sources as Json[];
  const kinesisSource = kinesis().sources as Json[];
  const onSqs = { sources: sqsSource };
  const onKinesis = { sources: kinesisSource };
  rangeTests([
    {
      section: '§3.1',
      name: 'SQS BatchSize (with a batching window)',
      path: 'sources[0].mapping.BatchSize',
      member: 'batchSize',
      min: 1,
      max: 10_000,
      setup: { ...onSqs, 'sources[0].mapping.MaximumBatchingWindowInSeconds': 1 },
    },
    {
      section: '§3.4',
      name: 'Kinesis BatchSize',
      path: 'sources[0].mapping.BatchSize',
      member: 'batchSize',
      min: 1,
      max: 10_000,
      setup: onKinesis,
    },
    {
      section: '§3.1',
      name: 'MaximumBatchingWindowInSeconds',
      path: 'sources[0].mapping.MaximumBatchingWindowInSeconds',
      member: 'maximumBatchingWindowInSeconds',
      min: 0,
      max: 300,
      // 6 × 3 s + 300 s: the visibility timeout stays above AWS's recommendation.
      setup: { ...onSqs, 'sources[0].queue.VisibilityTimeout': 400 },
    },
    {
      section: '§3.4',
      name: 'ParallelizationFactor',
      path: 'sources[0].mapping.ParallelizationFactor',
      member: 'parallelizationFactor',
      min: 1,
      max: 10,
      setup: onKinesis,
    },
    {
      section: '§3.4',
      name: 'stream MaximumRetryAttempts',
      path: 'sources[0].mapping.MaximumRetryAttempts',
      member: 'maximumRetryAttempts',
      min: -1,
      max: 10_000,
      setup: onKinesis,
    },
    {
      section: '§3.4',
      name: 'MaximumRecordAgeInSeconds',
      path: 'sources[0].mapping.MaximumRecordAgeInSeconds',
      member: 'maximumRecordAgeInSeconds',
      min: -1,
      max: 604_800,
      setup: onKinesis,
    },
    {
      section: '§3.4',
      name: 'TumblingWindowInSeconds',
      path: 'sources[0].mapping.TumblingWindowInSeconds',
      member: 'tumblingWindowInSeconds',
      min: 0,
      max: 900,
      setup: onKinesis,
    },
    {
      section: '§3.2',
      name: 'ScalingConfig.MaximumConcurrency',
      path: 'sources[0].mapping.ScalingConfig.MaximumConcurrency',
      member: 'maximumConcurrency',
      min: 2,
      max: 1000,
      setup: onSqs,
    },
    {
      section: '§3.2',
      name: 'VisibilityTimeout',
      path: 'sources[0].queue.VisibilityTimeout',
      member: 'visibilityTimeout',
      min: 0,
      max: 43_200,
      setup: onSqs,
    },
    {
      section: '§3.2',
      name: 'RedrivePolicy.maxReceiveCount',
      path: 'sources[0].queue.RedrivePolicy.maxReceiveCount',
      member: 'maxReceiveCount',
      min: 1,
      max: 1000,
      setup: {
        ...onSqs,
        'sources[0].queue.RedrivePolicy': { deadLetterTargetArn: sqsArn('orders-dlq'), maxReceiveCount: 5 },
      },
    },
  ]);

  it('§9 MaximumRecordAgeInSeconds between 0 and 59 is rejected in AWS range style; 60 is accepted', () => {
    const path = 'sources[0].mapping.MaximumRecordAgeInSeconds';
    for (const age of [0, 1, 59]) {
      expectError(
        kinesis({ [path]: age }),
        path,
        aws(`'${age}'`, 'maximumRecordAgeInSeconds', 'Member must be -1 or between 60 and 604800'),
      );
    }
    expect(warningsOf(kinesis({ [path]: 60 }))).toEqual([]);
    expect(warningsOf(dynamodb({ [path]: 60 }))).toEqual([]);
  });

  it('§9 a fractional batch size is not a whole number', () => {
    expectError(
      kinesis({ 'sources[0].mapping.BatchSize': 2.5 }),
      'sources[0].mapping.BatchSize',
      aws("'2.5'", 'batchSize', 'Member must be a whole number'),
    );
  });
});

describe('§3.2 SQS standard queue: errors', () => {
  const window = 'sources[0].mapping.MaximumBatchingWindowInSeconds';

  it('§9 BatchSize above 10 needs a batching window, with AWS wording', () => {
    expectError(
      sqs({ 'sources[0].mapping.BatchSize': 11 }),
      window,
      'Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10',
    );
    expectError(
      sqs({ 'sources[0].mapping': { BatchSize: 10_000, MaximumBatchingWindowInSeconds: 0 } }),
      window,
      'Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10',
    );
    expect(warningsOf(sqs({ 'sources[0].mapping.BatchSize': 10 }))).toEqual([]);
    expect(
      warningsOf(sqs({ 'sources[0].mapping': { BatchSize: 11, MaximumBatchingWindowInSeconds: 1 } })),
    ).toEqual([]);
  });

  it('§3.2 streams keep BatchSize 100 with no window (the rule is for SQS only, §7)', () => {
    expect(warningsOf(kinesis({ 'sources[0].mapping.BatchSize': 10_000 }))).toEqual([]);
  });

  it('§3.3 a queue name ending in ".fifo" needs FifoQueue true', () => {
    expectError(
      sqs({ 'sources[0].queue.QueueName': 'orders.fifo' }),
      'sources[0].queue.FifoQueue',
      /A queue name ending in "\.fifo" \('orders\.fifo'\) is a FIFO queue: set FifoQueue to true/,
    );
  });

  it("§3.3 a standard queue's message has no messageGroupId", () => {
    expectError(
      sqs({ 'sources[0].messages[1]': { id: 'm2', messageGroupId: 'A' } }),
      'sources[0].messages[1].messageGroupId',
      /^messageGroupId applies to FIFO queues: set queue\.FifoQueue to true/,
    );
  });

  it('§3.2 the redrive policy names an SQS queue of the same type', () => {
    const dlq = 'sources[0].queue.RedrivePolicy';
    const path = `${dlq}.deadLetterTargetArn`;
    const redrive = (arn: string) => ({ [dlq]: { deadLetterTargetArn: arn, maxReceiveCount: 5 } });
    expect(warningsOf(sqs(redrive(sqsArn('orders-dlq'))))).toEqual([]);
    expectError(
      sqs(redrive(`arn:aws:sns:us-east-1:${ACCOUNT}:orders-dlq`)),
      path,
      /must be an SQS queue ARN .* not 'arn:aws:sns:/,
    );
    expectError(sqs(redrive('orders-dlq')), path, /must be an SQS queue ARN .* not 'orders-dlq'/);
    expectError(
      sqs(redrive(sqsArn('orders-dlq.fifo'))),
      path,
      "The dead-letter queue of a standard queue must also be a standard queue (its name does not end in '.fifo').",
    );
    expectError(
      fifo(redrive(sqsArn('orders-dlq'))),
      path,
      "The dead-letter queue of a FIFO queue must also be a FIFO queue (its name ends in '.fifo').",
    );
    expect(warningsOf(fifo(redrive(sqsArn('orders-dlq.fifo'))))).toEqual([]);
  });

  it('§9 filter patterns are JSON objects whose values are arrays or nested objects', () => {
    const filters = (...patterns: string[]) => ({
      'sources[0].mapping.FilterCriteria': { Filters: patterns.map((Pattern) => ({ Pattern })) },
    });
    const ok = '{"body":{"type":["order"],"total":[{"numeric":[">",100]}]}}';
    expect(warningsOf(sqs(filters(ok, '{"body":{"$or":[{"a":["x"]},{"b":["y"]}]}}')))).toEqual([]);
    const path = (k: number) => `sources[0].mapping.FilterCriteria.Filters[${k}].Pattern`;
    expectError(
      sqs(filters(ok, '{"body": {')),
      path(1),
      /^Invalid filter pattern definition\. \(the pattern is not valid JSON \(.+\)\)$/,
    );
    expectError(
      sqs(filters('["order"]')),
      path(0),
      'Invalid filter pattern definition. (a pattern is a JSON object, e.g. {"body":{"type":["order"]}})',
    );
    expectError(sqs(filters('null')), path(0), /a pattern is a JSON object/);
    expectError(
      sqs(filters('{"body":{"type":"order"}}')),
      path(0),
      'Invalid filter pattern definition. (the value at body.type must be an array of values to match, e.g. ["order"])',
    );
  });

  it('§9 message ids are unique across the scenario, reported at the message', () => {
    const errors = errorsOf(validateScenario(sqs({ 'sources[0].messages[1]': { id: 'm1' } })));
    expect(errors).toContainEqual({
      path: 'sources[0].messages[1].id',
      message: "duplicate request id 'm1'",
    });
  });
});

describe('§3.3 SQS FIFO queue: errors', () => {
  it('§3.3 BatchSize is at most 10 (AWS range style), and the batching-window rule does not apply', () => {
    expect(warningsOf(fifo({ 'sources[0].mapping.BatchSize': 10 }))).toEqual([]);
    const errors = errorsOf(validateScenario(fifo({ 'sources[0].mapping.BatchSize': 11 })));
    expect(errors).toEqual([
      { path: 'sources[0].mapping.BatchSize', message: aws("'11'", 'batchSize', atMost(10)) },
    ]);
  });

  it('§3.3 a batching window is not supported for FIFO queues', () => {
    expectError(
      fifo({ 'sources[0].mapping.MaximumBatchingWindowInSeconds': 1 }),
      'sources[0].mapping.MaximumBatchingWindowInSeconds',
      /^A batching window is not supported for FIFO queues/,
    );
  });

  it('§3.3 a FIFO queue name ends in ".fifo" (SQS wording)', () => {
    expectError(
      fifo({ 'sources[0].queue.QueueName': 'orders' }),
      'sources[0].queue.QueueName',
      'The name of a FIFO queue can only include alphanumeric characters, hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length',
    );
  });

  it('§3.3 every message of a FIFO queue has a messageGroupId (SQS wording)', () => {
    const input = fifo({ 'sources[0].messages[2]': { id: 'c1' } });
    expectError(
      input,
      'sources[0].messages[2].messageGroupId',
      'The request must contain the parameter MessageGroupId.',
    );
    expect(errorsOf(validateScenario(input))).toHaveLength(1);
  });
});

describe('§3.2 SQS: warnings (the scenario runs)', () => {
  const visibility = 'sources[0].queue.VisibilityTimeout';

  it('§3.2 a visibility timeout below the function timeout quotes AWS and says the simulator runs it', () => {
    const warnings = warningsOf(sqs({ 'function.Timeout': 60, [visibility]: 30 }));
    expect(warnings).toEqual([
      {
        path: visibility,
        message:
          'InvalidParameterValueException: Queue visibility timeout: 30 seconds is less than Function timeout: 60 seconds. AWS rejects this mapping; the simulator runs it to show what would happen.',
      },
    ]);
  });

  it('§3.2 the preset sqs-visibility-too-short validates and carries that warning', () => {
    const file = fileURLToPath(
      new URL('../../src/scenarios/presets/sqs-visibility-too-short.json', import.meta.url),
    );
    const warnings = warningsOf(JSON.parse(readFileSync(file, 'utf8')) as Json);
    expect(warnings.map((w) => w.path)).toContain(visibility);
    expect(warnings.find((w) => w.path === visibility)?.message).toMatch(
      /^InvalidParameterValueException: Queue visibility timeout: 5 seconds is less than Function timeout: 10 seconds\. AWS rejects this mapping; the simulator runs it to show what would happen\.$/,
    );
  });

  it('§3.2 below 6 × function timeout + batching window: the recommendation, with the numbers', () => {
    expect(warningsOf(sqs({ 'function.Timeout': 10, [visibility]: 59 }))).toEqual([
      {
        path: visibility,
        message:
          'AWS recommends a queue visibility timeout of at least 6 times the function timeout plus MaximumBatchingWindowInSeconds (6 × 10 s + 0 s = 60 s; this queue has 59 s), to leave Lambda time to retry a batch when the function is throttled.',
      },
    ]);
    expect(warningsOf(sqs({ 'function.Timeout': 10, [visibility]: 60 }))).toEqual([]);
    const withWindow = { 'function.Timeout': 10, 'sources[0].mapping.MaximumBatchingWindowInSeconds': 20 };
    expect(warningsOf(sqs({ ...withWindow, [visibility]: 79 })).map((w) => w.message)).toEqual([
      expect.stringContaining('(6 × 10 s + 20 s = 80 s; this queue has 79 s)'),
    ]);
    expect(warningsOf(sqs({ ...withWindow, [visibility]: 80 }))).toEqual([]);
    // Equal to the function timeout: AWS accepts it, so only the recommendation.
    expect(warningsOf(sqs({ 'function.Timeout': 10, [visibility]: 10 }))[0]!.message).toMatch(
      /^AWS recommends/,
    );
  });

  it('§3.2 maxReceiveCount below 5 warns that throttling can send messages to the DLQ', () => {
    const redrive = (maxReceiveCount: number) =>
      sqs({
        'sources[0].queue.RedrivePolicy': { deadLetterTargetArn: sqsArn('orders-dlq'), maxReceiveCount },
      });
    expect(warningsOf(redrive(4))).toEqual([
      {
        path: 'sources[0].queue.RedrivePolicy.maxReceiveCount',
        message:
          "maxReceiveCount is 4: a throttled batch's messages are received too, so AWS advises to set at least 5 to avoid sending messages to the DLQ because of throttling.",
      },
    ]);
    expect(warningsOf(redrive(5))).toEqual([]);
  });

  it("§3.2 ScalingConfig.MaximumConcurrency above the function's reserved concurrency is a warning", () => {
    const scaled = (maximum: number, reserved?: number) =>
      sqs({
        'sources[0].mapping.ScalingConfig.MaximumConcurrency': maximum,
        ...(reserved === undefined ? {} : { 'function.ReservedConcurrentExecutions': reserved }),
      });
    expect(warningsOf(scaled(50, 10))).toEqual([
      {
        path: 'sources[0].mapping.ScalingConfig.MaximumConcurrency',
        message:
          "MaximumConcurrency 50 is above the function's reserved concurrency (10): AWS advises against it, as the extra batches are throttled and their messages come back only after the visibility timeout.",
      },
    ]);
    expect(warningsOf(scaled(10, 10))).toEqual([]);
    expect(warningsOf(scaled(1000))).toEqual([]);
  });
});

describe('§3.4 / §3.5 Kinesis and DynamoDB streams: errors', () => {
  it('§9 a missing StartingPosition is rejected with AWS text exactly', () => {
    const message =
      "1 validation error detected: Value null at 'startingPosition' failed to satisfy constraint: Member must not be null.";
    for (const input of [
      unset(kinesis(), 'sources[0].mapping.StartingPosition'),
      unset(dynamodb(), 'sources[0].mapping.StartingPosition'),
      kinesis({ 'sources[0].mapping.StartingPosition': null }),
    ]) {
      expect(errorsOf(validateScenario(input))).toEqual([
        { path: 'sources[0].mapping.StartingPosition', message },
      ]);
    }
  });

  it('§9 an invalid StartingPosition lists the enum in AWS order', () => {
    expect(errorsOf(validateScenario(kinesis({ 'sources[0].mapping.StartingPosition': 'invalid' })))).toEqual(
      [
        {
          path: 'sources[0].mapping.StartingPosition',
          message:
            "1 validation error detected: Value 'invalid' at 'startingPosition' failed to satisfy constraint: Member must satisfy enum value set: [LATEST, AT_TIMESTAMP, TRIM_HORIZON]",
        },
      ],
    );
  });

  it('§9 a mapping is required for a stream source; unknown mapping keys get a suggestion', () => {
    const noMapping = unset(kinesis(), 'sources[0].mapping');
    expectError(
      noMapping,
      'sources[0].mapping',
      "1 validation error detected: Value null at 'mapping' failed to satisfy constraint: Member must not be null.",
    );
    expectError(
      dynamodb({ 'sources[0].mapping.BatchSise': 5 }),
      'sources[0].mapping.BatchSise',
      /did you mean 'BatchSize'\?/,
    );
  });

  it('§9 OnSuccess on a stream mapping is rejected with AWS text', () => {
    for (const input of [kinesis(), dynamodb()]) {
      set(input, 'sources[0].mapping.DestinationConfig.OnSuccess', { Destination: sqsArn('done') });
      expectError(
        input,
        'sources[0].mapping.DestinationConfig.OnSuccess',
        'Unsupported DestinationConfig parameter for given event source mapping type.',
      );
    }
  });

  it('§3.4 the on-failure destination is an SQS queue, SNS topic or S3 bucket', () => {
    const path = 'sources[0].mapping.DestinationConfig.OnFailure.Destination';
    for (const arn of [
      `arn:aws:sns:us-east-1:${ACCOUNT}:failed`,
      'arn:aws:s3:::failed-batches',
      sqsArn('failed'),
    ]) {
      expect(warningsOf(kinesis({ [path]: arn }))).toEqual([]);
      expect(warningsOf(dynamodb({ [path]: arn }))).toEqual([]);
    }
    expectError(
      kinesis({ [path]: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:handle-failure` }),
      path,
      /^The on-failure destination of a Kinesis event source mapping must be an SQS queue, SNS topic or S3 bucket, not 'lambda'/,
    );
    expectError(
      dynamodb({ [path]: `arn:aws:events:us-east-1:${ACCOUNT}:event-bus/default` }),
      path,
      /^The on-failure destination of a DynamoDB event source mapping must be an SQS queue, SNS topic or S3 bucket, not 'events'/,
    );
    expectError(kinesis({ [path]: 'failed-batches' }), path, /'failed-batches' is not an ARN/);
  });

  it("§9 DynamoDB rejects AT_TIMESTAMP naming the stream ARN built from the scenario's account", () => {
    const input = dynamodb({
      'account.Region': 'eu-west-1',
      'account.AccountId': '111122223333',
      'sources[0].mapping.StartingPosition': 'AT_TIMESTAMP',
      'sources[0].mapping.StartingPositionTimestamp': 10,
    });
    expect(errorsOf(validateScenario(input))).toEqual([
      {
        path: 'sources[0].mapping.StartingPosition',
        message:
          'Unsupported starting position for arn type: arn:aws:dynamodb:eu-west-1:111122223333:table/orders/stream/2026-01-01T00:00:00.000',
      },
    ]);
    // Without a timestamp it is still the one error (the timestamp rule is Kinesis's).
    unset(input, 'sources[0].mapping.StartingPositionTimestamp');
    expect(errorsOf(validateScenario(input)).map((e) => e.path)).toEqual([
      'sources[0].mapping.StartingPosition',
    ]);
  });

  it('§3.4 Kinesis AT_TIMESTAMP needs StartingPositionTimestamp', () => {
    const at = { 'sources[0].mapping.StartingPosition': 'AT_TIMESTAMP' };
    expectError(
      kinesis(at),
      'sources[0].mapping.StartingPositionTimestamp',
      /needs StartingPositionTimestamp/,
    );
    expect(warningsOf(kinesis({ ...at, 'sources[0].mapping.StartingPositionTimestamp': 0 }))).toEqual([]);
  });

  it('§3.5 DynamoDB Streams keep records 24 hours: RetentionPeriodHours other than 24 is rejected', () => {
    expectError(
      dynamodb({ 'sources[0].stream.RetentionPeriodHours': 48 }),
      'sources[0].stream.RetentionPeriodHours',
      /^DynamoDB Streams keep records for 24 hours, a fixed period: RetentionPeriodHours must be 24/,
    );
    expect(warningsOf(dynamodb({ 'sources[0].stream.RetentionPeriodHours': 24 }))).toEqual([]);
    expect(warningsOf(kinesis({ 'sources[0].stream.RetentionPeriodHours': 8760 }))).toEqual([]);
  });

  it('§3.4 partitionKey is for Kinesis records, eventName for DynamoDB records', () => {
    expectError(
      dynamodb({ 'sources[0].records[0].partitionKey': 'customer-1' }),
      'sources[0].records[0].partitionKey',
      /^'partitionKey' applies to Kinesis records only/,
    );
    expectError(
      kinesis({ 'sources[0].records[0].eventName': 'MODIFY' }),
      'sources[0].records[0].eventName',
      "'eventName' (INSERT, MODIFY, REMOVE) applies to DynamoDB stream records only.",
    );
  });

  it('§3.4 a record names an existing shard (0 to ShardCount − 1)', () => {
    expect(warningsOf(kinesis({ 'sources[0].records[0].shard': 1 }))).toEqual([]);
    expectError(
      kinesis({ 'sources[0].records[0].shard': 2 }),
      'sources[0].records[0].shard',
      'shard 2 does not exist: the stream has 2 shards, numbered from 0 to 1',
    );
    expectError(
      dynamodb({ 'sources[0].stream.ShardCount': 1, 'sources[0].records[0].shard': 1 }),
      'sources[0].records[0].shard',
      'shard 1 does not exist: the stream has 1 shard, numbered from 0 to 0',
    );
  });

  it('§3.4 a tumbling window together with BisectBatchOnFunctionError is fine', () => {
    const input = kinesis({
      'sources[0].mapping.TumblingWindowInSeconds': 60,
      'sources[0].mapping.BisectBatchOnFunctionError': true,
    });
    expect(warningsOf(input)).toEqual([]);
  });
});

describe('§3.4 / §3.5 streams: warnings (the scenario runs)', () => {
  it('§3.4 unlimited retries and record age (the defaults) warn that a poison record blocks the shard', () => {
    const input = kinesis();
    unset(input, 'sources[0].mapping.MaximumRetryAttempts');
    unset(input, 'sources[0].mapping.DestinationConfig');
    const warnings = warningsOf(input);
    expect(warnings).toEqual([
      {
        path: 'sources[0].mapping',
        message:
          'With MaximumRetryAttempts and MaximumRecordAgeInSeconds at -1 (the defaults), a poison record blocks the shard until it expires (24 h on DynamoDB, the retention period on Kinesis). Set either to bound the retries.',
      },
    ]);
  });

  it('§3.4 bounded retries or age without an on-failure destination: discarded batches leave no trace', () => {
    const message =
      'No on-failure destination: batches Lambda discards after MaximumRetryAttempts or MaximumRecordAgeInSeconds leave no trace.';
    const retries = unset(dynamodb(), 'sources[0].mapping.DestinationConfig');
    expect(warningsOf(retries)).toEqual([{ path: 'sources[0].mapping.DestinationConfig', message }]);
    const age = unset(
      kinesis({ 'sources[0].mapping.MaximumRecordAgeInSeconds': 3600 }),
      'sources[0].mapping.DestinationConfig',
    );
    unset(age, 'sources[0].mapping.MaximumRetryAttempts');
    expect(warningsOf(age)).toEqual([{ path: 'sources[0].mapping.DestinationConfig', message }]);
  });

  it('§3.4 StartingPositionTimestamp without AT_TIMESTAMP is ignored, and said so', () => {
    expect(warningsOf(kinesis({ 'sources[0].mapping.StartingPositionTimestamp': 5 }))).toEqual([
      {
        path: 'sources[0].mapping.StartingPositionTimestamp',
        message:
          'StartingPositionTimestamp only applies with StartingPosition AT_TIMESTAMP; with TRIM_HORIZON it is ignored.',
      },
    ]);
  });
});

describe('§3.1 partial batch responses: result "partial" with failedItems', () => {
  const rule = (value: Json) => ({ 'function.behavior.rules[0]': value });
  const reporting = { 'sources[0].mapping.FunctionResponseTypes': ['ReportBatchItemFailures'] };

  it('§3.1 failedItems only goes with result "partial"', () => {
    expectError(
      sqs(rule({ result: 'error', failedItems: ['m1'] })),
      'function.behavior.rules[0].failedItems',
      "'failedItems' only applies to rules whose result is 'partial' (this rule's result is 'error')",
    );
    expect(warningsOf(sqs({ ...reporting, ...rule({ result: 'partial', failedItems: ['m1'] }) }))).toEqual(
      [],
    );
    expect(
      warningsOf(
        kinesis({ ...reporting, ...rule({ attempts: [1], result: 'partial', failedItems: ['r1'] }) }),
      ),
    ).toEqual([]);
  });

  it('§3.1 "partial" in a scenario without a poll-based source is a warning (it runs as a success)', () => {
    const warnings = warningsOf(scenarioWith(rule({ result: 'partial', failedItems: ['r1'] })));
    expect(warnings).toEqual([
      {
        path: 'function.behavior.rules[0].result',
        message:
          "A partial batch response only applies to batches from poll-based sources (sqs, kinesis, dynamodb): this scenario has none, so 'partial' runs as a success.",
      },
    ]);
  });

  it('§3.1 "partial" without ReportBatchItemFailures on any mapping is a warning (the answer is ignored)', () => {
    expect(warningsOf(sqs(rule({ result: 'partial', failedItems: ['m1'] })))).toEqual([
      {
        path: 'function.behavior.rules[0].result',
        message:
          'Lambda reads a partial batch response only when the mapping\'s FunctionResponseTypes is ["ReportBatchItemFailures"]: without it the batchItemFailures answer is ignored and the batch counts as a success.',
      },
    ]);
  });

  it('§3.2 failedItems naming an item no message produces is a warning (it would fail the whole batch)', () => {
    expect(
      warningsOf(sqs({ ...reporting, ...rule({ result: 'partial', failedItems: ['m1', 'ghost'] }) })),
    ).toEqual([
      {
        path: 'function.behavior.rules[0].failedItems[1]',
        message:
          "No message or record produces an item with id 'ghost': an itemIdentifier that is not in the batch fails the whole batch.",
      },
    ]);
  });
});
