/** The built-in scenarios' ids in the order the picker shows them, and the one the app opens on. */
export const PRESET_ORDER: readonly string[] = [
  'default',
  'sync-success',
  'sync-function-error',
  'sync-timeout',
  'sync-throttled',
  'api-gateway-timeout',
  'cold-and-warm',
  'async-retries-exhausted',
  'async-succeeds-on-third-attempt',
  'async-max-event-age',
  'async-dlq',
  'async-zero-reserved-concurrency',
  'async-throttled-waits',
  'burst-scaling',
  'sqs-batch-success',
  'sqs-batch-error',
  'sqs-partial-batch-failure',
  'sqs-redrive-to-dlq',
  'sqs-visibility-too-short',
  'sqs-scaling',
  'sqs-fifo-group-blocking',
  'kinesis-in-order',
  'kinesis-poison-retry-limit',
  'kinesis-bisect',
  'kinesis-checkpoint',
  'kinesis-parallelization',
  'kinesis-poison-blocks-shard',
  'dynamodb-poison-default',
];

/** The preset the app opens on. */
export const DEFAULT_PRESET_ID = 'default';
