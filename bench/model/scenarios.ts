/**
 * The scenarios the full-model benchmark runs, as JSON texts (each goes through `parseScenarioJson`, the
 * same gate a user's scenario passes). Their shapes follow the presets: sqs-scaling.json for SQS, the
 * kinesis-*.json presets for Kinesis.
 */

/** The most one workload entry may send (`count`, requestSchema.ts). */
export const MAX_COUNT_PER_ENTRY = 1_000_000;

/**
 * A standard SQS queue with `messages` messages waiting at 0 ms; each batch of 10 takes 50 ms. Up to
 * 1,000,000 messages are one workload entry (`m`); more are split into entries of at most 1,000,000
 * (`m1`, `m2`, …), the most one entry may send.
 */
export function sqsScenario(messages: number): string {
  const entries =
    messages <= MAX_COUNT_PER_ENTRY
      ? [{ id: 'm', atMs: 0, count: messages, payload: { orderId: 'o' } }]
      : Array.from({ length: Math.ceil(messages / MAX_COUNT_PER_ENTRY) }, (_, k) => ({
          id: `m${k + 1}`,
          atMs: 0,
          count: Math.min(MAX_COUNT_PER_ENTRY, messages - k * MAX_COUNT_PER_ENTRY),
          payload: { orderId: 'o' },
        }));
  return JSON.stringify({
    id: 'bench-sqs',
    title: `Benchmark: ${messages} SQS messages`,
    description: 'Standard SQS queue, BatchSize 10, fixed 50 ms handler, 1,000 concurrent executions.',
    function: {
      FunctionName: 'process-order',
      Timeout: 30,
      MemorySize: 256,
      behavior: { duration: { distribution: 'fixed', ms: 50 } },
    },
    sources: [
      {
        type: 'sqs',
        id: 'orders',
        queue: { QueueName: 'orders-queue', VisibilityTimeout: 180 },
        mapping: { BatchSize: 10 },
        messages: entries,
      },
    ],
    account: { ConcurrentExecutions: 1000 },
  });
}

/**
 * A Kinesis stream of `shards` shards receiving `recordsPerShard` records per shard, one record per
 * millisecond across the stream (1,000 records/s, spread over the shards by partition key), read from
 * TRIM_HORIZON with the default mapping (BatchSize 100, one poll per shard per second); 100 ms handler.
 */
export function kinesisScenario(shards: number, recordsPerShard: number): string {
  return JSON.stringify({
    id: 'bench-kinesis',
    title: `Benchmark: ${shards}-shard Kinesis stream`,
    description: `${shards * recordsPerShard} records put at 1,000 records/s into ${shards} shards.`,
    function: {
      FunctionName: 'process-orders',
      Timeout: 30,
      MemorySize: 256,
      behavior: { duration: { distribution: 'fixed', ms: 100 } },
    },
    sources: [
      {
        type: 'kinesis',
        id: 'orders',
        stream: { StreamName: 'orders-stream', ShardCount: shards, RetentionPeriodHours: 24 },
        mapping: { StartingPosition: 'TRIM_HORIZON' },
        records: [
          {
            id: 'r',
            atMs: 0,
            count: shards * recordsPerShard,
            everyMs: 1,
            payload: { type: 'order-placed', amount: 42.5 },
          },
        ],
      },
    ],
    account: { ConcurrentExecutions: 1000 },
  });
}
