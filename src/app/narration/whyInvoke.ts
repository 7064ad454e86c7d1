/**
 * "Why?" for the events of direct invocation: synchronous calls, the asynchronous queue, execution
 * environments, the handler's runs, and where async results are sent. One plain sentence per event,
 * the rule in words, with the scenario's numbers where they change the story.
 */
import type { SimEvent } from '../../engine/types';
import type { Scenario } from '../../scenarios/schema';
import { num, str, type Data } from '../eventData';
import { formatCount, formatDuration, formatOffset, plural } from '../format';
import { triggerOfEnd } from './logFacts';
import { asyncMaxAgeMs, asyncMaxRetries, maxAgeWords, timeoutWords } from './settings';
import type { WhyContext } from './types';

/** Why the function could not take one more invocation: the limit the throttle hit, with its number. */
export function throttleCause(d: Data, rule: string, scenario: Scenario | undefined): string {
  const reserved = scenario?.function.ReservedConcurrentExecutions;
  const account = scenario?.account.ConcurrentExecutions;
  switch (str(d, 'reason')) {
    case 'ReservedFunctionConcurrentInvocationLimitExceeded':
      return reserved === undefined
        ? "The function's reserved concurrency is all in use"
        : `ReservedConcurrentExecutions is ${formatCount(reserved)} and ${reserved === 1 ? 'that one is' : `all ${formatCount(reserved)} are`} busy`;
    case 'ConcurrentInvocationLimitExceeded':
      return rule === '§4.scaling'
        ? 'A function may add at most 1,000 execution environments every 10 seconds, and requests came faster than that'
        : `The account's concurrency quota${account === undefined ? '' : ` (${formatCount(account)})`} is all in use`;
    case 'FunctionInvocationRateLimitExceeded':
    case 'ReservedFunctionInvocationRateLimitExceeded': {
      const c = reserved ?? account;
      return `Invoke requests are limited to 10 × the concurrency per second${c === undefined ? '' : ` (${formatCount(10 * c)} here)`}`;
    }
    default:
      return "The function's concurrency is all in use";
  }
}

function arrived(d: Data): string {
  switch (d.kind) {
    case 'sync':
      return "The scenario's workload sends this request; a synchronous caller will wait for the function's answer.";
    case 'async':
      return "The scenario's workload sends this event; an asynchronous caller hands it to Lambda and does not wait for the result.";
    case 'sqs':
      return 'Producers write to the queue, not to Lambda: the function sees the message only when the event source mapping polls for it.';
    default:
      return 'Producers write to the stream, not to Lambda: the event source mapping reads each shard in order and invokes the function with batches.';
  }
}

function syncResponse(event: SimEvent): string {
  const d = event.data ?? {};
  const status = num(d, 'statusCode');
  if (status === undefined)
    return 'The client ran out of attempts after read timeouts, so it reports its own error; the function may still have run, maybe more than once.';
  if (status === 200 && str(d, 'functionError'))
    return 'Function errors never change the status code: 200 means Lambda ran the function, and X-Amz-Function-Error tells the caller that it failed.';
  if (status === 200)
    return "A synchronous caller gets the handler's return value in the response body, with HTTP 200.";
  if (status === 429)
    return 'A throttled synchronous call fails at once with 429 TooManyRequestsException; Lambda neither queues nor retries it.';
  if (status === 502)
    return 'API Gateway turns a function error or a malformed proxy response into 502 Internal server error, and does not retry.';
  if (status === 500 && event.rule === '§1.5')
    return 'API Gateway answers 500 when Lambda refuses the invoke (a throttle or a system error), and does not retry.';
  if (status === 504)
    return 'API Gateway gave up at its integration timeout, so its client gets 504 even though the function is still running.';
  return 'An error that prevents the function from running is the only kind that changes the HTTP status of a synchronous call.';
}

