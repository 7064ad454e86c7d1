/** Surprise: throttled asynchronous events are given up when MaximumEventAgeInSeconds is short. */
import type { Tour } from '../types';

export const EVENT_AGE: Tour = {
  id: 'event-age',
  kind: 'surprise',
  title: 'Events that age out while throttled',
  summary:
    'A long job holds the only slot; two events accepted with 202 are throttled, back off, and are given up at 60 s without ever running.',
  presetId: 'async-throttled-ages-out',
  steps: [
    {
      title: 'Accepted while the function is busy',
      text: "An order event arrives while a 100-second job holds the function's only slot (reserved concurrency 1). Lambda accepts it with 202 anyway: acceptance says nothing about when, or whether, it will run.",
      at: { type: 'async/accepted', item: 'order-1' },
    },
    {
      title: 'Throttled: back to the queue',
      text: "The poller finds no free concurrency. Lambda puts the event back in its queue and tries again in 1 s. A throttle uses no retry attempt; what bounds it is the event's age.",
      at: { type: 'async/throttled', item: 'order-1' },
    },
    {
      title: 'The backoff doubles',
      text: 'Still no slot after waits of 1, 2, 4 and 8 s, so now Lambda waits 16 s. This exponential backoff, from 1 s up to 5 minutes, is what AWS uses for throttles and its own errors; function errors wait a fixed 1 and 2 minutes instead.',
      at: { type: 'async/throttled', item: 'order-1', nth: 4 },
    },
    {
      title: 'Too old to try again',
      text: 'About 31 s after it arrived, the next wait of 32 s would take the event past MaximumEventAgeInSeconds, 60 s. Lambda checks before waiting and gives up now, without the function ever having run.',
      at: { type: 'async/event-age-exceeded', item: 'order-1' },
    },
    {
      title: 'An EventAgeExceeded record',
      text: 'The on-failure SQS queue receives an invocation record with condition EventAgeExceeded, approximateInvokeCount 0 and the original request, and no response, since the code never ran. Without a destination or a dead-letter queue the event would be gone without a trace.',
      at: { type: 'destination/delivered', item: 'order-1' },
    },
    {
      title: 'Counted as dropped',
      text: 'Lambda removes the event from its queue and counts it in AsyncEventsDropped. The second order meets the same fate half a second later.',
      at: { type: 'async/dropped', item: 'order-1' },
    },
    {
      title: 'The slot frees, too late',
      text: 'At 100 s the long job finishes and the slot is free, more than a minute after both orders were given up. With the default maximum age of 6 hours they would simply have run now: a short maximum age trades lost events for fresh ones.',
      at: { type: 'async/completed', item: 'nightly-report' },
    },
  ],
};
