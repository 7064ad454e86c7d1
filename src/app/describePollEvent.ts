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

/** A sentence for an event source mapping event, or null when the type is not one. */
export function describePollEvent(event: SimEvent): EventDescription | null {
  const d: Data = event.data ?? {};
  switch (event.type) {
    case 'esm/batch-invoked':
      return {
        step: 'Function Execution',
        text: `Lambda invokes the function synchronously with a batch of ${plural(num(d, 'batchSize') ?? list(d, 'items').length, 'record')}.`,
      };
    case 'esm/throttled':
      return {
        step: 'Handling Failures',
        text: `The batch of ${plural(num(d, 'batchSize') ?? 0, 'record')} is throttled${throttleReason(d)}; the code does not run. ${str(d, 'message') ?? ''}`.trim(),
      };
    default:
      return event.type.startsWith('sqs/') ? describeSqs(event, d) : null;
  }
}