function timedOut(c: WhyContext): string {
  const timeout = timeoutWords(c.scenario);
  const head = `The function's Timeout is ${timeout ?? 'its limit'}: Lambda stops a handler that runs longer, and a timeout is a function error (Errors, not Throttles), billed for the full time`;
  switch (triggerOfEnd(c.log, c.index)) {
    case 'sync':
      return `${head}; the synchronous caller gets HTTP 200 with X-Amz-Function-Error: Unhandled.`;
    case 'async':
      return `${head}; an asynchronous event is retried as after any function error.`;
    case 'sqs':
    case 'stream':
      return `${head}; the whole batch counts as failed.`;
    default:
      return `${head}.`;
  }
}

function failed(c: WhyContext): string {
  const head = 'The handler threw or returned an error: a function error, counted in Errors';
  switch (c.log[c.index]!.rule) {
    case '§1.1':
      return `${head}; the synchronous call itself worked, so the caller gets HTTP 200 with X-Amz-Function-Error, and Lambda does not retry.`;
    case '§1.3':
      return 'A synchronous response may be at most 6 MB; a larger result cannot be returned, so the caller gets an error instead.';
    case '§2.2': {
      const max = asyncMaxRetries(c.scenario);
      return `${head}; Lambda retries an asynchronous event after a function error, up to MaximumRetryAttempts (${max}) times.`;
    }
    case '§3.1':
      return `${head}; for a batch from an event source mapping the whole batch fails unless the function reports which items failed.`;
    default:
      return `${head}.`;
  }
}

function invokeStarted(d: Data): string {
  if (d.trigger === 'async-duplicate')
    return 'The queue delivered the event once more; the copy runs like any attempt, in an environment of its own.';
  const attempt = num(d, 'attempt') ?? 1;
  const retry =
    d.trigger === 'async' && attempt > 1 ? ' All attempts of one async event share one request ID.' : '';
  if (d.coldStart)
    return `Each execution environment runs one invocation at a time, and none was idle, so this one waits for a new environment's Init.${retry}`;
  if (d.provisioned)
    return `Provisioned concurrency keeps environments initialised in advance, so the handler starts at once.${retry}`;
  return `An idle environment of this function was free and is reused, so there is no Init: a warm start.${retry}`;
}

function retryScheduled(d: Data, scenario: Scenario | undefined): string {
  const max = asyncMaxRetries(scenario);
  const next = num(d, 'nextAttempt') ?? 2;
  const left = max - (next - 2);
  const wait = num(d, 'delayMs');
  const when = wait === undefined ? 'later' : `about ${formatDuration(wait)} after the failure`;
  return left <= 1
    ? `MaximumRetryAttempts is ${max}, so Lambda retries the event once more, ${when}.`
    : `MaximumRetryAttempts is ${max}, so Lambda retries the event up to ${left} more times; the first retry comes ${when}.`;
}

function throttledAsync(event: SimEvent, scenario: Scenario | undefined): string {
  const d = event.data ?? {};
  const cause =
    str(d, 'reason') === 'ServiceException'
      ? 'Lambda could not run the function (a system error)'
      : throttleCause(d, event.rule, scenario);
  return `${cause}. Throttles and system errors use no retry attempt: Lambda keeps the event and tries again with a backoff that grows exponentially from 1 s to at most 5 minutes, while the event is younger than MaximumEventAgeInSeconds (${formatDuration(asyncMaxAgeMs(scenario))}); this is where the article's "exponential backoff" fits.`;
}

function delivered(event: SimEvent): string {
  const d = event.data ?? {};
  const failedDelivery = event.type.endsWith('/delivery-failed');
  if (event.type.startsWith('dlq/'))
    return failedDelivery
      ? 'When the dead-letter queue cannot take the event (permissions, size, a FIFO queue), Lambda deletes the event and counts DeadLetterErrors.'
      : 'DeadLetterConfig is set: an event that fails every attempt or gets too old goes to it unchanged, with RequestID, ErrorCode and ErrorMessage attributes and no response.';
  if (failedDelivery)
    return 'A destination must accept the record (a standard queue or topic the role may write to); when it does not, Lambda counts DestinationDeliveryFailures and the record is lost.';
  if (str(d, 'condition') === 'RetryAttemptsExhausted' || str(d, 'condition') === 'RecordAgeExceeded')
    return d.destinationType === 's3'
      ? "A stream mapping's S3 on-failure destination gets a description of the discarded batch (shard, sequence numbers, condition) and the records themselves."
      : "A stream mapping's on-failure queue or topic gets a description of the discarded batch (shard, sequence numbers, condition), not the records themselves.";
  return d.target === 'on-success'
    ? 'OnSuccess is configured: after a successful attempt Lambda sends an invocation record with the request and the response to it.'
    : 'OnFailure is configured: when an event fails every attempt or gets too old, Lambda sends an invocation record with the condition, the request and the last response to it.';
}

