/**
 * Teaching moments of asynchronous invocation (§2): what Lambda does after a failed attempt (retry in
 * ≈1/≈2 min, give up on the event's age, or give up when retries run out), after a throttle (back off
 * within the event age), and after a success with an on-success destination.
 */
import { RULES } from '../../engine/rules';
import type { SimEvent } from '../../engine/types';
import type { MomentDraft, MomentFacts } from '../types';
import { aboutDuration, dataOf, destinationName, findNext } from '../wording';

/** What an invocation record carries besides the request, per condition (§2.5, §9). */
const RECORD_CONTENT: Record<string, string> = {
  Success: " and the function's response",
  RetriesExhausted: ' and the last error',
};

type Delivery = NonNullable<MomentFacts['deliveries']>[number];

const DELIVERY_TYPES = new Set([
  'destination/delivered',
  'destination/delivery-failed',
  'dlq/delivered',
  'dlq/delivery-failed',
]);

/** The deliveries and drop that end an async event, starting at `from` (same item, same time). */
function ending(log: readonly SimEvent[], from: number, item: string) {
  const deliveries: { index: number; data: Record<string, unknown>; delivered: boolean }[] = [];
  let dropped = -1;
  const t = log[from]?.t;
  for (let i = from; i < log.length && log[i]!.t === t; i++) {
    const e = log[i]!;
    if (e.item !== item) continue;
    if (DELIVERY_TYPES.has(e.type)) {
      deliveries.push({ index: i, data: dataOf(e), delivered: e.type.endsWith('/delivered') });
    }
    if (e.type === 'async/dropped') {
      dropped = i;
      break;
    }
  }
  return { deliveries, dropped };
}

/** "sends … to the on-failure destination …; sends the original event … to the DLQ …", or "discards it". */
function describeEnding(
  deliveries: { data: Record<string, unknown>; delivered: boolean }[],
  condition: string,
): string {
  if (deliveries.length === 0) {
    return 'discards the event: no destination or dead-letter queue is configured, so it is lost';
  }
  const parts = deliveries.map(({ data, delivered }) => {
    const where = destinationName(data);
    const what =
      data.target === 'dlq'
        ? `the original event, unchanged (with RequestID, ErrorCode and ErrorMessage attributes), to the dead-letter queue, ${where}`
        : `an invocation record (condition ${condition}, with the request${RECORD_CONTENT[condition] ?? ''}) to the ${data.target === 'on-success' ? 'on-success' : 'on-failure'} destination, ${where}`;
    return delivered ? `sends ${what}` : `tries to send ${what}, but the delivery fails`;
  });
  return parts.join('; it also ');
}

function deliveryFacts(deliveries: { data: Record<string, unknown>; delivered: boolean }[]): Delivery[] {
  return deliveries.map(({ data, delivered }) => ({
    target: String(data.target ?? ''),
    destinationType: String(data.destinationType ?? ''),
    delivered,
  }));
}

function failurePrompt(log: readonly SimEvent[], before: number, item: string, attempt: number): string {
  let how = 'failed with an error';
  for (let i = before; i >= 0 && i > before - 50; i--) {
    const e = log[i]!;
    if (e.item !== item) continue;
    if (e.type === 'invoke/timed-out') {
      how = 'timed out';
      break;
    }
    if (e.type === 'invoke/failed') {
      const response = dataOf(e).response as { errorType?: unknown; errorMessage?: unknown } | undefined;
      if (typeof response?.errorType === 'string') {
        const message = typeof response.errorMessage === 'string' ? `: ${response.errorMessage}` : '';
        how = `failed with an error (${response.errorType}${message})`;
      }
      break;
    }
  }
  return `Attempt ${attempt} of the asynchronous event "${item}" has just ${how}. What does Lambda do next?`;
}

