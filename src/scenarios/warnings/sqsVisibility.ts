/**
 * §3.2 The SQS queue's visibility timeout against the function's Timeout. Below the Timeout AWS refuses
 * the mapping (`InvalidParameterValueException: Queue visibility timeout: … is less than Function
 * timeout: …`); a run that outlasts the visibility timeout would see its messages received again while it
 * still runs. Below 6 × Timeout + MaximumBatchingWindowInSeconds AWS's recommendation is not met: the extra
 * time is for Lambda to retry batches whose invocation was throttled before the messages return to the queue.
 */
import type { Scenario, SqsSource } from '../schema';
import {
  backlogNote,
  burstMessages,
  capConcurrency,
  demoScenario,
  filterNote,
  num,
  reservedNote,
  sourcePath,
  succeed,
  throttlingReserved,
  withMessages,
} from './demo';
import type { ScenarioWarning } from './types';

/** AWS's recommendation: at least 6 × the function timeout, plus the batching window (§3.2). */
const VISIBILITY_FACTOR = 6;
/** SQS's largest visibility timeout (12 hours). */
const MAX_VISIBILITY_TIMEOUT = 43_200;

/** The visibility timeout AWS recommends for this queue and function. */
export function recommendedVisibilityTimeout(source: SqsSource, timeout: number): number {
  const window = source.queue.FifoQueue ? 0 : source.mapping.MaximumBatchingWindowInSeconds;
  return Math.min(MAX_VISIBILITY_TIMEOUT, VISIBILITY_FACTOR * timeout + window);
}

function fixFor(source: SqsSource, i: number, timeout: number) {
  const recommended = recommendedVisibilityTimeout(source, timeout);
  return [
    {
      path: `${sourcePath(i)}.queue.VisibilityTimeout`,
      value: recommended,
      label: `Set the queue's VisibilityTimeout to ${num(recommended)} s (6 × Timeout + MaximumBatchingWindowInSeconds)`,
    },
  ];
}

/** Visibility timeout below the function's Timeout: a long run is processed twice at once. */
export function visibilityBelowFunctionTimeout(scenario: Scenario): ScenarioWarning[] {
  const timeout = scenario.function.Timeout;
  return scenario.sources.flatMap((source, i) => {
    if (source.type !== 'sqs' || source.queue.VisibilityTimeout >= timeout) return [];
    const visibility = source.queue.VisibilityTimeout;
    const title = 'Visibility timeout shorter than the function timeout';
    return [
      {
        id: 'sqs-visibility-below-function-timeout',
        title,
        reason: `The queue ${source.queue.QueueName} has a VisibilityTimeout of ${num(visibility)} s but the function's Timeout is ${num(timeout)} s, and AWS refuses such a mapping (InvalidParameterValueException). If it ran, a message whose invocation takes longer than ${num(visibility)} s would become visible again, be received by another poller and be processed a second time while the first run is still going.`,
        rule: '§3.2',
        path: `${sourcePath(i)}.queue.VisibilityTimeout`,
        sourceId: source.id,
        fix: fixFor(source, i, timeout),
        seeItHappen: () => {
          // Longer than the visibility timeout, shorter than the function's Timeout.
          const durationMs = Math.round(((visibility + timeout) / 2) * 1000);
          return demoScenario(scenario, {
            warningId: 'sqs-visibility-below-function-timeout',
            title,
            description: `One message, and a handler that runs ${num(durationMs / 1000)} s: longer than the ${num(visibility)}-second visibility timeout, within the ${num(timeout)}-second Timeout. Watch the message become visible again while the first invocation runs, be received again (ApproximateReceiveCount 2) and be processed a second time at the same time; the first invocation's delete then uses a stale receipt handle.${filterNote(source)}`,
            source: withMessages(source, [{ id: 'order', payload: { orderId: 'o-1' } }]),
            rules: [succeed(source, durationMs)],
          });
        },
      },
    ];
  });
}

/** How many batches the throttling demonstration puts in the queue at once. */
const THROTTLE_DEMO_BATCHES = 50;

/** Visibility timeout at or above the Timeout but below AWS's recommended 6 × Timeout + window. */
export function visibilityBelowRecommendation(scenario: Scenario): ScenarioWarning[] {
  const timeout = scenario.function.Timeout;
  return scenario.sources.flatMap((source, i) => {
    if (source.type !== 'sqs') return [];
    const visibility = source.queue.VisibilityTimeout;
    const recommended = recommendedVisibilityTimeout(source, timeout);
    if (visibility < timeout || visibility >= recommended) return [];
    const window = source.queue.FifoQueue ? 0 : source.mapping.MaximumBatchingWindowInSeconds;
    const title = 'Visibility timeout below 6 × the function timeout';
    return [
      {
        id: 'sqs-visibility-below-recommended',
        title,
        reason: `AWS recommends a VisibilityTimeout of at least 6 × Timeout + MaximumBatchingWindowInSeconds (6 × ${num(timeout)} s + ${num(window)} s = ${num(recommended)} s); the queue ${source.queue.QueueName} has ${num(visibility)} s. The extra time lets Lambda retry a batch whose invocation was throttled before its messages become visible again; with less, throttled messages return to the queue and are received again, each receive counting towards a redrive policy's maxReceiveCount.`,
        rule: '§3.2',
        path: `${sourcePath(i)}.queue.VisibilityTimeout`,
        sourceId: source.id,
        fix: fixFor(source, i, timeout),
        seeItHappen: () => {
          const durationMs = Math.min(timeout * 500, 5000);
          const reserved = throttlingReserved(scenario);
          return demoScenario(scenario, {
            warningId: 'sqs-visibility-below-recommended',
            title,
            description: `A burst of ${THROTTLE_DEMO_BATCHES} batches of messages arrives at once and the handler never fails (each batch takes ${num(durationMs / 1000)} s). The pollers start more batches than the function may run, so some invocations are throttled: their messages stay in the queue, come back after ${num(visibility)} s and are received again, their receive count growing although nothing failed. That return is what the recommended ${num(recommended)} s is meant to make rarer; the simulator does not model Lambda retrying a throttled batch within the visibility timeout, so a run with ${num(recommended)} s shows the same throttles, only with longer waits.${reservedNote(scenario, reserved)}${filterNote(source)}${backlogNote(source)}`,
            source: withMessages(source, burstMessages(source, THROTTLE_DEMO_BATCHES)),
            rules: [succeed(source, durationMs)],
            changeFunction: (fn) => capConcurrency(fn, reserved),
          });
        },
      },
    ];
  });
}
