/** Chapter 2: the article's asynchronous "Working" list, over an event that fails twice and then succeeds. */
import type { Tour } from '../types';

export const ASYNC_CHAPTER: Tour = {
  id: 'async',
  kind: 'chapter',
  title: 'Asynchronous invocation',
  summary:
    'The caller gets 202 and leaves; Lambda queues the event, retries it after about 1 and 2 minutes, and reports the outcome to a destination.',
  presetId: 'default',
  steps: [
    {
      title: 'S3 sends the event',
      articleStep: 'Invocation Request',
      text: 'An S3 event notification invokes the function with InvocationType Event. S3, SNS and EventBridge invoke this way: they hand the event over and do not wait for the function. An event may be up to 1 MB (256 KB before 2025).',
      at: { type: 'async/invoke-requested' },
    },
    {
      title: '202 Accepted, and the caller is gone',
      articleStep: 'Accepted Response',
      text: 'Lambda answers HTTP 202 at once, with an empty body. From now on the caller learns nothing: whether the function succeeds, fails or never runs, only destinations, a dead-letter queue and CloudWatch metrics will tell.',
      at: { type: 'async/accepted' },
    },
    {
      title: "Into Lambda's internal queue",
      articleStep: 'Event Queuing',
      text: "The event waits in Lambda's internal queue until a poller takes it. The article says this queue processes events in the order they arrive; AWS promises no order. The queue is eventually consistent, events run in parallel and may be delivered twice, and a retried event runs after newer ones.",
      at: { type: 'async/queued' },
    },
    {
      title: 'The first attempt',
      articleStep: 'Function Execution',
      text: 'A poller takes the event and runs the function on a new environment (a cold start). The handler calls a payment service, which answers 503, and throws PaymentServiceUnavailable. That is a function error, just like a timeout would be.',
      at: { type: 'invoke/started' },
    },
    {
      title: 'Back to the queue for about a minute',
      articleStep: 'Handling Failures',
      text: "After a function error Lambda puts the event back in its queue and retries it about 60 s later. The article calls this exponential backoff; for function errors AWS waits a fixed 1 minute, then 2 minutes. Exponential backoff, from 1 s up to 5 minutes, is for throttles and Lambda's own errors.",
      at: { type: 'async/retry-scheduled' },
    },
    {
      title: 'Second failure: two minutes',
      articleStep: 'Handling Failures',
      text: 'The second attempt fails too, and Lambda waits about 120 s before the third and last. MaximumRetryAttempts (0 to 2, default 2) sets how many retries there are, and MaximumEventAgeInSeconds (60 s to 6 hours, default 6 hours) how old the event may get. All attempts share one request id and reuse the warm environment.',
      at: { type: 'async/retry-scheduled' },
    },
    {
      title: 'The third attempt succeeds',
      articleStep: 'Completion',
      text: 'About three minutes after S3 sent it, the event is processed. The three attempts were three billed invocations (Invocations 3, Errors 2) that nobody waited for.',
      at: { type: 'async/completed' },
    },
    {
      title: 'The outcome goes to a destination',
      articleStep: 'Completion',
      text: 'Lambda sends an invocation record to the on-success destination, an EventBridge bus: condition Success, approximateInvokeCount 3, the request and the response. Had the third attempt failed, the on-failure queue would have received a RetriesExhausted record and the dead-letter queue the original event, unchanged.',
      at: { type: 'destination/delivered' },
    },
  ],
};
