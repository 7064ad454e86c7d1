/**
 * "Why?" for the events of poll-based invocation: the event source mapping's batches, the SQS queue's
 * visibility timeout and redrive, and the stream's shards, retries and checkpoints. One plain sentence
 * per event, with the queue's or mapping's settings where they decide what happens.
 */
import { num, str, type Data } from '../eventData';
import { formatCount, formatDuration, plural } from '../format';
import {
  isDynamoDb,
  maxReceiveCount,
  sqsSourceOf,
  streamMaxRetries,
  streamRetryWords,
  streamSourceOf,
  visibilityWords,
} from './settings';
import type { WhyContext } from './types';
import { throttleCause } from './whyInvoke';

const SQS_RULES = new Set(['§3.2', '§3.3']);

function batchInvoked(c: WhyContext, d: Data, rule: string): string {
  const sqs = sqsSourceOf(c.scenario, d);
  const stream = streamSourceOf(c.scenario, d);
  if (sqs) {
    const window = sqs.mapping.MaximumBatchingWindowInSeconds;
    const gathered =
      window > 0
        ? `, gathered for up to ${formatDuration(window * 1000)} (MaximumBatchingWindowInSeconds)`
        : '';
    const fifo = sqs.queue.FifoQueue ? '; messages of one group keep their order' : '';
    return `The mapping invokes the function synchronously and waits, with up to BatchSize (${sqs.mapping.BatchSize}) messages${gathered}${fifo}.`;
  }
  if (stream) {
    const pf = stream.mapping.ParallelizationFactor;
    const lanes =
      pf > 1
        ? `up to ${pf} batches per shard at once (ParallelizationFactor), each partition key in order`
        : 'one batch per shard at a time, in sequence order';
    return `The mapping invokes the function synchronously and waits, ${lanes}, with up to BatchSize (${formatCount(stream.mapping.BatchSize)}) records.`;
  }
  return SQS_RULES.has(rule)
    ? 'The mapping invokes the function synchronously with a batch of messages and waits for the result.'
    : 'The mapping invokes the function synchronously with a batch of records, in order, and waits for the result.';
}

function sqsWhy(c: WhyContext, d: Data, type: string, rule: string): string | null {
  const s = c.scenario;
  const vt = visibilityWords(s, d);
  const max = maxReceiveCount(s, d);
  switch (type) {
    case 'sqs/sent':
      return rule === '§3.3'
        ? "Producers send to the queue, not to Lambda; in a FIFO queue a message group's messages are delivered in order, and the group waits while one of its batches is being processed."
        : 'Producers send to the queue, not to Lambda: the message waits there, visible, until a poller of the event source mapping receives it.';
    case 'sqs/received':
      return `The mapping's pollers long-poll the queue; a receive hides the messages for ${vt} while the function works on them, and they are deleted only after it succeeds.`;
    case 'sqs/deleted':
      return d.staleReceiptHandle
        ? 'The VisibilityTimeout ran out while the function was still working, so the message was received again: processing is at least once, and handlers must be idempotent.'
        : 'Lambda deletes a message only after the function succeeded with it (the whole batch, or every item not reported as failed); the delete ends its life in the queue.';
    case 'sqs/delete-ignored':
      return `Only one delete counts, and ${str(d, 'reason') ?? 'the message is gone'}: this run's work was a duplicate, as at-least-once processing allows.`;
    case 'sqs/visible-again': {
      const count = num(d, 'receiveCount');
      const redrive =
        max === undefined
          ? ''
          : `; after maxReceiveCount (${max}) receives SQS moves it to the dead-letter queue`;
      return `A receive only hides a message for ${vt}; no delete came by then, so SQS makes it visible again${count === undefined ? '' : ` (received ${plural(count, 'time')} so far)`}${redrive}.`;
    }
    case 'sqs/batch-failed':
      if (d.serviceError === true)
        return `A system error before the function ran: nothing was processed, and the messages stay hidden until ${vt} ends.`;
      if (d.thrown === true && d.reportBatchItemFailures === true)
        return `A thrown error fails the whole batch even with ReportBatchItemFailures: nothing is deleted, and every message returns after ${vt}.`;
      return `By default a function error fails the whole batch: Lambda deletes nothing, and every message of it returns after ${vt}, even those the function had handled.`;
    case 'sqs/partial-batch':
      return `FunctionResponseTypes includes ReportBatchItemFailures: Lambda deletes the messages not listed in batchItemFailures, and only the listed ones return after ${vt}.`;
    case 'sqs/batch-throttled':
      return `${throttleCause(d, rule, s)}: the batch never ran, its messages return after ${vt}, and each receive counts toward maxReceiveCount${max === undefined ? '' : ` (${max})`}, which is why AWS advises a maxReceiveCount of at least 5.`;
    case 'sqs/moved-to-dlq':
      return `The queue's RedrivePolicy has maxReceiveCount ${max ?? '(its limit)'}: after that many receives without a delete, SQS (not Lambda) moves the message to its dead-letter queue.`;
    case 'sqs/expired': {
      const retention = num(d, 'retentionSeconds') ?? sqsSourceOf(s, d)?.queue.MessageRetentionPeriod;
      return `${retention === undefined ? "The queue's MessageRetentionPeriod ran out" : `MessageRetentionPeriod is ${formatDuration(retention * 1000)}`}: SQS deletes a message older than that, processed or not.`;
    }
    case 'sqs/filtered-out':
      return 'FilterCriteria is set: a message that matches none of the filters is deleted without invoking the function, so it costs no invocation.';
    case 'sqs/scaled-up': {
      const cap = sqsSourceOf(s, d)?.mapping.ScalingConfig?.MaximumConcurrency;
      return `While messages keep waiting, Lambda adds up to 300 concurrent batches per minute to an SQS mapping, from 5 up to 1,250${cap === undefined ? '' : ` (ScalingConfig.MaximumConcurrency caps it at ${formatCount(cap)})`}.`;
    }
    case 'sqs/scaled-down':
      return "After function errors Lambda reduces an SQS mapping's concurrency, to spare a failing function (not when ReportBatchItemFailures is on).";
    default:
      return null;
  }
}

