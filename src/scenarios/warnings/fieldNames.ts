/**
 * How a warning's path reads in AWS's terms: the property name AWS uses (`RedrivePolicy.maxReceiveCount`)
 * and the resource it belongs to (the SQS queue, the event source mapping, the function).
 */
import type { Scenario } from '../schema';

/** Segments that only say where a setting sits in the scenario's structure, not what AWS calls it. */
const STRUCTURE = new Set(['function', 'sources', 'queue', 'mapping', 'stream']);

/** Settings that only the simulation names; what AWS's tools call them. */
const AWS_NAMES: Record<string, string> = {
  readTimeoutSeconds: 'read timeout (--cli-read-timeout, or the SDK’s read timeout)',
};

/** The setting at `path` in AWS's name: `sources.0.queue.RedrivePolicy.maxReceiveCount` → `RedrivePolicy.maxReceiveCount`. */
export function awsFieldName(path: string): string {
  const segments = path.split('.');
  let start = 0;
  for (let i = 0; i < segments.length; i++) {
    if (STRUCTURE.has(segments[i]!) || /^\d+$/.test(segments[i]!)) start = i + 1;
  }
  const name = segments.slice(start).join('.');
  return AWS_NAMES[name] ?? name;
}

/** The AWS resource that owns the setting at `path`, e.g. "SQS queue orders-queue" or "function process-order". */
export function settingOwner(scenario: Scenario, path: string): string {
  const [head, index, part] = path.split('.');
  if (head !== 'sources') return `function ${scenario.function.FunctionName}`;
  const source = scenario.sources[Number(index)];
  if (!source) return 'source';
  switch (source.type) {
    case 'sqs':
      return part === 'queue'
        ? `SQS queue ${source.queue.QueueName}`
        : `event source mapping of ${source.queue.QueueName}`;
    case 'kinesis':
    case 'dynamodb': {
      const stream = `${source.type === 'kinesis' ? 'Kinesis stream' : 'DynamoDB stream of'} ${source.stream.StreamName}`;
      return part === 'stream' ? stream : `event source mapping of the ${stream}`;
    }
    case 'sync':
      return source.caller === 'api-gateway'
        ? `API Gateway caller "${source.id}"`
        : `${source.caller} caller "${source.id}"`;
    default:
      return `${source.caller} caller "${source.id}"`;
  }
}
