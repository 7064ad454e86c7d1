/**
 * Poll-based sources (§3): an SQS queue, Kinesis stream or DynamoDB table with the event source mapping
 * that reads it. Shared by SAM's SQS/Kinesis/DynamoDB events and CloudFormation's
 * AWS::Lambda::EventSourceMapping, which use the same property names. The queue's or stream's own
 * settings come from its resource when the template defines it; otherwise AWS's defaults, reported.
 */
import { noteTarget, readDestination } from './importFunction';
import { Unresolved } from './intrinsics';
import { Props, locateUnder, propsOf, show } from './propertyReader';
import { nameFromArn } from './resourceNames';
import {
  sqsMessages,
  streamRecords,
  DEFAULT_RECORDS_PER_SHARD,
  DEFAULT_SQS_MESSAGES,
} from './defaultWorkload';
import type { ReportBuilder } from './report';
import type { TemplateContext, TemplateResource } from './templateContext';

/** What a poll-source builder needs: where the source goes in the scenario and where it came from. */
export interface PollSourceInput {
  id: string;
  /** The scenario path of the source, e.g. `sources[1]`. */
  base: string;
  /** The resolved ARN of the queue or stream (or Unresolved). */
  arn: unknown;
  /** The template path of the property that holds the ARN. */
  arnPath: string;
  /** The mapping's properties (a SAM event's Properties or the ESM resource's). */
  mapping: Props;
  ctx: TemplateContext;
  report: ReportBuilder;
  /** Logical ids of resources the scenario uses; they get no "ignored" line. */
  used: Set<string>;
}

const MAPPING_NOT_SIMULATED: Record<string, string> = {
  KmsKeyArn: 'encryption of filter criteria is not simulated',
  MetricsConfig: 'event source mapping metrics are not simulated',
  ProvisionedPollerConfig: 'provisioned mode is not simulated: the pollers scale as in the default mode',
  Tags: 'tags do not change invocation',
};

function ignoredMapping(key: string): string | undefined {
  const why = MAPPING_NOT_SIMULATED[key];
  return why ? `${key}: ${why}` : undefined;
}

/** The resource an ARN names, marked as used, with its resolved properties. */
function target(
  input: PollSourceInput,
  type: string,
): { resource: TemplateResource; props: Props } | undefined {
  const { arn, ctx, report } = input;
  if (typeof arn !== 'string') return undefined;
  const resource = ctx.findByArn(arn);
  if (!resource || resource.type !== type) return undefined;
  input.used.add(resource.logicalId);
  const path = `${resource.path}.Properties`;
  return { resource, props: propsOf(ctx.resolve(resource.properties), locateUnder(path), report) };
}

function noteArnProblem(input: PollSourceInput, what: string): void {
  const { arn, report, arnPath } = input;
  if (arn instanceof Unresolved) {
    report.ignored(
      arnPath,
      `The ${what} could not be resolved (${arn.reason}); a ${what} with default settings stands for it`,
    );
  } else if (typeof arn !== 'string') {
    report.ignored(arnPath, `No ${what} ARN; a ${what} with default settings stands for it`);
  } else {
    report.assumed(
      arnPath,
      `${arn} is not defined in this template: AWS’s default settings are assumed for it`,
    );
  }
}

/** An `sqs` source: the queue (from its AWS::SQS::Queue resource when there is one) and the mapping. */
export function sqsSource(input: PollSourceInput): Record<string, unknown> {
  const { base, mapping, ctx, report } = input;
  const queue: Record<string, unknown> = {};
  const found = target(input, 'AWS::SQS::Queue');
  report.origin(`${base}.queue`, found ? `${found.resource.path}.Properties` : input.arnPath);
  if (found) {
    const { resource, props } = found;
    if (typeof input.arn === 'string' && input.arn.startsWith('https://')) {
      report.warning(
        input.arnPath,
        'This is the queue’s URL (what Ref gives); an event source mapping needs its ARN: use !GetAtt <Queue>.Arn',
      );
    }
    const name = ctx.physicalName(resource);
    queue.QueueName = name.name;
    props.use('QueueName');
    report.origin(`${base}.queue.QueueName`, name.explicit ? props.pathOf('QueueName') : resource.path);
    if (name.explicit)
      report.understood(props.pathOf('QueueName'), `QueueName ${show(name.name)} → ${base}.queue.QueueName`);
    else
      report.assumed(
        resource.path,
        `No QueueName: CloudFormation would generate one; ${name.name} stands for it`,
      );
    props.copy('FifoQueue', queue, `${base}.queue`, 'boolean');
    props.copy('VisibilityTimeout', queue, `${base}.queue`, 'number');
    props.copy('MessageRetentionPeriod', queue, `${base}.queue`, 'number');
    redrive(props, queue, `${base}.queue`, ctx, report, input.used);
    props.ignoreRest(
      (key) => (key === 'DelaySeconds' ? 'DelaySeconds: delivery delays are not simulated' : undefined),
      'an SQS queue',
    );
  } else {
    noteArnProblem(input, 'queue');
    const name = typeof input.arn === 'string' ? nameFromArn(input.arn) : undefined;
    if (name) queue.QueueName = name;
    if (name?.endsWith('.fifo')) queue.FifoQueue = true;
  }
  const out: Record<string, unknown> = {};
  const at = `${base}.mapping`;
  report.origin(at, mapping.pathOf());
  mapping.copy('BatchSize', out, at, 'number');
  mapping.copy('MaximumBatchingWindowInSeconds', out, at, 'number');
  mapping.copy('FunctionResponseTypes', out, at);
  const scaling = mapping.object('ScalingConfig');
  if (scaling) {
    const sc: Record<string, unknown> = {};
    report.origin(`${at}.ScalingConfig`, scaling.pathOf());
    scaling.copy('MaximumConcurrency', sc, `${at}.ScalingConfig`, 'number');
    scaling.ignoreRest(() => undefined, 'scaling');
    if (Object.keys(sc).length > 0) out.ScalingConfig = sc;
  }
  filterCriteria(mapping, out, at, report);
  if (mapping.has('DestinationConfig')) {
    mapping.use('DestinationConfig');
    report.ignored(
      mapping.pathOf('DestinationConfig'),
      'An SQS mapping has no on-failure destination: failed messages go to the queue’s dead-letter queue (RedrivePolicy)',
    );
  }
  mapping.ignoreRest(ignoredMapping, 'an SQS event source mapping');
  const fifo = queue.FifoQueue === true;
  report.assumed(
    input.mapping.pathOf(),
    fifo
      ? `Workload: ${DEFAULT_SQS_MESSAGES} messages, five in each of two message groups (group-a, group-b)`
      : `Workload: ${DEFAULT_SQS_MESSAGES} messages sent 100 ms apart`,
  );
  return { type: 'sqs', id: input.id, queue, mapping: out, messages: sqsMessages(fifo) };
}

