/**
 * The settings the scenario editor's form offers, as data: for each kind of section (the function, its
 * asynchronous configuration, the account, each kind of source), the property's key, its label and unit,
 * and one help line with the section of aws-semantics.md it rests on. Ranges, defaults and allowed values
 * are not written here: `fieldCatalog.ts` reads them from the schema.
 */

/** Units shown next to a value. */
export type FieldUnit = 's' | 'ms' | 'MB' | 'h' | 'count';

export type FieldValue = string | number | boolean;

/** The kinds of section the form shows. */
export type SectionKind =
  'function' | 'async-config' | 'account' | 'sync' | 'async' | 'sqs' | 'kinesis' | 'dynamodb';

/** A setting, relative to the root of its section (`function`, `account` or `sources[i]`). */
export interface FieldSpec {
  key: string;
  /** AWS's name when it is not the key's last part(s); null for a simulation-only setting. */
  awsName?: string | null;
  /** How many trailing parts of `key` make up its name (`RedrivePolicy.maxReceiveCount` = 2). */
  nameParts?: number;
  label: string;
  unit?: FieldUnit;
  help: string;
  ref: string;
  group?: string;
  sentinel?: { value: number; meaning: string };
  /** The default AWS applies where the schema leaves the property out (aws-semantics.md). */
  awsDefault?: FieldValue;
  defaultNote?: string;
  /** Shown only when the setting at `key` (same section) has one of `values`, or when it is set. */
  onlyFor?: { key: string; values: readonly string[] };
}

const FUNCTION_FIELDS: readonly FieldSpec[] = [
  {
    key: 'FunctionName',
    label: 'Function name',
    help: "Used in the function's ARN; a Lambda destination naming this function is the function itself, which AWS refuses.",
    ref: '§9',
  },
  {
    key: 'Timeout',
    label: 'Timeout',
    unit: 's',
    help: 'How long one invocation may run before Lambda stops it; a timeout is a function error and is billed in full.',
    ref: '§1.2',
  },
  {
    key: 'MemorySize',
    label: 'Memory',
    unit: 'MB',
    help: 'Memory of each execution environment, in 1 MB steps; the price of a millisecond (GB-seconds) grows with it.',
    ref: '§5',
  },
  {
    key: 'Architectures',
    label: 'Architecture',
    help: "The instruction set; Arm's duration price is 20 % lower than x86's.",
    ref: '§5',
  },
  {
    key: 'ReservedConcurrentExecutions',
    label: 'Reserved concurrency',
    unit: 'count',
    help: 'The most instances that may run at once, set aside for this function; it must leave 100 of the account unreserved, and 0 throttles every invocation.',
    ref: '§4',
  },
  {
    key: 'ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions',
    nameParts: 1,
    label: 'Provisioned concurrency',
    unit: 'count',
    help: 'Environments initialised before the first request, with no cold start; requests beyond them spill over to on-demand environments.',
    ref: '§4',
  },
];

const ASYNC_CONFIG_FIELDS: readonly FieldSpec[] = [
  {
    key: 'EventInvokeConfig.MaximumRetryAttempts',
    nameParts: 1,
    label: 'Retry attempts',
    unit: 'count',
    awsDefault: 2,
    help: 'Retries after a function error (an exception or a timeout): about 1 minute before the second attempt, 2 minutes before the third; throttles do not use them up.',
    ref: '§2.2',
  },
  {
    key: 'EventInvokeConfig.MaximumEventAgeInSeconds',
    nameParts: 1,
    label: 'Maximum event age',
    unit: 's',
    awsDefault: 21_600,
    help: "How long an event may stay in Lambda's queue; when the next try could not start in time, the event fails at once (EventAgeExceeded).",
    ref: '§2.2, §9',
  },
  {
    key: 'EventInvokeConfig.DestinationConfig.OnSuccess.Destination',
    nameParts: 3,
    label: 'On-success destination',
    help: 'ARN of an SQS queue, SNS topic, Lambda function or EventBridge event bus that receives a record of each successful invocation.',
    ref: '§2.5',
  },
  {
    key: 'EventInvokeConfig.DestinationConfig.OnFailure.Destination',
    nameParts: 3,
    label: 'On-failure destination',
    help: 'ARN of an SQS queue, SNS topic, Lambda function, EventBridge bus or S3 bucket that receives a record of each event that fails every attempt or gets too old.',
    ref: '§2.5',
  },
  {
    key: 'DeadLetterConfig.TargetArn',
    nameParts: 2,
    label: 'Dead-letter queue',
    help: 'ARN of an SQS queue or SNS topic that receives a failed event unchanged, with the RequestID, ErrorCode and ErrorMessage attributes.',
    ref: '§2.6',
  },
];

const ACCOUNT_FIELDS: readonly FieldSpec[] = [
  {
    key: 'ConcurrentExecutions',
    label: 'Account concurrency',
    unit: 'count',
    help: "The Region's concurrent executions quota, shared by all functions of the account; reserved concurrency must leave 100 of it.",
    ref: '§4',
  },
];

