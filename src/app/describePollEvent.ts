/**
 * Sentences for the events of poll-based invocation (event source mappings). The source article says the
 * poller "acknowledges" SQS messages on receipt; AWS does not: received messages are only hidden for the
 * visibility timeout and deleted after the function succeeds (aws-semantics §6, §3.2). The sentences say so.
 */
import type { SimEvent } from '../engine/types';
import { arnName } from './awsNames';
import { num, str, throttleReason, type Data, type EventDescription } from './eventData';
import { formatDuration, plural } from './format';

function list(data: Data, key: string): string[] {
  const v = data[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function seconds(data: Data, key: string): string {
  const v = num(data, key);
  return v === undefined ? 'the visibility timeout' : formatDuration(v * 1000);
}

function describeSqs(event: SimEvent, d: Data): EventDescription | null {
  switch (event.type) {
    case 'sqs/sent': {
      const group = str(d, 'messageGroupId');
      return {
        step: 'Event Queuing',
        text: `A producer sends the message to the queue${group ? ` (message group ${group})` : ''}; ${plural(num(d, 'visible') ?? 1, 'message')} now visible.`,
      };
    }
    case 'sqs/received': {
      const n = list(d, 'items').length;
      const counts = Array.isArray(d.receiveCounts) ? (d.receiveCounts as number[]) : [];
      const again = counts.some((c) => c > 1)
        ? ` (some again: received up to ${Math.max(...counts)} times)`
        : '';
      return {
        step: 'Accepted Response',
        text: `The poller receives ${plural(n, 'message')}${again}. Nothing is acknowledged or removed: SQS hides them for the ${seconds(d, 'visibilityTimeoutSeconds')} visibility timeout.`,
      };
    }
    case 'sqs/deleted':
      return {
        step: 'Completion',
        text: d.staleReceiptHandle
          ? `Lambda deletes the message with the receipt handle of an earlier receive; SQS accepts it (it may not, for a stale handle), so the later copy's work was a duplicate.`
          : `The function succeeded, so Lambda deletes the message from the queue (it was received ${plural(num(d, 'receiveCount') ?? 1, 'time')}).`,
      };
    case 'sqs/delete-ignored':
      return { step: 'Completion', text: `Nothing to delete: ${str(d, 'reason') ?? 'the message is gone'}.` };
    case 'sqs/visible-again':
      return {
        step: 'Handling Failures',
        text: `The visibility timeout ended without a delete: the message is visible again and will be received again (received ${plural(num(d, 'receiveCount') ?? 1, 'time')} so far).`,
      };
    case 'sqs/batch-failed': {
      const rbif = d.reportBatchItemFailures === true;
      const thrown = d.thrown === true;
      const note =
        rbif && thrown ? ' A thrown error fails the whole batch even with ReportBatchItemFailures.' : '';
      return {
        step: 'Handling Failures',
        text: `The batch failed (${str(d, 'reason') ?? 'error'}): nothing is deleted, and all ${plural(list(d, 'items').length, 'message')} reappear after ${seconds(d, 'visibleAgainInSeconds')}.${note}`,
      };
    }
    case 'sqs/partial-batch':
      return {
        step: 'Handling Failures',
        text: `Partial batch response: Lambda deletes ${list(d, 'deleted').join(', ') || 'nothing'} and leaves ${list(d, 'failed').join(', ')} hidden; they reappear after ${seconds(d, 'visibleAgainInSeconds')}.`,
      };
    case 'sqs/batch-throttled':
      return {
        step: 'Handling Failures',
        text: `The function is throttled${throttleReason(d)}: the ${plural(list(d, 'items').length, 'message')} stay hidden and reappear after ${seconds(d, 'visibleAgainInSeconds')}, and each receive counts toward maxReceiveCount.`,
      };
    case 'sqs/moved-to-dlq':
      return {
        step: 'Handling Failures',
        text: `Received ${plural(num(d, 'receiveCount') ?? 0, 'time')} (maxReceiveCount ${num(d, 'maxReceiveCount') ?? '?'}): SQS itself, not Lambda, moves the message to the ${arnName(d.destination)}.`,
      };
    case 'sqs/expired':
      return {
        step: 'Handling Failures',
        text: "The message outlived the queue's retention period: SQS deletes it unprocessed.",
      };
    case 'sqs/filtered-out':
      return {
        step: 'Completion',
        text: "The message matches none of the mapping's filters: Lambda deletes it without invoking the function.",
      };
    case 'sqs/scaled-up':
      return {
        step: 'Lambda Processing',
        text: `Messages keep waiting: the mapping goes from ${num(d, 'from') ?? '?'} to ${num(d, 'to') ?? '?'} concurrent batches (at most 300 more per minute, up to 1,250).`,
      };
    case 'sqs/scaled-down':
      return {
        step: 'Lambda Processing',
        text: `After function errors Lambda scales the mapping down from ${num(d, 'from') ?? '?'} to ${num(d, 'to') ?? '?'} concurrent batches.`,
      };
    default:
      return null;
  }
}

function shardName(d: Data): string {
  const shard = str(d, 'shard');
  return shard ? `shard ${shard}` : 'the shard';
}

function retryIn(d: Data): string {
  const wait = num(d, 'retryInMs');
  return wait === undefined ? '' : ` in ${formatDuration(wait)}`;
}

function describeStream(event: SimEvent, d: Data): EventDescription | null {
  switch (event.type) {
    case 'stream/mapping-created': {
      const before = num(d, 'recordsBeforeStartingPosition') ?? 0;
      return {
        step: 'Invocation Request',
        text: `The event source mapping starts reading ${plural(num(d, 'shards') ?? 1, 'shard')} at ${str(d, 'startingPosition') ?? 'its starting position'}${before > 0 ? `; ${plural(before, 'record')} already in the stream will not be read` : ''}.`,
      };
    }
    case 'stream/record-put':
      return {
        step: 'Event Queuing',
        text: `The record lands on ${shardName(d)} with sequence number …${(str(d, 'sequenceNumber') ?? '').slice(-6)}${str(d, 'partitionKey') ? ` (partition key ${str(d, 'partitionKey')})` : ''}; records stay in the stream, in order, until retention ends.`,
      };
    case 'stream/batch-read':
      return {
        step: 'Accepted Response',
        text: `The poller reads ${plural(num(d, 'batchSize') ?? list(d, 'items').length, 'record')} from ${shardName(d)}, starting at its checkpoint. Nothing is removed from the stream.`,
      };
    case 'stream/retry':
      return {
        step: 'Function Execution',
        text: `Lambda retries the same batch (invocation ${num(d, 'attempt') ?? '?'}); the shard waits behind it, in order.`,
      };
    case 'stream/batch-throttled':
      return {
        step: 'Handling Failures',
        text: `The batch is throttled${throttleReason(d)}: Lambda tries again later; throttles use no retry attempt.`,
      };
    case 'stream/batch-failed': {
      const discard = str(d, 'next') === 'discard';
      const retryNote = d.countsAsRetry === false ? ' This uses no retry attempt.' : '';
      return {
        step: 'Handling Failures',
        text: discard
          ? `The batch failed again (${str(d, 'reason') ?? 'error'}) and no retries are left: Lambda skips it and the shard moves on.`
          : `The batch failed (${str(d, 'reason') ?? 'error'}): Lambda retries it${retryIn(d)}, and ${shardName(d)} is blocked until it succeeds or gives up.${retryNote}`,
      };
    }
    case 'stream/batch-bisected': {
      const halves = Array.isArray(d.halves) ? (d.halves as number[]) : [];
      return {
        step: 'Handling Failures',
        text: `BisectBatchOnFunctionError: Lambda splits the batch into ${halves.join(' and ') || 'two halves'} records and retries each half; splitting uses no retry attempt.`,
      };
    }
    case 'stream/checkpoint':
      return {
        step: 'Completion',
        text: d.partial
          ? `Partial batch response: Lambda checkpoints ${plural(num(d, 'checkpointed') ?? 0, 'record')} before the lowest reported sequence number and retries the ${plural(num(d, 'retried') ?? 0, 'record')} from it.`
          : `The batch succeeded: Lambda checkpoints ${shardName(d)} after ${plural(num(d, 'records') ?? 0, 'record')} and reads on.`,
      };
    case 'stream/retries-exhausted':
      return {
        step: 'Handling Failures',
        text: `MaximumRetryAttempts is used up after ${plural(num(d, 'approximateInvokeCount') ?? 0, 'invocation')}: the ${plural(num(d, 'records') ?? 0, 'record')} of the batch are skipped (RetryAttemptsExhausted).`,
      };
    case 'stream/record-checkpointed':
      return { step: 'Completion', text: 'The record is processed and behind the checkpoint.' };
    case 'stream/record-skipped':
      return {
        step: 'Handling Failures',
        text: `The record is skipped${str(d, 'outcome') === 'dead-lettered' ? '; the on-failure destination got a description of its batch (not its data)' : ' and no destination keeps a trace of it'}.`,
      };
    case 'stream/record-aged-out':
      return {
        step: 'Handling Failures',
        text: `The record is older than MaximumRecordAgeInSeconds (${num(d, 'maximumRecordAgeInSeconds') ?? '?'} s): Lambda stops retrying it (RecordAgeExceeded).`,
      };
    case 'stream/record-expired':
      return {
        step: 'Handling Failures',
        text: `The record left the stream after ${num(d, 'retentionHours') ?? 24} h of retention without being processed; only now can the shard move past it.`,
      };
    case 'stream/window-invoke':
      return {
        step: 'Function Execution',
        text: `Tumbling window ${d.isFinalInvokeForWindow ? 'final invocation (isFinalInvokeForWindow)' : 'invocation'} with ${plural(num(d, 'records') ?? 0, 'record')} and the window's state so far.`,
      };
    case 'stream/window-closed':
      return { step: 'Completion', text: 'The tumbling window is closed; its state is discarded.' };
    case 'stream/window-abandoned':
      return {
        step: 'Handling Failures',
        text: `The tumbling window is abandoned: ${str(d, 'reason') ?? 'its records left the stream'}.`,
      };
    default:
      return null;
  }
}

/** A sentence for an event source mapping event, or null when the type is not one. */
export function describePollEvent(event: SimEvent): EventDescription | null {
  const d: Data = event.data ?? {};
  switch (event.type) {
    case 'esm/batch-invoked':
      return {
        step: 'Function Execution',
        text: `Lambda invokes the function synchronously with a batch of ${plural(num(d, 'batchSize') ?? list(d, 'items').length, 'record')}.`,
      };
    case 'esm/service-error':
      return {
        step: 'Handling Failures',
        text: `Lambda fails with a system error (HTTP 500) before running the function on a batch of ${plural(num(d, 'batchSize') ?? 0, 'record')}; nothing is invoked or billed, and no retry is used.`,
      };
    case 'esm/throttled':
      return {
        step: 'Handling Failures',
        text: `The batch of ${plural(num(d, 'batchSize') ?? 0, 'record')} is throttled${throttleReason(d)}; the code does not run. ${str(d, 'message') ?? ''}`.trim(),
      };
    default:
      if (event.type.startsWith('sqs/')) return describeSqs(event, d);
      return event.type.startsWith('stream/') ? describeStream(event, d) : null;
  }
}
