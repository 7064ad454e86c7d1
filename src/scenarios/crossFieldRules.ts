/**
 * Rules that involve more than one field: errors AWS would reject the configuration with (in AWS's words
 * where known, §9), and warnings for settings AWS accepts but that rarely do what was meant.
 * Poll-based sources (SQS, Kinesis, DynamoDB Streams, §3) have their own rules further down.
 */
import type { Distribution, Scenario, Source, SqsSource, StreamSource, SyncSource } from './schema';
import { workloadOf } from './workload';
import { timeBoundErrors } from './timeBounds';
import type { ValidationIssue } from './validate';

/** AWS keeps at least this much account concurrency unreserved (§4). */
export const MIN_UNRESERVED_CONCURRENCY = 100;

const DESTINATION_SERVICES = ['sqs', 'sns', 'lambda', 'events', 's3'];
const ARN = /^arn:aws[a-z-]*:([a-z0-9-]+):([a-z0-9-]*):(\d{12})?:(.+)$/;

interface Arn {
  service: string;
  region: string;
  account: string;
  resource: string;
}

function parseArn(arn: string): Arn | null {
  const m = ARN.exec(arn);
  if (!m) return null;
  return { service: m[1]!, region: m[2]!, account: m[3] ?? '', resource: m[4]! };
}

/** True when a Lambda ARN names this very function (any version or alias of it). */
function isThisFunction(arn: Arn, scenario: Scenario): boolean {
  const [kind, name] = arn.resource.split(':');
  return (
    arn.service === 'lambda' &&
    kind === 'function' &&
    name === scenario.function.FunctionName &&
    (arn.region === '' || arn.region === scenario.account.Region) &&
    (arn.account === '' || arn.account === scenario.account.AccountId)
  );
}

function checkDestination(
  errors: ValidationIssue[],
  path: string,
  destination: string,
  scenario: Scenario,
  onSuccess: boolean,
): void {
  const arn = parseArn(destination);
  if (!arn) {
    errors.push({
      path,
      message: `'${destination}' is not an ARN (expected arn:aws:<service>:<region>:<account>:<resource>)`,
    });
    return;
  }
  if (!DESTINATION_SERVICES.includes(arn.service)) {
    errors.push({
      path,
      message: `'${arn.service}' is not a destination type: use an SQS queue, SNS topic, Lambda function, EventBridge event bus or (on failure only) S3 bucket`,
    });
    return;
  }
  if (arn.service === 's3' && onSuccess) {
    errors.push({
      path,
      message:
        'An S3 bucket can only be an on-failure destination: for OnSuccess use an SQS queue, SNS topic, Lambda function or EventBridge event bus',
    });
  }
  if (isThisFunction(arn, scenario)) {
    errors.push({ path, message: "You can't specify the function as a destination for itself." });
  }
}

/** Every distribution in the scenario, with its path. */
function distributions(scenario: Scenario): Array<[string, Distribution]> {
  const { behavior } = scenario.function;
  return [
    ['function.behavior.duration', behavior.duration],
    ['function.behavior.initDuration', behavior.initDuration],
    ['simulation.asyncQueueDelay', scenario.simulation.asyncQueueDelay],
  ];
}

