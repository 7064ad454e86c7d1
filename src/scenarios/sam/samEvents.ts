/**
 * SAM's `Events` of a function → scenario sources: Api and HttpApi become synchronous API Gateway callers
 * (§1.5); SQS, Kinesis and DynamoDB become poll-based sources (§3); S3, SNS and EventBridge rules and
 * schedules become asynchronous callers (§2). Other event types are reported as not simulated.
 */
import { apiRequests, asyncEvent, DEFAULT_API_REQUESTS } from './defaultWorkload';
import { Props, locateUnder, propsOf, show } from './propertyReader';
import { sqsSource, streamSource } from './pollSources';
import type { ReportBuilder } from './report';
import type { SourceSink } from './sourceSink';
import type { TemplateContext } from './templateContext';

/** API Gateway's integration timeouts: 29 s for REST APIs (§1.5); HTTP APIs allow, and default to, 30 s. */
export const REST_API_TIMEOUT_MS = 29_000;
export const HTTP_API_TIMEOUT_MS = 30_000;

const NOT_SIMULATED_EVENTS: Record<string, string> = {
  MSK: 'Amazon MSK mappings are not simulated (Kafka partitions are not modelled)',
  SelfManagedKafka: 'Kafka mappings are not simulated',
  MQ: 'Amazon MQ mappings are not simulated',
  DocumentDB: 'DocumentDB change streams are not simulated',
  CloudWatchLogs: 'CloudWatch Logs subscriptions are not simulated',
  IoTRule: 'IoT rules are not simulated',
  AlexaSkill: 'Alexa skills are not simulated',
  Cognito: 'Cognito triggers are not simulated',
};

const EVENT_PROPERTY_NOTES: Record<string, string> = {
  Auth: 'authorisation happens in API Gateway before Lambda; not simulated',
  RequestModel: 'request validation happens in API Gateway before Lambda; not simulated',
  RequestParameters: 'request validation happens in API Gateway before Lambda; not simulated',
  RouteSettings: 'API Gateway throttling is not simulated',
  Filter: 'every object is assumed to match the notification filter',
  FilterPolicy: 'every message is assumed to match the filter policy',
  FilterPolicyScope: 'every message is assumed to match the filter policy',
  RetryPolicy: 'EventBridge’s own retries (when it cannot hand an event to Lambda) are not simulated',
  DeadLetterConfig:
    'EventBridge’s own dead-letter queue (for events it cannot hand to Lambda) is not simulated',
  Input: 'the event sent is assumed (see “Assumed”)',
  InputPath: 'the event sent is assumed (see “Assumed”)',
  InputTransformer: 'the event sent is assumed (see “Assumed”)',
  Schedule: 'the schedule is not simulated: one event is sent at 0 s',
  ScheduleExpression: 'the schedule is not simulated: one event is sent at 0 s',
  RedrivePolicy: 'SNS’s own delivery retries and dead-letter queue are not simulated',
};

function note(key: string): string | undefined {
  return EVENT_PROPERTY_NOTES[key] ? `${key}: ${EVENT_PROPERTY_NOTES[key]}` : undefined;
}

const ASYNC_CALLERS: Record<string, 's3' | 'sns' | 'eventbridge'> = {
  S3: 's3',
  SNS: 'sns',
  EventBridgeRule: 'eventbridge',
  CloudWatchEvent: 'eventbridge',
  Schedule: 'eventbridge',
  ScheduleV2: 'eventbridge',
};

function firstString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return Array.isArray(value) && typeof value[0] === 'string' ? value[0] : undefined;
}

