/**
 * The diagram's nodes and edges, derived from a scenario: who invokes the function, the Lambda service's
 * front door, the async event queue, the poll-based sources with their pollers, the function with its
 * execution environments, and every place a record can end up (destinations, dead-letter queues). The
 * topology depends on the scenario only, never on the run, so the layout stays still while a run plays.
 */
import { shardIdOf } from '../engine/model/streams/streamState';
import type { Scenario, Source } from '../scenarios/schema';

/** Pipeline stages, left to right; a stage no node uses takes no room. */
export type Stage = 'source' | 'store' | 'poller' | 'service' | 'queue' | 'function' | 'target';

export const STAGES: readonly Stage[] = [
  'source',
  'store',
  'poller',
  'service',
  'queue',
  'function',
  'target',
];

export type NodeKind =
  | 'caller'
  | 'producer'
  | 'sqs-queue'
  | 'queue-dlq'
  | 'shard'
  | 'poller'
  | 'lambda'
  | 'async-queue'
  | 'function'
  | 'destination';

/** The icon a node shows (names of src/ui/icons). */
export type NodeIcon =
  | 'lambda'
  | 'sqs'
  | 'sns'
  | 'eventbridge'
  | 'kinesis'
  | 'dynamodb'
  | 'apiGateway'
  | 'alb'
  | 's3'
  | 'client'
  | 'sdk'
  | 'asyncQueue'
  | 'environment'
  | 'poller'
  | 'shard'
  | 'dlq'
  | 'destination'
  | 'producer';

/** One line of configuration a node shows under its title (AWS's property name and the value). */
export interface ConfigLine {
  name: string;
  value: string;
}

export interface TopoNode {
  id: string;
  kind: NodeKind;
  stage: Stage;
  title: string;
  /** What the node is, in a few words ("Amazon S3 · async", "event source mapping"). */
  subtitle: string;
  icon: NodeIcon;
  /** The scenario source it belongs to, for per-source nodes. */
  source?: string;
  /** Shard nodes: the shard's index. */
  shard?: number;
  /** Destinations: the ARN records are sent to. */
  arn?: string;
  config: ConfigLine[];
}

export type EdgeKind = 'invoke' | 'response' | 'enqueue' | 'dequeue' | 'poll' | 'deliver' | 'redrive' | 'put';

export interface TopoEdge {
  id: string;
  source: string;
  target: string;
  kind: EdgeKind;
  label: string;
}

export interface Topology {
  nodes: TopoNode[];
  edges: TopoEdge[];
}

/** Streams with more shards than this are drawn as one node that counts them. */
export const MAX_SHARD_NODES = 4;

export const LAMBDA_NODE = 'lambda';
export const ASYNC_QUEUE_NODE = 'async-queue';
export const FUNCTION_NODE = 'function';

const CALLER_LOOK: Record<string, { icon: NodeIcon; title: string; subtitle: string }> = {
  direct: { icon: 'client', title: 'Invoke API', subtitle: 'direct Invoke call' },
  'aws-cli': { icon: 'client', title: 'AWS CLI', subtitle: 'aws lambda invoke' },
  'aws-sdk': { icon: 'sdk', title: 'AWS SDK', subtitle: 'Invoke from code' },
  'api-gateway': { icon: 'apiGateway', title: 'API Gateway', subtitle: 'REST API, proxy integration' },
  alb: { icon: 'alb', title: 'Application Load Balancer', subtitle: 'target group: the function' },
  s3: { icon: 's3', title: 'Amazon S3', subtitle: 'event notification' },
  sns: { icon: 'sns', title: 'Amazon SNS', subtitle: 'topic subscription' },
  eventbridge: { icon: 'eventbridge', title: 'Amazon EventBridge', subtitle: 'rule target' },
};

/** `arn:aws:sqs:…:orders-dlq` → `orders-dlq`; anything else as is. */
function arnShortName(arn: string): string {
  const parts = arn.split(':');
  const last = parts[parts.length - 1] ?? arn;
  return last.includes('/') ? (last.split('/').pop() ?? last) : last;
}