function retentionHours(c: WhyContext, d: Data): number | undefined {
  return num(d, 'retentionHours') ?? streamSourceOf(c.scenario, d)?.stream.RetentionPeriodHours;
}

function streamFailed(c: WhyContext, d: Data): string {
  const max = streamMaxRetries(c.scenario, d);
  if (d.countsAsRetry === false)
    return 'A system error before the function ran uses no retry attempt: the batch is tried again, and its shard waits behind it.';
  if (str(d, 'next') === 'discard') {
    const failures = (num(d, 'retries') ?? 0) + 1;
    return `${streamRetryWords(max)}, and this batch has now failed ${plural(failures, 'time')}: no retries are left, so Lambda stops retrying it.`;
  }
  return `A failed batch blocks its shard: Lambda retries the same records, in order, until they succeed, expire, or use up the retries, and later records of the shard wait; ${streamRetryWords(max)}.`;
}

function streamWhy(c: WhyContext, d: Data, type: string, rule: string): string | null {
  const s = c.scenario;
  const mapping = streamSourceOf(s, d)?.mapping;
  switch (type) {
    case 'stream/mapping-created':
      switch (str(d, 'startingPosition')) {
        case 'LATEST':
          return 'StartingPosition LATEST reads only records put after the mapping exists; records already in the stream are never delivered.';
        case 'AT_TIMESTAMP':
          return 'StartingPosition AT_TIMESTAMP reads the records put at or after the given time (Kinesis only).';
        default:
          return 'StartingPosition TRIM_HORIZON reads each shard from its oldest record still in the stream.';
      }
    case 'stream/record-put': {
      const hours = retentionHours(c, d);
      return `The partition key's hash picks the shard; the record stays in the stream for its retention period${hours === undefined ? '' : ` (${hours} h)`}, read or not, and readers see it in sequence order.`;
    }
    case 'stream/batch-read': {
      const rate = isDynamoDb(s, d, rule) ? 'four times a second' : 'once a second';
      const size = mapping ? `BatchSize (${formatCount(mapping.BatchSize)})` : 'BatchSize';
      const why: Record<string, string> = {
        full: 'this one is full',
        '6 MB': 'this one reached 6 MB',
        'batching window ended': 'this one when its batching window ended',
        'records available': 'with no batching window, this one takes what was there',
      };
      const reason = why[str(d, 'reason') ?? ''];
      return `Each shard is polled ${rate} from its checkpoint; a batch goes out when it holds ${size} records, the batching window ends, or it reaches 6 MB${reason ? ` (${reason})` : ''}.`;
    }
    case 'stream/retry': {
      const retries = num(d, 'retries') ?? 0;
      if (retries === 0)
        return 'The batch was throttled or hit a system error before it reached the function, so it is sent again without using a retry attempt.';
      const max = streamMaxRetries(s, d);
      return `A failed batch is sent again whole and in order: ${streamRetryWords(max)}, and this is retry ${retries}${max !== undefined && max >= 0 ? ` of ${formatCount(max)}` : ''}.`;
    }
    case 'stream/batch-throttled':
      return `${throttleCause(d, rule, s)}: the batch never reached the function, so it uses no retry attempt; it is tried again later, and the shard waits behind it.`;
    case 'stream/batch-failed':
      return streamFailed(c, d);
    case 'stream/batch-bisected':
      return str(d, 'atSequenceNumber')
        ? 'With BisectBatchOnFunctionError and a partial batch response, Lambda splits the batch at the reported sequence number and retries only the rest.'
        : 'BisectBatchOnFunctionError is on: Lambda splits a failed batch in two and retries each half, to corner the bad record; splitting uses no retry attempt.';
    case 'stream/checkpoint': {
      if (d.partial)
        return 'FunctionResponseTypes includes ReportBatchItemFailures: Lambda checkpoints before the lowest reported sequence number and retries from that record on.';
      const age = num(d, 'iteratorAgeMs');
      return `Lambda checkpoints a shard only after a whole batch succeeds${age === undefined ? '' : `; IteratorAge, the age of the batch's last record when it finished, is ${formatDuration(age)}`}.`;
    }
    case 'stream/retries-exhausted': {
      const max = streamMaxRetries(s, d);
      const runs = num(d, 'approximateInvokeCount');
      const budget =
        max !== undefined && max >= 0 ? `, so a failing batch gets ${plural(max + 1, 'invocation')}` : '';
      return `${streamRetryWords(max)}${budget}${runs === undefined ? '' : ` (${runs} here)`}; then Lambda skips the whole batch, good records too, and the shard moves on (RetryAttemptsExhausted).`;
    }
    case 'stream/record-checkpointed':
      return 'Records behind the checkpoint are done: this mapping will not send them again.';
    case 'stream/record-skipped':
      return str(d, 'outcome') === 'dead-lettered'
        ? "A skipped record is not retried; an on-failure queue or topic gets only its batch's shard and sequence numbers (an S3 bucket also the records), so the data must be read from the stream while it is still there."
        : 'Without an on-failure destination nothing keeps a trace of a skipped record; it stays in the stream only until its retention ends.';
    case 'stream/record-aged-out': {
      const age = num(d, 'maximumRecordAgeInSeconds') ?? mapping?.MaximumRecordAgeInSeconds;
      return `MaximumRecordAgeInSeconds is ${age === undefined ? 'set' : formatCount(age)}: Lambda does not send records older than that; they are discarded (RecordAgeExceeded) and the shard moves on.`;
    }
    case 'stream/record-expired': {
      const hours = retentionHours(c, d);
      const max = streamMaxRetries(s, d);
      const defaults = max === undefined || max < 0 ? ' with MaximumRetryAttempts −1 (the default)' : '';
      return `Records leave the stream after its retention period${hours === undefined ? '' : ` (${hours} h)`}; a batch that keeps failing${defaults} blocks its shard until its records are gone.`;
    }
    case 'stream/window-invoke': {
      const window = mapping?.TumblingWindowInSeconds;
      return `${window ? `TumblingWindowInSeconds is ${window}` : 'Tumbling windows are on'}: Lambda groups records into fixed windows by arrival time and passes each invocation the state returned so far; the last one is marked isFinalInvokeForWindow.`;
    }
    case 'stream/window-closed':
      return "The window's final invocation succeeded, so its result is complete; the next window starts with empty state.";
    case 'stream/window-abandoned':
      return 'A window whose final invocation cannot succeed is given up, and its state is lost.';
    default:
      return null;
  }
}

/** Why an event source mapping event happened, or null when the type is not one of these. */
export function whyPoll(c: WhyContext): string | null {
  const event = c.log[c.index]!;
  const d: Data = event.data ?? {};
  switch (event.type) {
    case 'esm/batch-invoked':
      return batchInvoked(c, d, event.rule);
    case 'esm/service-error':
      return 'A system error happened before the function ran: nothing reached the function, nothing is billed, no retry attempt is used, and the batch is tried again.';
    case 'esm/throttled': {
      // The poller's own event follows at once and names the source kind when no scenario is given.
      const sqs =
        sqsSourceOf(c.scenario, d) !== undefined || (c.log[c.index + 1]?.type.startsWith('sqs/') ?? false);
      const next = sqs
        ? `its messages stay hidden and return after ${visibilityWords(c.scenario, d)}`
        : 'the batch is tried again later, and its shard waits behind it';
      return `${throttleCause(d, event.rule, c.scenario)}: the batch never reached the function, so it uses no retry attempt; ${next}.`;
    }
    default:
      if (event.type.startsWith('sqs/')) return sqsWhy(c, d, event.type, event.rule);
      if (event.type.startsWith('stream/')) return streamWhy(c, d, event.type, event.rule);
      return null;
  }
}
