/**
 * Plain CloudFormation wiring around a function: AWS::Lambda::EventSourceMapping (§3),
 * AWS::Lambda::EventInvokeConfig (§2.2, §2.5), provisioned concurrency on an alias or version, and the
 * resources that invoke a function from their side: SNS subscriptions, EventBridge rules, S3 bucket
 * notifications and API Gateway integrations. Permissions and function URLs are reported as not simulated.
 */
import { apiRequests, asyncEvent, DEFAULT_API_REQUESTS } from './defaultWorkload';
import { readDestination } from './importFunction';
import { Props, locateUnder, propsOf } from './propertyReader';
import { sqsSource, streamSource } from './pollSources';
import { parseArn } from './resourceNames';
import { HTTP_API_TIMEOUT_MS } from './samEvents';
import type { ReportBuilder } from './report';
import type { SourceSink } from './sourceSink';
import type { TemplateContext, TemplateResource } from './templateContext';

/** The function being imported, by name and ARN, and its scenario object. */
export interface FunctionTarget {
  resource: TemplateResource;
  name: string;
  arn: string;
  fn: Record<string, unknown>;
}

/** True when a FunctionName, Endpoint, Arn or URI names this function (any version or alias of it). */
export function namesFunction(value: unknown, target: FunctionTarget): boolean {
  if (typeof value !== 'string') return false;
  const { name, arn } = target;
  return (
    value === name ||
    value === arn ||
    value.startsWith(`${name}:`) ||
    value.includes(`:function:${name}:`) ||
    value.endsWith(`:function:${name}`) ||
    value.includes(`:function:${name}/`)
  );
}

interface Context {
  target: FunctionTarget;
  sink: SourceSink;
  ctx: TemplateContext;
  report: ReportBuilder;
}

function propsFor(resource: TemplateResource, c: Context): Props {
  return propsOf(c.ctx.resolve(resource.properties), locateUnder(`${resource.path}.Properties`), c.report);
}

function eventSourceMapping(resource: TemplateResource, props: Props, c: Context): boolean {
  if (!namesFunction(props.read('FunctionName', 'string'), c.target)) return false;
  if (props.read('Enabled', 'boolean') === false) {
    c.report.ignored(props.pathOf('Enabled'), 'Enabled: false: the mapping does not poll; it is left out');
    return true;
  }
  props.use('EventSourceArn');
  const arn = props.values.EventSourceArn;
  const service = typeof arn === 'string' ? parseArn(arn)?.service : undefined;
  const base = c.sink.nextBase();
  const input = {
    id: c.sink.idFor(resource.logicalId),
    base,
    arn,
    arnPath: props.pathOf('EventSourceArn'),
    mapping: props,
    ctx: c.ctx,
    report: c.report,
    used: c.sink.used,
  };
  if (service === 'sqs' || service === 'kinesis' || service === 'dynamodb') {
    c.report.understood(resource.path, `Event source mapping → ${base}, a poll-based ${service} source (§3)`);
    c.sink.add(service === 'sqs' ? sqsSource(input) : streamSource(input, service), resource.path);
  } else {
    c.report.ignored(
      props.pathOf('EventSourceArn'),
      `Only SQS, Kinesis and DynamoDB mappings are simulated${service ? `, not ${service}` : ''}; the mapping is left out`,
    );
  }
  return true;
}

function eventInvokeConfig(props: Props, c: Context): boolean {
  if (!namesFunction(props.read('FunctionName', 'string'), c.target)) return false;
  const { fn } = c.target;
  if (fn.EventInvokeConfig) {
    c.report.warning(
      props.pathOf(),
      'The function has EventInvokeConfig in its own properties too; AWS keeps one per version or alias: this resource’s settings are used',
    );
  }
  const qualifier = props.read('Qualifier', 'string');
  if (typeof qualifier === 'string' && qualifier !== '$LATEST') {
    c.report.assumed(
      props.pathOf('Qualifier'),
      `Invocations are taken to go through ${qualifier}, which this configuration belongs to`,
    );
  }
  const out: Record<string, unknown> = {};
  const at = 'function.EventInvokeConfig';
  c.report.origin(at, props.pathOf());
  props.copy('MaximumRetryAttempts', out, at, 'number');
  props.copy('MaximumEventAgeInSeconds', out, at, 'number');
  const destinations = props.object('DestinationConfig');
  if (destinations) {
    const dc: Record<string, unknown> = {};
    c.report.origin(`${at}.DestinationConfig`, destinations.pathOf());
    readDestination(
      destinations,
      'OnSuccess',
      dc,
      `${at}.DestinationConfig`,
      c.target.resource.logicalId,
      c.ctx,
      c.report,
    );
    readDestination(
      destinations,
      'OnFailure',
      dc,
      `${at}.DestinationConfig`,
      c.target.resource.logicalId,
      c.ctx,
      c.report,
    );
    if (Object.keys(dc).length > 0) out.DestinationConfig = dc;
  }
  props.ignoreRest(() => undefined, 'asynchronous invocation');
  fn.EventInvokeConfig = out;
  return true;
}

