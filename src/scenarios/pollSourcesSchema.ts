/**
 * Poll-based sources (aws-semantics.md §3): an SQS queue, a Kinesis data stream or a DynamoDB stream,
 * each with its event source mapping and the messages or records producers put in. AWS property names
 * keep AWS's spelling (`VisibilityTimeout`, `RedrivePolicy.maxReceiveCount`, `BatchSize`,
 * `ParallelizationFactor`…); the workload fields are camelCase. Ranges follow §9.
 */
import { z } from 'zod';
import { requestSchema } from './requestSchema';

const functionResponseTypes = z
  .array(z.literal('ReportBatchItemFailures'))
  .max(1)
  .default([])
  .describe(
    '["ReportBatchItemFailures"] lets the function report which items of a batch failed (partial batch response).',
  );

const batchingWindow = z
  .number()
  .int()
  .min(0)
  .max(300)
  .default(0)
  .describe(
    'MaximumBatchingWindowInSeconds: how long the poller may gather records before invoking (0–300 s, default 0).',
  );

export const sqsQueueSchema = z
  .object({
    QueueName: z
      .string()
      .regex(
        /^[A-Za-z0-9_-]{1,80}(\.fifo)?$/,
        'Member must satisfy regular expression pattern: [A-Za-z0-9_-]{1,80}(.fifo)?',
      )
      .default('orders-queue')
      .describe('The queue name; a FIFO queue name ends in ".fifo".'),
    FifoQueue: z
      .boolean()
      .default(false)
      .describe('A FIFO queue: ordered per message group, batch size at most 10.'),
    VisibilityTimeout: z
      .number()
      .int()
      .min(0)
      .max(43_200)
      .default(30)
      .describe(
        'Seconds a received message stays hidden before it becomes visible again (0–43,200, default 30).',
      ),
    MessageRetentionPeriod: z
      .number()
      .int()
      .min(60)
      .max(1_209_600)
      .default(345_600)
      .describe('Seconds SQS keeps a message before deleting it (60–1,209,600, default 4 days).'),
    RedrivePolicy: z
      .object({
        deadLetterTargetArn: z.string().min(1).describe("The source queue's dead-letter queue ARN."),
        maxReceiveCount: z
          .number()
          .int()
          .min(1)
          .max(1000)
          .describe('Receives after which SQS moves the message to the dead-letter queue (1–1,000).'),
      })
      .strict()
      .optional()
      .describe(
        'Set on the queue, applied by SQS (not Lambda): where a message goes after maxReceiveCount receives.',
      ),
  })
  .strict()
  .describe('The SQS queue (AWS::SQS::Queue properties).');

export const sqsMappingSchema = z
  .object({
    BatchSize: z
      .number()
      .int()
      .min(1)
      .max(10_000)
      .default(10)
      .describe(
        'Messages per invocation at most (1–10,000; 10 for FIFO; above 10 needs a batching window). Default 10.',
      ),
    MaximumBatchingWindowInSeconds: batchingWindow,
    FunctionResponseTypes: functionResponseTypes,
    ScalingConfig: z
      .object({
        MaximumConcurrency: z
          .number()
          .int()
          .min(2)
          .max(1000)
          .describe('The most concurrent invocations this mapping may use (2–1,000).'),
      })
      .strict()
      .optional()
      .describe(
        "Caps this mapping's concurrent invocations (default: no cap below the pollers' own limit of 1,250). Keep it at or below the function's reserved concurrency.",
      ),
    FilterCriteria: z
      .object({
        Filters: z
          .array(
            z
              .object({
                Pattern: z
                  .string()
                  .min(1)
                  .describe('An event filter pattern (JSON), e.g. {"body":{"type":["order"]}}.'),
              })
              .strict(),
          )
          .max(5)
          .describe('Up to 5 filters; a message is kept when it matches any of them.'),
      })
      .strict()
      .optional()
      .describe('Messages that match no filter are deleted without invoking the function.'),
  })
  .strict()
  .describe('The event source mapping (AWS::Lambda::EventSourceMapping properties).');

export const sqsMessageSchema = requestSchema
  .extend({
    messageGroupId: z
      .string()
      .min(1)
      .max(128)
      .optional()
      .describe('FIFO queues: the message group (messages of one group are delivered in order).'),
  })
  .strict()
  .describe('One message (its `payload` is the body), or `count` of them `everyMs` apart.');

export const sqsSourceSchema = z
  .object({
    type: z.literal('sqs').describe('An SQS queue polled by an event source mapping.'),
    id: z.string().min(1).describe('The source id, unique in the scenario.'),
    queue: sqsQueueSchema.default({
      QueueName: 'orders-queue',
      FifoQueue: false,
      VisibilityTimeout: 30,
      MessageRetentionPeriod: 345_600,
    }),
    mapping: sqsMappingSchema.default({
      BatchSize: 10,
      MaximumBatchingWindowInSeconds: 0,
      FunctionResponseTypes: [],
    }),
    messages: z
      .array(sqsMessageSchema)
      .min(1)
      .describe('The messages producers send to the queue (at least one entry).'),
  })
  .strict()
  .describe('An SQS queue (standard or FIFO) and the event source mapping that polls it for the function.');