const SQS_FIELDS: readonly FieldSpec[] = [
  {
    key: 'queue.QueueName',
    group: 'Queue',
    label: 'Queue name',
    help: "The queue's name, used in its ARN; a FIFO queue's name ends in .fifo.",
    ref: '§3.3',
  },
  {
    key: 'queue.FifoQueue',
    group: 'Queue',
    label: 'FIFO queue',
    help: 'Order is kept per message group and a failing group waits for its retries; batches of at most 10, without a batching window.',
    ref: '§3.3',
  },
  {
    key: 'queue.VisibilityTimeout',
    group: 'Queue',
    label: 'Visibility timeout',
    unit: 's',
    help: "How long a received message stays hidden; AWS refuses a mapping when it is shorter than the function's Timeout, and advises 6 × Timeout plus the batching window.",
    ref: '§3.2',
  },
  {
    key: 'queue.RedrivePolicy.deadLetterTargetArn',
    nameParts: 2,
    group: 'Queue',
    label: "Queue's dead-letter queue",
    help: 'ARN of an SQS queue of the same type (FIFO or standard); SQS, not Lambda, moves messages there.',
    ref: '§3.2',
  },
  {
    key: 'queue.RedrivePolicy.maxReceiveCount',
    nameParts: 2,
    group: 'Queue',
    label: 'Maximum receives',
    unit: 'count',
    help: 'Receives before SQS moves a message to the dead-letter queue; throttled batches count too, so AWS advises at least 5.',
    ref: '§3.2',
  },
  {
    key: 'mapping.BatchSize',
    group: 'Event source mapping',
    label: 'Batch size',
    unit: 'count',
    help: 'The most messages in one invocation; above 10 a standard queue needs a batching window of at least 1 s.',
    ref: '§3.1, §9',
  },
  {
    key: 'mapping.MaximumBatchingWindowInSeconds',
    group: 'Event source mapping',
    label: 'Batching window',
    unit: 's',
    help: 'How long the poller may gather messages before it invokes with a batch that is not full (standard queues only).',
    ref: '§3.1',
  },
  {
    key: 'mapping.FunctionResponseTypes',
    group: 'Event source mapping',
    label: 'Report batch item failures',
    help: 'The function may answer with the messages that failed; only those come back after the visibility timeout, the others are deleted.',
    ref: '§3.2',
  },
  {
    key: 'mapping.ScalingConfig.MaximumConcurrency',
    nameParts: 2,
    group: 'Event source mapping',
    label: 'Maximum concurrency',
    unit: 'count',
    help: "The most concurrent invocations this mapping may run; keep it at or below the function's reserved concurrency.",
    ref: '§3.2',
  },
];

const STREAM_FIELDS: readonly FieldSpec[] = [
  {
    key: 'stream.ShardCount',
    group: 'Stream',
    label: 'Shards',
    unit: 'count',
    help: 'Each shard is read by its own poller, one batch at a time unless ParallelizationFactor is raised.',
    ref: '§3.4',
  },
  {
    key: 'stream.RetentionPeriodHours',
    group: 'Stream',
    label: 'Retention period',
    unit: 'h',
    help: 'How long records stay in the stream; with the default retry settings a poison record blocks its shard this long.',
    ref: '§3.4',
  },
  {
    key: 'mapping.StartingPosition',
    group: 'Event source mapping',
    label: 'Starting position',
    help: 'Where reading starts: TRIM_HORIZON at the oldest record, LATEST with new records only, AT_TIMESTAMP (Kinesis only) at a time.',
    ref: '§3.4, §3.5',
  },
  {
    key: 'mapping.StartingPositionTimestamp',
    group: 'Event source mapping',
    label: 'Starting timestamp',
    unit: 's',
    help: 'With AT_TIMESTAMP: the second of simulated time from which records are read.',
    ref: '§3.4',
    onlyFor: { key: 'mapping.StartingPosition', values: ['AT_TIMESTAMP'] },
  },
  {
    key: 'mapping.BatchSize',
    group: 'Event source mapping',
    label: 'Batch size',
    unit: 'count',
    help: 'The most records in one invocation; a batch holds records of one shard only.',
    ref: '§3.4',
  },
  {
    key: 'mapping.MaximumBatchingWindowInSeconds',
    group: 'Event source mapping',
    label: 'Batching window',
    unit: 's',
    help: 'How long the poller may gather records before it invokes with a batch that is not full.',
    ref: '§3.4',
  },
  {
    key: 'mapping.ParallelizationFactor',
    group: 'Event source mapping',
    label: 'Concurrent batches per shard',
    unit: 'count',
    help: 'Batches of one shard processed at the same time; order is still kept per partition key.',
    ref: '§3.4',
  },
  {
    key: 'mapping.MaximumRetryAttempts',
    group: 'Event source mapping',
    label: 'Retry attempts',
    unit: 'count',
    sentinel: { value: -1, meaning: 'retry until the records expire' },
    help: 'Retries of a failing batch before Lambda discards it and moves on; −1 retries until the records expire, blocking the shard.',
    ref: '§3.4, §9',
  },
  {
    key: 'mapping.MaximumRecordAgeInSeconds',
    group: 'Event source mapping',
    label: 'Maximum record age',
    unit: 's',
    sentinel: { value: -1, meaning: 'no limit' },
    help: 'Records older than this are discarded instead of sent to the function; −1 sets no limit.',
    ref: '§3.4, §9',
  },
  {
    key: 'mapping.BisectBatchOnFunctionError',
    group: 'Event source mapping',
    label: 'Split batch on error',
    help: 'A failing batch is split in two and each half retried; splitting does not use up a retry.',
    ref: '§3.4',
  },
  {
    key: 'mapping.FunctionResponseTypes',
    group: 'Event source mapping',
    label: 'Report batch item failures',
    help: 'The function may answer with the records that failed; Lambda retries from the one with the lowest sequence number.',
    ref: '§3.4',
  },
  {
    key: 'mapping.TumblingWindowInSeconds',
    group: 'Event source mapping',
    label: 'Tumbling window',
    unit: 's',
    help: 'Groups records into windows of this length whose state is passed from one invocation to the next; 0 turns it off.',
    ref: '§3.4',
  },
  {
    key: 'mapping.DestinationConfig.OnFailure.Destination',
    nameParts: 3,
    group: 'Event source mapping',
    label: 'On-failure destination',
    help: 'ARN of an SQS queue, SNS topic or S3 bucket that receives a record describing each discarded batch (SQS and SNS get no record data).',
    ref: '§3.4',
  },
];

