/**
 * A function resource (AWS::Serverless::Function or AWS::Lambda::Function) → the scenario's `function`:
 * the settings that change how invocations go (Timeout, MemorySize, concurrency, asynchronous retries,
 * destinations, dead-letter queue). Code, permissions and networking are reported as not simulated.
 */
import { Props, show } from './propertyReader';
import { parseArn } from './resourceNames';
import type { ReportBuilder } from './report';
import type { TemplateContext, TemplateResource } from './templateContext';

/** Why properties that do not change invocation behaviour are left out. */
const NOT_SIMULATED: Record<string, string> = {
  Handler: 'the code is not run; the handler’s behaviour is assumed (see “Assumed”)',
  CodeUri: 'the code is not run; the handler’s behaviour is assumed',
  InlineCode: 'the code is not run; the handler’s behaviour is assumed',
  Code: 'the code is not run; the handler’s behaviour is assumed',
  ImageUri: 'the code is not run; the handler’s behaviour is assumed',
  ImageConfig: 'the code is not run',
  PackageType: 'how the code is packaged does not change invocation',
  Role: 'permissions are not simulated',
  Policies: 'permissions are not simulated',
  PermissionsBoundary: 'permissions are not simulated',
  AssumeRolePolicyDocument: 'permissions are not simulated',
  Environment: 'environment variables only matter to the code, which is not run',
  Layers: 'layers only matter to the code, which is not run',
  VpcConfig: 'networking is not simulated',
  FileSystemConfigs: 'file systems are not simulated',
  Tracing: 'X-Ray tracing is not simulated',
  TracingConfig: 'X-Ray tracing is not simulated',
  Tags: 'tags do not change invocation',
  KmsKeyArn: 'encryption is not simulated',
  LoggingConfig: 'logging is not simulated',
  EphemeralStorage: 'ephemeral storage is not simulated or billed',
  SnapStart: 'SnapStart is not simulated: cold starts use behavior.initDuration',
  RuntimeManagementConfig: 'runtime updates are not simulated',
  CodeSigningConfigArn: 'code signing is not simulated',
  DeploymentPreference: 'gradual deployments are not simulated',
  FunctionUrlConfig:
    'function URLs are not simulated: add a sync source with caller "direct" to call the function yourself',
  AutoPublishCodeSha256: 'versions are not simulated',
  AutoPublishAliasAllProperties: 'versions are not simulated',
  VersionDescription: 'versions are not simulated',
  ProvisionedConcurrencyConfigVersion: 'versions are not simulated',
  RecursiveLoop: 'recursive loop detection is not simulated',
  Connectors: 'permissions are not simulated',
};

const DESTINATION_TYPES: Record<string, string> = {
  SQS: 'sqs',
  SNS: 'sns',
  Lambda: 'lambda',
  EventBridge: 'events',
  S3: 's3',
};

/** The SAM destination `Type` that an ARN's service stands for. */
export function destinationTypeOf(arn: string): string | undefined {
  const service = parseArn(arn)?.service;
  return Object.entries(DESTINATION_TYPES).find(([, s]) => s === service)?.[0];
}

