/**
 * §3.2 / §3.4 / §3.5 Batches without partial batch responses. Unless the mapping's FunctionResponseTypes
 * include ReportBatchItemFailures, one failing message or record fails its whole batch: an SQS batch
 * becomes visible again as a whole, a stream batch is retried from its first record (and discarded as a
 * whole when the retries run out), so items the function had already handled are processed again.
 */
import type { Scenario } from '../schema';
import { demoScenario, fail, filterNote, num, sourcePath, succeed, withMessages, withRecords } from './demo';
import type { ScenarioWarning } from './types';

/** Items in the demonstration's one batch (fewer when BatchSize is smaller). */
const DEMO_BATCH = 5;

/** BatchSize above 1 without ReportBatchItemFailures: one failure re-runs the whole batch. */
export function batchWithoutItemFailures(scenario: Scenario): ScenarioWarning[] {
  return scenario.sources.flatMap((source, i) => {
    if (source.type !== 'sqs' && source.type !== 'kinesis' && source.type !== 'dynamodb') return [];
    const { BatchSize, FunctionResponseTypes } = source.mapping;
    if (BatchSize <= 1 || FunctionResponseTypes.includes('ReportBatchItemFailures')) return [];
    const sqs = source.type === 'sqs';
    const title = 'Batches without ReportBatchItemFailures';
    const reason = sqs
      ? `The mapping of ${source.queue.QueueName} sends up to ${num(BatchSize)} messages per invocation and its FunctionResponseTypes do not include ReportBatchItemFailures. When the function fails on one message, none of the batch is deleted: every message becomes visible again and is processed again, including those the function had already handled.`
      : `The mapping of ${source.stream.StreamName} sends up to ${num(BatchSize)} records per invocation and its FunctionResponseTypes do not include ReportBatchItemFailures. When the function fails on one record, Lambda retries the batch from its first record, so records already processed run again; if the retries run out, the whole batch is discarded, good records included.`;
    const path = `${sourcePath(i)}.mapping.FunctionResponseTypes`;
    const size = Math.min(BatchSize, DEMO_BATCH);
    const last = `order-${size}`;
    return [
      {
        id: 'batch-without-report-batch-item-failures',
        title,
        reason,
        rule: sqs ? '§3.2' : source.type === 'kinesis' ? '§3.4' : '§3.5',
        path,
        sourceId: source.id,
        fix: [
          {
            path,
            value: ['ReportBatchItemFailures'],
            label:
              'Add ReportBatchItemFailures to FunctionResponseTypes (the handler then returns only the failed items in batchItemFailures)',
          },
        ],
        seeItHappen: () => {
          const durationMs = Math.min(1000, scenario.function.Timeout * 500);
          const what = sqs ? 'messages' : 'records';
          const entry = { id: 'order', count: size, payload: { status: 'placed' } };
          return demoScenario(scenario, {
            warningId: 'batch-without-report-batch-item-failures',
            title,
            description: `${num(size)} ${what} arrive together and form one batch; the handler fails on ${last} the first time and succeeds afterwards. Watch the whole batch fail, and ${sqs ? `come back after the ${num(source.queue.VisibilityTimeout)}-second visibility timeout` : 'be retried'}: the ${what} before ${last} are processed a second time although nothing went wrong with them.${sqs ? filterNote(source) : ''}`,
            source: sqs
              ? withMessages(source, [entry])
              : withRecords(source, [{ ...entry, shard: 0, partitionKey: 'customer-1' }]),
            rules: [fail([last], durationMs, [1]), succeed(source, durationMs)],
          });
        },
      },
    ];
  });
}
