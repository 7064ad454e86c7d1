/**
 * The built-in scenarios' JSON, as written, with no validation (`index.ts` adds the validated form). The
 * page does not load these: it lists presets from `presetSummaries.ts`, which carries a few fields only.
 */
import type { ScenarioInput } from '../schema';
import { PRESET_ORDER } from './presetOrder';
import defaultScenario from './default.json';
import syncSuccess from './sync-success.json';
import syncFunctionError from './sync-function-error.json';
import syncTimeout from './sync-timeout.json';
import syncTimeoutThenSuccess from './sync-timeout-then-success.json';
import syncThrottled from './sync-throttled.json';
import sdkRetriesThrottles from './sdk-retries-throttles.json';
import cliReadTimeoutDuplicates from './cli-read-timeout-duplicates.json';
import payloadLimits from './payload-limits.json';
import apiGatewayTimeout from './api-gateway-timeout.json';
import albLimits from './alb-limits.json';
import coldAndWarm from './cold-and-warm.json';
import asyncRetriesExhausted from './async-retries-exhausted.json';
import asyncSucceedsOnThirdAttempt from './async-succeeds-on-third-attempt.json';
import asyncAwsSources from './async-aws-sources.json';
import asyncMaxEventAge from './async-max-event-age.json';
import asyncThrottledAgesOut from './async-throttled-ages-out.json';
import asyncDlq from './async-dlq.json';
import asyncDeliveryFailures from './async-delivery-failures.json';
import asyncZeroReservedConcurrency from './async-zero-reserved-concurrency.json';
import asyncThrottledWaits from './async-throttled-waits.json';
import asyncDuplicateDelivery from './async-duplicate-delivery.json';
import burstScaling from './burst-scaling.json';
import provisionedConcurrencySpillover from './provisioned-concurrency-spillover.json';
import sqsBatchSuccess from './sqs-batch-success.json';
import sqsBatchingWindow from './sqs-batching-window.json';
import sqsBatchError from './sqs-batch-error.json';
import sqsPartialBatchFailure from './sqs-partial-batch-failure.json';
import sqsRedriveToDlq from './sqs-redrive-to-dlq.json';
import sqsPoisonThenSuccess from './sqs-poison-then-success.json';
import sqsVisibilityTooShort from './sqs-visibility-too-short.json';
import sqsVisibilitySixTimes from './sqs-visibility-six-times.json';
import sqsScaling from './sqs-scaling.json';
import sqsFifoGroupBlocking from './sqs-fifo-group-blocking.json';
import kinesisInOrder from './kinesis-in-order.json';
import kinesisPoisonRetryLimit from './kinesis-poison-retry-limit.json';
import kinesisBisect from './kinesis-bisect.json';
import kinesisCheckpoint from './kinesis-checkpoint.json';
import kinesisParallelization from './kinesis-parallelization.json';
import kinesisPoisonBlocksShard from './kinesis-poison-blocks-shard.json';
import dynamodbPoisonDefault from './dynamodb-poison-default.json';
import dynamodbBisectOnFailure from './dynamodb-bisect-on-failure.json';
import sameOrderSync from './same-order-sync.json';
import sameOrderAsync from './same-order-async.json';
import sameOrderSqs from './same-order-sqs.json';
import sameOrderKinesis from './same-order-kinesis.json';

/** Every preset's JSON; `presetOrder.ts` says the order they are shown in. */
const RAW: ReadonlyArray<unknown> = [
  defaultScenario,
  syncSuccess,
  syncFunctionError,
  syncTimeout,
  syncTimeoutThenSuccess,
  syncThrottled,
  sdkRetriesThrottles,
  cliReadTimeoutDuplicates,
  payloadLimits,
  apiGatewayTimeout,
  albLimits,
  coldAndWarm,
  asyncRetriesExhausted,
  asyncSucceedsOnThirdAttempt,
  asyncAwsSources,
  asyncMaxEventAge,
  asyncThrottledAgesOut,
  asyncDlq,
  asyncDeliveryFailures,
  asyncZeroReservedConcurrency,
  asyncThrottledWaits,
  asyncDuplicateDelivery,
  burstScaling,
  provisionedConcurrencySpillover,
  sqsBatchSuccess,
  sqsBatchingWindow,
  sqsBatchError,
  sqsPartialBatchFailure,
  sqsRedriveToDlq,
  sqsPoisonThenSuccess,
  sqsVisibilityTooShort,
  sqsVisibilitySixTimes,
  sqsScaling,
  sqsFifoGroupBlocking,
  kinesisInOrder,
  kinesisPoisonRetryLimit,
  kinesisBisect,
  kinesisCheckpoint,
  kinesisParallelization,
  kinesisPoisonBlocksShard,
  dynamodbPoisonDefault,
  dynamodbBisectOnFailure,
  sameOrderSync,
  sameOrderAsync,
  sameOrderSqs,
  sameOrderKinesis,
];

export { DEFAULT_PRESET_ID } from './presetOrder';

const byId = new Map<string, unknown>(RAW.map((p) => [(p as ScenarioInput).id, p]));

// One order for the page and the tools: a preset missing from either list fails at load, loudly.
if (PRESET_ORDER.length !== byId.size || PRESET_ORDER.some((id) => !byId.has(id)))
  throw new Error('presetOrder.ts and the preset files list different presets');

/** Every preset id, in display order. */
export const PRESET_IDS: readonly string[] = PRESET_ORDER;

/** The raw JSON of a preset, as a user would write it (for the editor and for export). */
export function presetSource(id: string): ScenarioInput | undefined {
  return byId.get(id) as ScenarioInput | undefined;
}