/** Cross-field errors: the scenario is rejected. */
export function crossFieldErrors(scenario: Scenario): ValidationIssue[] {
  const errors: ValidationIssue[] = [];
  const fn = scenario.function;
  const account = scenario.account.ConcurrentExecutions;
  const reserved = fn.ReservedConcurrentExecutions;
  if (reserved !== undefined && reserved > account - MIN_UNRESERVED_CONCURRENCY) {
    errors.push({
      path: 'function.ReservedConcurrentExecutions',
      message: `Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [${MIN_UNRESERVED_CONCURRENCY}].`,
    });
  }
  const provisioned = fn.ProvisionedConcurrencyConfig?.ProvisionedConcurrentExecutions;
  if (provisioned !== undefined) {
    // AWS's messages (PutProvisionedConcurrencyConfig), as recorded by the emulator behind §9.
    if (reserved !== undefined && provisioned > reserved) {
      errors.push({
        path: 'function.ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions',
        message:
          'Requested Provisioned Concurrency should not be greater than the reservedConcurrentExecution for function',
      });
    } else if (reserved === undefined && provisioned > account - MIN_UNRESERVED_CONCURRENCY) {
      errors.push({
        path: 'function.ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions',
        message: `Specified ConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [${MIN_UNRESERVED_CONCURRENCY}].`,
      });
    }
  }
  const eic = fn.EventInvokeConfig;
  if (eic) {
    const dc = eic.DestinationConfig;
    if (
      eic.MaximumRetryAttempts === undefined &&
      eic.MaximumEventAgeInSeconds === undefined &&
      !dc?.OnSuccess &&
      !dc?.OnFailure
    ) {
      errors.push({
        path: 'function.EventInvokeConfig',
        message: 'You must specify at least one of error handling or destination setting.',
      });
    }
    const base = 'function.EventInvokeConfig.DestinationConfig';
    if (dc?.OnSuccess)
      checkDestination(errors, `${base}.OnSuccess.Destination`, dc.OnSuccess.Destination, scenario, true);
    if (dc?.OnFailure) {
      checkDestination(errors, `${base}.OnFailure.Destination`, dc.OnFailure.Destination, scenario, false);
    }
  }
  if (fn.DeadLetterConfig) {
    const service = parseArn(fn.DeadLetterConfig.TargetArn)?.service;
    if (service !== 'sqs' && service !== 'sns') {
      errors.push({
        path: 'function.DeadLetterConfig.TargetArn',
        message: `A dead-letter queue must be an SQS queue or SNS topic ARN (arn:aws:sqs:… or arn:aws:sns:…), not '${fn.DeadLetterConfig.TargetArn}'`,
      });
    }
  }
  for (const [path, dist] of distributions(scenario)) {
    if (dist.distribution === 'uniform' && dist.minMs > dist.maxMs) {
      errors.push({
        path: `${path}.minMs`,
        message: `minMs (${dist.minMs}) must not be greater than maxMs (${dist.maxMs})`,
      });
    }
  }
  const ids = new Set<string>();
  scenario.sources.forEach((source, i) => {
    if (ids.has(source.id))
      errors.push({ path: `sources[${i}].id`, message: `duplicate source id '${source.id}'` });
    ids.add(source.id);
  });
  const requestIds = new Set<string>();
  scenario.sources.forEach((source, i) =>
    workloadOf(source).forEach((req, j) => {
      if (!req.id) return;
      if (requestIds.has(req.id)) {
        errors.push({
          path: `sources[${i}].${workloadKey(source)}[${j}].id`,
          message: `duplicate request id '${req.id}'`,
        });
      }
      requestIds.add(req.id);
    }),
  );
  scenario.function.behavior.rules.forEach((rule, i) => {
    if (rule.error !== undefined && rule.result !== 'error') {
      errors.push({
        path: `function.behavior.rules[${i}].error`,
        message: `'error' only applies to rules whose result is 'error' (this rule's result is '${rule.result}')`,
      });
    }
    if (rule.failedItems !== undefined && rule.result !== 'partial') {
      errors.push({
        path: `function.behavior.rules[${i}].failedItems`,
        message: `'failedItems' only applies to rules whose result is 'partial' (this rule's result is '${rule.result}')`,
      });
    }
  });
  scenario.sources.forEach((source, i) => {
    if (source.type === 'sqs') errors.push(...sqsErrors(source, i));
    else if (source.type === 'kinesis' || source.type === 'dynamodb')
      errors.push(...streamErrors(source, i, scenario));
  });
  errors.push(...timeBoundErrors(scenario));
  return errors;
}

// --- Poll-based sources (§3) ---------------------------------------------------------------------

/** The name of a source's workload array: `requests`, `messages` or `records`. */
function workloadKey(source: Source): 'requests' | 'messages' | 'records' {
  if (source.type === 'sqs') return 'messages';
  if (source.type === 'kinesis' || source.type === 'dynamodb') return 'records';
  return 'requests';
}

function isPollSource(source: Source): source is SqsSource | StreamSource {
  return source.type === 'sqs' || source.type === 'kinesis' || source.type === 'dynamodb';
}

