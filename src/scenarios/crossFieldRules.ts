/**
 * Rules that involve more than one field: errors AWS would reject the configuration with (in AWS's words
 * where known, §9), and warnings for settings AWS accepts but that rarely do what was meant.
 */
import type { Distribution, Scenario, SyncSource } from './schema';
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
    source.requests.forEach((req, j) => {
      if (!req.id) return;
      if (requestIds.has(req.id)) {
        errors.push({ path: `sources[${i}].requests[${j}].id`, message: `duplicate request id '${req.id}'` });
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
  });
  return errors;
}

/** True when some request of the scenario produces an item with this id (see the engine's arrivals). */
function itemExists(scenario: Scenario, id: string): boolean {
  return scenario.sources.some((source) =>
    source.requests.some((req, r) => {
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
