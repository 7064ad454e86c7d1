/**
 * The scenario format: one zod schema that every entry point (presets, editor, pasted JSON, URL, CLI)
 * goes through. Properties that exist in AWS keep AWS's PascalCase names (`Timeout`, `MaximumRetryAttempts`…);
 * properties that only describe the simulation (the handler's behaviour, the workload) are camelCase.
 * Ranges follow aws-semantics.md §9; cross-field rules live in `crossFieldRules.ts`.
 */
import { z } from 'zod';
import { sqsSourceSchema, streamSourceSchema } from './pollSourcesSchema';
import { requestSchema } from './requestSchema';

export { requestSchema };

const nonNegative = z.number().min(0);

/** A duration in milliseconds drawn per attempt: fixed, uniform or log-normal. */
export const distributionSchema = z
  .discriminatedUnion('distribution', [
    z
      .object({
        distribution: z.literal('fixed').describe('Always the same duration.'),
        ms: nonNegative.describe('The duration in milliseconds (≥ 0).'),
      })
      .strict(),
    z
      .object({
        distribution: z.literal('uniform').describe('Any duration between minMs and maxMs, equally likely.'),
        minMs: nonNegative.describe('Shortest duration in milliseconds (≥ 0, at most maxMs).'),
        maxMs: nonNegative.describe('Longest duration in milliseconds (≥ 0, at least minMs).'),
      })
      .strict(),
    z
      .object({
        distribution: z
          .literal('lognormal')
          .describe('Mostly near the median with a long tail of slow runs, as real latencies are.'),
        medianMs: z.number().positive().describe('Median duration in milliseconds (> 0).'),
        sigma: z
          .number()
          .min(0)
          .max(5)
          .describe(
            'Spread: standard deviation of the logarithm (0–5; 0 = always the median, 0.5 = a moderate tail).',
          ),
      })
      .strict(),
  ])
  .describe(
    'A duration in milliseconds, drawn anew for every attempt from the seeded random stream: fixed, uniform or lognormal.',
  );

const errorObjectSchema = z
  .object({
    errorType: z
      .string()
      .min(1)
      .default('Error')
      .describe('The error type the runtime reports (`errorType`), e.g. "TypeError" (default "Error").'),
    errorMessage: z.string().default('').describe('The error message (`errorMessage`) (default "").'),
  })
  .strict()
  .describe('The error the handler throws: what a sync caller, a destination record and a DLQ see.');

/**
 * What one attempt does. Rules are tried in order; the first whose `attempts`, `items` and `probability`
 * all match decides the attempt. `attempts` counts the runs of the handler for that item, from 1.
 */
export const outcomeRuleSchema = z
  .object({
    attempts: z
      .array(z.number().int().min(1))
      .optional()
      .describe(
        "Match only these attempt numbers. 1 is the item's first attempt that Lambda admitted; async retries and client retries count up from there; throttled tries do not count. Omit to match every attempt.",
      ),
    items: z
      .array(z.string().min(1))
      .optional()
      .describe(
        'Match only these item ids (a request\'s `id`, with "-1", "-2"… appended when `count` > 1). Omit to match every item.',
      ),
    probability: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .describe(
        'Match with this chance (0–1), drawn per attempt from the seeded random stream. Omit to always match.',
      ),
    result: z
      .enum(['success', 'error', 'timeout', 'service-error', 'partial'])
      .describe(
        'What the attempt does: "success" returns `returns`; "error" throws `error`; "timeout" runs past the function\'s Timeout and Lambda stops it; "service-error" fails inside Lambda before the code runs (HTTP 500 ServiceException); "partial" (batches from SQS or a stream) returns a partial batch response naming `failedItems`.',
      ),
    failedItems: z
      .array(z.string().min(1))
      .optional()
      .describe(
        'Only with result "partial": the item ids the handler reports as failed; Lambda sees {"batchItemFailures":[{"itemIdentifier":…}]} with their message ids or sequence numbers.',
      ),
    error: errorObjectSchema
      .optional()
      .describe(
        'Only with result "error": the error thrown (default errorType "Error", errorMessage "Handler failed").',
      ),
    returns: z
      .unknown()
      .optional()
      .describe('With result "success": the value returned (overrides behavior.returns).'),
    durationMs: nonNegative
      .optional()
      .describe('How long the handler runs in this attempt, in milliseconds (overrides behavior.duration).'),
    responseSizeBytes: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe('Size of the response in bytes (overrides behavior.responseSizeBytes).'),
  })
  .strict()
  .describe(
    'One outcome rule: when `attempts`, `items` and `probability` all match, `result` decides the attempt.',
  );