function provisionedConcurrency(props: Props, c: Context): boolean {
  if (!namesFunction(props.read('FunctionName', 'string'), c.target)) return false;
  const config = props.object('ProvisionedConcurrencyConfig');
  if (config) {
    const out: Record<string, unknown> = {};
    c.report.origin('function.ProvisionedConcurrencyConfig', config.pathOf());
    config.copy('ProvisionedConcurrentExecutions', out, 'function.ProvisionedConcurrencyConfig', 'number');
    c.target.fn.ProvisionedConcurrencyConfig = out;
    c.report.assumed(
      props.pathOf(),
      'Invocations are taken to go through this alias or version, which has the provisioned concurrency',
    );
  }
  return true;
}

function addAsync(
  caller: 's3' | 'sns' | 'eventbridge',
  path: string,
  detail: Record<string, string>,
  idName: string,
  c: Context,
): void {
  const base = c.sink.nextBase();
  c.report.understood(path, `Invokes the function asynchronously → ${base}, an ${caller} caller (§2)`);
  c.report.assumed(
    path,
    `Workload: one ${caller === 'eventbridge' ? 'EventBridge' : caller.toUpperCase()} event at 0 s`,
  );
  c.sink.add({ type: 'async', id: c.sink.idFor(idName), caller, requests: asyncEvent(caller, detail) }, path);
}

function listOf(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value)
    ? value.filter((v): v is Record<string, unknown> => v !== null && typeof v === 'object')
    : [];
}

/** SNS subscriptions, EventBridge rule targets and S3 notifications that name the function. */
function invokers(resource: TemplateResource, props: Props, c: Context): boolean {
  const at = props.pathOf();
  switch (resource.type) {
    case 'AWS::SNS::Subscription':
      if (props.read('Protocol') !== 'lambda' || !namesFunction(props.read('Endpoint'), c.target))
        return false;
      addAsync('sns', at, { topicArn: String(props.read('TopicArn') ?? '') }, resource.logicalId, c);
      return true;
    case 'AWS::SNS::Topic': {
      const subs = listOf(props.read('Subscription'));
      const i = subs.findIndex((s) => s.Protocol === 'lambda' && namesFunction(s.Endpoint, c.target));
      if (i < 0) return false;
      addAsync(
        'sns',
        `${at}.Subscription[${i}]`,
        {
          topicArn: `arn:aws:sns:${c.ctx.account.region}:${c.ctx.account.accountId}:${c.ctx.physicalName(resource).name}`,
        },
        resource.logicalId,
        c,
      );
      return true;
    }
    case 'AWS::Events::Rule': {
      const targets = listOf(props.read('Targets'));
      const i = targets.findIndex((t) => namesFunction(t.Arn, c.target));
      if (i < 0) return false;
      const pattern = props.read('EventPattern') as { source?: unknown } | undefined;
      const source = Array.isArray(pattern?.source)
        ? String(pattern.source[0])
        : props.has('ScheduleExpression')
          ? 'aws.events'
          : undefined;
      addAsync('eventbridge', `${at}.Targets[${i}]`, source ? { source } : {}, resource.logicalId, c);
      return true;
    }
    case 'AWS::S3::Bucket': {
      const notifications = props.object('NotificationConfiguration');
      const configs = listOf(notifications?.read('LambdaConfigurations'));
      const i = configs.findIndex((n) => namesFunction(n.Function, c.target));
      if (i < 0) return false;
      const event =
        typeof configs[i]!.Event === 'string'
          ? configs[i]!.Event.replace(/^s3:/, '').replace(/\*$/, 'Put')
          : undefined;
      addAsync(
        's3',
        `${notifications!.pathOf()}.LambdaConfigurations[${i}]`,
        { bucket: c.ctx.physicalName(resource).name, ...(event ? { eventName: event } : {}) },
        resource.logicalId,
        c,
      );
      return true;
    }
    default:
      return false;
  }
}

