/**
 * One short sentence per log event, in plain words, for the timeline and (later) the narration. Where a
 * step of the source article fits, the sentence is tagged with it (Invocation Request, Accepted Response,
 * Event Queuing, Function Execution, Timeout Handling, Response Generation, Return Response, Handling
 * Failures, Completion). Where the article disagrees with AWS (it says the async queue keeps order; AWS
 * does not promise that, §2.4), the words follow AWS.
 */
import type { SimEvent } from '../engine/types';
import { arnName, callerNameCapitalised, targetName } from './awsNames';
import { describePollEvent } from './describePollEvent';
import {
  ms,
  num,
  str,
  throttleReason,
  type ArticleStep,
  type Data,
  type EventDescription,
} from './eventData';
import { formatDuration, formatOffset, plural } from './format';

export type { ArticleStep, EventDescription } from './eventData';

/** `{errorType, errorMessage}` → `Error: boom`. */
function errorText(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { errorType, errorMessage } = value as { errorType?: unknown; errorMessage?: unknown };
  if (typeof errorType !== 'string') return undefined;
  return typeof errorMessage === 'string' && errorMessage ? `${errorType}: ${errorMessage}` : errorType;
}

function billed(data: Data): string {
  const b = num(data, 'billedMs');
  const init = num(data, 'initBilledMs') ?? 0;
  if (b === undefined) return '';
  return init > 0
    ? ` (billed ${formatDuration(b)} + ${formatDuration(init)} of Init)`
    : ` (billed ${formatDuration(b)})`;
}

function describeSyncResponse(data: Data): string {
  const status = num(data, 'statusCode');
  const after = num(data, 'latencyMs') === undefined ? '' : `, ${ms(data, 'latencyMs')} after the request`;
  const functionError = str(data, 'functionError');
  const errorType = str(data, 'errorType');
  if (status === 200 && functionError) {
    return `Lambda answers HTTP 200 with X-Amz-Function-Error: ${functionError}${errorType ? ` (${errorType})` : ''}${after}: the call worked, the function did not.`;
  }
  if (status === 200) return `Lambda answers HTTP 200 with the function's result${after}.`;
  if (status === 429) {
    return `The caller gets HTTP 429 ${errorType ?? 'TooManyRequestsException'}${throttleReason(data)}; Lambda itself does not retry.`;
  }
  if (status === 504) return `The client gets HTTP 504 "Endpoint request timed out"${after}.`;
  if (status === undefined) {
    return `The caller gives up without an HTTP answer${errorType ? ` (${errorType})` : ''}${after}.`;
  }
  return `The caller gets HTTP ${status}${errorType ? ` ${errorType}` : ''}${after}.`;
}

function describeDelivery(type: string, data: Data): EventDescription {
  const target = str(data, 'target');
  const where = arnName(data.destination);
  const failed = type.endsWith('/delivery-failed');
  const step: ArticleStep = target === 'on-success' ? 'Completion' : 'Handling Failures';
  const what = target === 'dlq' ? 'the original event' : 'the invocation record';
  if (failed) {
    const failure = str(data, 'failure');
    return {
      step,
      text: `Lambda could not send ${what} to the ${targetName(target)} (${where})${failure ? `: ${failure}` : ''}.`,
    };
  }
  return { step, text: `Lambda sends ${what} to the ${targetName(target)}, ${where}.` };
}

