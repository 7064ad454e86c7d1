/**
 * The scenario format: one zod schema that every entry point (presets, editor, pasted JSON, URL, CLI)
 * goes through. Properties that exist in AWS keep AWS's PascalCase names (`Timeout`, `MaximumRetryAttempts`…);
 * properties that only describe the simulation (the handler's behaviour, the workload) are camelCase.
 * Ranges follow aws-semantics.md §9; cross-field rules live in `crossFieldRules.ts`.
 */
import { z } from 'zod';

const nonNegative = z.number().min(0);

/** A duration in milliseconds drawn per attempt: fixed, uniform or log-normal. */
export const distributionSchema = z.discriminatedUnion('distribution', [
  z.object({ distribution: z.literal('fixed'), ms: nonNegative }).strict(),
  z.object({ distribution: z.literal('uniform'), minMs: nonNegative, maxMs: nonNegative }).strict(),
  z
    .object({ distribution: z.literal('lognormal'), medianMs: z.number().positive(), sigma: z.number().min(0).max(5) })
    .strict(),
]);

const errorObjectSchema = z
  .object({
    errorType: z.string().min(1).default('Error'),
    errorMessage: z.string().default(''),
  })
  .strict();

/**
 * What one attempt does. Rules are tried in order; the first whose `attempts`, `items` and `probability`
 * all match decides the attempt. `attempts` counts the runs of the handler for that item, from 1.
 */
export const outcomeRuleSchema = z
  .object({
    attempts: z.array(z.number().int().min(1)).optional(),
    items: z.array(z.string().min(1)).optional(),
    probability: z.number().min(0).max(1).optional(),
    result: z.enum(['success', 'error', 'timeout', 'service-error']),
    error: errorObjectSchema.optional(),
    returns: z.unknown().optional(),
    durationMs: nonNegative.optional(),
    responseSizeBytes: z.number().int().min(0).optional(),
  })
  .strict();

export const behaviorSchema = z
  .object({
    duration: distributionSchema.default({ distribution: 'fixed', ms: 100 }),
    initDuration: distributionSchema.default({ distribution: 'fixed', ms: 250 }),
    returns: z.unknown().optional(),
    responseSizeBytes: z.number().int().min(0).optional(),
    rules: z.array(outcomeRuleSchema).default([]),
    /** How long an idle environment lives before Lambda reaps it; AWS documents no value. */
    environmentIdleSeconds: z.number().min(1).max(86_400).default(600),
  })
  .strict();

const destinationSchema = z.object({ Destination: z.string().min(1) }).strict();

export const eventInvokeConfigSchema = z
  .object({
    MaximumRetryAttempts: z.number().int().min(0).max(2).optional(),
    MaximumEventAgeInSeconds: z.number().int().min(60).max(21_600).optional(),
    DestinationConfig: z
      .object({ OnSuccess: destinationSchema.optional(), OnFailure: destinationSchema.optional() })
      .strict()
      .optional(),
  })
  .strict();

export const functionSchema = z
  .object({
    FunctionName: z
      .string()
      .regex(/^[a-zA-Z0-9-_]{1,64}$/, 'Member must satisfy regular expression pattern: [a-zA-Z0-9-_]{1,64}')
      .default('my-function'),
    Runtime: z.string().default('nodejs22.x'),
    Timeout: z.number().int().min(1).max(900).default(3),
    MemorySize: z.number().int().min(128).max(10_240).default(128),
    Architectures: z.tuple([z.enum(['x86_64', 'arm64'])]).default(['x86_64']),
    ReservedConcurrentExecutions: z.number().int().min(0).optional(),
    ProvisionedConcurrencyConfig: z
      .object({ ProvisionedConcurrentExecutions: z.number().int().min(1) })
      .strict()
      .optional(),
    EventInvokeConfig: eventInvokeConfigSchema.optional(),
    DeadLetterConfig: z.object({ TargetArn: z.string().min(1) }).strict().optional(),
    behavior: behaviorSchema.default({
      duration: { distribution: 'fixed', ms: 100 },
      initDuration: { distribution: 'fixed', ms: 250 },
      rules: [],
      environmentIdleSeconds: 600,
    }),
  })
  .strict();