/** AWS's validation wording for a value outside its range (§9 "AWS API style"). */
function awsConstraint(value: number, member: string, constraint: string): string {
  return `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: ${constraint}`;
}

/** A FIFO queue's batch size limit (§3.3). */
const FIFO_MAX_BATCH_SIZE = 10;
/** Above this batch size an SQS mapping needs a batching window (§3.1, §9). */
const SQS_MAX_BATCH_WITHOUT_WINDOW = 10;

/**
 * What is wrong with an event filter pattern (AWS's filter syntax), or null. The pattern must be a JSON
 * object whose values are objects (nested fields) or arrays of values to match: `{"body":{"type":["order"]}}`.
 * AWS answers any malformed pattern with "Invalid filter pattern definition." (as the emulator behind §9 does).
 */
function filterPatternProblem(text: string): string | null {
  let pattern: unknown;
  try {
    pattern = JSON.parse(text);
  } catch (e) {
    return `the pattern is not valid JSON (${e instanceof Error ? e.message : String(e)})`;
  }
  if (pattern === null || typeof pattern !== 'object' || Array.isArray(pattern)) {
    return 'a pattern is a JSON object, e.g. {"body":{"type":["order"]}}';
  }
  const leaf = (node: Record<string, unknown>, at: string): string | null => {
    for (const [key, value] of Object.entries(node)) {
      const path = at ? `${at}.${key}` : key;
      if (Array.isArray(value)) continue;
      if (value !== null && typeof value === 'object') {
        const inner = leaf(value as Record<string, unknown>, path);
        if (inner) return inner;
        continue;
      }
      return `the value at ${path} must be an array of values to match, e.g. [${JSON.stringify(value)}]`;
    }
    return null;
  };
  return leaf(pattern as Record<string, unknown>, '');
}

function sqsErrors(source: SqsSource, i: number): ValidationIssue[] {
  const errors: ValidationIssue[] = [];
  const { queue, mapping } = source;
  const at = `sources[${i}]`;
  const fifo = queue.FifoQueue;
  if (fifo) {
    if (mapping.BatchSize > FIFO_MAX_BATCH_SIZE) {
      errors.push({
        path: `${at}.mapping.BatchSize`,
        message: awsConstraint(
          mapping.BatchSize,
          'batchSize',
          `Member must have value less than or equal to ${FIFO_MAX_BATCH_SIZE}`,
        ),
      });
    }
    if (mapping.MaximumBatchingWindowInSeconds > 0) {
      errors.push({
        path: `${at}.mapping.MaximumBatchingWindowInSeconds`,
        message:
          'A batching window is not supported for FIFO queues (it applies only to standard queues): set MaximumBatchingWindowInSeconds to 0 or leave it out.',
      });
    }
    if (!queue.QueueName.endsWith('.fifo')) {
      // SQS's CreateQueue wording.
      errors.push({
        path: `${at}.queue.QueueName`,
        message:
          'The name of a FIFO queue can only include alphanumeric characters, hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length',
      });
    }
  } else {
    if (mapping.BatchSize > SQS_MAX_BATCH_WITHOUT_WINDOW && mapping.MaximumBatchingWindowInSeconds === 0) {
      errors.push({
        path: `${at}.mapping.MaximumBatchingWindowInSeconds`,
        message:
          'Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10',
      });
    }
    if (queue.QueueName.endsWith('.fifo')) {
      errors.push({
        path: `${at}.queue.FifoQueue`,
        message: `A queue name ending in ".fifo" ('${queue.QueueName}') is a FIFO queue: set FifoQueue to true, or drop the suffix for a standard queue.`,
      });
    }
  }
  source.messages.forEach((message, j) => {
    if (fifo && message.messageGroupId === undefined) {
      // SQS's SendMessage wording.
      errors.push({
        path: `${at}.messages[${j}].messageGroupId`,
        message: 'The request must contain the parameter MessageGroupId.',
      });
    }
    if (!fifo && message.messageGroupId !== undefined) {
      errors.push({
        path: `${at}.messages[${j}].messageGroupId`,
        message:
          "messageGroupId applies to FIFO queues: set queue.FifoQueue to true (and end the QueueName in '.fifo'), or remove it. (SQS fair queues, which accept a group id on a standard queue, are not simulated.)",
      });
    }
  });
  const dlq = queue.RedrivePolicy?.deadLetterTargetArn;
  if (dlq !== undefined) {
    const arn = parseArn(dlq);
    const path = `${at}.queue.RedrivePolicy.deadLetterTargetArn`;
    if (arn?.service !== 'sqs') {
      errors.push({
        path,
        message: `A queue's dead-letter queue must be an SQS queue ARN (arn:aws:sqs:<region>:<account>:<queue name>), not '${dlq}'`,
      });
    } else if (arn.resource.endsWith('.fifo') !== fifo) {
      errors.push({
        path,
        message: fifo
          ? "The dead-letter queue of a FIFO queue must also be a FIFO queue (its name ends in '.fifo')."
          : "The dead-letter queue of a standard queue must also be a standard queue (its name does not end in '.fifo').",
      });
    }
  }
  mapping.FilterCriteria?.Filters.forEach((filter, k) => {
    const problem = filterPatternProblem(filter.Pattern);
    if (problem) {
      errors.push({
        path: `${at}.mapping.FilterCriteria.Filters[${k}].Pattern`,
        message: `Invalid filter pattern definition. (${problem})`,
      });
    }
  });
  return errors;
}