/** Reads `DestinationConfig.OnSuccess|OnFailure` of SAM (Type + Destination) or CloudFormation (Destination). */
export function readDestination(
  config: Props,
  key: 'OnSuccess' | 'OnFailure',
  into: Record<string, unknown>,
  scenarioPath: string,
  generatedName: string,
  ctx: TemplateContext,
  report: ReportBuilder,
): void {
  const target = config.object(key);
  if (!target) return;
  const type = target.read('Type', 'string');
  const at = `${scenarioPath}.${key}`;
  if (target.has('Destination')) {
    const destination = target.copy('Destination', (into[key] = {}), at, 'string');
    if (typeof destination === 'string') noteTarget(destination, target.pathOf('Destination'), ctx, report);
    const actual = typeof destination === 'string' ? destinationTypeOf(destination) : undefined;
    if (typeof type === 'string' && actual && type !== actual) {
      report.warning(
        target.pathOf('Type'),
        `Type ${type} does not match the Destination, an ${actual} ARN; the ARN is used`,
      );
    }
    if (into[key] && Object.keys(into[key] as object).length === 0) delete into[key];
    target.ignoreRest(() => undefined, 'a destination');
    return;
  }
  if (type === 'SQS' || type === 'SNS') {
    // SAM creates the queue or topic itself when only the Type is given.
    const service = type === 'SQS' ? 'sqs' : 'sns';
    const name = `${generatedName}${key}${type === 'SQS' ? 'Queue' : 'Topic'}`;
    const arn = `arn:aws:${service}:${ctx.account.region}:${ctx.account.accountId}:${name}`;
    into[key] = { Destination: arn };
    report.origin(`${at}.Destination`, target.pathOf());
    report.assumed(
      target.pathOf(),
      `No Destination: SAM creates an ${type} ${type === 'SQS' ? 'queue' : 'topic'} for it; it is called ${name} here (${arn})`,
    );
    return;
  }
  report.ignored(
    target.pathOf(),
    `${key} has no Destination${typeof type === 'string' ? ` (Type ${type} needs one)` : ''}; it is left out`,
  );
}

/** Marks a destination that is a resource of the template as understood. */
export function noteTarget(arn: string, path: string, ctx: TemplateContext, report: ReportBuilder): void {
  const resource = ctx.findByArn(arn);
  if (resource) report.understood(resource.path, `${resource.type} ${arn}: the target named at ${path}`);
  else if (arn.startsWith('https://sqs.')) {
    report.warning(
      path,
      'This is a queue URL (what Ref gives for a queue); AWS wants the queue ARN here: use !GetAtt <Queue>.Arn',
    );
  }
}

function eventInvokeConfig(
  props: Props,
  fn: Record<string, unknown>,
  logicalId: string,
  ctx: TemplateContext,
  report: ReportBuilder,
): void {
  const config = props.object('EventInvokeConfig');
  if (!config) return;
  const out: Record<string, unknown> = {};
  const at = 'function.EventInvokeConfig';
  report.origin(at, config.pathOf());
  config.copy('MaximumRetryAttempts', out, at, 'number');
  config.copy('MaximumEventAgeInSeconds', out, at, 'number');
  const destinations = config.object('DestinationConfig');
  if (destinations) {
    const dc: Record<string, unknown> = {};
    report.origin(`${at}.DestinationConfig`, destinations.pathOf());
    readDestination(
      destinations,
      'OnSuccess',
      dc,
      `${at}.DestinationConfig`,
      `${logicalId}EventInvokeConfig`,
      ctx,
      report,
    );
    readDestination(
      destinations,
      'OnFailure',
      dc,
      `${at}.DestinationConfig`,
      `${logicalId}EventInvokeConfig`,
      ctx,
      report,
    );
    destinations.ignoreRest(() => undefined, 'destinations');
    if (Object.keys(dc).length > 0) out.DestinationConfig = dc;
  }
  config.ignoreRest(() => undefined, 'asynchronous invocation');
  fn.EventInvokeConfig = out;
}

function deadLetter(
  props: Props,
  fn: Record<string, unknown>,
  ctx: TemplateContext,
  report: ReportBuilder,
): void {
  // SAM writes DeadLetterQueue {Type, TargetArn}; CloudFormation DeadLetterConfig {TargetArn}.
  const key = props.has('DeadLetterQueue') ? 'DeadLetterQueue' : 'DeadLetterConfig';
  const dlq = props.object(key);
  if (!dlq) return;
  const out: Record<string, unknown> = {};
  report.origin('function.DeadLetterConfig', dlq.pathOf());
  const arn = dlq.copy('TargetArn', out, 'function.DeadLetterConfig', 'string');
  if (typeof arn === 'string') noteTarget(arn, dlq.pathOf('TargetArn'), ctx, report);
  const type = dlq.read('Type', 'string');
  if (typeof type === 'string' && typeof arn === 'string' && destinationTypeOf(arn) !== type) {
    report.warning(dlq.pathOf('Type'), `Type ${type} does not match TargetArn ${arn}; the ARN is used`);
  }
  dlq.ignoreRest(() => undefined, 'the dead-letter queue');
  if (out.TargetArn !== undefined) fn.DeadLetterConfig = out;
}

