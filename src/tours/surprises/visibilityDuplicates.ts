/** Surprise: a visibility timeout shorter than the function makes SQS hand the same message out twice. */
import type { Tour } from '../types';

export const VISIBILITY_DUPLICATES: Tour = {
  id: 'visibility-duplicates',
  kind: 'surprise',
  title: 'A visibility timeout shorter than the function',
  summary:
    'An 8-second function reads a queue whose visibility timeout is 5 s: the same message is processed twice, at the same time.',
  presetId: 'sqs-visibility-too-short',
  steps: [
    {
      title: 'Hidden for 5 seconds',
      text: "The poller receives the message and SQS hides it for the queue's visibility timeout: 5 s. The function's Timeout is 10 s and this handler needs 8 s. AWS refuses such a mapping (the visibility timeout must be at least the function's Timeout); the simulator runs it to show why.",
      at: { type: 'sqs/received' },
    },
    {
      title: 'The handler starts',
      text: 'The function starts on a new environment. SQS does not know the message is being worked on: a receive is not a lock, only a timer.',
      at: { type: 'invoke/started' },
    },
    {
      title: 'The timer runs out',
      text: 'At 5 s the visibility timeout ends while the handler is still busy. For SQS the message simply becomes visible again, exactly as if the invocation had failed.',
      at: { type: 'sqs/visible-again' },
    },
    {
      title: 'Received a second time',
      text: 'Another poller receives it, with ApproximateReceiveCount 2 and a new receipt handle. SQS hides it for another 5 s, while the first invocation is still running.',
      at: { type: 'sqs/received' },
    },
    {
      title: 'The same order, twice at once',
      text: 'A second invocation starts on a second environment with the same message. Two copies of one order are now processed in parallel: at-least-once delivery, made certain by the configuration.',
      at: { type: 'invoke/started' },
    },
    {
      title: 'A delete with an old receipt handle',
      text: 'The first invocation succeeds after 8 s and Lambda deletes the message with the receipt handle of the first receive. SQS may accept such a stale handle, as here, or ignore it; either way the second copy is duplicate work.',
      at: { type: 'sqs/deleted' },
    },
    {
      title: 'Nothing left to delete',
      text: "The second invocation succeeds too and finds nothing to delete. The fix: a visibility timeout of at least six times the function's Timeout (plus any batching window), and handlers that tolerate duplicates.",
      at: { type: 'sqs/delete-ignored' },
    },
  ],
};