/** On-failure destinations of Kinesis and DynamoDB mappings (§3.4, §3.5). */
const STREAM_FAILURE_DESTINATIONS: Record<string, string> = {
  sqs: 'SQS queue',
  sns: 'SNS topic',
  s3: 'S3 bucket',
};

/** The DynamoDB stream ARN the simulator uses in messages (its label is fixed: the run has no clock). */
function dynamoDbStreamArn(scenario: Scenario, streamName: string): string {
  const { Region, AccountId } = scenario.account;
  return `arn:aws:dynamodb:${Region}:${AccountId}:table/${streamName}/stream/2026-01-01T00:00:00.000`;
}

/** Shortest non-infinite MaximumRecordAgeInSeconds (§3.4, [WN-2019]). */
const MIN_RECORD_AGE_SECONDS = 60;
const MAX_RECORD_AGE_SECONDS = 604_800;
/** DynamoDB Streams keep records for 24 hours (§3.5). */
const DYNAMODB_RETENTION_HOURS = 24;

function streamErrors(source: StreamSource, i: number, scenario: Scenario): ValidationIssue[] {
  const errors: ValidationIssue[] = [];
  const { mapping, stream } = source;
  const at = `sources[${i}]`;
  const dynamo = source.type === 'dynamodb';
  const destinations = mapping.DestinationConfig;
  if (destinations?.OnSuccess) {
    errors.push({
      path: `${at}.mapping.DestinationConfig.OnSuccess`,
      message: 'Unsupported DestinationConfig parameter for given event source mapping type.',
    });
  }
  if (destinations?.OnFailure) {
    const destination = destinations.OnFailure.Destination;
    const path = `${at}.mapping.DestinationConfig.OnFailure.Destination`;
    const arn = parseArn(destination);
    if (!arn) {
      errors.push({
        path,
        message: `'${destination}' is not an ARN (expected arn:aws:<service>:<region>:<account>:<resource>)`,
      });
    } else if (!STREAM_FAILURE_DESTINATIONS[arn.service]) {
      errors.push({
        path,
        message: `The on-failure destination of a ${dynamo ? 'DynamoDB' : 'Kinesis'} event source mapping must be an SQS queue, SNS topic or S3 bucket, not '${arn.service}' (Lambda functions and EventBridge buses are destinations of asynchronous invocation only)`,
      });
    }
  }
  if (mapping.StartingPosition === 'AT_TIMESTAMP') {
    if (dynamo) {
      errors.push({
        path: `${at}.mapping.StartingPosition`,
        message: `Unsupported starting position for arn type: ${dynamoDbStreamArn(scenario, stream.StreamName)}`,
      });
    } else if (mapping.StartingPositionTimestamp === undefined) {
      errors.push({
        path: `${at}.mapping.StartingPositionTimestamp`,
        message:
          'StartingPosition AT_TIMESTAMP needs StartingPositionTimestamp: the time to start reading from.',
      });
    }
  }
  const age = mapping.MaximumRecordAgeInSeconds;
  if (age !== -1 && age < MIN_RECORD_AGE_SECONDS) {
    errors.push({
      path: `${at}.mapping.MaximumRecordAgeInSeconds`,
      message: awsConstraint(
        age,
        'maximumRecordAgeInSeconds',
        `Member must be -1 or between ${MIN_RECORD_AGE_SECONDS} and ${MAX_RECORD_AGE_SECONDS}`,
      ),
    });
  }
  if (dynamo && stream.RetentionPeriodHours !== DYNAMODB_RETENTION_HOURS) {
    errors.push({
      path: `${at}.stream.RetentionPeriodHours`,
      message: `DynamoDB Streams keep records for 24 hours, a fixed period: RetentionPeriodHours must be 24 for a dynamodb source (it is ${stream.RetentionPeriodHours}); leave it out.`,
    });
  }
  source.records.forEach((record, j) => {
    if (dynamo && record.partitionKey !== undefined) {
      errors.push({
        path: `${at}.records[${j}].partitionKey`,
        message:
          "'partitionKey' applies to Kinesis records only (use 'shard' to put a DynamoDB stream record on a given shard).",
      });
    }
    if (!dynamo && record.eventName !== undefined) {
      errors.push({
        path: `${at}.records[${j}].eventName`,
        message: "'eventName' (INSERT, MODIFY, REMOVE) applies to DynamoDB stream records only.",
      });
    }
    if (record.shard !== undefined && record.shard >= stream.ShardCount) {
      errors.push({
        path: `${at}.records[${j}].shard`,
        message: `shard ${record.shard} does not exist: the stream has ${stream.ShardCount} shard${stream.ShardCount === 1 ? '' : 's'}, numbered from 0 to ${stream.ShardCount - 1}`,
      });
    }
  });
  return errors;
}

