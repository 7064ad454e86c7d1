/** Chapter 3: the article's poll-based "Working" list, over an SQS queue with a poison and a good message. */
import type { Tour } from '../types';

export const POLL_CHAPTER: Tour = {
  id: 'poll',
  kind: 'chapter',
  title: 'Poll-based invocation (SQS)',
  summary:
    'Lambda polls the queue: a received message is only hidden, a failure makes it visible again, SQS redrives it to a dead-letter queue, and success deletes it.',
  presetId: 'sqs-poison-then-success',
  steps: [
    {
      title: 'Pollers wait on the queue',
      articleStep: 'Invocation Request',
      text: "Nobody calls Invoke here. An event source mapping makes Lambda's pollers long-poll the queue, so a message a producer sends is picked up within moments. This first message is an HTML error page instead of an order: the handler will never manage it.",
      at: { type: 'sqs/sent', item: 'bad-order' },
    },
    {
      title: 'Received, but only hidden',
      articleStep: 'Accepted Response',
      text: "A poller receives the message. The article says Lambda acknowledges it; it does not. SQS only hides the message for the queue's visibility timeout (20 s here) and it stays in the queue until someone deletes it.",
      at: { type: 'sqs/received', item: 'bad-order' },
    },
    {
      title: 'The batch goes straight to the function',
      articleStep: 'Event Queuing',
      text: 'The article describes an internal event queue that keeps order. There is none for SQS: the poller invokes the function synchronously with the batch it received, up to BatchSize messages (10 by default). A standard queue promises no order and may deliver a message twice; a FIFO queue keeps order per message group.',
      at: { type: 'esm/batch-invoked', item: 'bad-order' },
    },
    {
      title: 'The handler runs on the batch',
      articleStep: 'Function Execution',
      text: 'The function receives an event with a Records array, one entry per message, each with its messageId, body and attributes such as ApproximateReceiveCount. It tries to parse this body as JSON and throws a SyntaxError.',
      at: { type: 'invoke/started', item: 'bad-order' },
    },
    {
      title: 'Nothing is deleted',
      articleStep: 'Handling Failures',
      text: 'The invocation failed, so Lambda deletes nothing and the whole batch stays hidden until the visibility timeout ends. Lambda does not retry it on its own; the queue will hand it out again. With ReportBatchItemFailures the function could name just the messages that failed.',
      at: { type: 'sqs/batch-failed', item: 'bad-order' },
    },
    {
      title: 'Visible again, received again',
      articleStep: 'Handling Failures',
      text: "When the 20 s run out the message is visible again, and a poller receives it once more with ApproximateReceiveCount 2. The visibility timeout is the retry delay; AWS recommends at least six times the function's Timeout, so that a running invocation never loses its message.",
      at: { type: 'sqs/visible-again', item: 'bad-order' },
    },
    {
      title: 'SQS moves it to the dead-letter queue',
      articleStep: 'Handling Failures',
      text: "After the third failed receive, the queue's redrive policy (maxReceiveCount 3) applies: SQS itself, not Lambda, moves the message to the queue's dead-letter queue. The function's own dead-letter queue and destinations play no part here. AWS advises a maxReceiveCount of at least 5, so that throttling alone cannot dead-letter a message.",
      at: { type: 'sqs/moved-to-dlq', item: 'bad-order' },
    },
    {
      title: 'Success, then delete',
      articleStep: 'Completion',
      text: 'A good order arrives, and the handler succeeds in 300 ms on the warm environment. Only now does Lambda delete the message from the queue: a delete after success is the only acknowledgement there is.',
      at: { type: 'sqs/deleted', item: 'order' },
    },
  ],
};
