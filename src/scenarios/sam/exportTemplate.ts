/**
 * Scenario → SAM template (YAML): the function with its settings, asynchronous configuration,
 * destinations and dead-letter queue, its event sources as SAM events, and the queues, streams and tables
 * they read. What a template cannot hold (the workload, the handler's behaviour, the account's quota,
 * callers that are not AWS services) is listed in a comment at the top. Importing the result gives back
 * the same function and event source settings.
 */
import { Document } from 'yaml';
import type { Scenario, Source, SqsSource, StreamSource, SyncSource } from '../schema';
import { workloadOf } from '../workload';
import { getAtt, pascal, ref, ResourceRegistry } from './exportResources';
import { destinationTypeOf } from './importFunction';

type Fn = Scenario['function'];

function firstPayload(source: Source): Record<string, unknown> {
  const payload = workloadOf(source)[0]?.payload;
  return payload !== null && typeof payload === 'object' && !Array.isArray(payload)
    ? (payload as Record<string, unknown>)
    : {};
}

/** Keeps the entries whose value differs from AWS's default, so the template reads like a hand-written one. */
function nonDefault(
  values: Record<string, unknown>,
  defaults: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    if (key in defaults && JSON.stringify(defaults[key]) === JSON.stringify(value)) continue;
    out[key] = value;
  }
  return out;
}

/** A placeholder for the code: inline for Node.js and Python, a folder otherwise. */
function code(runtime: string): Record<string, unknown> {
  if (runtime.startsWith('nodejs')) {
    return {
      Handler: 'index.handler',
      InlineCode: 'exports.handler = async () => ({ statusCode: 200, body: \'{"ok":true}\' });\n',
    };
  }
  if (runtime.startsWith('python')) {
    return {
      Handler: 'index.handler',
      InlineCode: "def handler(event, context):\n    return {'statusCode': 200, 'body': '{\"ok\":true}'}\n",
    };
  }
  return { Handler: 'bootstrap', CodeUri: 'src/' };
}

function destination(arn: string, registry: ResourceRegistry): Record<string, unknown> {
  const type = destinationTypeOf(arn);
  return { ...(type ? { Type: type } : {}), Destination: registry.target(arn) };
}

function functionProperties(fn: Fn, registry: ResourceRegistry): Record<string, unknown> {
  const props: Record<string, unknown> = {
    FunctionName: fn.FunctionName,
    Runtime: fn.Runtime,
    ...code(fn.Runtime),
    Timeout: fn.Timeout,
    MemorySize: fn.MemorySize,
    Architectures: [...fn.Architectures],
  };
  if (fn.ReservedConcurrentExecutions !== undefined)
    props.ReservedConcurrentExecutions = fn.ReservedConcurrentExecutions;
  if (fn.ProvisionedConcurrencyConfig) {
    // Provisioned concurrency belongs to an alias; SAM publishes one with AutoPublishAlias.
    props.AutoPublishAlias = 'live';
    props.ProvisionedConcurrencyConfig = { ...fn.ProvisionedConcurrencyConfig };
  }
  const eic = fn.EventInvokeConfig;
  if (eic) {
    const config: Record<string, unknown> = {};
    if (eic.MaximumRetryAttempts !== undefined) config.MaximumRetryAttempts = eic.MaximumRetryAttempts;
    if (eic.MaximumEventAgeInSeconds !== undefined)
      config.MaximumEventAgeInSeconds = eic.MaximumEventAgeInSeconds;
    const dc = eic.DestinationConfig;
    if (dc?.OnSuccess || dc?.OnFailure) {
      config.DestinationConfig = {
        ...(dc.OnSuccess ? { OnSuccess: destination(dc.OnSuccess.Destination, registry) } : {}),
        ...(dc.OnFailure ? { OnFailure: destination(dc.OnFailure.Destination, registry) } : {}),
      };
    }
    props.EventInvokeConfig = config;
  }
  if (fn.DeadLetterConfig) {
    const arn = fn.DeadLetterConfig.TargetArn;
    props.DeadLetterQueue = { Type: destinationTypeOf(arn) ?? 'SQS', TargetArn: registry.target(arn) };
  }
  return props;
}

function sqsEvent(
  source: SqsSource,
  scenario: Scenario,
  registry: ResourceRegistry,
): Record<string, unknown> {
  const { queue, mapping } = source;
  const arn = `arn:aws:sqs:${scenario.account.Region}:${scenario.account.AccountId}:${queue.QueueName}`;
  const id = registry.uniqueId(queue.QueueName, 'Queue');
  const properties: Record<string, unknown> = {
    QueueName: queue.QueueName,
    ...(queue.FifoQueue ? { FifoQueue: true } : {}),
    VisibilityTimeout: queue.VisibilityTimeout,
    MessageRetentionPeriod: queue.MessageRetentionPeriod,
  };
  registry.add(id, 'AWS::SQS::Queue', properties);
  registry.remember(arn, getAtt(id, 'Arn'));
  if (queue.RedrivePolicy) {
    properties.RedrivePolicy = {
      deadLetterTargetArn: registry.target(queue.RedrivePolicy.deadLetterTargetArn),
      maxReceiveCount: queue.RedrivePolicy.maxReceiveCount,
    };
  }
  const settings = nonDefault(
    { ...mapping, FunctionResponseTypes: [...mapping.FunctionResponseTypes] },
    { MaximumBatchingWindowInSeconds: 0, FunctionResponseTypes: [] },
  );
  return { Type: 'SQS', Properties: { Queue: getAtt(id, 'Arn'), ...settings } };
}

