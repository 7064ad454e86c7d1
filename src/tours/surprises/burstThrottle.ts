/** Surprise: a burst far below the account's quota is still throttled by the per-function scaling rate. */
import type { Tour } from '../types';

export const BURST_THROTTLE: Tour = {
  id: 'burst-throttle',
  kind: 'surprise',
  title: 'A burst meets the scaling rate',
  summary:
    '3,000 requests at once, with room for 10,000: Lambda still adds only 1,000 environments per 10 seconds, and 2,000 callers get HTTP 429.',
  presetId: 'burst-scaling',
  steps: [
    {
      title: '3,000 requests at once',
      text: "3,000 synchronous requests arrive in the same millisecond, each needing 60 s. The account's quota is 10,000 concurrent executions, so on paper there is room for all of them.",
      at: { type: 'sync/invoke-requested', item: 'r-1' },
    },
    {
      title: 'Each request needs its own environment',
      text: 'An environment runs one request at a time, so concurrency is requests per second times duration: 3,000 environments, none of which exists yet. Lambda starts creating them, each with a cold start.',
      at: { type: 'env/cold-start' },
    },
    {
      title: 'The 1,000th environment',
      text: 'Lambda adds at most 1,000 execution environments to one function every 10 seconds (since November 2023; before, an account-wide burst of 500 to 3,000 plus 500 per minute). The 1,000th request gets the last environment this moment allows.',
      at: { type: 'invoke/started', item: 'r-1000' },
    },
    {
      title: 'The 1,001st is throttled',
      text: "The next request finds the scaling rate used up: HTTP 429 TooManyRequestsException, although the account's quota is far from reached. Its code never runs and it is not billed; it counts in Throttles.",
      at: { type: 'invoke/throttled' },
    },
    {
      title: 'A 429 for the caller',
      text: 'A synchronous caller gets the 429 at once. Lambda never retries synchronous calls and this direct caller does not either, so 2,000 of the 3,000 requests fail. The AWS SDK would retry with backoff while capacity refills at 100 environments per second.',
      at: { type: 'sync/response', item: 'r-1001' },
    },
    {
      title: 'The first thousand finish',
      text: 'After 60 s, plus 250 ms of Init, the 1,000 requests that started finish, and their environments are warm and free. Smooth such bursts with a queue or client retries with jitter, or keep environments ready with provisioned concurrency.',
      at: { type: 'invoke/succeeded' },
    },
  ],
};