function describeParts(event: SimEvent): EventDescription {
  const d: Data = event.data ?? {};
  switch (event.type) {
    case 'item/arrived':
      return {
        step: null,
        text:
          d.kind === 'sqs'
            ? 'A producer creates a new message for the SQS queue.'
            : d.kind === 'kinesis'
              ? 'A producer writes a new record to the Kinesis stream.'
              : d.kind === 'dynamodb'
                ? 'A change to the table writes a new record to its DynamoDB stream.'
                : `${callerNameCapitalised(d.caller)} produces a new ${d.kind === 'async' ? 'event' : 'request'}.`,
      };
    case 'sync/invoke-requested': {
      const attempt = num(d, 'clientAttempt') ?? 1;
      const retry = attempt > 1 ? ` (its attempt ${attempt})` : '';
      return {
        step: 'Invocation Request',
        text: `${callerNameCapitalised(d.caller)} calls Invoke synchronously (RequestResponse) and waits for the answer${retry}.`,
      };
    }
    case 'async/invoke-requested':
      return {
        step: 'Invocation Request',
        text: `${callerNameCapitalised(d.caller)} calls Invoke asynchronously (InvocationType Event) and will not wait for the function.`,
      };
    case 'async/accepted':
      return {
        step: 'Accepted Response',
        text: `Lambda accepts the event and answers HTTP ${num(d, 'statusCode') ?? 202} at once; the caller is done.`,
      };
    case 'async/rejected':
      return {
        step: 'Accepted Response',
        text:
          num(d, 'statusCode') === 429
            ? `Lambda refuses the event with HTTP 429${throttleReason(d)}: too many Invoke requests this second. Nothing is queued.`
            : `Lambda refuses the event with HTTP ${num(d, 'statusCode') ?? 413} ${str(d, 'errorType') ?? 'RequestTooLargeException'}: the payload is too large. Nothing is queued.`,
      };
    case 'async/queued':
      return {
        step: 'Event Queuing',
        text: `The event waits in Lambda's internal queue (${plural(num(d, 'queueDepth') ?? 1, 'event')} queued).`,
      };
    case 'async/dequeued':
      return {
        step: 'Event Queuing',
        text: `Lambda takes the event from the queue for attempt ${num(d, 'attempt') ?? '?'}; it is ${ms(d, 'ageMs')} old.`,
      };
    case 'env/cold-start':
      return {
        step: 'Lambda Processing',
        text: d.provisioned
          ? `Lambda starts provisioned environment ${event.env ?? ''} (Init ${ms(d, 'initMs')}).`
          : `No idle environment: Lambda creates ${event.env ?? 'one'} and runs its Init phase (${ms(d, 'initMs')}), a cold start.`,
      };
    case 'env/init-done':
      return {
        step: 'Lambda Processing',
        text: `Init finished after ${ms(d, 'initMs')}; the handler starts.`,
      };
    case 'env/provisioned-ready': {
      const n = num(d, 'count') ?? 0;
      return {
        step: null,
        text: `${plural(n, 'provisioned environment')} ${n === 1 ? 'is' : 'are'} initialised before any request.`,
      };
    }
    case 'env/reaped':
      return {
        step: 'Completion',
        text: `Lambda shuts down environment ${event.env ?? ''} after ${ms(d, 'idleMs')} idle.`,
      };
    case 'invoke/started': {
      const which = d.trigger === 'async-duplicate' ? 'A duplicate run' : `Attempt ${num(d, 'attempt') ?? 1}`;
      const env = event.env ?? 'an environment';
      return {
        step: 'Function Execution',
        text: d.coldStart
          ? `${which} is assigned to the new environment ${env}; the handler runs once Init is done.`
          : `${which} runs on ${d.provisioned ? 'provisioned' : 'warm'} environment ${env} (no Init).`,
      };
    }
    case 'invoke/succeeded':
      return {
        step: 'Response Generation',
        text: `The handler returns successfully after ${ms(d, 'durationMs')}${billed(d)}.`,
      };
    case 'invoke/failed':
      return {
        step: 'Response Generation',
        text: `The handler fails after ${ms(d, 'durationMs')} with ${errorText(d.response) ?? 'an error'}${billed(d)}.`,
      };
    case 'invoke/timed-out':
      return {
        step: 'Timeout Handling',
        text: `The handler is still running at the function's ${ms(d, 'durationMs')} Timeout: Lambda stops it with Sandbox.Timedout${billed(d)}.`,
      };
    case 'invoke/throttled':
      return {
        step: 'Lambda Processing',
        text: `Throttled: HTTP ${num(d, 'statusCode') ?? 429}${throttleReason(d)}. ${str(d, 'message') ?? ''} The function code never runs.`.trim(),
      };
    case 'sync/response':
      return { step: 'Return Response', text: describeSyncResponse(d) };
    case 'sync/rejected':
      return {
        step: 'Return Response',
        text: `Lambda refuses the request with HTTP ${num(d, 'statusCode') ?? 413} ${str(d, 'errorType') ?? ''}; the function never runs.`,
      };
    case 'sync/service-error':
      return {
        step: 'Return Response',
        text: `Lambda fails with HTTP ${num(d, 'statusCode') ?? 500} ${str(d, 'errorType') ?? 'ServiceException'} before running the function.`,
      };
    case 'sync/client-retry':
      return {
        step: 'Handling Failures',
        text: `The client (not Lambda) retries after ${str(d, 'why') ?? 'an error'}: attempt ${num(d, 'nextAttempt') ?? '?'} of ${num(d, 'maxAttempts') ?? '?'} in ${ms(d, 'delayMs')}.`,
      };
    case 'sync/client-timeout':
      return {
        step: 'Timeout Handling',
        text: `The client stops waiting after ${ms(d, 'waitedMs')} (read timeout); the invocation keeps running.`,
      };
    case 'apigw/integration-timeout':
      return {
        step: 'Timeout Handling',
        text: `API Gateway stops waiting after ${ms(d, 'waitedMs')} and answers ${num(d, 'statusCode') ?? 504}; the function keeps running.`,
      };
    case 'sync/response-unclaimed':
      return {
        step: 'Completion',
        text: `The invocation ends (${str(d, 'result') ?? 'done'}), but nobody is waiting for its answer any more; it is billed all the same.`,
      };
    case 'async/retry-scheduled': {
      const at = num(d, 'retryAtMs');
      return {
        step: 'Handling Failures',
        text: `The attempt failed: Lambda puts the event back in the queue and retries in ${ms(d, 'delayMs')} (attempt ${num(d, 'nextAttempt') ?? '?'}${at === undefined ? '' : `, at ${formatOffset(at)}`}).`,
      };
    }
    case 'async/throttled':
      return {
        step: 'Handling Failures',
        text: `Throttled${throttleReason(d)}: the event goes back in the queue and Lambda tries again in ${ms(d, 'backoffMs')}. Throttles do not use up retry attempts.`,
      };
    case 'async/zero-reserved-concurrency':
      return {
        step: 'Handling Failures',
        text: 'Reserved concurrency is 0, so the function can never run: Lambda gives up on the event at once, without retries.',
      };
    case 'async/event-age-exceeded': {
      const at = num(d, 'wouldRetryAtMs');
      return {
        step: 'Handling Failures',
        text: `The next try${at === undefined ? '' : ` (at ${formatOffset(at)})`} would be past the ${ms(d, 'maxAgeMs')} maximum event age, so Lambda gives up now; the event is ${ms(d, 'ageMs')} old.`,
      };
    }
    case 'async/retries-exhausted':
      return {
        step: 'Handling Failures',
        text: `All ${plural(num(d, 'attempts') ?? 0, 'attempt')} failed and MaximumRetryAttempts is ${num(d, 'maxRetries') ?? '?'}: no retries left.`,
      };
    case 'async/dropped': {
      const saved = Array.isArray(d.savedTo) ? d.savedTo.map(targetName) : [];
      const condition = str(d, 'condition');
      const why = condition ? ` (${condition})` : '';
      return {
        step: 'Handling Failures',
        text: saved.length
          ? `Lambda removes the event from its queue${why}; a copy was kept in the ${saved.join(' and the ')}.`
          : `Lambda discards the event${why}; nothing was configured to keep it, so it is lost.`,
      };
    }
    case 'async/completed':
      return {
        step: 'Completion',
        text: `The event is processed successfully after ${plural(num(d, 'attempts') ?? 1, 'attempt')}.`,
      };
    case 'async/duplicate-delivery':
      return {
        step: 'Function Execution',
        text: 'At-least-once delivery: Lambda runs the same event a second time although nothing failed.',
      };
    case 'async/duplicate-dropped':
      return {
        step: 'Event Queuing',
        text: `A duplicate delivery of the event could not run${throttleReason(d)} and is dropped.`,
      };
    case 'destination/delivered':
    case 'destination/delivery-failed':
    case 'dlq/delivered':
    case 'dlq/delivery-failed':
      return describeDelivery(event.type, d);
    default:
      return describePollEvent(event) ?? { step: null, text: `${event.type.replace(/[/-]/g, ' ')}.` };
  }
}

/** The event's article step and sentence, separately (for styling the step). */
export function describeEventParts(event: SimEvent): EventDescription {
  return describeParts(event);
}

/** The event as one short sentence, prefixed with its article step when one fits. */
export function describeEvent(event: SimEvent): string {
  const { step, text } = describeParts(event);
  return step ? `${step}: ${text}` : text;
}
