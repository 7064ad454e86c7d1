/** Chapter 1: the article's synchronous "Working" list, over a run with a timeout, a warm call and a reap. */
import type { Tour } from '../types';

export const SYNC_CHAPTER: Tour = {
  id: 'sync',
  kind: 'chapter',
  title: 'Synchronous invocation',
  summary:
    'The caller waits: a cold start, a timeout that still answers HTTP 200, a warm call, and an environment that is finally shut down.',
  presetId: 'sync-timeout-then-success',
  steps: [
    {
      title: 'The caller sends Invoke',
      articleStep: 'Invocation Request',
      text: 'A client calls Invoke with InvocationType RequestResponse, the default, and keeps the connection open until the answer comes. The request may be up to 6 MB; a larger one is refused with HTTP 413 before anything runs. The AWS SDK, API Gateway and an Application Load Balancer all call Lambda this way.',
      at: { type: 'sync/invoke-requested', item: 'slow-order' },
    },
    {
      title: 'No environment yet: a cold start',
      articleStep: 'Lambda Processing',
      text: "Lambda looks for an idle execution environment of this function, finds none, and creates one. Its Init phase starts the runtime and runs the code outside the handler (250 ms here; at most 10 s), and since August 2025 Init is billed on on-demand environments. The request now uses one unit of the function's concurrency (1,000 per Region by default).",
      at: { type: 'env/cold-start' },
    },
    {
      title: 'The handler runs',
      articleStep: 'Function Execution',
      text: "Once Init is done, Lambda hands the event to the handler. This order needs 5 s of work, but the function's Timeout is 3 s: the default, adjustable from 1 s to 900 s (15 minutes).",
      at: { type: 'invoke/started', item: 'slow-order' },
    },
    {
      title: 'Lambda stops it at 3 seconds',
      articleStep: 'Timeout Handling',
      text: 'At 3 s Lambda stops the handler: "Task timed out after 3.00 seconds" (Sandbox.Timedout). A timeout is a function error: it counts in Errors and the full 3 s are billed. The caller still gets HTTP 200, with X-Amz-Function-Error: Unhandled and the error as the body, and Lambda does not retry: what to do next is the caller\'s decision.',
      at: { type: 'invoke/timed-out', item: 'slow-order' },
    },
    {
      title: 'A new call finds a warm environment',
      articleStep: 'Response Generation',
      text: 'Ten seconds later the client sends the next order; that is its own choice, since Lambda never retried the first. The environment is idle and warm, so there is no Init, and the handler returns {"ok":true} after 120 ms. That return value is the response, and the 120 ms are billed to the millisecond.',
      at: { type: 'invoke/succeeded', item: 'order' },
    },
    {
      title: 'The answer goes back on the open connection',
      articleStep: 'Return Response',
      text: "Lambda answers HTTP 200 with the handler's JSON as the body (up to 6 MB). The caller waited exactly as long as the function ran. Behind API Gateway it would have given up after 29 s, whatever the function's Timeout.",
      at: { type: 'sync/response', item: 'order' },
    },
    {
      title: 'The environment waits, then goes',
      articleStep: 'Completion',
      text: 'After the response Lambda freezes the environment and keeps it for the next request to the same function version. Nothing comes for ten minutes, so Lambda shuts it down; AWS documents no idle period (the simulator uses 600 s). The order that arrives at 15 minutes starts cold again.',
      at: { type: 'env/reaped' },
    },
  ],
};