/** Maps a function resource's (resolved, Globals-merged) properties onto a scenario `function` object. */
export function importFunction(
  resource: TemplateResource,
  props: Props,
  ctx: TemplateContext,
  report: ReportBuilder,
): Record<string, unknown> {
  const fn: Record<string, unknown> = {};
  const name = ctx.physicalName(resource);
  props.use('FunctionName');
  fn.FunctionName = name.name;
  report.origin('function.FunctionName', name.explicit ? props.pathOf('FunctionName') : resource.path);
  if (name.explicit)
    report.understood(
      props.pathOf('FunctionName'),
      `FunctionName ${show(name.name)} → function.FunctionName`,
    );
  else if (name.unresolved)
    report.ignored(
      props.pathOf('FunctionName'),
      `FunctionName could not be resolved (${name.unresolved}); the logical id ${resource.logicalId} stands for it`,
    );
  else
    report.assumed(
      resource.path,
      `No FunctionName: CloudFormation would generate one; the logical id ${resource.logicalId} stands for it`,
    );

  if (!props.copy('Runtime', fn, 'function', 'string')) {
    report.assumed(
      props.pathOf('Runtime'),
      'No Runtime (a container image, or left out): nodejs22.x is shown; the runtime is not simulated',
    );
  }
  if (!props.copy('Timeout', fn, 'function', 'number')) {
    report.assumed(props.pathOf('Timeout'), 'No Timeout: Lambda’s default of 3 seconds applies (§1.2)');
  }
  if (!props.copy('MemorySize', fn, 'function', 'number')) {
    report.assumed(props.pathOf('MemorySize'), 'No MemorySize: Lambda’s default of 128 MB applies');
  }
  props.copy('Architectures', fn, 'function');
  props.copy('ReservedConcurrentExecutions', fn, 'function', 'number');
  const provisioned = props.object('ProvisionedConcurrencyConfig');
  if (provisioned) {
    const out: Record<string, unknown> = {};
    report.origin('function.ProvisionedConcurrencyConfig', provisioned.pathOf());
    provisioned.copy(
      'ProvisionedConcurrentExecutions',
      out,
      'function.ProvisionedConcurrencyConfig',
      'number',
    );
    provisioned.ignoreRest(() => undefined, 'provisioned concurrency');
    fn.ProvisionedConcurrencyConfig = out;
    if (!props.has('AutoPublishAlias')) {
      report.warning(
        provisioned.pathOf(),
        'SAM needs AutoPublishAlias for ProvisionedConcurrencyConfig: provisioned concurrency belongs to an alias',
      );
    }
  }
  if (props.read('AutoPublishAlias') !== undefined) {
    report.assumed(
      props.pathOf('AutoPublishAlias'),
      'Invocations are taken to go through the published alias; versions themselves are not simulated',
    );
  }
  eventInvokeConfig(props, fn, resource.logicalId, ctx, report);
  deadLetter(props, fn, ctx, report);
  props.use('Events'); // read by the event sources
  const description = props.read('Description', 'string');
  if (typeof description === 'string')
    report.understood(props.pathOf('Description'), 'Description → the scenario’s description');
  props.ignoreRest((key) => (NOT_SIMULATED[key] ? `${key}: ${NOT_SIMULATED[key]}` : undefined), 'a function');
  return fn;
}