export const streamSchema = z
  .object({
    StreamName: z.string().min(1).default('orders-stream').describe('The stream (or table) name.'),
    ShardCount: z.number().int().min(1).max(500).default(1).describe('Shards in the stream (1–500 here).'),
    RetentionPeriodHours: z
      .number()
      .int()
      .min(24)
      .max(8760)
      .default(24)
      .describe(
        'How long records stay in the stream: Kinesis 24–8,760 h (default 24); DynamoDB Streams always 24.',
      ),
  })
  .strict()
  .describe(
    'The Kinesis data stream (AWS::Kinesis::Stream properties), or the DynamoDB table whose stream is read.',
  );

export const streamMappingSchema = z
  .object({
    BatchSize: z
      .number()
      .int()
      .min(1)
      .max(10_000)
      .default(100)
      .describe('Records per invocation at most (1–10,000, default 100).'),
    MaximumBatchingWindowInSeconds: batchingWindow,
    StartingPosition: z
      .enum(['LATEST', 'AT_TIMESTAMP', 'TRIM_HORIZON'])
      .describe(
        'Where reading starts: TRIM_HORIZON (oldest record), LATEST (only new records), AT_TIMESTAMP (Kinesis only).',
      ),
    StartingPositionTimestamp: z
      .number()
      .min(0)
      .optional()
      .describe('AT_TIMESTAMP: seconds of simulated time from which records are read.'),
    ParallelizationFactor: z
      .number()
      .int()
      .min(1)
      .max(10)
      .default(1)
      .describe('Concurrent batches per shard (1–10, default 1); order is kept per partition key.'),
    MaximumRetryAttempts: z
      .number()
      .int()
      .min(-1)
      .max(10_000)
      .default(-1)
      .describe('Retries of a failing batch (−1 = until the records expire, the default; 0–10,000).'),
    MaximumRecordAgeInSeconds: z
      .number()
      .int()
      .min(-1)
      .max(604_800)
      .default(-1)
      .describe('Records older than this are not sent (−1 = no limit, the default; else 60–604,800).'),
    BisectBatchOnFunctionError: z
      .boolean()
      .default(false)
      .describe('Split a failing batch in two and retry each half.'),
    FunctionResponseTypes: functionResponseTypes,
    TumblingWindowInSeconds: z
      .number()
      .int()
      .min(0)
      .max(900)
      .default(0)
      .describe('Tumbling window length (0–900 s; 0 = off).'),
    DestinationConfig: z
      .object({
        OnFailure: z
          .object({
            Destination: z.string().min(1).describe('ARN of an SQS queue, SNS topic or S3 bucket.'),
          })
          .strict()
          .optional()
          .describe(
            'Receives a record describing each batch Lambda discards (retries exhausted or records too old).',
          ),
        OnSuccess: z
          .object({ Destination: z.string().min(1).describe('Not supported for streams.') })
          .strict()
          .optional()
          .describe(
            'Not supported by Kinesis or DynamoDB event source mappings: AWS rejects it ("Unsupported DestinationConfig parameter for given event source mapping type.").',
          ),
      })
      .strict()
      .optional()
      .describe(
        'OnFailure: an SQS queue, SNS topic or S3 bucket that receives a record describing discarded batches.',
      ),
    createdAtMs: z
      .number()
      .min(0)
      .default(0)
      .describe(
        'When the mapping is created (ms of simulated time): with LATEST, records put before it are not read.',
      ),
  })
  .strict()
  .describe(
    'The event source mapping (AWS::Lambda::EventSourceMapping properties); StartingPosition is required.',
  );

export const streamRecordSchema = requestSchema
  .extend({
    partitionKey: z
      .string()
      .min(1)
      .optional()
      .describe('Kinesis: the partition key, hashed to choose the shard (default: the record id).'),
    shard: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe('Put the record on this shard (0-based) instead of hashing the partition key.'),
    eventName: z
      .enum(['INSERT', 'MODIFY', 'REMOVE'])
      .optional()
      .describe('DynamoDB: the change (default INSERT).'),
  })
  .strict()
  .describe(
    'One record (its `payload` is the data, or the new item image for DynamoDB), or `count` of them.',
  );

export const streamSourceSchema = z
  .object({
    type: z
      .enum(['kinesis', 'dynamodb'])
      .describe('A Kinesis data stream or a DynamoDB stream polled by an event source mapping.'),
    id: z.string().min(1).describe('The source id, unique in the scenario.'),
    stream: streamSchema.default({ StreamName: 'orders-stream', ShardCount: 1, RetentionPeriodHours: 24 }),
    mapping: streamMappingSchema,
    records: z
      .array(streamRecordSchema)
      .min(1)
      .describe(
        'The records producers put in the stream, or the item changes of the table (at least one entry).',
      ),
  })
  .strict()
  .describe(
    'A Kinesis data stream or DynamoDB stream and the event source mapping that reads it for the function.',
  );