/** A queue's RedrivePolicy: an object, or the JSON text CloudFormation also accepts. */
function redrive(
  props: Props,
  queue: Record<string, unknown>,
  at: string,
  ctx: TemplateContext,
  report: ReportBuilder,
  used: Set<string>,
): void {
  let value = props.read('RedrivePolicy');
  if (value === undefined) return;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      report.ignored(props.pathOf('RedrivePolicy'), 'RedrivePolicy is text that is not JSON; it is ignored');
      return;
    }
  }
  const policy = propsOf(value, () => props.pathOf('RedrivePolicy'), report);
  const out: Record<string, unknown> = {};
  report.origin(`${at}.RedrivePolicy`, props.pathOf('RedrivePolicy'));
  for (const key of ['deadLetterTargetArn', 'maxReceiveCount'] as const) {
    const v = policy.read(key, key === 'maxReceiveCount' ? 'number' : 'string');
    if (v !== undefined) out[key] = v;
  }
  if (typeof out.deadLetterTargetArn === 'string') {
    const dlq = ctx.findByArn(out.deadLetterTargetArn);
    if (dlq) used.add(dlq.logicalId);
    noteTarget(out.deadLetterTargetArn, props.pathOf('RedrivePolicy'), ctx, report);
  }
  report.understood(props.pathOf('RedrivePolicy'), `RedrivePolicy ${show(out)} → ${at}.RedrivePolicy`);
  queue.RedrivePolicy = out;
}

function filterCriteria(
  mapping: Props,
  out: Record<string, unknown>,
  at: string,
  report: ReportBuilder,
): void {
  const criteria = mapping.object('FilterCriteria');
  if (!criteria) return;
  const filters = criteria.read('Filters');
  if (!Array.isArray(filters)) return;
  // Patterns are JSON text in AWS; a pattern written as YAML mapping is turned into that text.
  const patterns = filters.map((f) => {
    const p = (f as { Pattern?: unknown } | null)?.Pattern;
    return { Pattern: typeof p === 'string' ? p : JSON.stringify(p) };
  });
  out.FilterCriteria = { Filters: patterns };
  report.origin(`${at}.FilterCriteria`, criteria.pathOf());
  report.understood(
    criteria.pathOf(),
    `FilterCriteria (${patterns.length} filter${patterns.length === 1 ? '' : 's'}) → ${at}.FilterCriteria`,
  );
}

/** Epoch seconds are not simulated time: values this large are taken as a date and read as "from the start". */
const EPOCH_SECONDS = 1e9;