/** True when some request, message or record of the scenario produces an item with this id (see the engine's arrivals). */
function itemExists(scenario: Scenario, id: string): boolean {
  return scenario.sources.some((source) =>
    workloadOf(source).some((req, r) => {
      const base = req.id ?? `${source.id}-${r + 1}`;
      if (req.count === 1) return id === base;
      if (!id.startsWith(`${base}-`)) return false;
      const n = Number(id.slice(base.length + 1));
      return Number.isInteger(n) && n >= 1 && n <= req.count && String(n) === id.slice(base.length + 1);
    }),
  );
}

/** Settings of a synchronous source that its caller type ignores. */
function ignoredCallerSettings(source: SyncSource, i: number): ValidationIssue[] {
  const warnings: ValidationIssue[] = [];
  const sdk = source.caller === 'aws-cli' || source.caller === 'aws-sdk';
  for (const key of ['retryMode', 'maxAttempts', 'readTimeoutSeconds'] as const) {
    if (!sdk && source[key] !== undefined) {
      warnings.push({
        path: `sources[${i}].${key}`,
        message: `'${key}' only applies to the aws-cli and aws-sdk callers; it is ignored for '${source.caller}'.`,
      });
    }
  }
  if (sdk && source.retryMode === 'none' && source.maxAttempts !== undefined && source.maxAttempts > 1) {
    warnings.push({
      path: `sources[${i}].maxAttempts`,
      message: "With retryMode 'none' the client makes one attempt; maxAttempts is ignored.",
    });
  }
  if (source.caller !== 'api-gateway' && source.TimeoutInMillis !== undefined) {
    warnings.push({
      path: `sources[${i}].TimeoutInMillis`,
      message: `'TimeoutInMillis' only applies to the api-gateway caller; it is ignored for '${source.caller}'.`,
    });
  }
  return warnings;
}