/** The AWS service an ARN belongs to, as the diagram's icon and a word. */
function arnLook(arn: string): { icon: NodeIcon; service: string } {
  const service = arn.split(':')[2] ?? '';
  switch (service) {
    case 'sqs':
      return { icon: 'sqs', service: 'SQS queue' };
    case 'sns':
      return { icon: 'sns', service: 'SNS topic' };
    case 'events':
      return { icon: 'eventbridge', service: 'EventBridge bus' };
    case 'lambda':
      return { icon: 'lambda', service: 'Lambda function' };
    case 's3':
      return { icon: 's3', service: 'S3 bucket' };
    default:
      return { icon: 'destination', service: 'destination' };
  }
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

/** Node id helpers, shared with the replay that places items on nodes. */
export const nodeIds = {
  caller: (source: string) => `caller:${source}`,
  producer: (source: string) => `producer:${source}`,
  sqsQueue: (source: string) => `sqs:${source}`,
  queueDlq: (source: string) => `sqs-dlq:${source}`,
  shard: (source: string, shard: number) => `shard:${source}:${shard}`,
  /** All shards of a stream drawn as one node. */
  stream: (source: string) => `shard:${source}:all`,
  poller: (source: string) => `poller:${source}`,
  asyncTarget: (target: 'on-success' | 'on-failure' | 'dlq') => `dest:${target}`,
  streamOnFailure: (source: string) => `dest:${source}:on-failure`,
};

/** The node a stream record on `shard` sits on (one node per shard, or one for the whole stream). */
export function shardNodeId(source: Source, shard: number): string {
  if (source.type !== 'kinesis' && source.type !== 'dynamodb') return nodeIds.stream(source.id);
  return source.stream.ShardCount > MAX_SHARD_NODES
    ? nodeIds.stream(source.id)
    : nodeIds.shard(source.id, shard);
}

class Builder {
  readonly nodes: TopoNode[] = [];
  readonly edges: TopoEdge[] = [];
  private readonly seen = new Set<string>();

  node(node: TopoNode): string {
    if (!this.seen.has(node.id)) {
      this.seen.add(node.id);
      this.nodes.push(node);
    }
    return node.id;
  }

  edge(source: string, target: string, kind: EdgeKind, label: string): void {
    const id = `${source}->${target}`;
    if (this.edges.some((e) => e.id === id)) return;
    this.edges.push({ id, source, target, kind, label });
  }
}

function addCaller(b: Builder, source: Extract<Source, { type: 'sync' | 'async' }>): void {
  const look = CALLER_LOOK[source.caller] ?? CALLER_LOOK.direct!;
  const sync = source.type === 'sync';
  const config: ConfigLine[] = [
    { name: 'InvocationType', value: sync ? 'RequestResponse' : 'Event' },
    { name: 'Requests', value: String(source.requests.reduce((n, r) => n + (r.count ?? 1), 0)) },
  ];
  if (sync && source.caller === 'api-gateway')
    config.push({ name: 'TimeoutInMillis', value: String(source.TimeoutInMillis ?? 29_000) });
  const id = b.node({
    id: nodeIds.caller(source.id),
    kind: 'caller',
    stage: 'source',
    title: look.title,
    subtitle: `${look.subtitle} · ${sync ? 'synchronous' : 'asynchronous'}`,
    icon: look.icon,
    source: source.id,
    config,
  });
  b.edge(id, LAMBDA_NODE, 'invoke', sync ? 'Invoke (RequestResponse)' : 'Invoke (Event)');
}

function addSqs(b: Builder, source: Extract<Source, { type: 'sqs' }>): void {
  const { queue, mapping } = source;
  const producer = b.node({
    id: nodeIds.producer(source.id),
    kind: 'producer',
    stage: 'source',
    title: 'Producer',
    subtitle: 'SendMessage',
    icon: 'producer',
    source: source.id,
    config: [{ name: 'Messages', value: String(source.messages.reduce((n, r) => n + (r.count ?? 1), 0)) }],
  });
  const config: ConfigLine[] = [
    { name: 'VisibilityTimeout', value: `${queue.VisibilityTimeout} s` },
    { name: 'Type', value: queue.FifoQueue ? 'FIFO' : 'standard' },
  ];
  if (queue.RedrivePolicy)
    config.push({ name: 'maxReceiveCount', value: String(queue.RedrivePolicy.maxReceiveCount) });
  const q = b.node({
    id: nodeIds.sqsQueue(source.id),
    kind: 'sqs-queue',
    stage: 'store',
    title: queue.QueueName,
    subtitle: queue.FifoQueue ? 'Amazon SQS · FIFO queue' : 'Amazon SQS · standard queue',
    icon: 'sqs',
    source: source.id,
    config,
  });
  b.edge(producer, q, 'put', 'SendMessage');
  if (queue.RedrivePolicy) {
    const dlq = b.node({
      id: nodeIds.queueDlq(source.id),
      kind: 'queue-dlq',
      stage: 'store',
      title: arnShortName(queue.RedrivePolicy.deadLetterTargetArn),
      subtitle: "the queue's dead-letter queue (moved by SQS)",
      icon: 'dlq',
      source: source.id,
      config: [{ name: 'maxReceiveCount', value: String(queue.RedrivePolicy.maxReceiveCount) }],
    });
    b.edge(q, dlq, 'redrive', 'redrive after maxReceiveCount');
  }
  const pollerConfig: ConfigLine[] = [{ name: 'BatchSize', value: String(mapping.BatchSize) }];
  if (mapping.MaximumBatchingWindowInSeconds)
    pollerConfig.push({
      name: 'MaximumBatchingWindowInSeconds',
      value: `${mapping.MaximumBatchingWindowInSeconds} s`,
    });
  if (mapping.FunctionResponseTypes.length > 0)
    pollerConfig.push({ name: 'FunctionResponseTypes', value: mapping.FunctionResponseTypes.join(', ') });
  if (mapping.ScalingConfig?.MaximumConcurrency)
    pollerConfig.push({
      name: 'MaximumConcurrency',
      value: String(mapping.ScalingConfig.MaximumConcurrency),
    });
  const poller = b.node({
    id: nodeIds.poller(source.id),
    kind: 'poller',
    stage: 'poller',
    title: 'SQS poller',
    subtitle: 'event source mapping',
    icon: 'poller',
    source: source.id,
    config: pollerConfig,
  });
  b.edge(q, poller, 'poll', 'ReceiveMessage');
  b.edge(poller, LAMBDA_NODE, 'invoke', 'Invoke with a batch');
}

function addStream(b: Builder, source: Extract<Source, { type: 'kinesis' | 'dynamodb' }>): void {
  const { stream, mapping } = source;
  const kinesis = source.type === 'kinesis';
  const producer = b.node({
    id: nodeIds.producer(source.id),
    kind: 'producer',
    stage: 'source',
    title: kinesis ? 'Producer' : 'Table writes',
    subtitle: kinesis ? 'PutRecord' : 'PutItem / UpdateItem / DeleteItem',
    icon: kinesis ? 'producer' : 'dynamodb',
    source: source.id,
    config: [{ name: 'Records', value: String(source.records.reduce((n, r) => n + (r.count ?? 1), 0)) }],
  });
  const shardNodes: string[] = [];
  const shardLook = {
    kind: 'shard' as const,
    stage: 'store' as const,
    icon: kinesis ? ('kinesis' as const) : ('dynamodb' as const),
    source: source.id,
  };
  const retention: ConfigLine = {
    name: kinesis ? 'RetentionPeriodHours' : 'retention',
    value: `${stream.RetentionPeriodHours} h`,
  };
  if (stream.ShardCount > MAX_SHARD_NODES) {
    shardNodes.push(
      b.node({
        ...shardLook,
        id: nodeIds.stream(source.id),
        title: stream.StreamName,
        subtitle: `${kinesis ? 'Kinesis data stream' : 'DynamoDB stream'} · ${plural(stream.ShardCount, 'shard')}`,
        config: [{ name: 'ShardCount', value: String(stream.ShardCount) }, retention],
      }),
    );
  } else {
    for (let shard = 0; shard < stream.ShardCount; shard++) {
      shardNodes.push(
        b.node({
          ...shardLook,
          id: nodeIds.shard(source.id, shard),
          title: `Shard ${shard}`,
          subtitle: `${stream.StreamName} · ${shardIdOf(source.type, stream.StreamName, shard)}`,
          shard,
          config: [retention],
        }),
      );
    }
  }
  const pollerConfig: ConfigLine[] = [
    { name: 'BatchSize', value: String(mapping.BatchSize) },
    { name: 'StartingPosition', value: mapping.StartingPosition },
    {
      name: 'MaximumRetryAttempts',
      value: mapping.MaximumRetryAttempts === -1 ? '-1 (until expiry)' : String(mapping.MaximumRetryAttempts),
    },
  ];
  if (mapping.ParallelizationFactor > 1)
    pollerConfig.push({ name: 'ParallelizationFactor', value: String(mapping.ParallelizationFactor) });
  if (mapping.BisectBatchOnFunctionError)
    pollerConfig.push({ name: 'BisectBatchOnFunctionError', value: 'true' });
  if (mapping.FunctionResponseTypes.length > 0)
    pollerConfig.push({ name: 'FunctionResponseTypes', value: mapping.FunctionResponseTypes.join(', ') });
  const poller = b.node({
    id: nodeIds.poller(source.id),
    kind: 'poller',
    stage: 'poller',
    title: kinesis ? 'Kinesis poller' : 'DynamoDB Streams poller',
    subtitle: 'event source mapping',
    icon: 'poller',
    source: source.id,
    config: pollerConfig,
  });
  for (const shard of shardNodes) {
    b.edge(producer, shard, 'put', kinesis ? 'PutRecord' : 'change record');
    b.edge(shard, poller, 'poll', 'GetRecords');
  }
  b.edge(poller, LAMBDA_NODE, 'invoke', 'Invoke with a batch');
  const onFailure = mapping.DestinationConfig?.OnFailure?.Destination;
  if (onFailure) {
    const look = arnLook(onFailure);
    const dest = b.node({
      id: nodeIds.streamOnFailure(source.id),
      kind: 'destination',
      stage: 'target',
      title: arnShortName(onFailure),
      subtitle: `on-failure destination · ${look.service}`,
      icon: look.icon,
      source: source.id,
      arn: onFailure,
      config: [{ name: 'DestinationConfig.OnFailure', value: onFailure }],
    });
    b.edge(poller, dest, 'deliver', 'record of discarded batch');
  }
}

function addAsyncTargets(b: Builder, scenario: Scenario): void {
  const fn = scenario.function;
  const dc = fn.EventInvokeConfig?.DestinationConfig;
  const targets: Array<{ target: 'on-success' | 'on-failure' | 'dlq'; arn: string; label: string }> = [];
  if (dc?.OnSuccess?.Destination)
    targets.push({ target: 'on-success', arn: dc.OnSuccess.Destination, label: 'on-success destination' });
  if (dc?.OnFailure?.Destination)
    targets.push({ target: 'on-failure', arn: dc.OnFailure.Destination, label: 'on-failure destination' });
  if (fn.DeadLetterConfig?.TargetArn)
    targets.push({ target: 'dlq', arn: fn.DeadLetterConfig.TargetArn, label: 'dead-letter queue' });
  for (const t of targets) {
    const look = arnLook(t.arn);
    const id = b.node({
      id: nodeIds.asyncTarget(t.target),
      kind: 'destination',
      stage: 'target',
      title: arnShortName(t.arn),
      subtitle: `${t.label} · ${look.service}`,
      icon: t.target === 'dlq' ? 'dlq' : look.icon,
      arn: t.arn,
      config: [
        {
          name:
            t.target === 'dlq'
              ? 'DeadLetterConfig.TargetArn'
              : `DestinationConfig.${t.target === 'on-success' ? 'OnSuccess' : 'OnFailure'}`,
          value: t.arn,
        },
      ],
    });
    // Drawn from the function, where an event's last attempt ends (Lambda sends the record).
    b.edge(FUNCTION_NODE, id, 'deliver', t.label);
  }
}

function functionConfig(scenario: Scenario): ConfigLine[] {
  const fn = scenario.function;
  const lines: ConfigLine[] = [
    { name: 'Timeout', value: `${fn.Timeout} s` },
    { name: 'MemorySize', value: `${fn.MemorySize} MB` },
  ];
  if (fn.ReservedConcurrentExecutions !== undefined)
    lines.push({ name: 'ReservedConcurrentExecutions', value: String(fn.ReservedConcurrentExecutions) });
  const provisioned = fn.ProvisionedConcurrencyConfig?.ProvisionedConcurrentExecutions;
  if (provisioned) lines.push({ name: 'ProvisionedConcurrentExecutions', value: String(provisioned) });
  return lines;
}

/** The scenario's diagram: nodes in pipeline stages and the edges items travel along. */
export function buildTopology(scenario: Scenario): Topology {
  const b = new Builder();
  const sources = scenario.sources;
  const hasAsync = sources.some((s) => s.type === 'async');
  const hasDirect = sources.some((s) => s.type !== 'async');

  for (const source of sources) {
    if (source.type === 'sync' || source.type === 'async') addCaller(b, source);
    else if (source.type === 'sqs') addSqs(b, source);
    else addStream(b, source);
  }

  const account = scenario.account;
  b.node({
    id: LAMBDA_NODE,
    kind: 'lambda',
    stage: 'service',
    title: 'Lambda service',
    subtitle: 'front door: limits, concurrency, throttles',
    icon: 'lambda',
    config: [{ name: 'Account concurrency', value: String(account.ConcurrentExecutions) }],
  });
  if (hasAsync) {
    const fn = scenario.function.EventInvokeConfig;
    b.node({
      id: ASYNC_QUEUE_NODE,
      kind: 'async-queue',
      stage: 'queue',
      title: 'Async event queue',
      subtitle: "Lambda's internal queue: retries, event age",
      icon: 'asyncQueue',
      config: [
        { name: 'MaximumRetryAttempts', value: String(fn?.MaximumRetryAttempts ?? 2) },
        { name: 'MaximumEventAgeInSeconds', value: String(fn?.MaximumEventAgeInSeconds ?? 21_600) },
      ],
    });
    b.edge(LAMBDA_NODE, ASYNC_QUEUE_NODE, 'enqueue', '202 Accepted, queued');
  }
  b.node({
    id: FUNCTION_NODE,
    kind: 'function',
    stage: 'function',
    title: scenario.function.FunctionName,
    subtitle: 'your code, in execution environments',
    icon: 'lambda',
    config: functionConfig(scenario),
  });
  if (hasAsync) b.edge(ASYNC_QUEUE_NODE, FUNCTION_NODE, 'dequeue', 'invoke (attempt n)');
  if (hasDirect) b.edge(LAMBDA_NODE, FUNCTION_NODE, 'invoke', 'invoke');
  addAsyncTargets(b, scenario);

  // Nodes in stage order (then in the order they were added), so layout and keyboard order agree.
  const order = new Map(STAGES.map((s, i) => [s, i]));
  const nodes = b.nodes
    .map((n, i) => ({ n, i }))
    .sort((a, c) => order.get(a.n.stage)! - order.get(c.n.stage)! || a.i - c.i)
    .map(({ n }) => n);
  return { nodes, edges: b.edges };
}
