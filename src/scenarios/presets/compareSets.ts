/**
 * Sets of presets meant to be watched side by side: the same workload, or the same function, with one
 * thing changed. Plain data (ids only), so the page can list them without loading the presets' JSON.
 */

export interface CompareSet {
  id: string;
  title: string;
  /** What to look for when the presets of the set run next to each other. */
  description: string;
  /** Preset ids, in the order they are shown. */
  presetIds: readonly string[];
}

export const COMPARE_SETS: readonly CompareSet[] = [
  {
    id: 'same-order',
    title: 'One order, four invocation types',
    description:
      'The same order event and the same handler, which fails on its first two attempts and succeeds on the third. Called synchronously, the error goes straight back to the caller and nothing is retried. Invoked asynchronously, Lambda retries it from its own queue after about 1 and 2 minutes. From an SQS queue, it comes back each time the 30-second visibility timeout ends. From a Kinesis stream, the batch is retried in place within seconds while the shard waits. Who retries, how soon, and what waits meanwhile depends only on the invocation type.',
    presetIds: ['same-order-sync', 'same-order-async', 'same-order-sqs', 'same-order-kinesis'],
  },
  {
    id: 'sqs-visibility-timeout',
    title: 'Visibility timeout: too short versus six times the function timeout',
    description:
      'The same 8-second function reads the same message. With a 5-second visibility timeout the message becomes visible while it is still being processed, a second poller receives it, and it runs twice at once. With 60 seconds, as AWS recommends (at least six times the function timeout), it is hidden for the whole invocation and processed once.',
    presetIds: ['sqs-visibility-too-short', 'sqs-visibility-six-times'],
  },
  {
    id: 'kinesis-poison-record',
    title: 'A poison record in a stream: default retries versus a retry limit versus bisect',
    description:
      'With the defaults (MaximumRetryAttempts -1) the failing batch is retried until its records expire, and its shard processes nothing else for 24 hours. With MaximumRetryAttempts 2 the batch is given up after three invocations, good records included, and described on the on-failure queue. With BisectBatchOnFunctionError the batch is split until the bad record is alone, so only that record is given up.',
    presetIds: ['kinesis-poison-blocks-shard', 'kinesis-poison-retry-limit', 'kinesis-bisect'],
  },
];

/** The compare set with this id, if there is one. */
export function findCompareSet(id: string): CompareSet | undefined {
  return COMPARE_SETS.find((set) => set.id === id);
}
