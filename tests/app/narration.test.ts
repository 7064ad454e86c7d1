/**
 * The narration (src/app/narration): for every event type the engine logs, run through real presets
 * (or a small scenario when no preset reaches the type), the article step, the "what" sentence, a
 * "why" that quotes the scenario's numbers, and the rule's section and AWS page; the article's
 * corrections at the moments they happen and nowhere else; the transcript's cap and its text.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeEventParts, type ArticleStep } from '../../src/app/describeEvent';
import {
  ARTICLE,
  buildTranscript,
  narrate,
  omittedBefore,
  transcriptLine,
  transcriptText,
  TRANSCRIPT_LIMIT,
} from '../../src/app/narration';
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
    why: [/keeps no particular order/],
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
    why: [/function error/, /MaximumRetryAttempts allows \(2\)/],
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
    why: [/shard and sequence numbers/],
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

/** Types whose events may carry a correction; nothing else ever does. */
const CORRECTED = new Set([
  'async/retry-scheduled',
  'async/dequeued',
  'async/duplicate-delivery',
  'sqs/received',
  'sqs/visible-again',
  'sqs/batch-failed',
  'sqs/moved-to-dlq',
  'stream/batch-failed',
]);

function corrections(r: LoggedRun, type?: string) {
  return r.log
    .map((e, i) => ({ e, i, n: narrate(r.log, i, r.scenario) }))
    .filter((x) => type === undefined || x.e.type === type);
}

