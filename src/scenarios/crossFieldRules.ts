/**
 * Rules that involve more than one field: errors AWS would reject the configuration with (in AWS's words
 * where known, §9), and warnings for settings AWS accepts but that rarely do what was meant.
 */
import type { Scenario } from './schema';
import type { ValidationIssue } from './validate';

/** AWS keeps at least this much account concurrency unreserved (§4). */
export const MIN_UNRESERVED_CONCURRENCY = 100;

const DESTINATION_SERVICES = ['sqs', 'sns', 'lambda', 'events', 's3'];
const ARN = /^arn:aws[a-z-]*:([a-z0-9-]+):([a-z0-9-]*):(\d{12})?:(.+)$/;

function serviceOf(arn: string): string | null {
  return ARN.exec(arn)?.[1] ?? null;
}

function checkDestination(errors: ValidationIssue[], path: string, arn: string, scenario: Scenario, onSuccess: boolean): void {
  const service = serviceOf(arn);
  if (!service) {
    errors.push({ path, message: `'${arn}' is not an ARN (expected arn:aws:<service>:<region>:<account>:<resource>)` });
    return;
  }
  if (!DESTINATION_SERVICES.includes(service)) {
    errors.push({ path, message: `'${service}' is not a destination type: use an SQS queue, SNS topic, Lambda function, EventBridge bus or (on failure only) S3 bucket` });
    return;
  }
  if (service === 's3' && onSuccess) {
    errors.push({ path, message: 'An S3 bucket can only be an on-failure destination' });
  }
  const fnArn = `function:${scenario.function.FunctionName}`;
  if (service === 'lambda' && (arn.endsWith(fnArn) || arn.includes(`${fnArn}:`))) {
    errors.push({ path, message: "You can't specify the function as a destination for itself." });
  }
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
    const cap = reserved ?? account - MIN_UNRESERVED_CONCURRENCY;
    if (provisioned > cap) {
      errors.push({
        path: 'function.ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions',
        message:
          reserved !== undefined
            ? `Requested Provisioned Concurrency (${provisioned}) should not be greater than the reserved concurrency for the function (${reserved}).`
            : `Requested Provisioned Concurrency (${provisioned}) exceeds the account's unreserved concurrency minus ${MIN_UNRESERVED_CONCURRENCY} (${cap}).`,
      });
    }
  }
  const eic = fn.EventInvokeConfig;
  if (eic) {
    const dc = eic.DestinationConfig;
    if (eic.MaximumRetryAttempts === undefined && eic.MaximumEventAgeInSeconds === undefined && !dc?.OnSuccess && !dc?.OnFailure) {
      errors.push({ path: 'function.EventInvokeConfig', message: 'You must specify at least one of error handling or destination setting.' });
    }
    if (dc?.OnSuccess) checkDestination(errors, 'function.EventInvokeConfig.DestinationConfig.OnSuccess.Destination', dc.OnSuccess.Destination, scenario, true);
    if (dc?.OnFailure) checkDestination(errors, 'function.EventInvokeConfig.DestinationConfig.OnFailure.Destination', dc.OnFailure.Destination, scenario, false);
  }
  if (fn.DeadLetterConfig) {
    const service = serviceOf(fn.DeadLetterConfig.TargetArn);
    if (service !== 'sqs' && service !== 'sns') {
      errors.push({ path: 'function.DeadLetterConfig.TargetArn', message: 'A dead-letter queue must be an SQS queue or an SNS topic ARN' });
    }
  }
  const ids = new Set<string>();
  scenario.sources.forEach((source, i) => {
    if (ids.has(source.id)) errors.push({ path: `sources[${i}].id`, message: `duplicate source id '${source.id}'` });
    ids.add(source.id);
  });
  const requestIds = new Set<string>();
  scenario.sources.forEach((source, i) =>
    source.requests.forEach((req, j) => {
      if (!req.id) return;
      if (requestIds.has(req.id)) errors.push({ path: `sources[${i}].requests[${j}].id`, message: `duplicate request id '${req.id}'` });
      requestIds.add(req.id);
    }),
  );
  scenario.function.behavior.rules.forEach((rule, i) => {
    if (rule.error !== undefined && rule.result !== 'error') {
      errors.push({ path: `function.behavior.rules[${i}].error`, message: "'error' only applies to rules whose result is 'error'" });
    }
  });
  return errors;
}

/** Cross-field warnings: the scenario runs, and the user is told what to expect. */
export function crossFieldWarnings(scenario: Scenario): ValidationIssue[] {
  const warnings: ValidationIssue[] = [];
  const timeoutMs = scenario.function.Timeout * 1000;
  scenario.sources.forEach((source, i) => {
    if (source.type !== 'sync') return;
    if (source.caller === 'api-gateway') {
      const integration = source.TimeoutInMillis ?? 29_000;
      if (integration > 29_000) {
        warnings.push({ path: `sources[${i}].TimeoutInMillis`, message: 'An integration timeout above 29 s needs a quota increase and is only available for Regional and private REST APIs.' });
      }
      if (timeoutMs > integration) {
        warnings.push({ path: 'function.Timeout', message: `The function may run ${scenario.function.Timeout} s but API Gateway stops waiting after ${integration / 1000} s: slow requests get 504 while the function keeps running (and billing).` });
      }
    }
    if (source.caller === 'aws-cli' && timeoutMs > (source.readTimeoutSeconds ?? 60) * 1000) {
      warnings.push({ path: `sources[${i}].readTimeoutSeconds`, message: 'The function may run longer than the AWS CLI waits (60 s by default): the CLI retries and the function runs twice.' });
    }
  });
  const hasAsync = scenario.sources.some((s) => s.type === 'async');
  const fn = scenario.function;
  if (hasAsync && !fn.DeadLetterConfig && !fn.EventInvokeConfig?.DestinationConfig?.OnFailure) {
    warnings.push({ path: 'function', message: 'No on-failure destination or dead-letter queue: events that fail every attempt are discarded without a trace.' });
  }
  return warnings;
}
