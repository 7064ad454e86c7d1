/**
 * §4 / §2.3 Reserved concurrency 0. The function may run no instance at all, so Lambda throttles every
 * invocation: synchronous callers get 429, asynchronous events go to the on-failure destination or
 * dead-letter queue without a single attempt (or are dropped), and batches from queues and streams are
 * refused until the messages or records give out.
 */
import type { Scenario, Source } from '../schema';
import { demoScenario, num, succeed, withMessages, withRecords, withRequests } from './demo';
import type { ScenarioWarning } from './types';

/** How long a demonstration with a poll-based source runs: long enough for a few refused batches. */
const POLL_DEMO_SECONDS = 600;

function consequence(type: Source['type']): string {
  switch (type) {
    case 'sync':
      return 'synchronous callers get 429 TooManyRequestsException';
    case 'async':
      return 'asynchronous events go to the on-failure destination or dead-letter queue without a single attempt, or are dropped';
    case 'sqs':
      return 'SQS batches are throttled and their messages come back after every visibility timeout, until the queue’s redrive policy or retention period ends it';
    default:
      return 'stream batches are throttled and retried until their records expire';
  }
}

function demoSource(source: Source): Source {
  const payload = { orderId: 'o-1' };
  switch (source.type) {
    case 'sqs':
      return withMessages(source, [{ id: 'item', payload }]);
    case 'kinesis':
    case 'dynamodb':
      return withRecords(source, [{ id: 'item', shard: 0, payload }]);
    default:
      return withRequests(source, [{ id: 'item', payload }]);
  }
}

/** ReservedConcurrentExecutions 0: every invocation is throttled. */
export function reservedConcurrencyZero(scenario: Scenario): ScenarioWarning[] {
  if (scenario.function.ReservedConcurrentExecutions !== 0) return [];
  const types = [...new Set(scenario.sources.map((s) => (s.type === 'dynamodb' ? 'kinesis' : s.type)))];
  const first = scenario.sources[0]!;
  const title = 'Reserved concurrency 0 throttles every invocation';
  const path = 'function.ReservedConcurrentExecutions';
  return [
    {
      id: 'reserved-concurrency-zero',
      title,
      reason: `ReservedConcurrentExecutions is 0, so the function may not run at all and Lambda throttles every invocation: ${types.map(consequence).join('; ')}. AWS documents 0 as the way to stop a function from processing events until the limit is removed.`,
      rule: '§4.reserved',
      path,
      fix: [
        { path, value: undefined, label: 'Remove ReservedConcurrentExecutions (no reserved concurrency)' },
      ],
      seeItHappen: () => {
        const poll = first.type !== 'sync' && first.type !== 'async';
        return demoScenario(scenario, {
          warningId: 'reserved-concurrency-zero',
          title,
          description: `One item from "${first.id}", with reserved concurrency 0. Watch Lambda refuse it: ${consequence(first.type)}. The handler never runs (Invocations 0, Throttles counted).${poll ? ` The run stops after ${num(POLL_DEMO_SECONDS / 60)} minutes.` : ''}`,
          source: demoSource(first),
          rules: [succeed(first, 100)],
          ...(poll ? { untilSeconds: POLL_DEMO_SECONDS } : {}),
        });
      },
    },
  ];
}