function streamEvent(source: StreamSource, registry: ResourceRegistry): Record<string, unknown> {
  const { stream, mapping } = source;
  const kinesis = source.type === 'kinesis';
  const id = registry.uniqueId(stream.StreamName, kinesis ? 'Stream' : 'Table');
  if (kinesis) {
    registry.add(id, 'AWS::Kinesis::Stream', {
      Name: stream.StreamName,
      ShardCount: stream.ShardCount,
      RetentionPeriodHours: stream.RetentionPeriodHours,
    });
  } else {
    registry.add(id, 'AWS::DynamoDB::Table', {
      TableName: stream.StreamName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
    });
  }
  const { createdAtMs: _simulationOnly, DestinationConfig, ...rest } = mapping;
  const settings = nonDefault(
    { ...rest, FunctionResponseTypes: [...rest.FunctionResponseTypes] },
    {
      MaximumBatchingWindowInSeconds: 0,
      ParallelizationFactor: 1,
      MaximumRetryAttempts: -1,
      MaximumRecordAgeInSeconds: -1,
      BisectBatchOnFunctionError: false,
      FunctionResponseTypes: [],
      TumblingWindowInSeconds: 0,
    },
  );
  const destinations: Record<string, unknown> = {};
  if (DestinationConfig?.OnFailure)
    destinations.OnFailure = { Destination: registry.target(DestinationConfig.OnFailure.Destination) };
  if (DestinationConfig?.OnSuccess)
    destinations.OnSuccess = { Destination: registry.target(DestinationConfig.OnSuccess.Destination) };
  return {
    Type: kinesis ? 'Kinesis' : 'DynamoDB',
    Properties: {
      Stream: getAtt(id, kinesis ? 'Arn' : 'StreamArn'),
      ...settings,
      ...(Object.keys(destinations).length > 0 ? { DestinationConfig: destinations } : {}),
    },
  };
}

function apiEvent(source: SyncSource): Record<string, unknown> {
  const payload = firstPayload(source);
  const httpApi = payload.version === '2.0';
  let method = 'ANY';
  let path = '/{proxy+}';
  if (httpApi && typeof payload.routeKey === 'string' && payload.routeKey.includes(' ')) {
    [method, path] = payload.routeKey.split(' ', 2) as [string, string];
  } else if (typeof payload.httpMethod === 'string') {
    method = payload.httpMethod;
    path =
      typeof payload.resource === 'string'
        ? payload.resource
        : typeof payload.path === 'string'
          ? payload.path
          : '/';
  }
  return {
    Type: httpApi ? 'HttpApi' : 'Api',
    Properties: {
      Path: path,
      Method: method,
      ...(source.TimeoutInMillis !== undefined ? { TimeoutInMillis: source.TimeoutInMillis } : {}),
    },
  };
}

function asyncEvent(
  source: Extract<Source, { type: 'async' }>,
  registry: ResourceRegistry,
): Record<string, unknown> {
  const payload = firstPayload(source);
  const record = (Array.isArray(payload.Records) ? payload.Records[0] : undefined) as
    Record<string, unknown> | undefined;
  if (source.caller === 's3') {
    const bucket = (record?.s3 as { bucket?: { name?: unknown } } | undefined)?.bucket?.name;
    const name = typeof bucket === 'string' ? bucket : `${source.id}-bucket`;
    const id = registry.uniqueId(name, 'Bucket');
    registry.add(id, 'AWS::S3::Bucket', typeof bucket === 'string' ? { BucketName: bucket } : {});
    return { Type: 'S3', Properties: { Bucket: ref(id), Events: 's3:ObjectCreated:*' } };
  }
  if (source.caller === 'sns') {
    const topicArn = (record?.Sns as { TopicArn?: unknown } | undefined)?.TopicArn;
    let topic = typeof topicArn === 'string' && topicArn ? registry.target(topicArn) : undefined;
    if (topic === undefined || typeof topic === 'string') {
      const id = registry.uniqueId(`${source.id}-topic`, 'Topic');
      registry.add(id, 'AWS::SNS::Topic', {});
      topic = ref(id);
    }
    return { Type: 'SNS', Properties: { Topic: topic } };
  }
  const eventSource = typeof payload.source === 'string' ? payload.source : 'custom.app';
  return { Type: 'EventBridgeRule', Properties: { Pattern: { source: [eventSource] } } };
}

