/**
 * §3.4 / §3.5 A stream mapping that retries a failing batch until its records expire. With
 * MaximumRetryAttempts −1 and MaximumRecordAgeInSeconds −1 (the defaults), or a record age limit no shorter
 * than the stream's retention, Lambda retries the batch "until processing succeeds or the data expires":
 * one record the function cannot process blocks its shard for the whole retention period while IteratorAge
 * grows, and the records behind it wait.
 */
import type { Scenario, StreamSource } from '../schema';
import {
  arnOf,
  demoScenario,
  fail,
  num,
  seconds,
  sourcePath,
  succeed,
  withRecords,
  type DemoEntry,
} from './demo';
import type { FixChange, ScenarioWarning } from './types';

/** Retries the fix proposes (AWS's own examples use small numbers; each retry is one more invocation). */
const FIX_RETRY_ATTEMPTS = 2;
/** Longest blocked period a demonstration runs to its end; longer retention stops the run earlier. */
const MAX_DEMO_HOURS = 168;
const STOP_DEMO_HOURS = 48;

/** True when a failing batch of this mapping is retried until its records leave the stream. */
export function retriesUntilExpiry(source: StreamSource): boolean {
  const { MaximumRetryAttempts, MaximumRecordAgeInSeconds } = source.mapping;
  const retentionSeconds = source.stream.RetentionPeriodHours * 3600;
  return (
    MaximumRetryAttempts === -1 &&
    (MaximumRecordAgeInSeconds === -1 || MaximumRecordAgeInSeconds >= retentionSeconds)
  );
}

/** The name of the on-failure queue a fix proposes for a stream. */
export function failureQueueName(source: StreamSource): string {
  return `${source.stream.StreamName}-failures`;
}

function kindOf(source: StreamSource): string {
  return source.type === 'kinesis' ? 'Kinesis stream' : 'DynamoDB stream of';
}

/** Retries until the data expires: a poison record blocks its shard. */
export function streamPoisonBlocksShard(scenario: Scenario): ScenarioWarning[] {
  return scenario.sources.flatMap((source, i) => {
    if ((source.type !== 'kinesis' && source.type !== 'dynamodb') || !retriesUntilExpiry(source)) return [];
    const { MaximumRecordAgeInSeconds } = source.mapping;
    const hours = source.stream.RetentionPeriodHours;
    const settings =
      MaximumRecordAgeInSeconds === -1
        ? 'MaximumRetryAttempts and MaximumRecordAgeInSeconds are both -1 (the defaults)'
        : `MaximumRetryAttempts is -1 and the MaximumRecordAgeInSeconds of ${seconds(MaximumRecordAgeInSeconds)} is not shorter than the stream's ${num(hours)}-hour retention`;
    const title = 'A poison record can block its shard until it expires';
    const at = sourcePath(i);
    const fix: FixChange[] = [
      {
        path: `${at}.mapping.MaximumRetryAttempts`,
        value: FIX_RETRY_ATTEMPTS,
        label: `Set MaximumRetryAttempts to ${FIX_RETRY_ATTEMPTS}`,
      },
    ];
    if (!source.mapping.DestinationConfig?.OnFailure) {
      fix.push({
        path: `${at}.mapping.DestinationConfig.OnFailure.Destination`,
        value: arnOf(scenario, 'sqs', failureQueueName(source)),
        label: `Send discarded batches to the on-failure queue ${failureQueueName(source)}`,
      });
    }
    return [
      {
        id: 'stream-poison-blocks-shard',
        title,
        reason: `On the mapping of the ${kindOf(source)} ${source.stream.StreamName}, ${settings}, so Lambda retries a failing batch until its records expire. One record the function cannot process blocks its shard for up to ${num(hours)} hours: the records behind it wait and IteratorAge keeps growing.`,
        rule: source.type === 'kinesis' ? '§3.4' : '§3.5',
        path: `${at}.mapping.MaximumRetryAttempts`,
        sourceId: source.id,
        fix,
        seeItHappen: () => {
          const records: DemoEntry[] = [
            { id: 'poison', shard: 0, partitionKey: 'customer-1', payload: { order: 'o-bad' } },
            {
              id: 'order',
              atMs: 60_000,
              count: 3,
              everyMs: 60_000,
              shard: 0,
              partitionKey: 'customer-1',
              payload: { order: 'o-1' },
            },
          ];
          const otherShard = source.stream.ShardCount > 1;
          if (otherShard) {
            records.push({
              id: 'other-shard',
              atMs: 60_000,
              count: 3,
              everyMs: 60_000,
              shard: 1,
              partitionKey: 'customer-2',
              payload: { order: 'o-2' },
            });
          }
          const stops = hours > MAX_DEMO_HOURS;
          const ending = stops
            ? ` The run stops after ${STOP_DEMO_HOURS} hours; shard 0 would stay blocked until "poison" leaves the stream ${num(hours)} hours after it was written.`
            : ` After ${num(hours)} hours "poison" leaves the stream (retention); Lambda drops it and only then processes the records that waited behind it.`;
          return demoScenario(scenario, {
            warningId: 'stream-poison-blocks-shard',
            title,
            description: `The first record of shard 0, "poison", makes the handler throw every time; the records after it ("order-1"…"order-3") are fine. Watch Lambda retry the batch with "poison" again and again while nothing else of shard 0 is processed and its IteratorAge rises${otherShard ? '; shard 1 ("other-shard-…") is not held up' : ''}.${ending}`,
            source: withRecords(source, records),
            rules: [fail(['poison'], 200), succeed(source, 200)],
            ...(stops ? { untilSeconds: STOP_DEMO_HOURS * 3600 } : {}),
          });
        },
      },
    ];
  });
}