/** Why a direct-invocation event happened, or null when the type is not one of these. */
export function whyInvoke(c: WhyContext): string | null {
  const event = c.log[c.index]!;
  const d: Data = event.data ?? {};
  const s = c.scenario;
  switch (event.type) {
    case 'item/arrived':
      return arrived(d);
    case 'sync/invoke-requested': {
      const attempt = num(d, 'clientAttempt') ?? 1;
      if (attempt > 1)
        return "The client's retry policy sends the same request again: Lambda never retries a synchronous call, so a duplicate run is the client's doing.";
      const timeout = timeoutWords(s);
      return `InvocationType RequestResponse (the default) keeps the caller waiting until the function returns, fails, or reaches its Timeout${timeout ? ` of ${timeout}` : ''}.`;
    }
    case 'sync/response':
      return syncResponse(event);
    case 'sync/rejected':
      return event.rule === '§1.5'
        ? 'An Application Load Balancer passes at most 1 MB to a function; a larger request is refused before the function runs.'
        : 'A synchronous request may be at most 6 MB; a larger one is refused before the function runs, and nothing is billed.';
    case 'sync/service-error':
      return 'A system error (HTTP 500 ServiceException) means Lambda could not run the function; the code never ran, and Lambda does not retry a synchronous call.';
    case 'sync/client-retry': {
      const max = num(d, 'maxAttempts');
      return `Lambda never retries a synchronous call, but the AWS CLI and SDKs do, on throttles, timeouts and server errors${max === undefined ? '' : ` (up to ${max} attempts in all here)`}, so the function may run more than once.`;
    }
    case 'sync/client-timeout': {
      const waited = num(d, 'waitedMs');
      const limit =
        waited === undefined || waited === 60_000
          ? "The AWS CLI's read timeout is 60 s by default"
          : `The client's read timeout is ${formatDuration(waited)} (the AWS CLI's default is 60 s)`;
      return `${limit}: a longer run looks like a lost connection, and the client's retry can run the function twice.`;
    }
    case 'apigw/integration-timeout': {
      const timeout = timeoutWords(s);
      return `API Gateway's integration timeout is ${num(d, 'waitedMs') === undefined ? '29 s by default' : formatDuration(num(d, 'waitedMs')!)}: it answers 504 but cannot stop the function, which runs (and is billed) up to its own Timeout${timeout ? ` of ${timeout}` : ''}.`;
    }
    case 'sync/response-unclaimed':
      return 'The caller gave up before the end, but Lambda does not stop a running function for that: it finishes, and every millisecond is billed.';
    case 'async/invoke-requested':
      return 'With InvocationType Event Lambda only has to queue the event; the caller never learns how the function fared.';
    case 'async/accepted':
      return 'Asynchronous invocation answers 202 as soon as the event is queued; later errors show only in metrics, logs, destinations or a dead-letter queue.';
    case 'async/rejected':
      return num(d, 'statusCode') === 429
        ? `${throttleCause(d, event.rule, s)}: a request refused before it is queued returns the error to the caller, and nothing is retried.`
        : 'An asynchronous payload may be at most 1 MB (256 KB in older quotas); an event refused before it is queued returns the error to the caller.';
    case 'async/queued':
      return "Lambda's internal queue holds events until an internal poller can run them; it is eventually consistent and promises no order.";
    case 'async/dequeued': {
      const attempt = num(d, 'attempt') ?? 1;
      return attempt > 1
        ? `The wait before attempt ${attempt} is over, so an internal poller takes the event again (${formatDuration(num(d, 'ageMs') ?? 0)} after it was first queued; AsyncEventAge grows with retries).`
        : `An internal poller takes the event as soon as it can run it; the ${formatDuration(num(d, 'ageMs') ?? 0)} it waited is its AsyncEventAge.`;
    }
    case 'env/cold-start':
      return d.provisioned
        ? "Provisioned concurrency initialises environments before they are needed, so their Init is not in any request's way."
        : 'No idle execution environment was free, so Lambda creates one and runs its Init phase (extensions, runtime, static code; at most 10 s) before the handler: a cold start.';
    case 'env/init-done':
      return 'Init runs once per environment; the handler starts only after it, which is the extra latency of a cold start (billed as Init for on-demand functions).';
    case 'env/provisioned-ready': {
      const n = num(d, 'count') ?? 0;
      return `ProvisionedConcurrentExecutions is ${n}, so Lambda keeps ${plural(n, 'environment')} initialised before any request; they are billed for as long as they are configured.`;
    }
    case 'env/reaped': {
      const idle = s?.function.behavior.environmentIdleSeconds;
      return `Lambda stops environments that stay idle for a while (AWS documents no period${idle === undefined ? '' : `; this scenario uses ${formatDuration(idle * 1000)}`}); the next request there will be a cold start.`;
    }
    case 'invoke/started':
      return invokeStarted(d);
    case 'invoke/succeeded': {
      const timeout = timeoutWords(s);
      return `The handler returned within the function's Timeout${timeout ? ` of ${timeout}` : ''}; Lambda bills the run rounded up to the millisecond, at the function's memory size.`;
    }
    case 'invoke/failed':
      return failed(c);
    case 'invoke/timed-out':
      return timedOut(c);
    case 'invoke/throttled':
      return `${throttleCause(d, event.rule, s)}: a synchronous call is refused at once with HTTP 429, its code never runs, and Lambda does not retry it (a client may).`;
    case 'async/retry-scheduled':
      return retryScheduled(d, s);
    case 'async/throttled':
      return throttledAsync(event, s);
    case 'async/zero-reserved-concurrency':
      return 'ReservedConcurrentExecutions is 0, so the function can never run: Lambda sends new events straight to the on-failure destination or dead-letter queue, without retries.';
    case 'async/event-age-exceeded': {
      const at = num(d, 'wouldRetryAtMs');
      return `${maxAgeWords(asyncMaxAgeMs(s, d))}: Lambda checks before waiting, and the next try${at === undefined ? '' : ` at ${formatOffset(at)}`} would start after that, so it gives up now (EventAgeExceeded).`;
    }
    case 'async/retries-exhausted': {
      const max = asyncMaxRetries(s, d);
      return max === 0
        ? 'MaximumRetryAttempts is 0, so an event gets a single attempt; it failed (RetriesExhausted).'
        : `MaximumRetryAttempts is ${max}, so an event gets at most ${max + 1} attempts, and all of them failed (RetriesExhausted).`;
    }
    case 'async/dropped':
      return Array.isArray(d.savedTo) && d.savedTo.length > 0
        ? 'An event that fails every attempt, gets too old, or cannot run is discarded after its record or body went to the configured destination or dead-letter queue; AsyncEventsDropped counts it.'
        : 'With no on-failure destination and no dead-letter queue, a discarded event is simply lost; only AsyncEventsDropped and the logs show it.';
    case 'async/completed':
      return `An attempt succeeded, and an async event is done after its first success (${plural(num(d, 'attempts') ?? 1, 'attempt')} here); an OnSuccess destination, if set, gets a record.`;
    case 'async/duplicate-delivery':
      return 'Asynchronous delivery is at least once: the queue is eventually consistent, so the function can get the same event twice although nothing failed, and handlers must be idempotent.';
    case 'async/duplicate-dropped':
      return 'A duplicate copy is not retried: when it cannot run (throttled) it is dropped, and the original event goes on unaffected.';
    case 'destination/delivered':
    case 'destination/delivery-failed':
    case 'dlq/delivered':
    case 'dlq/delivery-failed':
      return delivered(event);
    default:
      return null;
  }
}
