/** Surprise: with the default settings one bad record stops a Kinesis shard until the record expires. */
import type { Tour } from '../types';

export const POISON_SHARD: Tour = {
  id: 'poison-shard',
  kind: 'surprise',
  title: 'A poison record blocks its shard',
  summary:
    'With the default settings one bad record stops a Kinesis shard for the whole 24-hour retention, while the other shard carries on.',
  presetId: 'kinesis-poison-blocks-shard',
  steps: [
    {
      title: 'A record the handler cannot read',
      text: 'The first record of shard 0 lacks a field the handler needs. The mapping keeps the defaults, MaximumRetryAttempts -1 and MaximumRecordAgeInSeconds -1: retry until the record leaves the stream.',
      at: { type: 'stream/record-put', item: 'poison' },
    },
    {
      title: 'The batch fails',
      text: 'The handler throws a TypeError. Lambda checkpoints a shard only when a batch succeeds, so the checkpoint stays where it is and the same batch must be tried again.',
      at: { type: 'stream/batch-failed', item: 'poison' },
    },
    {
      title: 'Again, and again',
      text: 'Lambda retries the same batch after short pauses that grow to a minute. Unlike asynchronous invocation there is no limit of two retries: with -1 it never gives up on its own.',
      at: { type: 'stream/retry', item: 'poison' },
    },
    {
      title: 'A good record waits behind it',
      text: "A minute later a valid record lands on shard 0, and waits: a shard is processed in order, so nothing behind the poison record can be read. The shard's IteratorAge, the age of the oldest unprocessed record, keeps growing.",
      at: { type: 'stream/record-put', item: 'a-1' },
    },
    {
      title: 'The other shard carries on',
      text: 'A record on shard 1 is processed at once and its shard checkpoints. Each shard has its own order and its own poller; only the shard that holds the poison record is blocked.',
      at: { type: 'stream/checkpoint', item: 'b-1' },
    },
    {
      title: 'A day later, the record expires',
      text: 'After more than a thousand failed invocations, all billed, the poison record leaves the stream when the 24-hour retention ends; a stream kept for up to a year would block for as long. No on-failure destination is configured, so nothing records what was lost.',
      at: { type: 'stream/record-expired', item: 'poison' },
    },
    {
      title: 'The shard moves on, a day late',
      text: 'Lambda reads the five records that waited, processes them in one batch and checkpoints shard 0, about 24 hours after they arrived. MaximumRetryAttempts, MaximumRecordAgeInSeconds, BisectBatchOnFunctionError and an on-failure destination bound such a stall.',
      at: { type: 'stream/checkpoint', item: 'a-1' },
    },
  ],
};
