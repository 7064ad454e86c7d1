/**
 * §3.2 The source queue's redrive policy. SQS, not Lambda, moves a message to the queue's dead-letter
 * queue once it has been received `maxReceiveCount` times, and a batch whose invocation was throttled
 * counts as a receive: AWS advises at least 5 so that throttling alone does not send messages there.
 * Without a redrive policy a message the function cannot process comes back after every visibility
 * timeout until the queue's retention period ends.
 */
import type { Scenario, SqsSource } from '../schema';
import {
  arnOf,
  backlogNote,
  burstMessages,
  capConcurrency,
  demoScenario,
  fail,
  filterNote,
  num,
  reservedNote,
  seconds,
  sourcePath,
  succeed,
  throttlingReserved,
  withMessages,
} from './demo';
import type { ScenarioWarning } from './types';

/** AWS's advice for `maxReceiveCount` with a Lambda event source (§3.2). */
export const MIN_MAX_RECEIVE_COUNT = 5;

/**
 * Batches in the burst of the throttling demonstration. A throttled message needs `maxReceiveCount`
 * throttled receives before SQS moves it; each round of throttling leaves about half of the backlog
 * throttled again, so the burst doubles with every receive allowed.
 */
export function redriveDemoBatches(maxReceiveCount: number): number {
  return 20 * 2 ** maxReceiveCount;
}

/** maxReceiveCount below 5: throttles alone can send messages that never failed to the DLQ. */
export function maxReceiveCountBelowFive(scenario: Scenario): ScenarioWarning[] {
  return scenario.sources.flatMap((source, i) => {
    if (source.type !== 'sqs' || !source.queue.RedrivePolicy) return [];
    const { maxReceiveCount } = source.queue.RedrivePolicy;
    if (maxReceiveCount >= MIN_MAX_RECEIVE_COUNT) return [];
    const title = 'maxReceiveCount below 5';
    const path = `${sourcePath(i)}.queue.RedrivePolicy.maxReceiveCount`;
    return [
      {
        id: 'sqs-max-receive-count-below-5',
        title,
        reason: `SQS moves a message of ${source.queue.QueueName} to its dead-letter queue once it has been received ${maxReceiveCount === 1 ? 'once' : `${num(maxReceiveCount)} times`} (RedrivePolicy.maxReceiveCount), and a batch whose invocation is throttled counts as a receive too. AWS advises a maxReceiveCount of at least 5, so that messages the function never failed on are not sent to the DLQ because of throttling.`,
        rule: '§3.2',
        path,
        sourceId: source.id,
        fix: [{ path, value: MIN_MAX_RECEIVE_COUNT, label: 'Set RedrivePolicy.maxReceiveCount to 5' }],
        seeItHappen: () => {
          const reserved = throttlingReserved(scenario);
          const batches = redriveDemoBatches(maxReceiveCount);
          const limit = Math.min(scenario.function.Timeout, Math.max(1, source.queue.VisibilityTimeout));
          const durationMs = Math.max(100, Math.round(limit * 1000 * 0.5));
          return demoScenario(scenario, {
            warningId: 'sqs-max-receive-count-below-5',
            title,
            description: `A burst of ${num(batches)} batches of messages arrives at once and the handler never fails (each batch takes ${num(durationMs / 1000)} s). The pollers start more batches than the function may run: throttled batches stay in the queue and come back after the visibility timeout, and each time their receive count grows. Watch messages that were received ${maxReceiveCount === 1 ? 'once' : `${num(maxReceiveCount)} times`}, each time throttled, reach the dead-letter queue without the function ever failing on them.${reservedNote(scenario, reserved)}${filterNote(source)}${backlogNote(source)}`,
            source: withMessages(source, burstMessages(source, batches)),
            rules: [succeed(source, durationMs)],
            changeFunction: (fn) => capConcurrency(fn, reserved),
          });
        },
      },
    ];
  });
}

/** The dead-letter queue a fix proposes: beside the source queue, of the same type. */
function deadLetterQueueName(source: SqsSource): string {
  const name = source.queue.QueueName;
  return source.queue.FifoQueue ? `${name.replace(/\.fifo$/, '')}-dlq.fifo` : `${name}-dlq`;
}

/** Receives a "keeps coming back" demonstration shows before it stops the run. */
const MAX_DEMO_RECEIVES = 500;

/** No redrive policy: a poison message is retried until the retention period ends. */
export function noRedrivePolicy(scenario: Scenario): ScenarioWarning[] {
  return scenario.sources.flatMap((source, i) => {
    if (source.type !== 'sqs' || source.queue.RedrivePolicy) return [];
    const { QueueName, VisibilityTimeout, MessageRetentionPeriod } = source.queue;
    const title = 'No dead-letter queue on the source queue';
    return [
      {
        id: 'sqs-no-redrive-policy',
        title,
        reason: `The queue ${QueueName} has no RedrivePolicy, so a message the function cannot process is never set aside: it becomes visible again after every VisibilityTimeout (${num(VisibilityTimeout)} s) and is retried, each run billed, until SQS deletes it at the end of its MessageRetentionPeriod of ${seconds(MessageRetentionPeriod)}. Nothing records that it was lost.`,
        rule: '§3.2',
        path: `${sourcePath(i)}.queue.RedrivePolicy`,
        sourceId: source.id,
        fix: [
          {
            path: `${sourcePath(i)}.queue.RedrivePolicy`,
            value: {
              deadLetterTargetArn: arnOf(scenario, 'sqs', deadLetterQueueName(source)),
              maxReceiveCount: MIN_MAX_RECEIVE_COUNT,
            },
            label: `Add a RedrivePolicy: dead-letter queue ${deadLetterQueueName(source)}, maxReceiveCount 5`,
          },
        ],
        seeItHappen: () => {
          const durationMs = Math.min(1000, scenario.function.Timeout * 500);
          // One receive per visibility timeout (or per run, if the timeout is shorter than a run).
          const cycleSeconds = Math.max(VisibilityTimeout, durationMs / 1000);
          const receives = MessageRetentionPeriod / cycleSeconds;
          const stopAt = receives > MAX_DEMO_RECEIVES ? MAX_DEMO_RECEIVES * cycleSeconds : undefined;
          const ending =
            stopAt === undefined
              ? ` After ${seconds(MessageRetentionPeriod)} SQS deletes it (retention), unprocessed and unrecorded.`
              : ` The run stops after ${seconds(stopAt)}; SQS would go on returning it until it is ${seconds(MessageRetentionPeriod)} old.`;
          return demoScenario(scenario, {
            warningId: 'sqs-no-redrive-policy',
            title,
            description: `The message "poison" makes the handler throw every time. Watch it come back after each ${num(VisibilityTimeout)}-second visibility timeout and be run again and again, its receive count growing.${ending}${filterNote(source)}`,
            source: withMessages(source, [{ id: 'poison', payload: { orderId: 'o-bad' } }]),
            rules: [fail(['poison'], durationMs)],
            ...(stopAt === undefined ? {} : { untilSeconds: stopAt }),
          });
        },
      },
    ];
  });
}