const SDK_CALLERS = ['aws-cli', 'aws-sdk'] as const;

const SYNC_FIELDS: readonly FieldSpec[] = [
  {
    key: 'caller',
    awsName: null,
    label: 'Caller',
    help: 'Who calls: direct (one Invoke), aws-cli or aws-sdk (the client retries), api-gateway (29 s, no retries), alb (1 MB limits, no retries).',
    ref: '§1.4, §1.5',
  },
  {
    key: 'retryMode',
    awsName: 'retry_mode',
    label: 'Retry mode',
    awsDefault: 'standard',
    help: 'standard retries throttles, 5xx errors and client timeouts with backoff; none never retries. Lambda itself never retries a synchronous call.',
    ref: '§1.4',
    onlyFor: { key: 'caller', values: SDK_CALLERS },
  },
  {
    key: 'maxAttempts',
    awsName: 'max_attempts',
    label: 'Attempts in all',
    unit: 'count',
    awsDefault: 3,
    help: "The client's attempts, the first included; each retry runs the function again if the first one reached it.",
    ref: '§1.4',
    onlyFor: { key: 'caller', values: SDK_CALLERS },
  },
  {
    key: 'readTimeoutSeconds',
    awsName: '--cli-read-timeout',
    label: 'Read timeout',
    unit: 's',
    sentinel: { value: 0, meaning: 'wait for ever' },
    defaultNote: '60 for aws-cli, none for aws-sdk',
    help: 'How long the client waits for the response; shorter than the Timeout, a slow call is retried and runs the function twice.',
    ref: '§1.4',
    onlyFor: { key: 'caller', values: SDK_CALLERS },
  },
  {
    key: 'TimeoutInMillis',
    label: 'Integration timeout',
    unit: 'ms',
    awsDefault: 29_000,
    help: 'How long API Gateway waits: then the client gets 504 while the function runs on; above 29,000 needs a Regional or private REST API.',
    ref: '§1.5',
    onlyFor: { key: 'caller', values: ['api-gateway'] },
  },
];

const ASYNC_SOURCE_FIELDS: readonly FieldSpec[] = [
  {
    key: 'caller',
    awsName: null,
    label: 'Caller',
    help: 'Who sends the events; Lambda queues every one alike and answers 202 before the function runs.',
    ref: '§2.1',
  },
];

/** Every setting the form offers, per kind of section (exported for tests). */
export const FIELD_SPECS: Readonly<Record<SectionKind, readonly FieldSpec[]>> = {
  function: FUNCTION_FIELDS,
  'async-config': ASYNC_CONFIG_FIELDS,
  account: ACCOUNT_FIELDS,
  sync: SYNC_FIELDS,
  async: ASYNC_SOURCE_FIELDS,
  sqs: SQS_FIELDS,
  kinesis: STREAM_FIELDS,
  // DynamoDB keeps records 24 hours, a fixed period, and has no AT_TIMESTAMP (§3.5).
  dynamodb: STREAM_FIELDS.filter(
    (f) => f.key !== 'stream.RetentionPeriodHours' && f.key !== 'mapping.StartingPositionTimestamp',
  ),
};
