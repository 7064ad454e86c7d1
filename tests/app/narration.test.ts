/**
 * The narration (src/app/narration): for every event type the engine logs, run through real presets
 * (or a small scenario when no preset reaches the type), the article step, the "what" sentence, a
 * "why" that quotes the scenario's numbers, and the rule's section and AWS page. The corrections and the
 * transcript have their own files (narrationCorrections, narrationTranscript).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeEventParts, type ArticleStep } from '../../src/app/describeEvent';
import { narrate } from '../../src/app/narration';
import { RULES } from '../../src/engine/rules';
import type { SimEvent } from '../../src/engine/types';
import { extraRun, indexOf, presetRun, type LoggedRun } from './narrationFixtures';

type From = () => LoggedRun;
const preset =
  (id: string): From =>
  () =>
    presetRun(id);
const extra =
  (name: string): From =>
  () =>
    extraRun(name);

interface Case {
  type: string;
  from: From;
  where?: (e: SimEvent) => boolean;
  step: ArticleStep | null;
  section: keyof typeof RULES;
  /** What the "why" must say (the rule in words, with the scenario's numbers). */
  why: RegExp[];
}

const CASES: Case[] = [
  // Synchronous invocation (§1)
  {
    type: 'item/arrived',
    from: preset('sync-success'),
    step: null,
    section: '§1.1',
    why: [/synchronous caller will wait/],
  },
  {
    type: 'sync/invoke-requested',
    from: preset('sync-timeout'),
    step: 'Invocation Request',
    section: '§1.1',
    why: [/RequestResponse/, /Timeout of 3 s/],
  },
  {
    type: 'sync/response',
    from: preset('sync-function-error'),
    step: 'Return Response',
    section: '§1.1',
    why: [/never change the status code/, /X-Amz-Function-Error/],
  },
  {
    type: 'sync/rejected',
    from: extra('sync/rejected'),
    step: 'Return Response',
    section: '§1.3',
    why: [/at most 6 MB/, /before the function runs/],
  },
  {
    type: 'sync/service-error',
    from: extra('sync/service-error'),
    step: 'Return Response',
    section: '§1.1',
    why: [/500 ServiceException/, /does not retry/],
  },
  {
    type: 'sync/client-retry',
    from: extra('sync/client-retry'),
    step: 'Handling Failures',
    section: '§1.4',
    why: [/Lambda never retries a synchronous call/, /up to 3 attempts in all/],
  },
  {
    type: 'sync/client-timeout',
    from: extra('sync/client-timeout'),
    step: 'Timeout Handling',
    section: '§1.4',
    why: [/read timeout is 60 s/, /run the function twice/],
  },
  {
    type: 'apigw/integration-timeout',
    from: preset('api-gateway-timeout'),
    step: 'Timeout Handling',
    section: '§1.5',
    why: [/integration timeout is 29 s/, /own Timeout of 60 s/],
  },
  {
    type: 'sync/response-unclaimed',
    from: preset('api-gateway-timeout'),
    step: 'Completion',
    section: '§1.5',
    why: [/does not stop a running function/, /billed/],
  },
  {
    type: 'invoke/throttled',
    from: preset('sync-throttled'),
    step: 'Lambda Processing',
    section: '§4.reserved',
    why: [/ReservedConcurrentExecutions is 1/, /429/, /does not retry/],
  },
  {
    type: 'invoke/timed-out',
    from: preset('sync-timeout'),
    step: 'Timeout Handling',
    section: '§1.2',
    why: [/Timeout is 3 s/, /function error/, /synchronous caller gets HTTP 200/],
  },
  {
    type: 'invoke/succeeded',
    from: preset('sync-success'),
    step: 'Response Generation',
    section: '§1.1',
    why: [/within the function's Timeout of 3 s/, /rounded up to the millisecond/],
  },
  // Execution environments (§4)
  {
    type: 'env/cold-start',
    from: preset('cold-and-warm'),
    step: 'Lambda Processing',
    section: '§4.env',
    why: [/No idle execution environment/, /Init/, /10 s/],
  },
  {
    type: 'env/init-done',
    from: preset('cold-and-warm'),
    step: 'Lambda Processing',
    section: '§4.env',
    why: [/once per environment/],
  },
  {
    type: 'invoke/started',
    from: preset('cold-and-warm'),
    where: (e) => e.data?.coldStart === false,
    step: 'Function Execution',
    section: '§1.1',
    why: [/reused/, /warm start/],
  },
  {
    type: 'env/provisioned-ready',
    from: extra('env/provisioned-ready'),
    step: null,
    section: '§4.provisioned',
    why: [/ProvisionedConcurrentExecutions is 2/],
  },
  {
    type: 'env/reaped',
    from: extra('env/reaped'),
    step: 'Completion',
    section: '§4.env',
    why: [/this scenario uses 60 s/, /cold start/],
  },
  // Asynchronous invocation (§2)
  {
    type: 'async/invoke-requested',
    from: preset('default'),
    step: 'Invocation Request',
    section: '§2.1',
    why: [/InvocationType Event/],
  },
  {
    type: 'async/accepted',
    from: preset('default'),
    step: 'Accepted Response',
    section: '§2.1',
    why: [/202 as soon as the event is queued/],
  },
  {
    type: 'async/rejected',
    from: extra('async/rejected'),
    step: 'Accepted Response',
    section: '§2.1',
    why: [/at most 1 MB/],
  },
  {
    type: 'async/queued',
    from: preset('default'),
    step: 'Event Queuing',
    section: '§2.1',
    why: [/promises no order/],
  },
  {
    type: 'async/dequeued',
    from: preset('async-retries-exhausted'),
    where: (e) => e.data?.attempt === 3,
    step: 'Event Queuing',
    section: '§2.1',
    why: [/attempt 3/, /3 min 2 s after it was first queued/],
  },
  {
    type: 'invoke/failed',
    from: preset('async-retries-exhausted'),
    step: 'Response Generation',
    section: '§2.2',
    why: [/function error/, /up to MaximumRetryAttempts \(2\) times/],
  },
  {
    type: 'async/retry-scheduled',
    from: preset('async-retries-exhausted'),
    where: (e) => e.data?.nextAttempt === 3,
    step: 'Handling Failures',
    section: '§2.2',
    why: [
      /^MaximumRetryAttempts is 2, so Lambda retries the event once more, about 2 min after the failure\.$/,
    ],
  },
  {
    type: 'async/throttled',
    from: preset('async-throttled-waits'),
    step: 'Handling Failures',
    section: '§2.3',
    why: [
      /ReservedConcurrentExecutions is 1/,
      /use no retry attempt/,
      /1 s to at most 5 minutes/,
      /MaximumEventAgeInSeconds \(6 h\)/,
    ],
  },
  {
    type: 'async/zero-reserved-concurrency',
    from: preset('async-zero-reserved-concurrency'),
    step: 'Handling Failures',
    section: '§2.3',
    why: [/ReservedConcurrentExecutions is 0/, /without retries/],
  },
  {
    type: 'async/event-age-exceeded',
    from: preset('async-max-event-age'),
    step: 'Handling Failures',
    section: '§9',
    why: [/MaximumEventAgeInSeconds is 60/, /checks before waiting/, /\+1 min 01\.263 s/],
  },
  {
    type: 'async/retries-exhausted',
    from: preset('async-retries-exhausted'),
    step: 'Handling Failures',
    section: '§2.2',
    why: [/MaximumRetryAttempts is 2, so an event gets at most 3 attempts/],
  },
  {
    type: 'async/dropped',
    from: preset('async-retries-exhausted'),
    step: 'Handling Failures',
    section: '§2.5',
    why: [/AsyncEventsDropped/, /destination or dead-letter queue/],
  },
  {
    type: 'async/completed',
    from: preset('async-succeeds-on-third-attempt'),
    step: 'Completion',
    section: '§2.5',
    why: [/first success \(3 attempts here\)/],
  },
  {
    type: 'async/duplicate-delivery',
    from: extra('async/duplicate-delivery'),
    step: 'Function Execution',
    section: '§2.4',
    why: [/at least once/, /idempotent/],
  },
  {
    type: 'async/duplicate-dropped',
    from: extra('async/duplicate-dropped'),
    step: 'Event Queuing',
    section: '§2.4',
    why: [/not retried/],
  },
  {
    type: 'destination/delivered',
    from: preset('async-succeeds-on-third-attempt'),
    step: 'Completion',
    section: '§2.5',
    why: [/OnSuccess is configured/],
  },
  {
    type: 'destination/delivery-failed',
    from: extra('destination/delivery-failed'),
    step: 'Handling Failures',
    section: '§2.5',
    why: [/DestinationDeliveryFailures/],
  },
  {
    type: 'dlq/delivered',
    from: preset('async-dlq'),
    step: 'Handling Failures',
    section: '§2.6',
    why: [/DeadLetterConfig is set/, /RequestID, ErrorCode and ErrorMessage/],
  },
  {
    type: 'dlq/delivery-failed',
    from: extra('destination/delivery-failed'),
    step: 'Handling Failures',
    section: '§2.6',
    why: [/DeadLetterErrors/],
  },
  // Event source mappings (§3)
  {
    type: 'esm/batch-invoked',
    from: preset('sqs-batch-success'),
    step: 'Function Execution',
    section: '§3.2',
    why: [/synchronously/, /BatchSize \(10\)/],
  },
  {
    type: 'esm/service-error',
    from: extra('esm/service-error'),
    step: 'Handling Failures',
    section: '§3.1',
    why: [/system error/, /no retry attempt/],
  },
  {
    type: 'esm/throttled',
    from: extra('sqs/batch-throttled'),
    step: 'Handling Failures',
    section: '§4.reserved',
    why: [/ReservedConcurrentExecutions is 2/, /VisibilityTimeout \(30 s\)/],
  },
  {
    type: 'sqs/sent',
    from: preset('sqs-batch-success'),
    step: 'Event Queuing',
    section: '§3.2',
    why: [/not to Lambda/],
  },
  {
    type: 'sqs/received',
    from: preset('sqs-batch-success'),
    step: 'Accepted Response',
    section: '§3.2',
    why: [/VisibilityTimeout \(3 min\)/, /deleted only after it succeeds/],
  },
  {
    type: 'sqs/deleted',
    from: preset('sqs-batch-success'),
    step: 'Completion',
    section: '§3.2',
    why: [/only after the function succeeded/],
  },
  {
    type: 'sqs/delete-ignored',
    from: preset('sqs-visibility-too-short'),
    step: 'Completion',
    section: '§3.2',
    why: [/already deleted/, /duplicate/],
  },
  {
    type: 'sqs/visible-again',
    from: preset('sqs-redrive-to-dlq'),
    step: 'Handling Failures',
    section: '§3.2',
    why: [/VisibilityTimeout \(60 s\)/, /maxReceiveCount \(3\)/],
  },
  {
    type: 'sqs/batch-failed',
    from: preset('sqs-batch-error'),
    step: 'Handling Failures',
    section: '§3.2',
    why: [/fails the whole batch/, /VisibilityTimeout \(3 min\)/],
  },
  {
    type: 'sqs/partial-batch',
    from: preset('sqs-partial-batch-failure'),
    step: 'Handling Failures',
    section: '§3.2',
    why: [/ReportBatchItemFailures/, /batchItemFailures/],
  },
  {
    type: 'sqs/batch-throttled',
    from: extra('sqs/batch-throttled'),
    step: 'Handling Failures',
    section: '§3.2',
    why: [/VisibilityTimeout \(30 s\)/, /maxReceiveCount \(4\)/, /at least 5/],
  },
  {
    type: 'sqs/moved-to-dlq',
    from: preset('sqs-redrive-to-dlq'),
    step: 'Handling Failures',
    section: '§3.2',
    why: [/maxReceiveCount 3/, /SQS \(not Lambda\)/],
  },
  {
    type: 'sqs/expired',
    from: extra('sqs/expired'),
    step: 'Handling Failures',
    section: '§3.2',
    why: [/MessageRetentionPeriod is 60 s/],
  },
  {
    type: 'sqs/filtered-out',
    from: extra('sqs/filtered-out'),
    step: 'Completion',
    section: '§9',
    why: [/FilterCriteria/, /without invoking/],
  },
  {
    type: 'sqs/scaled-up',
    from: extra('sqs/scaled-down'),
    step: 'Lambda Processing',
    section: '§3.2',
    why: [/300 concurrent batches per minute/, /1,250/],
  },
  {
    type: 'sqs/scaled-down',
    from: extra('sqs/scaled-down'),
    step: 'Lambda Processing',
    section: '§3.2',
    why: [/After function errors/, /ReportBatchItemFailures/],
  },
  {
    type: 'stream/mapping-created',
    from: preset('kinesis-in-order'),
    step: 'Invocation Request',
    section: '§3.4',
    why: [/TRIM_HORIZON/],
  },
  {
    type: 'stream/record-put',
    from: preset('kinesis-in-order'),
    step: 'Event Queuing',
    section: '§3.4',
    why: [/retention period \(24 h\)/],
  },
  {
    type: 'stream/batch-read',
    from: preset('kinesis-in-order'),
    step: 'Accepted Response',
    section: '§3.4',
    why: [/once a second/, /BatchSize \(100\)/, /this one is full/],
  },
  {
    type: 'stream/retry',
    from: preset('kinesis-poison-retry-limit'),
    step: 'Function Execution',
    section: '§3.4',
    why: [/MaximumRetryAttempts is 2/, /retry 1 of 2/],
  },
  {
    type: 'stream/batch-throttled',
    from: extra('stream/batch-throttled'),
    step: 'Handling Failures',
    section: '§4',
    why: [/ReservedConcurrentExecutions is 1/, /no retry attempt/],
  },
  {
    type: 'stream/batch-failed',
    from: preset('dynamodb-poison-default'),
    step: 'Handling Failures',
    section: '§3.5',
    why: [/blocks its shard/, /MaximumRetryAttempts is −1/],
  },
  {
    type: 'stream/batch-bisected',
    from: preset('kinesis-bisect'),
    step: 'Handling Failures',
    section: '§3.4',
    why: [/BisectBatchOnFunctionError/, /no retry attempt/],
  },
  {
    type: 'stream/checkpoint',
    from: preset('kinesis-in-order'),
    step: 'Completion',
    section: '§3.4',
    why: [/only after a whole batch succeeds/, /IteratorAge/, /1\.65 s/],
  },
  {
    type: 'stream/retries-exhausted',
    from: preset('kinesis-poison-retry-limit'),
    step: 'Handling Failures',
    section: '§9',
    why: [/MaximumRetryAttempts is 2, so a failing batch gets 3 invocations/, /good records too/],
  },
  {
    type: 'stream/record-checkpointed',
    from: preset('kinesis-in-order'),
    step: 'Completion',
    section: '§3.4',
    why: [/will not send them again/],
  },
  {
    type: 'stream/record-skipped',
    from: preset('kinesis-poison-retry-limit'),
    step: 'Handling Failures',
    section: '§3.4',
    why: [/shard and sequence numbers/, /S3 bucket also the records/],
  },
  {
    type: 'stream/record-aged-out',
    from: extra('stream/record-aged-out'),
    step: 'Handling Failures',
    section: '§3.4',
    why: [/MaximumRecordAgeInSeconds is 60/, /RecordAgeExceeded/],
  },
  {
    type: 'stream/record-expired',
    from: preset('dynamodb-poison-default'),
    step: 'Handling Failures',
    section: '§3.5',
    why: [/retention period \(24 h\)/, /MaximumRetryAttempts −1/],
  },
  {
    type: 'stream/window-invoke',
    from: extra('stream/window-invoke'),
    step: 'Function Execution',
    section: '§3.4',
    why: [/TumblingWindowInSeconds is 30/, /isFinalInvokeForWindow/],
  },
  {
    type: 'stream/window-closed',
    from: extra('stream/window-invoke'),
    step: 'Completion',
    section: '§3.4',
    why: [/final invocation succeeded/],
  },
  {
    type: 'stream/window-abandoned',
    from: extra('stream/window-abandoned'),
    step: 'Handling Failures',
    section: '§3.4',
    why: [/given up/],
  },
];

/** Every `type:` string the engine's source can log (literal types, plus the templated delivery types). */
function engineEventTypes(): Set<string> {
  const types = new Set([
    'destination/delivered',
    'destination/delivery-failed',
    'dlq/delivered',
    'dlq/delivery-failed',
  ]);
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.ts'))
        for (const m of readFileSync(path, 'utf8').matchAll(
          /'((?:item|sync|async|env|invoke|sqs|stream|esm|apigw)\/[a-z-]+)'/g,
        ))
          types.add(m[1]!);
    }
  };
  walk(join(__dirname, '../../src/engine'));
  return types;
}