/** A `kinesis` or `dynamodb` source: the stream (or table) and the mapping. */
export function streamSource(input: PollSourceInput, kind: 'kinesis' | 'dynamodb'): Record<string, unknown> {
  const { base, mapping, ctx, report } = input;
  const stream: Record<string, unknown> = {};
  const found = target(input, kind === 'kinesis' ? 'AWS::Kinesis::Stream' : 'AWS::DynamoDB::Table');
  report.origin(`${base}.stream`, found ? `${found.resource.path}.Properties` : input.arnPath);
  let shards = 1;
  if (found) {
    const { resource, props } = found;
    const name = ctx.physicalName(resource);
    const nameKey = kind === 'kinesis' ? 'Name' : 'TableName';
    stream.StreamName = name.name;
    props.use(nameKey);
    report.origin(`${base}.stream.StreamName`, name.explicit ? props.pathOf(nameKey) : resource.path);
    if (name.explicit)
      report.understood(props.pathOf(nameKey), `${nameKey} ${show(name.name)} → ${base}.stream.StreamName`);
    else
      report.assumed(
        resource.path,
        `No ${nameKey}: CloudFormation would generate one; ${name.name} stands for it`,
      );
    if (kind === 'kinesis') shards = kinesisShape(props, stream, base, report);
    else {
      props.use('StreamSpecification');
      if (!props.has('StreamSpecification'))
        report.warning(
          resource.path,
          'The table has no StreamSpecification, so it has no stream for Lambda to read',
        );
      report.assumed(resource.path, 'DynamoDB decides a stream’s shards; one shard is assumed');
      for (const key of props.keys()) props.use(key);
      report.ignored(
        resource.path,
        'The table’s keys, capacity and indexes are not simulated; only its stream is read',
      );
    }
  } else {
    noteArnProblem(input, kind === 'kinesis' ? 'stream' : 'table stream');
    const name = typeof input.arn === 'string' ? nameFromArn(input.arn) : undefined;
    if (name) stream.StreamName = name;
  }
  const out: Record<string, unknown> = {};
  const at = `${base}.mapping`;
  report.origin(at, mapping.pathOf());
  for (const key of [
    'BatchSize',
    'MaximumBatchingWindowInSeconds',
    'ParallelizationFactor',
    'MaximumRetryAttempts',
    'MaximumRecordAgeInSeconds',
    'TumblingWindowInSeconds',
  ])
    mapping.copy(key, out, at, 'number');
  mapping.copy('StartingPosition', out, at, 'string');
  mapping.copy('BisectBatchOnFunctionError', out, at, 'boolean');
  mapping.copy('FunctionResponseTypes', out, at);
  const timestamp = mapping.read('StartingPositionTimestamp', 'number');
  if (typeof timestamp === 'number' && timestamp >= EPOCH_SECONDS) {
    out.StartingPositionTimestamp = 0;
    report.origin(`${at}.StartingPositionTimestamp`, mapping.pathOf('StartingPositionTimestamp'));
    report.assumed(
      mapping.pathOf('StartingPositionTimestamp'),
      'A date: the simulated run starts at 0 s, so reading starts with the first record',
    );
  } else if (timestamp !== undefined) {
    mapping.copy('StartingPositionTimestamp', out, at, 'number');
  }
  const destinations = mapping.object('DestinationConfig');
  if (destinations) {
    const dc: Record<string, unknown> = {};
    report.origin(`${at}.DestinationConfig`, destinations.pathOf());
    readDestination(destinations, 'OnFailure', dc, `${at}.DestinationConfig`, input.id, ctx, report);
    readDestination(destinations, 'OnSuccess', dc, `${at}.DestinationConfig`, input.id, ctx, report);
    destinations.ignoreRest(() => undefined, 'destinations');
    if (Object.keys(dc).length > 0) out.DestinationConfig = dc;
  }
  if (mapping.has('FilterCriteria')) {
    mapping.use('FilterCriteria');
    report.ignored(
      mapping.pathOf('FilterCriteria'),
      'Event filtering is simulated for SQS only; every record reaches the function',
    );
  }
  mapping.ignoreRest(ignoredMapping, `a ${kind === 'kinesis' ? 'Kinesis' : 'DynamoDB'} event source mapping`);
  report.assumed(
    input.mapping.pathOf(),
    `Workload: ${DEFAULT_RECORDS_PER_SHARD} records ${shards === 1 ? 'on the stream’s one shard' : `on each of the ${shards} shards`}, 200 ms apart`,
  );
  return { type: kind, id: input.id, stream, mapping: out, records: streamRecords(kind, shards) };
}

/** Shards and retention of an AWS::Kinesis::Stream; returns the shard count used for the workload. */
function kinesisShape(
  props: Props,
  stream: Record<string, unknown>,
  base: string,
  report: ReportBuilder,
): number {
  const shards = props.copy('ShardCount', stream, `${base}.stream`, 'number');
  const mode = props.object('StreamModeDetails')?.read('StreamMode');
  if (shards === undefined) {
    // On-demand streams start with four shards; a provisioned stream needs ShardCount.
    const onDemand = mode === 'ON_DEMAND';
    stream.ShardCount = onDemand ? 4 : 1;
    report.assumed(
      props.pathOf(onDemand ? 'StreamModeDetails' : 'ShardCount'),
      onDemand
        ? 'An on-demand stream starts with 4 shards; 4 are simulated'
        : 'No ShardCount: 1 shard is assumed',
    );
  }
  props.copy('RetentionPeriodHours', stream, `${base}.stream`, 'number');
  props.ignoreRest(
    (key) => (key === 'StreamEncryption' ? 'StreamEncryption: encryption is not simulated' : undefined),
    'a Kinesis stream',
  );
  return typeof stream.ShardCount === 'number' &&
    Number.isInteger(stream.ShardCount) &&
    stream.ShardCount >= 1 &&
    stream.ShardCount <= 500
    ? stream.ShardCount
    : 1;
}