/** Cross-field warnings: the scenario runs, and the user is told what to expect. */
export function crossFieldWarnings(scenario: Scenario): ValidationIssue[] {
  const warnings: ValidationIssue[] = [];
  const timeout = scenario.function.Timeout;
  scenario.sources.forEach((source, i) => {
    if (source.type !== 'sync') return;
    warnings.push(...ignoredCallerSettings(source, i));
    if (source.caller === 'api-gateway') {
      const integration = source.TimeoutInMillis ?? 29_000;
      if (integration > 29_000) {
        warnings.push({
          path: `sources[${i}].TimeoutInMillis`,
          message:
            'An integration timeout above 29 s needs a quota increase and is only available for Regional and private REST APIs.',
        });
      }
      if (timeout * 1000 > integration) {
        warnings.push({
          path: 'function.Timeout',
          message: `The function may run ${timeout} s but API Gateway stops waiting after ${integration / 1000} s: slow requests get 504 while the function keeps running (and billing).`,
        });
      }
    }
    if (source.caller === 'aws-cli' || source.caller === 'aws-sdk') {
      const readTimeout = source.readTimeoutSeconds ?? (source.caller === 'aws-cli' ? 60 : 0);
      if (readTimeout > 0 && timeout > readTimeout) {
        const retries = (source.retryMode ?? 'standard') === 'standard' && (source.maxAttempts ?? 3) > 1;
        warnings.push({
          path: `sources[${i}].readTimeoutSeconds`,
          message: retries
            ? `The function may run ${timeout} s but the ${source.caller} caller stops waiting after ${readTimeout} s and retries: a slow request runs the function again.`
            : `The function may run ${timeout} s but the ${source.caller} caller stops waiting after ${readTimeout} s: a slow request fails on the client while the function keeps running.`,
        });
      }
    }
  });
  scenario.function.behavior.rules.forEach((rule, i) =>
    rule.items?.forEach((id, j) => {
      if (!itemExists(scenario, id)) {
        warnings.push({
          path: `function.behavior.rules[${i}].items[${j}]`,
          message: `No request produces an item with id '${id}': this rule never matches it.`,
        });
      }
    }),
  );
  warnings.push(...partialRuleWarnings(scenario));
  scenario.sources.forEach((source, i) => {
    if (source.type === 'sqs') warnings.push(...sqsWarnings(source, i, scenario));
    else if (source.type === 'kinesis' || source.type === 'dynamodb')
      warnings.push(...streamWarnings(source, i));
  });
  const hasAsync = scenario.sources.some((s) => s.type === 'async');
  const fn = scenario.function;
  if (hasAsync && !fn.DeadLetterConfig && !fn.EventInvokeConfig?.DestinationConfig?.OnFailure) {
    warnings.push({
      path: 'function',
      message:
        'No on-failure destination or dead-letter queue: events that fail every attempt are discarded without a trace.',
    });
  }
  return warnings;
}

/** `result: "partial"` only means something for batches from poll-based sources (§3.2, §3.4). */
function partialRuleWarnings(scenario: Scenario): ValidationIssue[] {
  const warnings: ValidationIssue[] = [];
  const pollSources = scenario.sources.filter(isPollSource);
  const reporting = pollSources.some((s) =>
    s.mapping.FunctionResponseTypes.includes('ReportBatchItemFailures'),
  );
  scenario.function.behavior.rules.forEach((rule, i) => {
    if (rule.result !== 'partial') return;
    const path = `function.behavior.rules[${i}].result`;
    if (pollSources.length === 0) {
      warnings.push({
        path,
        message:
          "A partial batch response only applies to batches from poll-based sources (sqs, kinesis, dynamodb): this scenario has none, so 'partial' runs as a success.",
      });
      return;
    }
    if (!reporting) {
      warnings.push({
        path,
        message:
          'Lambda reads a partial batch response only when the mapping\'s FunctionResponseTypes is ["ReportBatchItemFailures"]: without it the batchItemFailures answer is ignored and the batch counts as a success.',
      });
    }
    rule.failedItems?.forEach((id, j) => {
      if (!itemExists(scenario, id)) {
        warnings.push({
          path: `function.behavior.rules[${i}].failedItems[${j}]`,
          message: `No message or record produces an item with id '${id}': an itemIdentifier that is not in the batch fails the whole batch.`,
        });
      }
    });
  });
  return warnings;
}