function apiSource(name: string, type: string, props: Props, sink: SourceSink, report: ReportBuilder): void {
  const base = sink.nextBase();
  const httpApi = type === 'HttpApi';
  const method = props.read('Method', 'string');
  const path = props.read('Path', 'string');
  const source: Record<string, unknown> = { type: 'sync', id: sink.idFor(name), caller: 'api-gateway' };
  report.understood(
    props.pathOf(),
    `${type} event → ${base}, a synchronous API Gateway caller: no retries, 502 on a function error (§1.5)`,
  );
  if (!props.copy('TimeoutInMillis', source, base, 'number')) {
    if (httpApi) {
      source.TimeoutInMillis = HTTP_API_TIMEOUT_MS;
      sink.httpApis.add(base);
      report.assumed(
        props.pathOf(),
        'HTTP API integration timeout: 30 s, its default and maximum (REST APIs: 29 s, §1.5)',
      );
    } else {
      report.assumed(props.pathOf(), 'REST API integration timeout: 29 s, the default (§1.5)');
    }
  } else if (httpApi) sink.httpApis.add(base);
  for (const key of ['RestApiId', 'ApiId', 'PayloadFormatVersion']) props.use(key);
  props.ignoreRest(note, `an ${type} event`);
  const m = typeof method === 'string' ? method : 'GET';
  const p = typeof path === 'string' ? path : '/';
  source.requests = apiRequests(m, p, httpApi);
  report.assumed(
    props.pathOf(),
    `Workload: ${DEFAULT_API_REQUESTS} ${m.toUpperCase()} ${p} requests, one a second; the handler answers {"statusCode":200}`,
  );
  sink.add(source, props.pathOf());
}

function asyncSource(
  name: string,
  type: string,
  props: Props,
  sink: SourceSink,
  ctx: TemplateContext,
  report: ReportBuilder,
): void {
  const caller = ASYNC_CALLERS[type]!;
  const base = sink.nextBase();
  const detail: Record<string, string> = {};
  if (caller === 's3') {
    const bucket = props.read('Bucket', 'string');
    if (typeof bucket === 'string') {
      detail.bucket = bucket;
      const resource = ctx.resources.find(
        (r) => r.type === 'AWS::S3::Bucket' && ctx.physicalName(r).name === bucket,
      );
      if (resource) sink.used.add(resource.logicalId);
    }
    const event = firstString(props.read('Events'));
    if (event) detail.eventName = event.replace(/^s3:/, '').replace(/\*$/, 'Put');
  } else if (caller === 'sns') {
    const topic = props.read('Topic', 'string');
    if (typeof topic === 'string') {
      detail.topicArn = topic;
      const resource = ctx.findByArn(topic);
      if (resource) sink.used.add(resource.logicalId);
    }
    props.use('Region');
  } else {
    const pattern = props.read('Pattern');
    const source = firstString((pattern as { source?: unknown } | undefined)?.source);
    const detailType = firstString((pattern as { 'detail-type'?: unknown } | undefined)?.['detail-type']);
    if (source) detail.source = source;
    if (detailType) detail.detailType = detailType;
    for (const key of ['EventBusName', 'Target', 'RuleName', 'Name', 'State', 'Enabled', 'Description'])
      props.use(key);
    if (type === 'Schedule' || type === 'ScheduleV2') detail.source = 'aws.events';
    if (type === 'Schedule' || type === 'ScheduleV2') detail.detailType = 'Scheduled Event';
  }
  report.understood(
    props.pathOf(),
    `${type} event → ${base}, an asynchronous ${caller} caller: Lambda queues each event, answers 202, and retries function errors (§2)`,
  );
  props.ignoreRest(note, `an ${type} event`);
  sink.add(
    { type: 'async', id: sink.idFor(name), caller, requests: asyncEvent(caller, detail) },
    props.pathOf(),
  );
  report.assumed(
    props.pathOf(),
    `Workload: one ${caller === 'eventbridge' ? 'EventBridge' : caller.toUpperCase()} event at 0 s`,
  );
}

