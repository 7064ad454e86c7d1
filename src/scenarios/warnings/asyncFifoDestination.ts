/**
 * §2.5 An asynchronous destination that is a FIFO queue or topic. Lambda's destinations take standard SQS
 * queues and standard SNS topics: every record sent to a FIFO one fails (DestinationDeliveryFailures), so an
 * OnFailure destination of that kind keeps nothing, and an OnSuccess one receives nothing.
 */
import type { Scenario } from '../schema';
import { demoScenario, fail, succeed, withRequests } from './demo';
import { firstAsyncSource } from './asyncNoFailureDestination';
import type { ScenarioWarning } from './types';

function isFifo(arn: string): boolean {
  return /^arn:aws[a-z-]*:(sqs|sns):/.test(arn) && arn.endsWith('.fifo');
}

/** OnSuccess or OnFailure points at a FIFO queue or topic, which destinations do not support. */
export function asyncFifoDestination(scenario: Scenario): ScenarioWarning[] {
  const found = firstAsyncSource(scenario);
  const destinations = scenario.function.EventInvokeConfig?.DestinationConfig;
  if (!found || !destinations) return [];
  return (['OnFailure', 'OnSuccess'] as const).flatMap((condition) => {
    const arn = destinations[condition]?.Destination;
    if (arn === undefined || !isFifo(arn)) return [];
    const path = `function.EventInvokeConfig.DestinationConfig.${condition}.Destination`;
    const standard = arn.replace(/\.fifo$/, '');
    const failure = condition === 'OnFailure';
    const title = `FIFO ${failure ? 'on-failure' : 'on-success'} destination`;
    return [
      {
        id: 'async-fifo-destination',
        title,
        reason: `DestinationConfig.${condition} is ${arn}, a FIFO ${arn.includes(':sns:') ? 'topic' : 'queue'}. Destinations of asynchronous invocation accept standard SQS queues and SNS topics, not FIFO ones, so every ${failure ? 'failed event' : 'success'} record sent there fails (DestinationDeliveryFailures)${failure ? ' and the event is lost' : ''}.`,
        rule: '§2.5',
        path,
        sourceId: found.source.id,
        fix: [
          {
            path,
            value: standard,
            label: `Use the standard ${arn.includes(':sns:') ? 'topic' : 'queue'} ${standard.split(':').pop()} instead`,
          },
        ],
        seeItHappen: () => {
          const durationMs = Math.min(1000, scenario.function.Timeout * 500);
          return demoScenario(scenario, {
            warningId: 'async-fifo-destination',
            title,
            description: failure
              ? 'One event that makes the handler throw on every attempt. Watch Lambda give up on it and try to send the failure record to the FIFO destination: the delivery fails (DestinationDeliveryFailures) and nothing keeps the event.'
              : 'One event that succeeds. Watch Lambda try to send the success record to the FIFO destination: the delivery fails (DestinationDeliveryFailures).',
            source: withRequests(found.source, [{ id: 'event', payload: { orderId: 'o-1' } }]),
            rules: [failure ? fail(['event'], durationMs) : succeed(found.source, durationMs)],
          });
        },
      },
    ];
  });
}