/** AWS recommends a visibility timeout of at least 6 × the function timeout (+ batching window) (§3.2). */
const VISIBILITY_TIMEOUT_FACTOR = 6;
/** …and a maxReceiveCount of at least 5 (§3.2). */
const MIN_RECOMMENDED_MAX_RECEIVE_COUNT = 5;

function sqsWarnings(source: SqsSource, i: number, scenario: Scenario): ValidationIssue[] {
  const warnings: ValidationIssue[] = [];
  const { queue, mapping } = source;
  const at = `sources[${i}]`;
  const timeout = scenario.function.Timeout;
  const visibility = queue.VisibilityTimeout;
  const window = queue.FifoQueue ? 0 : mapping.MaximumBatchingWindowInSeconds;
  const recommended = VISIBILITY_TIMEOUT_FACTOR * timeout + window;
  if (visibility < timeout) {
    warnings.push({
      path: `${at}.queue.VisibilityTimeout`,
      message: `InvalidParameterValueException: Queue visibility timeout: ${visibility} seconds is less than Function timeout: ${timeout} seconds. AWS rejects this mapping; the simulator runs it to show what would happen.`,
    });
  } else if (visibility < recommended) {
    warnings.push({
      path: `${at}.queue.VisibilityTimeout`,
      message: `AWS recommends a queue visibility timeout of at least 6 times the function timeout plus MaximumBatchingWindowInSeconds (6 × ${timeout} s + ${window} s = ${recommended} s; this queue has ${visibility} s), to leave Lambda time to retry a batch when the function is throttled.`,
    });
  }
  const maxReceiveCount = queue.RedrivePolicy?.maxReceiveCount;
  if (maxReceiveCount !== undefined && maxReceiveCount < MIN_RECOMMENDED_MAX_RECEIVE_COUNT) {
    warnings.push({
      path: `${at}.queue.RedrivePolicy.maxReceiveCount`,
      message: `maxReceiveCount is ${maxReceiveCount}: a throttled batch's messages are received too, so AWS advises to set at least 5 to avoid sending messages to the DLQ because of throttling.`,
    });
  }
  const maximum = mapping.ScalingConfig?.MaximumConcurrency;
  const reserved = scenario.function.ReservedConcurrentExecutions;
  if (maximum !== undefined && reserved !== undefined && maximum > reserved) {
    warnings.push({
      path: `${at}.mapping.ScalingConfig.MaximumConcurrency`,
      message: `MaximumConcurrency ${maximum} is above the function's reserved concurrency (${reserved}): AWS advises against it, as the extra batches are throttled and their messages come back only after the visibility timeout.`,
    });
  }
  return warnings;
}

function streamWarnings(source: StreamSource, i: number): ValidationIssue[] {
  const warnings: ValidationIssue[] = [];
  const { mapping } = source;
  const at = `sources[${i}]`;
  const unlimitedRetries = mapping.MaximumRetryAttempts === -1;
  const unlimitedAge = mapping.MaximumRecordAgeInSeconds === -1;
  if (unlimitedRetries && unlimitedAge) {
    warnings.push({
      path: `${at}.mapping`,
      message:
        'With MaximumRetryAttempts and MaximumRecordAgeInSeconds at -1 (the defaults), a poison record blocks the shard until it expires (24 h on DynamoDB, the retention period on Kinesis). Set either to bound the retries.',
    });
  } else if (!mapping.DestinationConfig?.OnFailure) {
    warnings.push({
      path: `${at}.mapping.DestinationConfig`,
      message:
        'No on-failure destination: batches Lambda discards after MaximumRetryAttempts or MaximumRecordAgeInSeconds leave no trace.',
    });
  }
  if (mapping.StartingPositionTimestamp !== undefined && mapping.StartingPosition !== 'AT_TIMESTAMP') {
    warnings.push({
      path: `${at}.mapping.StartingPositionTimestamp`,
      message: `StartingPositionTimestamp only applies with StartingPosition AT_TIMESTAMP; with ${mapping.StartingPosition} it is ignored.`,
    });
  }
  return warnings;
}
