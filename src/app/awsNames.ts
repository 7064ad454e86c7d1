/** Readable names for the AWS things a run mentions: callers, ARNs, delivery targets. Pure functions. */

const CALLERS: Record<string, string> = {
  direct: 'a client',
  'aws-cli': 'the AWS CLI',
  'aws-sdk': 'an AWS SDK',
  'api-gateway': 'API Gateway',
  alb: 'the Application Load Balancer',
  s3: 'Amazon S3',
  sns: 'Amazon SNS',
  eventbridge: 'Amazon EventBridge',
};

/** `s3` → `Amazon S3`; unknown callers are shown as they are. */
export function callerName(caller: unknown): string {
  return typeof caller === 'string' ? (CALLERS[caller] ?? caller) : 'the caller';
}

const ITEM_KINDS: Record<string, string> = {
  sync: 'sync request',
  async: 'async event',
  sqs: 'SQS message',
  kinesis: 'Kinesis record',
  dynamodb: 'DynamoDB stream record',
};

/** What an item is, in words: `sqs` → `SQS message`. */
export function itemKindName(kind: unknown): string {
  return typeof kind === 'string' && Object.hasOwn(ITEM_KINDS, kind) ? ITEM_KINDS[kind]! : 'item';
}

/** True for items read by an event source mapping (SQS messages, stream records). */
export function isPolledKind(kind: unknown): boolean {
  return kind === 'sqs' || kind === 'kinesis' || kind === 'dynamodb';
}

/** The same, capitalised for the start of a sentence. */
export function callerNameCapitalised(caller: unknown): string {
  const name = callerName(caller);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * An ARN as words: `arn:aws:sqs:us-east-1:123456789012:orders-dlq` → `SQS queue orders-dlq`,
 * `arn:aws:events:…:event-bus/orders-results` → `EventBridge event bus orders-results`.
 */
export function arnName(arn: unknown): string {
  if (typeof arn !== 'string') return 'the target';
  const parts = arn.split(':');
  const service = parts[2];
  const resource = parts.slice(5).join(':');
  switch (service) {
    case 'sqs':
      return `SQS queue ${resource}`;
    case 'sns':
      return `SNS topic ${resource}`;
    case 'events':
      return `EventBridge event bus ${resource.replace(/^event-bus\//, '')}`;
    case 'lambda':
      return `Lambda function ${resource.replace(/^function:/, '')}`;
    case 's3':
      return `S3 bucket ${resource || arn.split(':::')[1] || arn}`;
    default:
      return arn;
  }
}

const TARGETS: Record<string, string> = {
  'on-success': 'on-success destination',
  'on-failure': 'on-failure destination',
  dlq: 'dead-letter queue',
  'queue-dlq': "queue's dead-letter queue",
};

/** `on-failure` → `on-failure destination`, `dlq` → `dead-letter queue`. */
export function targetName(target: unknown): string {
  return typeof target === 'string' ? (TARGETS[target] ?? target) : 'destination';
}