/** API Gateway integrations whose URI names the function: REST (29 s) or HTTP API (30 s) callers (§1.5). */
function apiIntegration(resource: TemplateResource, props: Props, c: Context): boolean {
  const rest = resource.type === 'AWS::ApiGateway::Method';
  const integration = rest ? props.object('Integration') : props;
  const uri = integration?.read(rest ? 'Uri' : 'IntegrationUri');
  if (!integration || !namesFunction(uri, c.target)) return false;
  const base = c.sink.nextBase();
  const source: Record<string, unknown> = {
    type: 'sync',
    id: c.sink.idFor(resource.logicalId),
    caller: 'api-gateway',
  };
  c.report.understood(
    integration.pathOf(),
    `API Gateway ${rest ? 'REST' : 'HTTP API'} integration → ${base}, a synchronous API Gateway caller (§1.5)`,
  );
  if (!integration.copy('TimeoutInMillis', source, base, 'number')) {
    if (!rest) source.TimeoutInMillis = HTTP_API_TIMEOUT_MS;
    c.report.assumed(
      integration.pathOf(),
      rest
        ? 'Integration timeout: 29 s, the default (§1.5)'
        : 'HTTP API integration timeout: 30 s, its default and maximum',
    );
  }
  if (!rest) c.sink.httpApis.add(base);
  const method = rest ? String(props.read('HttpMethod') ?? 'GET') : 'GET';
  source.requests = apiRequests(method, '/', !rest);
  c.report.assumed(
    integration.pathOf(),
    `Workload: ${DEFAULT_API_REQUESTS} ${method} requests, one a second; the handler answers {"statusCode":200}`,
  );
  c.sink.add(source, integration.pathOf());
  return true;
}

/**
 * Reads the CloudFormation resources that configure or invoke the function. Returns the logical ids it
 * consumed, so the caller reports the rest as ignored.
 */
export function importCfnResources(
  target: FunctionTarget,
  sink: SourceSink,
  ctx: TemplateContext,
  report: ReportBuilder,
): Set<string> {
  const consumed = new Set<string>();
  const c: Context = { target, sink, ctx, report };
  for (const resource of ctx.resources) {
    if (resource === target.resource || ctx.created(resource) === false) continue;
    let handled = false;
    switch (resource.type) {
      case 'AWS::Lambda::EventSourceMapping':
        handled = eventSourceMapping(resource, propsFor(resource, c), c);
        break;
      case 'AWS::Lambda::EventInvokeConfig':
        handled = eventInvokeConfig(propsFor(resource, c), c);
        break;
      case 'AWS::Lambda::Alias':
      case 'AWS::Lambda::Version':
        handled = provisionedConcurrency(propsFor(resource, c), c);
        break;
      case 'AWS::ApiGateway::Method':
      case 'AWS::ApiGatewayV2::Integration':
        handled = apiIntegration(resource, propsFor(resource, c), c);
        break;
      case 'AWS::Lambda::Permission':
      case 'AWS::Lambda::Url': {
        const fnName = ctx.resolve(resource.properties.FunctionName ?? resource.properties.TargetFunctionArn);
        if (namesFunction(fnName, target)) {
          report.ignored(
            resource.path,
            resource.type === 'AWS::Lambda::Url'
              ? 'Function URLs are not simulated: add a sync source with caller "direct" to call the function yourself'
              : 'Permissions are not simulated: every caller in the scenario may invoke the function',
          );
          handled = true;
        }
        break;
      }
      default:
        handled = invokers(resource, propsFor(resource, c), c);
    }
    if (handled) consumed.add(resource.logicalId);
  }
  return consumed;
}