export const behaviorSchema = z
  .object({
    duration: distributionSchema
      .default({ distribution: 'fixed', ms: 100 })
      .describe('How long the handler runs per attempt (default fixed 100 ms).'),
    initDuration: distributionSchema
      .default({ distribution: 'fixed', ms: 250 })
      .describe(
        'How long the Init phase of a cold start takes (default fixed 250 ms); billed on on-demand environments.',
      ),
    returns: z
      .unknown()
      .optional()
      .describe(
        'What the handler returns when it succeeds (default null). Behind api-gateway or alb it must be a proxy response with a numeric statusCode, else the caller gets 502.',
      ),
    responseSizeBytes: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe(
        'Size of the response in bytes (default 0). Over 6 MB a synchronous invocation fails; over 1 MB an ALB request gets 502.',
      ),
    rules: z
      .array(outcomeRuleSchema)
      .default([])
      .describe(
        'Outcome rules, tried in order: the first that matches decides the attempt; none matching = success.',
      ),
    /** How long an idle environment lives before Lambda reaps it; AWS documents no value. */
    environmentIdleSeconds: z
      .number()
      .min(1)
      .max(86_400)
      .default(600)
      .describe(
        'Seconds an idle execution environment stays warm before it is stopped (1–86,400, default 600). AWS documents no value.',
      ),
  })
  .strict()
  .describe("The handler's behaviour (simulation only): durations, return value and failures per attempt.");

const destinationSchema = (targets: string) =>
  z.object({ Destination: z.string().min(1).describe(`ARN of ${targets}.`) }).strict();

export const eventInvokeConfigSchema = z
  .object({
    MaximumRetryAttempts: z
      .number()
      .int()
      .min(0)
      .max(2)
      .optional()
      .describe(
        'How many times Lambda retries an event after a function error (0–2, default 2): about 1 minute before the second attempt, 2 minutes before the third.',
      ),
    MaximumEventAgeInSeconds: z
      .number()
      .int()
      .min(60)
      .max(21_600)
      .optional()
      .describe(
        'How long Lambda keeps an event, in seconds (60–21,600, default 21,600 = 6 hours). An event whose next try could not start in time goes to the on-failure destination or DLQ, or is dropped.',
      ),
    DestinationConfig: z
      .object({
        OnSuccess: destinationSchema('an SQS queue, SNS topic, Lambda function or EventBridge event bus')
          .optional()
          .describe('Receives an invocation record when an attempt succeeds.'),
        OnFailure: destinationSchema(
          'an SQS queue, SNS topic, Lambda function, EventBridge event bus or S3 bucket',
        )
          .optional()
          .describe('Receives an invocation record when an event fails every attempt or gets too old.'),
      })
      .strict()
      .optional()
      .describe("Where Lambda sends a record of each asynchronous invocation's outcome."),
  })
  .strict()
  .describe(
    'Asynchronous invocation settings (PutFunctionEventInvokeConfig; AWS::Lambda::EventInvokeConfig). Set at least one property.',
  );

export const functionSchema = z
  .object({
    FunctionName: z
      .string()
      .regex(/^[a-zA-Z0-9-_]{1,64}$/, 'Member must satisfy regular expression pattern: [a-zA-Z0-9-_]{1,64}')
      .default('my-function')
      .describe('The function name: 1–64 letters, digits, hyphens or underscores (default "my-function").'),
    Runtime: z
      .string()
      .default('nodejs22.x')
      .describe('The runtime identifier, e.g. "nodejs22.x" (default); shown, not simulated.'),
    Timeout: z
      .number()
      .int()
      .min(1)
      .max(900)
      .default(3)
      .describe(
        'Seconds an invocation may run before Lambda stops it (1–900, default 3). A timeout is a function error.',
      ),
    MemorySize: z
      .number()
      .int()
      .min(128)
      .max(10_240)
      .default(128)
      .describe('Memory in MB (128–10,240, default 128); the price of a millisecond grows with it.'),
    Architectures: z
      .tuple([z.enum(['x86_64', 'arm64'])])
      .default(['x86_64'])
      .describe('The instruction set: ["x86_64"] (default) or ["arm64"] (about 20 % cheaper per GB-second).'),
    ReservedConcurrentExecutions: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe(
        "Reserved concurrency: the most instances that may run at once, set aside for this function (≥ 0; must leave 100 of the account's concurrency unreserved). 0 throttles every invocation. Omit for none.",
      ),
    ProvisionedConcurrencyConfig: z
      .object({
        ProvisionedConcurrentExecutions: z
          .number()
          .int()
          .min(1)
          .describe(
            'How many environments are initialised before the run (≥ 1; at most the reserved concurrency).',
          ),
      })
      .strict()
      .optional()
      .describe(
        'Provisioned concurrency: pre-initialised environments with no cold start; requests beyond them spill over to on-demand environments.',
      ),
    EventInvokeConfig: eventInvokeConfigSchema.optional(),
    DeadLetterConfig: z
      .object({ TargetArn: z.string().min(1).describe('ARN of an SQS queue or SNS topic.') })
      .strict()
      .optional()
      .describe(
        'Dead-letter queue for asynchronous events that fail every attempt or get too old: receives the original event.',
      ),
    behavior: behaviorSchema.default({
      duration: { distribution: 'fixed', ms: 100 },
      initDuration: { distribution: 'fixed', ms: 250 },
      rules: [],
      environmentIdleSeconds: 600,
    }),
  })
  .strict()
  .describe("The function's configuration (AWS::Lambda::Function properties) and its simulated behaviour.");

