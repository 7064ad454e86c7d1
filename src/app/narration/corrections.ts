/**
 * Where the source article is wrong (aws-semantics.md §6), said at the moment the run shows it: a
 * function-error retry being scheduled (fixed waits, not exponential backoff), an async event run out of
 * arrival order or delivered twice (no ordering promise), an SQS receive or a message visible again (no
 * acknowledgement), and the first failure where a stream's MaximumRetryAttempts or SQS's maxReceiveCount,
 * not the async "0 to 2", decides the retries. Receives, SQS failures and stream failures are corrected
 * the first time they happen in a source, not at every repeat.
 */
import type { SimEvent } from '../../engine/types';
import type { Scenario } from '../../scenarios/schema';
import { num, type Data } from '../eventData';
import { formatCount, formatDuration } from '../format';
import { isFirstMoment, overtakenBy } from './logFacts';
import { maxReceiveCount, streamMaxRetries, streamSourceOf, visibilityWords } from './settings';
import type { Correction } from './types';

/** The article's sentences, quoted as it writes them. */
export const ARTICLE = {
  backoff:
    'Exponential Backoff algorithm is used between retries which increases the time between each retry attempt exponentially.',
  order: 'The queuing mechanism ensures that events are processed in the order they are received.',
  acknowledge: 'Lambda detects new messages in the SQS queue and acknowledges them.',
  retryRange: 'Retry Attempts: Range from 0 to 2.',
  pollDlq: 'If processing fails, Lambda retries the message. If retries fail, the message is sent to a DLQ.',
} as const;

const ORDER_ONLY_WHERE =
  'Order exists only per shard or partition key (Kinesis, DynamoDB Streams) and per message group (SQS FIFO).';

function retryBackoff(d: Data): Correction {
  const delay = num(d, 'delayMs');
  return {
    article: ARTICLE.backoff,
    aws: `After a function error Lambda waits a fixed time, about 1 minute before the second attempt and about 2 minutes before the third${delay === undefined ? '' : ` (this wait: ${formatDuration(delay)})`}; exponential backoff, from 1 s up to 5 minutes, is for throttles and system errors.`,
  };
}

function outOfOrder(log: readonly SimEvent[], i: number): Correction | undefined {
  const other = overtakenBy(log, i);
  if (other === null) return undefined;
  const retry = (num(log[i]!.data ?? {}, 'attempt') ?? 1) > 1;
  return {
    article: ARTICLE.order,
    aws: retry
      ? `Lambda's queue promises no order: this retry runs behind ${other}, which arrived later and already ran. ${ORDER_ONLY_WHERE}`
      : `Lambda's queue promises no order: ${other} arrived after this event and already ran. ${ORDER_ONLY_WHERE}`,
  };
}

const DUPLICATE: Correction = {
  article: ARTICLE.order,
  aws: 'The queue is eventually consistent: it delivers at least once and in no guaranteed order, so the same event can run twice although nothing failed.',
};

function notAcknowledged(event: SimEvent, scenario: Scenario | undefined): Correction {
  const d = event.data ?? {};
  const vt = visibilityWords(scenario, d);
  return event.type === 'sqs/received'
    ? {
        article: ARTICLE.acknowledge,
        aws: `Nothing is acknowledged on receipt: SQS only hides the messages for ${vt}; Lambda deletes them after the function succeeds, and after a failure they become visible again.`,
      }
    : {
        article: ARTICLE.acknowledge,
        aws: `Receiving never acknowledged the message: SQS only hid it for ${vt}, and with no delete by then it is visible again, to be received again.`,
      };
}

function sqsRetries(event: SimEvent, scenario: Scenario | undefined): Correction {
  const d = event.data ?? {};
  const max = maxReceiveCount(scenario, d);
  if (event.type === 'sqs/moved-to-dlq') {
    return {
      article: ARTICLE.pollDlq,
      aws: `Lambda counts no retries for SQS: the queue's RedrivePolicy does. After maxReceiveCount${max === undefined ? '' : ` (${max})`} receives SQS itself moves the message to the source queue's dead-letter queue; the function's own DLQ is not used for SQS.`,
    };
  }
  const until =
    max === undefined
      ? 'with no redrive policy on the queue, until it succeeds or its retention period ends'
      : `until SQS moves it to the dead-letter queue after maxReceiveCount (${max}) receives`;
  return {
    article: ARTICLE.retryRange,
    aws: `That range is the async setting. An SQS mapping has no retry count: a failed message comes back when ${visibilityWords(scenario, d)} runs out and is received again, ${until}.`,
  };
}

function streamRetries(event: SimEvent, scenario: Scenario | undefined): Correction {
  const d = event.data ?? {};
  const max = streamMaxRetries(scenario, d);
  const type = streamSourceOf(scenario, d)?.type;
  const kind = type === 'dynamodb' ? 'DynamoDB Streams' : type === 'kinesis' ? 'Kinesis' : 'stream';
  const here = max === undefined ? '' : `; here it is ${max < 0 ? '−1' : formatCount(max)}`;
  return {
    article: ARTICLE.retryRange,
    aws: `That range is the async setting. A ${kind} mapping has its own MaximumRetryAttempts, from −1 to 10,000, default −1 (retry until the records expire)${here}.`,
  };
}

/** The correction event `i` carries, if the article is wrong about what it shows. */
export function correctionFor(
  log: readonly SimEvent[],
  i: number,
  scenario: Scenario | undefined,
): Correction | undefined {
  const event = log[i]!;
  switch (event.type) {
    case 'async/retry-scheduled':
      return retryBackoff(event.data ?? {});
    case 'async/dequeued':
      return outOfOrder(log, i);
    case 'async/duplicate-delivery':
      return DUPLICATE;
    case 'sqs/received':
    case 'sqs/visible-again':
      return isFirstMoment(log, i) ? notAcknowledged(event, scenario) : undefined;
    case 'sqs/batch-failed':
    case 'sqs/moved-to-dlq':
      return isFirstMoment(log, i) ? sqsRetries(event, scenario) : undefined;
    case 'stream/batch-failed':
      return isFirstMoment(log, i) ? streamRetries(event, scenario) : undefined;
    default:
      return undefined;
  }
}
