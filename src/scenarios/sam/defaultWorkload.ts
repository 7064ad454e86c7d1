/**
 * A template says how things are wired, not what flows through them. The importer gives each source a
 * small workload of its own kind, enough to watch the wiring work, and the handler a plain behaviour; the
 * report says so, and the user changes either in the scenario.
 */

/** How many API requests, SQS messages, stream records per shard: small enough to follow one by one. */
export const DEFAULT_API_REQUESTS = 3;
export const DEFAULT_SQS_MESSAGES = 10;
export const DEFAULT_RECORDS_PER_SHARD = 5;

/** Requests an API Gateway REST API (payload format 1.0) or HTTP API (2.0) sends for one route. */
export function apiRequests(method: string, path: string, httpApi: boolean): Record<string, unknown>[] {
  const verb = method.toUpperCase() === 'ANY' ? 'GET' : method.toUpperCase();
  const route = path.replace(/\{proxy\+\}/, 'example').replace(/\{([^}]+)\}/g, '$1-1');
  const payload = httpApi
    ? {
        version: '2.0',
        routeKey: `${verb} ${path}`,
        rawPath: route,
        requestContext: { http: { method: verb, path: route } },
        body: verb === 'GET' ? undefined : '{}',
      }
    : { httpMethod: verb, path: route, resource: path, body: verb === 'GET' ? null : '{}' };
  return [
    { atMs: 0, count: DEFAULT_API_REQUESTS, everyMs: 1000, payload: JSON.parse(JSON.stringify(payload)) },
  ];
}

/** Ten messages; on a FIFO queue, five in each of two message groups so ordering per group shows. */
export function sqsMessages(fifo: boolean): Record<string, unknown>[] {
  if (!fifo) {
    return [{ atMs: 0, count: DEFAULT_SQS_MESSAGES, everyMs: 100, payload: { orderId: 'order-1' } }];
  }
  const half = DEFAULT_SQS_MESSAGES / 2;
  return ['group-a', 'group-b'].map((group, i) => ({
    atMs: i * 50,
    count: half,
    everyMs: 100,
    messageGroupId: group,
    payload: { orderId: 'order-1', group },
  }));
}

/** A handful of records on every shard of a stream (DynamoDB: item inserts). */
export function streamRecords(kind: 'kinesis' | 'dynamodb', shardCount: number): Record<string, unknown>[] {
  return Array.from({ length: shardCount }, (_, shard) => ({
    atMs: shard * 10,
    count: DEFAULT_RECORDS_PER_SHARD,
    everyMs: 200,
    shard,
    ...(kind === 'dynamodb'
      ? { eventName: 'INSERT', payload: { id: `item-${shard + 1}` } }
      : { payload: { orderId: 'order-1' } }),
  }));
}

/** One event of the shape each asynchronous source sends. */
export function asyncEvent(
  caller: 's3' | 'sns' | 'eventbridge' | 'direct',
  detail: Record<string, string>,
): Record<string, unknown>[] {
  const payloads: Record<string, unknown> = {
    s3: {
      Records: [
        {
          eventSource: 'aws:s3',
          eventName: detail.eventName ?? 'ObjectCreated:Put',
          s3: {
            bucket: { name: detail.bucket ?? 'example-bucket' },
            object: { key: 'uploads/example.json', size: 1024 },
          },
        },
      ],
    },
    sns: {
      Records: [
        {
          EventSource: 'aws:sns',
          Sns: { TopicArn: detail.topicArn ?? '', Message: '{"orderId":"order-1"}' },
        },
      ],
    },
    eventbridge: {
      version: '0',
      source: detail.source ?? 'custom.app',
      'detail-type': detail.detailType ?? 'Example Event',
      detail: { orderId: 'order-1' },
    },
    direct: { orderId: 'order-1' },
  };
  return [{ atMs: 0, count: 1, payload: payloads[caller] }];
}

/** The handler's assumed behaviour; behind API Gateway it answers with a proxy response, else API Gateway returns 502. */
export function defaultBehavior(behindApi: boolean): Record<string, unknown> {
  return {
    duration: { distribution: 'fixed', ms: 100 },
    ...(behindApi ? { returns: { statusCode: 200, body: '{"ok":true}' } } : {}),
  };
}