export const accountSchema = z
  .object({
    /** The Region's "Concurrent executions" quota. */
    ConcurrentExecutions: z
      .number()
      .int()
      .min(10)
      .max(1_000_000)
      .default(1000)
      .describe(
        'The Region\'s "Concurrent executions" quota, shared by all functions (10–1,000,000, default 1,000).',
      ),
    Region: z
      .string()
      .default('us-east-1')
      .describe('The Region used in ARNs and records (default "us-east-1").'),
    AccountId: z
      .string()
      .regex(/^\d{12}$/, 'Member must satisfy regular expression pattern: \\d{12}')
      .default('123456789012')
      .describe('The 12-digit account id used in ARNs (default "123456789012").'),
    freeTier: z
      .boolean()
      .default(false)
      .describe(
        'Subtract the monthly free tier (1 M requests, 400,000 GB-seconds) from the cost (default false).',
      ),
  })
  .strict()
  .describe('The AWS account and Region the function runs in.');

/** One request or event, or `count` of them `everyMs` apart. */
export const syncSourceSchema = z
  .object({
    type: z
      .literal('sync')
      .describe('Synchronous invocation (InvocationType RequestResponse): the caller waits.'),
    id: z.string().min(1).describe('The source id, unique in the scenario.'),
    caller: z
      .enum(['direct', 'aws-cli', 'aws-sdk', 'api-gateway', 'alb'])
      .describe(
        'Who calls. direct: one Invoke, no retries. aws-cli: standard retries, 3 attempts, 60 s read timeout. aws-sdk: standard retries, 3 attempts, no read timeout. api-gateway: 29 s integration timeout, no retries. alb: 1 MB request and response limits, no retries.',
      ),
    /** AWS CLI/SDK retry settings (`retry_mode`, `max_attempts`, `--cli-read-timeout`). */
    retryMode: z
      .enum(['standard', 'none'])
      .optional()
      .describe(
        'aws-cli and aws-sdk only: "standard" (default) retries throttles, 5xx errors and read timeouts with jittered exponential backoff; "none" never retries.',
      ),
    maxAttempts: z
      .number()
      .int()
      .min(1)
      .max(10)
      .optional()
      .describe(
        'aws-cli and aws-sdk only: attempts in all, the first included (1–10, default 3; `max_attempts`).',
      ),
    readTimeoutSeconds: z
      .number()
      .min(0)
      .max(3600)
      .optional()
      .describe(
        'aws-cli and aws-sdk only: seconds the client waits for the response before it gives up and retries (0–3,600; default 60 for aws-cli, none for aws-sdk; 0 = wait for ever).',
      ),
    /** API Gateway integration timeout (`TimeoutInMillis`): 50 ms to 29 s by default, raisable for REST APIs. */
    TimeoutInMillis: z
      .number()
      .int()
      .min(50)
      .max(300_000)
      .optional()
      .describe(
        'api-gateway only: the integration timeout in milliseconds (50–300,000, default 29,000). Above 29,000 needs a quota increase and a Regional or private REST API.',
      ),
    requests: z.array(requestSchema).min(1).describe('The requests this caller sends (at least one).'),
  })
  .strict()
  .describe('A synchronous caller and the requests it sends.');

export const asyncSourceSchema = z
  .object({
    type: z
      .literal('async')
      .describe('Asynchronous invocation (InvocationType Event): Lambda queues the event and answers 202.'),
    id: z.string().min(1).describe('The source id, unique in the scenario.'),
    caller: z
      .enum(['direct', 's3', 'sns', 'eventbridge'])
      .describe(
        'Who sends the events: direct (Invoke with InvocationType Event), s3, sns or eventbridge. All are handled alike; the name labels the diagram and the log.',
      ),
    requests: z.array(requestSchema).min(1).describe('The events this source sends (at least one).'),
  })
  .strict()
  .describe('An asynchronous event source and the events it sends.');