/** SNS with SqsSubscription: SAM puts a queue between the topic and the function, polled by a mapping. */
function snsViaQueue(
  name: string,
  props: Props,
  fnLogicalId: string,
  sink: SourceSink,
  ctx: TemplateContext,
  report: ReportBuilder,
): void {
  const subscription = props.read('SqsSubscription');
  const options = propsOf(subscription, () => props.pathOf('SqsSubscription'), report);
  const queueArn = options.read('QueueArn', 'string');
  const generated = `${fnLogicalId}${name}Queue`;
  const arn =
    typeof queueArn === 'string'
      ? queueArn
      : `arn:aws:sqs:${ctx.account.region}:${ctx.account.accountId}:${generated}`;
  if (typeof queueArn !== 'string') {
    report.assumed(
      props.pathOf('SqsSubscription'),
      `SAM creates a queue between the topic and the function; it is called ${generated} here, with SQS’s default settings`,
    );
  }
  const mapping: Record<string, unknown> = {};
  if (options.has('BatchSize')) mapping.BatchSize = options.read('BatchSize', 'number');
  if (options.has('Enabled') && options.read('Enabled', 'boolean') === false) {
    report.ignored(
      props.pathOf('SqsSubscription'),
      'Enabled: false: the queue is not polled; the source is left out',
    );
    return;
  }
  report.understood(
    props.pathOf('SqsSubscription'),
    `SqsSubscription: the topic feeds an SQS queue that Lambda polls → ${sink.nextBase()} (§3.2)`,
  );
  for (const key of ['Topic', 'Region', 'SqsSubscription']) props.use(key);
  props.ignoreRest(note, 'an SNS event');
  const base = sink.nextBase();
  const mappingProps = propsOf(mapping, () => props.pathOf('SqsSubscription'), report);
  sink.add(
    sqsSource({
      id: sink.idFor(name),
      base,
      arn,
      arnPath: props.pathOf('SqsSubscription'),
      mapping: mappingProps,
      ctx,
      report,
      used: sink.used,
    }),
    props.pathOf(),
  );
}

/** Reads a SAM function's Events into sources. `events` is the resolved Events map. */
export function importSamEvents(
  events: Props | undefined,
  fnLogicalId: string,
  sink: SourceSink,
  ctx: TemplateContext,
  report: ReportBuilder,
): void {
  if (!events) return;
  for (const name of events.keys()) {
    const event = events.object(name);
    if (!event) continue;
    const type = event.read('Type', 'string');
    const props =
      event.object('Properties') ?? propsOf({}, locateUnder(`${event.pathOf()}.Properties`), report);
    event.ignoreRest(() => undefined, 'an event');
    if (typeof type !== 'string') {
      report.ignored(event.pathOf(), `The event has no Type (${show(type)}); it is left out`);
      continue;
    }
    if (props.read('Enabled', 'boolean') === false) {
      report.ignored(
        props.pathOf('Enabled'),
        'Enabled: false: this event source does not invoke the function; it is left out',
      );
      continue;
    }
    const poll = (kind: 'sqs' | 'kinesis' | 'dynamodb', key: string) => {
      props.use(key);
      const input = {
        id: sink.idFor(name),
        base: sink.nextBase(),
        arn: props.values[key],
        arnPath: props.pathOf(key),
        mapping: props,
        ctx,
        report,
        used: sink.used,
      };
      report.understood(
        event.pathOf(),
        `${type} event → ${input.base}, a poll-based source read by an event source mapping (§3)`,
      );
      sink.add(kind === 'sqs' ? sqsSource(input) : streamSource(input, kind), event.pathOf());
    };
    if (type === 'Api' || type === 'HttpApi') apiSource(name, type, props, sink, report);
    else if (type === 'SQS') poll('sqs', 'Queue');
    else if (type === 'Kinesis') poll('kinesis', 'Stream');
    else if (type === 'DynamoDB') poll('dynamodb', 'Stream');
    else if (type === 'SNS' && props.has('SqsSubscription') && props.values.SqsSubscription !== false) {
      snsViaQueue(name, props, fnLogicalId, sink, ctx, report);
    } else if (ASYNC_CALLERS[type]) asyncSource(name, type, props, sink, ctx, report);
    else {
      report.ignored(
        event.pathOf(),
        `${type} events: ${NOT_SIMULATED_EVENTS[type] ?? 'not an event type the simulator models'}`,
      );
    }
  }
}