describe('corrections of the source article (§6), at the moment they happen', () => {
  it('§2.2 every function-error retry in async-retries-exhausted corrects "exponential backoff" with the fixed ≈1 min / ≈2 min waits', () => {
    const retries = corrections(presetRun('async-retries-exhausted'), 'async/retry-scheduled');
    expect(retries).toHaveLength(2);
    for (const { n } of retries) {
      expect(n.correction?.article).toBe(ARTICLE.backoff);
      expect(n.correction?.article).toMatch(/Exponential Backoff/);
      expect(n.correction?.aws).toMatch(
        /about 1 minute before the second attempt and about 2 minutes before the third/,
      );
      expect(n.correction?.aws).toMatch(/1 s up to 5 minutes, is for throttles and system errors/);
    }
    expect(retries[0]!.n.correction?.aws).toMatch(/this wait: 60 s/);
    expect(retries[1]!.n.correction?.aws).toMatch(/this wait: 2 min/);
  });

  it('§2.3 a throttle backoff in async-throttled-waits does not claim the article is wrong: its why says the article’s word fits there', () => {
    const r = presetRun('async-throttled-waits');
    const throttles = corrections(r, 'async/throttled');
    expect(throttles.length).toBeGreaterThan(0);
    for (const { n } of throttles) {
      expect(n.correction).toBeUndefined();
      expect(n.why).toMatch(/this is where the article's "exponential backoff" fits/);
    }
    expect(corrections(r).filter((x) => x.n.correction)).toEqual([]);
  });

  it('§2.4 a retry that runs behind a newer event corrects "processed in the order received", naming that event', () => {
    const r = extraRun('async/retry-behind');
    const dequeues = corrections(r, 'async/dequeued');
    const e1Retry = dequeues.find((x) => x.e.item === 'E1' && x.e.data?.attempt === 2)!;
    expect(e1Retry.n.correction?.article).toBe(ARTICLE.order);
    expect(e1Retry.n.correction?.aws).toMatch(/this retry runs behind E2, which arrived later/);
    expect(e1Retry.n.correction?.aws).toMatch(/per shard or partition key .* per message group/);
    // E1's first attempt and E2 ran in arrival order: nothing to correct there.
    expect(dequeues.filter((x) => x !== e1Retry).map((x) => x.n.correction)).toEqual([undefined, undefined]);
  });

  it('§2.4 events picked up out of arrival order carry the correction; each names an event that arrived later and ran earlier', () => {
    const r = extraRun('async/out-of-order');
    const queuedAt = new Map(r.log.filter((e) => e.type === 'async/queued').map((e) => [e.item!, e.seq]));
    const dequeuedAt = new Map(r.log.filter((e) => e.type === 'async/dequeued').map((e) => [e.item!, e.seq]));
    const corrected = corrections(r, 'async/dequeued').filter((x) => x.n.correction);
    expect(corrected.length).toBeGreaterThan(0);
    for (const { e, n } of corrected) {
      const other = /: (\S+) arrived after this event/.exec(n.correction!.aws)?.[1];
      expect(other, n.correction!.aws).toBeDefined();
      expect(queuedAt.get(other!)!).toBeGreaterThan(queuedAt.get(e.item!)!);
      expect(dequeuedAt.get(other!)!).toBeLessThan(e.seq);
    }
    // An event that no later event overtook carries none.
    const inOrder = corrections(r, 'async/dequeued').filter((x) => !x.n.correction);
    for (const { e } of inOrder) {
      const overtaken = [...queuedAt].some(
        ([id, q]) => q > queuedAt.get(e.item!)! && (dequeuedAt.get(id) ?? Infinity) < e.seq,
      );
      expect(overtaken, e.item).toBe(false);
    }
  });

  it('§2.4 a single event retried alone (default) is never said to be out of order', () => {
    for (const { n } of corrections(presetRun('default'), 'async/dequeued'))
      expect(n.correction).toBeUndefined();
  });

  it('§2.4 a duplicate delivery corrects the ordering claim: at least once, no order', () => {
    const [dup] = corrections(extraRun('async/duplicate-delivery'), 'async/duplicate-delivery');
    expect(dup!.n.correction?.article).toBe(ARTICLE.order);
    expect(dup!.n.correction?.aws).toMatch(/at least once and in no guaranteed order/);
  });

  it('§3.2 the first sqs/received in sqs-batch-success corrects "acknowledges them": hidden for the VisibilityTimeout, deleted after success', () => {
    const [first] = corrections(presetRun('sqs-batch-success'), 'sqs/received');
    expect(first!.n.correction?.article).toBe(ARTICLE.acknowledge);
    expect(first!.n.correction?.article).toMatch(/acknowledges them/);
    expect(first!.n.correction?.aws).toMatch(/Nothing is acknowledged on receipt/);
    expect(first!.n.correction?.aws).toMatch(/VisibilityTimeout \(3 min\)/);
    expect(first!.n.correction?.aws).toMatch(/deletes them after the function succeeds/);
  });

  it('§3.2 later receives, visibility expiries and batch failures of the same queue do not repeat the correction', () => {
    const r = presetRun('sqs-redrive-to-dlq');
    for (const type of ['sqs/received', 'sqs/visible-again', 'sqs/batch-failed']) {
      const list = corrections(r, type);
      expect(list.length, type).toBe(3);
      expect(
        list.map((x) => x.n.correction !== undefined),
        type,
      ).toEqual([true, false, false]);
    }
  });

  it('§3.2 a message visible again after a failure corrects "acknowledges them"', () => {
    const [again] = corrections(presetRun('sqs-batch-error'), 'sqs/visible-again');
    expect(again!.n.correction?.article).toBe(ARTICLE.acknowledge);
    expect(again!.n.correction?.aws).toMatch(/never acknowledged .* VisibilityTimeout \(3 min\)/);
  });

  it('§3.2 "retry attempts 0 to 2" is corrected where maxReceiveCount governs: the first SQS batch failure and the move to the DLQ', () => {
    const r = presetRun('sqs-redrive-to-dlq');
    const [failed] = corrections(r, 'sqs/batch-failed');
    expect(failed!.n.correction?.article).toBe(ARTICLE.retryRange);
    expect(failed!.n.correction?.aws).toMatch(/no retry count/);
    expect(failed!.n.correction?.aws).toMatch(/VisibilityTimeout \(60 s\)/);
    expect(failed!.n.correction?.aws).toMatch(/maxReceiveCount \(3\) receives/);
    const [moved] = corrections(r, 'sqs/moved-to-dlq');
    expect(moved!.n.correction?.article).toBe(ARTICLE.pollDlq);
    expect(moved!.n.correction?.aws).toMatch(/maxReceiveCount \(3\)/);
    expect(moved!.n.correction?.aws).toMatch(/function's own DLQ is not used for SQS/);
    // Without a redrive policy the message comes back until it succeeds or expires.
    const [noRedrive] = corrections(presetRun('sqs-batch-error'), 'sqs/batch-failed');
    expect(noRedrive!.n.correction?.aws).toMatch(/no redrive policy/);
  });

  it('§3.4 "retry attempts 0 to 2" is corrected at a stream’s first failed batch with its MaximumRetryAttempts, and not at the repeats', () => {
    const failures = corrections(presetRun('kinesis-poison-retry-limit'), 'stream/batch-failed');
    expect(failures.length).toBe(3);
    expect(failures[0]!.n.correction?.article).toBe(ARTICLE.retryRange);
    expect(failures[0]!.n.correction?.aws).toMatch(
      /A Kinesis mapping has its own MaximumRetryAttempts, from −1 to 10,000, default −1/,
    );
    expect(failures[0]!.n.correction?.aws).toMatch(/here it is 2\.$/);
    expect(failures.slice(1).map((x) => x.n.correction)).toEqual([undefined, undefined]);
  });

  it('§3.5 a DynamoDB stream with the default −1 says so', () => {
    const [first] = corrections(presetRun('dynamodb-poison-default'), 'stream/batch-failed');
    expect(first!.n.correction?.aws).toMatch(/A DynamoDB Streams mapping .* here it is −1\.$/);
  });

  it('§3.4 a system error before the function ran is not a retry, so it carries no "0 to 2" correction', () => {
    const r = extraRun('esm/service-error');
    for (const { e, n } of corrections(r, 'stream/batch-failed')) {
      expect(e.data?.countsAsRetry).toBe(false);
      expect(n.correction).toBeUndefined();
    }
  });

  it('§6 corrections appear on no other event types, in any of these runs', () => {
    const runs = [
      ...[
        'default',
        'sync-timeout',
        'sync-throttled',
        'cold-and-warm',
        'api-gateway-timeout',
        'async-dlq',
        'async-max-event-age',
        'async-zero-reserved-concurrency',
        'sqs-partial-batch-failure',
        'sqs-fifo-group-blocking',
        'sqs-visibility-too-short',
        'kinesis-bisect',
        'kinesis-checkpoint',
        'kinesis-in-order',
      ].map(presetRun),
      ...[
        'async/out-of-order',
        'async/duplicate-dropped',
        'sqs/batch-throttled',
        'stream/window-abandoned',
      ].map(extraRun),
    ];
    const stray = runs.flatMap((r) =>
      corrections(r)
        .filter((x) => x.n.correction && !CORRECTED.has(x.e.type))
        .map((x) => x.e.type),
    );
    expect(stray).toEqual([]);
    // And the article's other, correct statements go uncorrected: sync runs carry none at all.
    for (const id of ['sync-timeout', 'sync-throttled', 'cold-and-warm', 'api-gateway-timeout'])
      expect(
        corrections(presetRun(id)).filter((x) => x.n.correction),
        id,
      ).toEqual([]);
  });
});

/** A long log made of copies of a real one (times and seq shifted), to test the transcript's cap. */
function tiled(r: LoggedRun, copies: number): SimEvent[] {
  const span = r.log.at(-1)!.t + 1000;
  const out: SimEvent[] = [];
  for (let c = 0; c < copies; c++)
    for (const e of r.log) out.push({ ...e, seq: out.length, t: e.t + c * span });
  return out;
}

describe('transcript', () => {
  it('§2.2 holds the narration of events 0..cursor, oldest first; nothing before the first event', () => {
    const r = presetRun('async-retries-exhausted');
    expect(buildTranscript(r.log, -1, r.scenario)).toEqual([]);
    const cursor = indexOf(r, 'async/retry-scheduled');
    const entries = buildTranscript(r.log, cursor, r.scenario);
    expect(entries.map((e) => e.seq)).toEqual(r.log.slice(0, cursor + 1).map((e) => e.seq));
    expect(entries.at(-1)).toEqual(narrate(r.log, cursor, r.scenario));
    expect(omittedBefore(cursor, entries)).toBe(0);
    // A cursor past the end is the end.
    expect(buildTranscript(r.log, r.log.length + 5, r.scenario)).toHaveLength(r.log.length);
  });

  it('§3.4 is capped at the last entries, counting the omitted ones', () => {
    const r = presetRun('kinesis-in-order');
    const cursor = r.log.length - 1;
    const entries = buildTranscript(r.log, cursor, r.scenario, 50);
    expect(entries).toHaveLength(50);
    expect(entries[0]!.seq).toBe(r.log[cursor - 49]!.seq);
    expect(entries.at(-1)!.seq).toBe(r.log[cursor]!.seq);
    expect(omittedBefore(cursor, entries)).toBe(cursor + 1 - 50);
    expect(buildTranscript(r.log, cursor, r.scenario)).toHaveLength(Math.min(TRANSCRIPT_LIMIT, r.log.length));
    expect(TRANSCRIPT_LIMIT).toBe(500);
  });

  it('§3.4 with 300,000 events it narrates only the entries it returns, and fast', () => {
    const base = presetRun('kinesis-in-order');
    const log = tiled(base, Math.ceil(300_000 / base.log.length));
    expect(log.length).toBeGreaterThanOrEqual(300_000);
    const read = new Set<number>();
    const watched = new Proxy(log, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) read.add(Number(key));
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const cursor = log.length - 1;
    const started = performance.now();
    const entries = buildTranscript(watched, cursor, base.scenario);
    const ms = performance.now() - started;
    expect(entries).toHaveLength(TRANSCRIPT_LIMIT);
    expect(omittedBefore(cursor, entries)).toBe(log.length - TRANSCRIPT_LIMIT);
    expect(Math.min(...read)).toBe(cursor - TRANSCRIPT_LIMIT + 1);
    expect(ms).toBeLessThan(500);
  });

  it('§3.2 with 300,000 SQS events, finding the first receive of each queue stays fast', () => {
    const base = presetRun('sqs-redrive-to-dlq');
    const log = tiled(base, Math.ceil(300_000 / base.log.length));
    const started = performance.now();
    const entries = buildTranscript(log, log.length - 1, base.scenario);
    expect(performance.now() - started).toBeLessThan(1500);
    expect(entries).toHaveLength(TRANSCRIPT_LIMIT);
    // The copies repeat the first run's moments, so none of them is the first any more.
    expect(entries.filter((e) => e.correction)).toEqual([]);
  });

  it('§2.2 transcriptText: one line per entry with time, step, what — why (§ url), and the correction below', () => {
    const r = presetRun('async-retries-exhausted');
    const cursor = indexOf(r, 'async/retry-scheduled');
    const entries = buildTranscript(r.log, cursor, r.scenario);
    const text = transcriptText(entries);
    const lines = text.split('\n');
    expect(lines).toHaveLength(entries.length + 1);
    expect(lines[0]).toBe(`+0.000 s  ${entries[0]!.what} — ${entries[0]!.why} (§2.1 ${RULES['§2.1'].url})`);
    expect(lines.at(-2)).toBe(
      `+1.263 s  [Handling Failures] ${entries.at(-1)!.what} — MaximumRetryAttempts is 2, so Lambda retries the event up to 2 more times; the first retry comes about 60 s after the failure. (§2.2 ${RULES['§2.2'].url})`,
    );
    expect(lines.at(-1)).toBe(
      `    Correction: the article says "${ARTICLE.backoff}" — AWS actually: ${entries.at(-1)!.correction!.aws}`,
    );
    expect(transcriptLine(entries.at(-1)!)).toBe(lines.slice(-2).join('\n'));
  });

  it('§3.4 transcriptText notes the entries left out', () => {
    const r = presetRun('kinesis-in-order');
    const entries = buildTranscript(r.log, 99, r.scenario, 10);
    const text = transcriptText(entries, omittedBefore(99, entries));
    expect(text.split('\n')[0]).toBe('(90 earlier events not shown)');
    expect(text.split('\n')).toHaveLength(11);
    expect(transcriptText(buildTranscript(r.log, 1, r.scenario, 1), 1).split('\n')[0]).toBe(
      '(1 earlier event not shown)',
    );
  });
});