/** Every async moment of the log, in log order. */
export function asyncMoments(log: readonly SimEvent[]): MomentDraft[] {
  const drafts: MomentDraft[] = [];
  const attempt = new Map<string, number>();
  const throttled = new Set<string>();
  for (let i = 0; i < log.length; i++) {
    const e = log[i]!;
    const item = e.item;
    if (item === undefined) continue;
    const d = dataOf(e);
    if (e.type === 'invoke/started' && d.trigger === 'async' && typeof d.attempt === 'number') {
      attempt.set(item, d.attempt);
    } else if (e.type === 'async/retry-scheduled') {
      const delayMs = typeof d.delayMs === 'number' ? d.delayMs : 0;
      const next = typeof d.nextAttempt === 'number' ? d.nextAttempt : (attempt.get(item) ?? 1) + 1;
      drafts.push({
        kind: 'async-retry',
        pauseIndex: i - 1,
        revealIndex: i,
        item,
        prompt: failurePrompt(log, i - 1, item, next - 1),
        correct: {
          text: `It puts the event back in its queue and runs attempt ${next} ${aboutDuration(delayMs)} after the failure.`,
          feedback: `Right: after a function error (timeouts included) Lambda waits about 1 minute before the second attempt and about 2 minutes before the third; this retry comes ${aboutDuration(delayMs)} later. Fixed waits, not exponential backoff.`,
          rule: RULES['§2.2'],
        },
        facts: { delayMs },
      });
    } else if (e.type === 'async/throttled' && !throttled.has(item)) {
      throttled.add(item);
      const backoffMs = typeof d.backoffMs === 'number' ? d.backoffMs : 1000;
      const reserved = typeof d.reason === 'string' && d.reason.startsWith('Reserved');
      drafts.push({
        kind: 'async-throttle',
        pauseIndex: i - 1,
        revealIndex: i,
        item,
        prompt: `The asynchronous event "${item}" is in Lambda's queue, but ${reserved ? "all of the function's reserved concurrency" : 'all the concurrency the function may use'} is busy. What happens when Lambda tries to run it?`,
        correct: {
          text: `The attempt is throttled: the event goes back in the queue and Lambda tries again in ${aboutDuration(backoffMs)}, waiting longer each time (up to 5 minutes) within the event's maximum age. No retry attempt is used.`,
          feedback:
            'Right: a throttled async event stays in Lambda’s queue; the wait grows exponentially from 1 second to at most 5 minutes, for as long as MaximumEventAgeInSeconds allows. Throttles do not count against MaximumRetryAttempts.',
          rule: RULES['§2.3'],
        },
        facts: { delayMs: backoffMs, reservedThrottle: reserved },
      });
    } else if (e.type === 'async/event-age-exceeded') {
      const { deliveries, dropped } = ending(log, i + 1, item);
      const maxAgeMs = typeof d.maxAgeMs === 'number' ? d.maxAgeMs : 0;
      const wouldWait = typeof d.wouldRetryAtMs === 'number' ? d.wouldRetryAtMs - e.t : undefined;
      drafts.push({
        kind: 'async-event-age',
        pauseIndex: i - 1,
        revealIndex: i,
        item,
        prompt: `${failurePrompt(log, i - 1, item, attempt.get(item) ?? 1).replace(' What does Lambda do next?', '')} Its MaximumEventAgeInSeconds is ${Math.round(maxAgeMs / 1000)}. What does Lambda do next?`,
        correct: {
          text: `It gives up at once: the next retry${wouldWait === undefined ? '' : ` (${aboutDuration(wouldWait)} away)`} would start after the maximum event age, so Lambda ${describeEnding(deliveries, 'EventAgeExceeded')}.`,
          feedback: `Right: Lambda checks the event's age before waiting for a retry; when the retry could not start within MaximumEventAgeInSeconds (${Math.round(maxAgeMs / 1000)} s here), the event fails right away with EventAgeExceeded.`,
          rule: RULES['§9'],
        },
        facts: { delayMs: wouldWait, deliveries: deliveryFacts(deliveries) },
      });
      if (dropped > i) i = dropped;
    } else if (e.type === 'async/retries-exhausted') {
      const { deliveries, dropped } = ending(log, i + 1, item);
      const attempts = typeof d.attempts === 'number' ? d.attempts : (attempt.get(item) ?? 1);
      const maxRetries = typeof d.maxRetries === 'number' ? d.maxRetries : 2;
      drafts.push({
        kind: 'async-exhausted',
        pauseIndex: i - 1,
        revealIndex: deliveries[0]?.index ?? (dropped >= 0 ? dropped : i),
        item,
        prompt: `${failurePrompt(log, i - 1, item, attempts).replace(' What does Lambda do next?', '')} MaximumRetryAttempts is ${maxRetries}. What does Lambda do next?`,
        correct: {
          text: `No retries are left: Lambda ${describeEnding(deliveries, 'RetriesExhausted')}.`,
          feedback: `Right: with MaximumRetryAttempts ${maxRetries} an event gets ${maxRetries + 1} attempt${maxRetries === 0 ? '' : 's'}; then Lambda sends it to the on-failure destination and/or the dead-letter queue if configured, and discards it. A destination gets an invocation record; a DLQ gets the event unchanged.`,
          rule: RULES['§2.5'],
        },
        facts: { deliveries: deliveryFacts(deliveries), maxRetries },
      });
      if (dropped > i) i = dropped;
    } else if (e.type === 'async/completed') {
      const next = findNext(log, i, (n) => n.item === item && DELIVERY_TYPES.has(n.type), 5);
      const nd = dataOf(log[next]);
      if (next < 0 || nd.target !== 'on-success' || log[next]!.t !== e.t) continue;
      const { deliveries } = ending(log, next, item);
      drafts.push({
        kind: 'async-on-success',
        pauseIndex: i - 1,
        revealIndex: next,
        item,
        prompt: `Attempt ${attempt.get(item) ?? 1} of the asynchronous event "${item}" has just succeeded, and the function has an on-success destination. What does Lambda do with the outcome?`,
        correct: {
          text: `It ${describeEnding(deliveries, 'Success')}.`,
          feedback:
            'Right: OnSuccess receives an invocation record with condition Success, approximateInvokeCount, the request and the function’s response (no functionError). The caller got its 202 long ago and hears nothing.',
          rule: RULES['§2.5'],
        },
        facts: { deliveries: deliveryFacts(deliveries) },
      });
    }
  }
  return drafts;
}