export const sourceSchema = z
  .discriminatedUnion('type', [syncSourceSchema, asyncSourceSchema, sqsSourceSchema, streamSourceSchema])
  .describe(
    'Something that invokes the function: "sync" or "async" callers, or a poll-based source ("sqs", "kinesis", "dynamodb") read by an event source mapping.',
  );

export const simulationSchema = z
  .object({
    /** Stop the run at this simulated time; without it the run ends when nothing is left to happen. */
    untilSeconds: z
      .number()
      .positive()
      .optional()
      .describe(
        'Stop the run at this simulated time, in seconds (> 0). Default: when nothing is left to happen.',
      ),
    /** Chance that the async queue delivers an event a second time although nothing failed (§2.4). */
    asyncDuplicateProbability: z
      .number()
      .min(0)
      .max(1)
      .default(0)
      .describe(
        'Chance (0–1, default 0) that the async queue delivers an event a second time although nothing failed.',
      ),
    /** Delay between an event entering the async queue and an internal poller picking it up. */
    asyncQueueDelay: distributionSchema
      .default({ distribution: 'uniform', minMs: 10, maxMs: 60 })
      .describe(
        'Delay between an event entering the async queue and a poller picking it up (default uniform 10–60 ms).',
      ),
    /** Destination or DLQ ARNs Lambda is not allowed to write to (missing permission): deliveries fail. */
    deniedTargets: z
      .array(z.string())
      .default([])
      .describe(
        "Destination or dead-letter queue ARNs the function's role may not write to: deliveries to them fail.",
      ),
  })
  .strict()
  .describe('Settings of the simulation itself.');

export const scenarioSchema = z
  .object({
    $schema: z
      .string()
      .optional()
      .describe(
        'The JSON Schema this file follows, for editors (e.g. "./scenario.schema.json"); ignored otherwise.',
      ),
    id: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9-]*$/,
        'must contain only lower-case letters, digits and dashes, and start with a letter or digit',
      )
      .describe('The scenario id: lower-case letters, digits and dashes.'),
    title: z.string().min(1).describe('A short title.'),
    description: z.string().default('').describe('What the scenario shows (default "").'),
    group: z
      .enum(['synchronous', 'asynchronous', 'poll-based', 'scaling', 'compare'])
      .default('synchronous')
      .describe(
        'Where the scenario is listed (default "synchronous"); "compare" holds sets that run one workload through different invocation types.',
      ),
    tags: z.array(z.string()).default([]).describe('Free-form tags.'),
    seed: z
      .number()
      .int()
      .min(0)
      .max(0xffffffff)
      .optional()
      .describe(
        "Seed of the run's randomness (0–4,294,967,295, default 1): the same seed gives the same run.",
      ),
    account: accountSchema.default({
      ConcurrentExecutions: 1000,
      Region: 'us-east-1',
      AccountId: '123456789012',
      freeTier: false,
    }),
    function: functionSchema,
    sources: z.array(sourceSchema).min(1).describe('What invokes the function (at least one source).'),
    simulation: simulationSchema.default({
      asyncDuplicateProbability: 0,
      asyncQueueDelay: { distribution: 'uniform', minMs: 10, maxMs: 60 },
      deniedTargets: [],
    }),
  })
  .strict()
  .describe(
    'A scenario of the Lambda invocation visualizer: a function, its account, who invokes it, and how.',
  );

/** A scenario as written (defaults optional). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A validated scenario with every default filled in: the only shape the engine accepts. */
export type Scenario = z.output<typeof scenarioSchema>;
export type FunctionConfig = Scenario['function'];
export type Behavior = FunctionConfig['behavior'];
export type OutcomeRule = Behavior['rules'][number];
export type Distribution = z.output<typeof distributionSchema>;
export type Source = Scenario['sources'][number];
export type SyncSource = Extract<Source, { type: 'sync' }>;
export type AsyncSource = Extract<Source, { type: 'async' }>;
export type SqsSource = Extract<Source, { type: 'sqs' }>;
export type StreamSource = Extract<Source, { type: 'kinesis' | 'dynamodb' }>;
export type PollSource = SqsSource | StreamSource;
export type WorkloadSpec = RequestSpec & {
  messageGroupId?: string;
  partitionKey?: string;
  shard?: number;
  eventName?: 'INSERT' | 'MODIFY' | 'REMOVE';
};

export type RequestSpec = SyncSource['requests'][number];