export const accountSchema = z
  .object({
    /** The Region's "Concurrent executions" quota. */
    ConcurrentExecutions: z.number().int().min(10).max(1_000_000).default(1000),
    Region: z.string().default('us-east-1'),
    AccountId: z.string().regex(/^\d{12}$/, 'must be 12 digits').default('123456789012'),
    freeTier: z.boolean().default(false),
  })
  .strict();

/** One request or event, or `count` of them `everyMs` apart. */
export const requestSchema = z
  .object({
    id: z.string().min(1).optional(),
    atMs: nonNegative.default(0),
    count: z.number().int().min(1).max(1_000_000).default(1),
    everyMs: nonNegative.default(0),
    payload: z.unknown().optional(),
    payloadSizeBytes: z.number().int().min(0).optional(),
  })
  .strict();

export const syncSourceSchema = z
  .object({
    type: z.literal('sync'),
    id: z.string().min(1),
    caller: z.enum(['direct', 'aws-cli', 'aws-sdk', 'api-gateway', 'alb']),
    /** AWS CLI/SDK retry settings (`retry_mode`, `max_attempts`, `--cli-read-timeout`). */
    retryMode: z.enum(['standard', 'none']).optional(),
    maxAttempts: z.number().int().min(1).max(10).optional(),
    readTimeoutSeconds: z.number().min(0).max(3600).optional(),
    /** API Gateway integration timeout (`TimeoutInMillis`): 50 ms to 29 s by default, raisable for REST APIs. */
    TimeoutInMillis: z.number().int().min(50).max(300_000).optional(),
    requests: z.array(requestSchema).min(1),
  })
  .strict();

export const asyncSourceSchema = z
  .object({
    type: z.literal('async'),
    id: z.string().min(1),
    caller: z.enum(['direct', 's3', 'sns', 'eventbridge']),
    requests: z.array(requestSchema).min(1),
  })
  .strict();

export const sourceSchema = z.discriminatedUnion('type', [syncSourceSchema, asyncSourceSchema]);

export const simulationSchema = z
  .object({
    /** Stop the run at this simulated time; without it the run ends when nothing is left to happen. */
    untilSeconds: z.number().positive().optional(),
    /** Chance that the async queue delivers an event a second time although nothing failed (§2.4). */
    asyncDuplicateProbability: z.number().min(0).max(1).default(0),
    /** Delay between an event entering the async queue and an internal poller picking it up. */
    asyncQueueDelay: distributionSchema.default({ distribution: 'uniform', minMs: 10, maxMs: 60 }),
    /** Destination or DLQ ARNs Lambda is not allowed to write to (missing permission): deliveries fail. */
    deniedTargets: z.array(z.string()).default([]),
  })
  .strict();

export const scenarioSchema = z
  .object({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes'),
    title: z.string().min(1),
    description: z.string().default(''),
    group: z.enum(['synchronous', 'asynchronous', 'poll-based', 'scaling']).default('synchronous'),
    tags: z.array(z.string()).default([]),
    seed: z.number().int().min(0).max(0xffffffff).optional(),
    account: accountSchema.default({
      ConcurrentExecutions: 1000,
      Region: 'us-east-1',
      AccountId: '123456789012',
      freeTier: false,
    }),
    function: functionSchema,
    sources: z.array(sourceSchema).min(1),
    simulation: simulationSchema.default({
      asyncDuplicateProbability: 0,
      asyncQueueDelay: { distribution: 'uniform', minMs: 10, maxMs: 60 },
      deniedTargets: [],
    }),
  })
  .strict();

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
export type RequestSpec = SyncSource['requests'][number];