/** Signs that a sentence was built from missing data. */
const PLACEHOLDER = /\bundefined\b|\bNaN\b|\[object |\?\)| {2}| [,.;:]/;

function narrationOf(c: Case) {
  const r = c.from();
  const i = indexOf(r, c.type, c.where);
  return { r, i, event: r.log[i]!, n: narrate(r.log, i, r.scenario) };
}

describe('narrate: every event type the engine logs', () => {
  it('the cases cover every event type the engine can log, once each', () => {
    const covered = CASES.map((c) => c.type);
    expect(new Set(covered).size).toBe(covered.length);
    expect([...engineEventTypes()].filter((t) => !covered.includes(t))).toEqual([]);
  });

  it.each(CASES.map((c) => [`${c.section} ${c.type}`, c] as const))(
    '%s: article step, what, why with the scenario’s numbers, rule and AWS page',
    (_name, c) => {
      const { event, n } = narrationOf(c);
      const parts = describeEventParts(event);
      expect(n.seq).toBe(event.seq);
      expect(n.t).toBe(event.t);
      expect(n.step).toBe(c.step);
      expect(n.step).toBe(parts.step);
      expect(n.what).toBe(parts.text);
      for (const re of c.why) expect(n.why).toMatch(re);
      expect(n.why).toMatch(/^[A-Z].*[.]$/);
      expect(n.why).not.toMatch(PLACEHOLDER);
      expect(event.rule).toBe(c.section);
      expect(n.rule).toEqual({
        section: c.section,
        title: RULES[c.section].title,
        url: RULES[c.section].url,
      });
      expect(n.rule.url).toMatch(/^https:\/\/(docs\.)?aws\.amazon\.com\//);
    },
  );

  it('§1–§4 every event of the small presets gets a why without placeholders, and its own rule', () => {
    const bad: string[] = [];
    for (const id of [
      'default',
      'sync-throttled',
      'async-dlq',
      'sqs-fifo-group-blocking',
      'kinesis-checkpoint',
      'kinesis-parallelization',
    ]) {
      const r = presetRun(id);
      r.log.forEach((e, i) => {
        const n = narrate(r.log, i, r.scenario);
        if (PLACEHOLDER.test(n.why) || n.rule.section !== e.rule) bad.push(`${id} ${e.type}: ${n.why}`);
      });
    }
    expect(bad).toEqual([]);
  });

  it('§3.4 a stream’s on-failure delivery says a queue gets a description of the batch, not the records', () => {
    const r = presetRun('kinesis-poison-retry-limit');
    const i = indexOf(r, 'destination/delivered');
    expect(r.log[i]!.data?.destinationType).toBe('sqs');
    const n = narrate(r.log, i, r.scenario);
    expect(n.step).toBe('Handling Failures');
    expect(n.rule.section).toBe('§9');
    expect(n.why).toMatch(
      /on-failure queue or topic gets a description of the discarded batch .* not the records/,
    );
  });

  it('§2.2 without the scenario the why falls back to AWS defaults and the event’s own numbers', () => {
    const r = presetRun('async-max-event-age');
    const i = indexOf(r, 'async/event-age-exceeded');
    expect(narrate(r.log, i).why).toMatch(/MaximumEventAgeInSeconds is 60/);
    const retry = presetRun('async-retries-exhausted');
    expect(narrate(retry.log, indexOf(retry, 'async/retries-exhausted')).why).toMatch(
      /MaximumRetryAttempts is 2/,
    );
  });

  it('§1.1 an unknown rule still links to the developer guide, and an unknown type still gets a why', () => {
    const log: SimEvent[] = [{ seq: 0, t: 0, type: 'queue/poller-scaled-up', rule: '§0' }];
    const n = narrate(log, 0);
    expect(n.rule.section).toBe('§0');
    expect(n.rule.url).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/lambda\//);
    expect(n.why).toMatch(/^This follows the rule/);
    expect(() => narrate(log, 1)).toThrow(RangeError);
  });
});