const UNEXPORTED_CALLERS: Record<string, string> = {
  direct: 'a client calling Invoke',
  'aws-cli': 'the AWS CLI',
  'aws-sdk': 'an AWS SDK client',
  alb: 'an Application Load Balancer (SAM has no event type for it)',
};

/** One line per source a template cannot declare, and per setting it cannot hold. */
function notExported(scenario: Scenario): string[] {
  const lines: string[] = [];
  for (const source of scenario.sources) {
    if (source.type === 'sync' && source.caller !== 'api-gateway') {
      lines.push(`- source "${source.id}": synchronous calls by ${UNEXPORTED_CALLERS[source.caller]}`);
    } else if (source.type === 'async' && source.caller === 'direct') {
      lines.push(`- source "${source.id}": asynchronous Invoke calls (InvocationType Event) by a client`);
    } else if (source.type === 'dynamodb' && source.stream.ShardCount > 1) {
      lines.push(
        `- source "${source.id}": ${source.stream.ShardCount} stream shards (DynamoDB decides a stream's shards)`,
      );
    }
    if (
      (source.type === 'kinesis' || source.type === 'dynamodb') &&
      source.mapping.StartingPositionTimestamp !== undefined
    ) {
      lines.push(
        `- source "${source.id}": StartingPositionTimestamp is in seconds of simulated time here; AWS expects a Unix time`,
      );
    }
  }
  return lines;
}

/** One line of comment text: no line breaks from titles or ids can end the comment early. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

function headerComment(scenario: Scenario): string {
  const items = scenario.sources.reduce((n, s) => n + workloadOf(s).reduce((m, r) => m + r.count, 0), 0);
  const { ConcurrentExecutions, Region, AccountId } = scenario.account;
  return [
    ` SAM template exported by the Lambda invocation visualizer from the scenario "${oneLine(scenario.id)}":`,
    ` ${oneLine(scenario.title)}`,
    '',
    ' A template declares the function and what invokes it. It has no place for what the simulation adds,',
    ' so these are not in it:',
    ` - the workload: the ${items} item${items === 1 ? '' : 's'} (requests, events, messages or records) the scenario's sources send`,
    " - the handler's behaviour: durations, failures and return values (function.behavior)",
    ` - the account: ${ConcurrentExecutions} concurrent executions in ${Region}, account ${AccountId} (a Region quota, not a template property)`,
    ...notExported(scenario).map((l) => ` ${oneLine(l)}`),
    ' The handler code below is a placeholder.',
  ].join('\n');
}

/** Exports a validated scenario as a SAM template in YAML. */
export function exportSamTemplate(scenario: Scenario): string {
  const { Region, AccountId } = scenario.account;
  const registry = new ResourceRegistry(Region, AccountId);
  const fnId = registry.uniqueId(
    /function$/i.test(scenario.function.FunctionName)
      ? scenario.function.FunctionName
      : `${scenario.function.FunctionName}-function`,
    'Function',
  );
  registry.add(fnId, 'AWS::Serverless::Function', {}); // reserves the id and keeps the function first
  const fnArn = `arn:aws:lambda:${Region}:${AccountId}:function:${scenario.function.FunctionName}`;
  registry.remember(fnArn, getAtt(fnId, 'Arn'));
  const properties = functionProperties(scenario.function, registry);
  const events: Record<string, unknown> = {};
  const usedNames = new Set<string>();
  for (const source of scenario.sources) {
    let event: Record<string, unknown> | undefined;
    if (source.type === 'sqs') event = sqsEvent(source, scenario, registry);
    else if (source.type === 'kinesis' || source.type === 'dynamodb') event = streamEvent(source, registry);
    else if (source.type === 'sync' && source.caller === 'api-gateway') event = apiEvent(source);
    else if (source.type === 'async' && source.caller !== 'direct') event = asyncEvent(source, registry);
    if (!event) continue;
    let name = pascal(source.id);
    for (let n = 2; usedNames.has(name); n++) name = `${pascal(source.id)}${n}`;
    usedNames.add(name);
    events[name] = event;
  }
  if (Object.keys(events).length > 0) properties.Events = events;
  registry.add(fnId, 'AWS::Serverless::Function', properties);

  const template = {
    AWSTemplateFormatVersion: '2010-09-09',
    Transform: 'AWS::Serverless-2016-10-31',
    Description: oneLine(scenario.title).slice(0, 1024),
    Resources: registry.resources,
  };
  // YAML 1.1 quoting keeps values such as "2010-09-09" or "yes" strings for every YAML reader.
  // No anchors: a reference used twice (a queue that is also a destination) is written out twice.
  const doc = new Document(template, { version: '1.1', aliasDuplicateObjects: false });
  doc.commentBefore = headerComment(scenario);
  return doc.toString({ lineWidth: 0 });
}
