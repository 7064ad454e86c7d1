/**
 * §3.4 / §3.5 A stream mapping with bounded retries but no on-failure destination. When the retries run
 * out or the records pass MaximumRecordAgeInSeconds, Lambda discards the batch and goes on with the shard;
 * only an on-failure destination receives a record of which sequence numbers were skipped.
 */
import type { Scenario } from '../schema';
import { arnOf, demoScenario, fail, num, seconds, sourcePath, succeed, withRecords } from './demo';
import { failureQueueName, retriesUntilExpiry } from './streamPoisonBlocksShard';
import type { ScenarioWarning } from './types';

/** Finite retries or record age, and nowhere to send discarded batches: records vanish silently. */
export function streamNoFailureDestination(scenario: Scenario): ScenarioWarning[] {
  return scenario.sources.flatMap((source, i) => {
    if (source.type !== 'kinesis' && source.type !== 'dynamodb') return [];
    // Retrying until expiry is its own warning, whose fix adds the destination too.
    if (retriesUntilExpiry(source) || source.mapping.DestinationConfig?.OnFailure) return [];
    const { MaximumRetryAttempts, MaximumRecordAgeInSeconds } = source.mapping;
    const limits = [
      MaximumRetryAttempts >= 0
        ? `it has been retried MaximumRetryAttempts (${num(MaximumRetryAttempts)}) times`
        : '',
      MaximumRecordAgeInSeconds >= 0
        ? `its records are older than the MaximumRecordAgeInSeconds of ${seconds(MaximumRecordAgeInSeconds)}`
        : '',
    ].filter(Boolean);
    const title = 'Discarded stream records leave no trace';
    const path = `${sourcePath(i)}.mapping.DestinationConfig.OnFailure.Destination`;
    return [
      {
        id: 'stream-no-on-failure-destination',
        title,
        reason: `Once a failing batch from ${source.stream.StreamName} ${limits.join(' or ')}, Lambda discards it and moves on with the shard. The mapping has no DestinationConfig.OnFailure, so nothing records which records were skipped.`,
        rule: source.type === 'kinesis' ? '§3.4' : '§3.5',
        path,
        sourceId: source.id,
        fix: [
          {
            path,
            value: arnOf(scenario, 'sqs', failureQueueName(source)),
            label: `Send discarded batches to the on-failure queue ${failureQueueName(source)}`,
          },
        ],
        seeItHappen: () =>
          demoScenario(scenario, {
            warningId: 'stream-no-on-failure-destination',
            title,
            description: `"poison" makes the handler throw every time; "order-1" and "order-2" arrive with it, and "later" a few seconds after. Watch Lambda retry the batch within its limits, then discard it${source.mapping.BisectBatchOnFunctionError ? ' (after bisecting it)' : ', the good records with it,'} and move on to "later": no record of the discarded sequence numbers is sent anywhere.`,
            source: withRecords(source, [
              { id: 'poison', shard: 0, partitionKey: 'customer-1', payload: { order: 'o-bad' } },
              { id: 'order', count: 2, shard: 0, partitionKey: 'customer-1', payload: { order: 'o-1' } },
              { id: 'later', atMs: 5000, shard: 0, partitionKey: 'customer-1', payload: { order: 'o-2' } },
            ]),
            rules: [fail(['poison'], 200), succeed(source, 200)],
          }),
      },
    ];
  });
}
