import { describe, expect, it } from 'vitest';
import { describeEvent, describeEventParts, type ArticleStep } from '../../src/app/describeEvent';
import { formatDuration } from '../../src/app/format';
import { createSimulation } from '../../src/engine/simulation';
import type { SimEvent } from '../../src/engine/types';
import { PRESET_IDS, getPreset } from '../../src/scenarios/presets';
import { req, run, scenario } from '../helpers/scenario';

/** Every preset's log, run to the end with the preset's own seed. */
const presetLogs: ReadonlyMap<string, readonly SimEvent[]> = new Map(
  PRESET_IDS.map((id) => {
    const preset = getPreset(id);
    if (!preset) throw new Error(`no preset ${id}`);
    const sim = createSimulation(preset);
    sim.run();
    return [id, sim.log()] as const;
  }),
);

const presetEvents: SimEvent[] = [...presetLogs.values()].flat();

function presetLog(id: string): readonly SimEvent[] {
  const log = presetLogs.get(id);
  if (!log) throw new Error(`no preset ${id}`);
  return log;
}

function firstOfType(events: readonly SimEvent[], type: string): SimEvent {
  const found = events.find((e) => e.type === type);
  if (!found) throw new Error(`no ${type} event`);
  return found;
}

/** The presets' events by type. */
const presetByType = new Map<string, SimEvent[]>();
for (const e of presetEvents) {
  const list = presetByType.get(e.type);
  if (list) list.push(e);
  else presetByType.set(e.type, [e]);
}

/** One event of every type the presets produce (the first one seen). */
const presetTypes: ReadonlyMap<string, SimEvent> = new Map(
  [...presetEvents].reverse().map((e) => [e.type, e] as const),
);

/**
 * Engine event types no preset reaches, produced by the engine itself from small scenarios (so the data
 * has the engine's real shape). Each scenario is named after the type it is there for.
 */
const MB = 1024 * 1024;
const fixed = (ms: number) => ({ distribution: 'fixed' as const, ms });
const syncSource = (caller: 'direct' | 'aws-cli', requests: Array<Record<string, unknown>>) => [
  { type: 'sync' as const, id: 'c', caller, requests },
];
const asyncSource = (caller: 'direct' | 's3', requests: Array<Record<string, unknown>>) => [
  { type: 'async' as const, id: 'c', caller, requests },
];

const extraLogs: Record<string, readonly SimEvent[]> = Object.fromEntries(
  Object.entries({
    'sync/client-retry': scenario({
      function: {
        Timeout: 120,
        ReservedConcurrentExecutions: 1,
        behavior: { rules: [{ items: ['long'], result: 'success', durationMs: 100_000 }] },
      },
      sources: [
        { type: 'sync', id: 'other', caller: 'direct', requests: [req('long')] },
        { type: 'sync', id: 'sdk', caller: 'aws-sdk', requests: [req('b', 1000)] },
      ],
    }),
    'sync/client-timeout': scenario({
      function: { Timeout: 120, behavior: { duration: fixed(90_000) } },
      sources: syncSource('aws-cli', [req('a')]),
    }),
    'sync/rejected': scenario({
      sources: syncSource('direct', [req('big', 0, { payloadSizeBytes: 7 * MB })]),
    }),
    'sync/service-error': scenario({
      function: { behavior: { rules: [{ attempts: [1], result: 'service-error' }] } },
      sources: syncSource('direct', [req('a')]),
    }),
    'env/provisioned-ready': scenario({
      function: { ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 2 } },
      sources: syncSource('direct', [req('a')]),
    }),
    'env/reaped': scenario({
      function: { behavior: { environmentIdleSeconds: 60 } },
      sources: syncSource('direct', [req('a'), req('b', 200_000)]),
    }),
    'async/duplicate-delivery': scenario({
      simulation: { asyncDuplicateProbability: 1 },
      sources: asyncSource('s3', [req('e')]),
    }),
    'async/duplicate-dropped': scenario({
      function: { ReservedConcurrentExecutions: 1, behavior: { duration: fixed(5000) } },
      simulation: { asyncDuplicateProbability: 1 },
      sources: asyncSource('s3', [req('e')]),
    }),
    'async/rejected': scenario({
      sources: asyncSource('s3', [req('e', 0, { payloadSizeBytes: 2 * MB })]),
    }),
    'async/rejected (request rate)': scenario({
      function: { Timeout: 1, ReservedConcurrentExecutions: 1, behavior: { duration: fixed(1) } },
      sources: asyncSource('direct', [{ id: 'e', atMs: 0, count: 11, everyMs: 10 }]),
    }),
    'destination/delivery-failed': scenario({
      function: {
        EventInvokeConfig: {
          MaximumRetryAttempts: 0,
          DestinationConfig: {
            OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:failed.fifo' },
          },
        },
        DeadLetterConfig: { TargetArn: 'arn:aws:sqs:us-east-1:123456789012:dlq.fifo' },
        behavior: { rules: [{ result: 'error' }] },
      },
      sources: asyncSource('s3', [req('e')]),
    }),
  }).map(([name, s]) => [name, run(s).log] as const),
);

function extraLog(name: string): readonly SimEvent[] {
  const log = extraLogs[name];
  if (!log) throw new Error(`no extra scenario ${name}`);
  return log;
}

const allEvents: SimEvent[] = [...presetEvents, ...Object.values(extraLogs).flat()];
const allTypes = new Set(allEvents.map((e) => e.type));

/**
 * The source article's step for each event type the engine emits (null: no step fits). Destination
 * deliveries depend on the target and are checked separately.
 */
const EXPECTED_STEP: Record<string, ArticleStep | null> = {
  'esm/batch-invoked': 'Function Execution',
  'esm/throttled': 'Handling Failures',
  'esm/service-error': 'Handling Failures',
  'sqs/sent': 'Event Queuing',
  'sqs/received': 'Accepted Response',
  'sqs/deleted': 'Completion',
  'sqs/delete-ignored': 'Completion',
  'sqs/visible-again': 'Handling Failures',
  'sqs/batch-failed': 'Handling Failures',
  'sqs/partial-batch': 'Handling Failures',
  'sqs/batch-throttled': 'Handling Failures',
  'sqs/moved-to-dlq': 'Handling Failures',
  'sqs/expired': 'Handling Failures',
  'sqs/filtered-out': 'Completion',
  'sqs/scaled-up': 'Lambda Processing',
  'sqs/scaled-down': 'Lambda Processing',
  'stream/mapping-created': 'Invocation Request',
  'stream/record-put': 'Event Queuing',
  'stream/batch-read': 'Accepted Response',
  'stream/retry': 'Function Execution',
  'stream/batch-throttled': 'Handling Failures',
  'stream/batch-failed': 'Handling Failures',
  'stream/batch-bisected': 'Handling Failures',
  'stream/checkpoint': 'Completion',
  'stream/retries-exhausted': 'Handling Failures',
  'stream/record-checkpointed': 'Completion',
  'stream/record-skipped': 'Handling Failures',
  'stream/record-aged-out': 'Handling Failures',
  'stream/record-expired': 'Handling Failures',
  'stream/window-invoke': 'Function Execution',
  'stream/window-closed': 'Completion',
  'stream/window-abandoned': 'Handling Failures',
  'item/arrived': null,
  'env/provisioned-ready': null,
  'sync/invoke-requested': 'Invocation Request',
  'async/invoke-requested': 'Invocation Request',
  'async/accepted': 'Accepted Response',
  'async/rejected': 'Accepted Response',
  'async/queued': 'Event Queuing',
  'async/dequeued': 'Event Queuing',
  'async/duplicate-dropped': 'Event Queuing',
  'env/cold-start': 'Lambda Processing',
  'env/init-done': 'Lambda Processing',
  'invoke/throttled': 'Lambda Processing',
  'invoke/started': 'Function Execution',
  'async/duplicate-delivery': 'Function Execution',
  'invoke/timed-out': 'Timeout Handling',
  'apigw/integration-timeout': 'Timeout Handling',
  'sync/client-timeout': 'Timeout Handling',
  'invoke/succeeded': 'Response Generation',
  'invoke/failed': 'Response Generation',
  'sync/response': 'Return Response',
  'sync/rejected': 'Return Response',
  'sync/service-error': 'Return Response',
  'async/retry-scheduled': 'Handling Failures',
  'async/throttled': 'Handling Failures',
  'async/retries-exhausted': 'Handling Failures',
  'async/event-age-exceeded': 'Handling Failures',
  'async/zero-reserved-concurrency': 'Handling Failures',
  'async/dropped': 'Handling Failures',
  'sync/client-retry': 'Handling Failures',
  'dlq/delivered': 'Handling Failures',
  'dlq/delivery-failed': 'Handling Failures',
  'async/completed': 'Completion',
  'sync/response-unclaimed': 'Completion',
  'env/reaped': 'Completion',
};
const TARGET_DEPENDENT = new Set(['destination/delivered', 'destination/delivery-failed']);

/** The generic sentence describeEvent falls back to for a type it does not know. */
function fallbackText(type: string): string {
  return `${type.replace(/[/-]/g, ' ')}.`;
}

/** Signs that a sentence was built from missing or mistyped data. */
const PLACEHOLDERS = [
  /\bundefined\b/,
  /\bnull\b/,
  /\bNaN\b/,
  /\[object /,
  /\bsome time\b/,
  /\?/,
  / {2}/,
  / [:;,.]/,
];

/** A placeholder in the sentence, ignoring words that come from the event's own data (an error message may say "undefined"). */
function hasPlaceholder(text: string, event: SimEvent): boolean {
  const own = JSON.stringify(event.data ?? {});
  return PLACEHOLDERS.some((re) => re.test(text) && !re.test(own));
}

describe('describeEvent: every event type the presets produce', () => {
  it('the presets produce the event types this test is about', () => {
    expect(PRESET_IDS.length).toBeGreaterThanOrEqual(14);
    for (const type of [
      'sync/invoke-requested',
      'async/accepted',
      'async/queued',
      'async/retry-scheduled',
      'invoke/timed-out',
      'invoke/throttled',
      'sync/response',
    ])
      expect(presetTypes.has(type), type).toBe(true);
  });

  it.each([...presetTypes.keys()])('%s gets a specific sentence, not the generic fallback', (type) => {
    const problems = new Set<string>();
    for (const event of presetByType.get(type) ?? []) {
      const { text } = describeEventParts(event);
      if (text === fallbackText(type)) problems.add(`fallback: ${text}`);
      if (!/^[A-Z0-9]/.test(text) || !/[.!]$/.test(text)) problems.add(`not a sentence: ${text}`);
      if (hasPlaceholder(text, event)) problems.add(`placeholder: ${text}`);
    }
    expect([...problems]).toEqual([]);
  });

  it.each([...presetTypes.keys()])('%s is tagged with the article step it belongs to', (type) => {
    const event = presetTypes.get(type)!;
    const parts = describeEventParts(event);
    if (TARGET_DEPENDENT.has(type)) {
      const target = event.data?.target;
      expect(parts.step).toBe(target === 'on-success' ? 'Completion' : 'Handling Failures');
    } else {
      expect(type in EXPECTED_STEP, `no expected step for new type ${type}`).toBe(true);
      expect(parts.step).toBe(EXPECTED_STEP[type]);
    }
    // describeEvent is the same sentence with the step in front.
    expect(describeEvent(event)).toBe(parts.step ? `${parts.step}: ${parts.text}` : parts.text);
  });

  it.each([
    ['async/accepted', 'Accepted Response'],
    ['async/queued', 'Event Queuing'],
    ['async/retry-scheduled', 'Handling Failures'],
    ['invoke/timed-out', 'Timeout Handling'],
    ['sync/invoke-requested', 'Invocation Request'],
    ['async/invoke-requested', 'Invocation Request'],
    ['invoke/started', 'Function Execution'],
    ['invoke/succeeded', 'Response Generation'],
    ['sync/response', 'Return Response'],
    ['async/completed', 'Completion'],
  ])('%s starts with the article step "%s"', (type, step) => {
    const event = presetTypes.get(type);
    expect(event, type).toBeDefined();
    expect(describeEvent(event!).startsWith(`${step}: `)).toBe(true);
  });

  it('an on-success destination delivery is Completion, an on-failure one is Handling Failures', () => {
    const deliveries = presetEvents.filter((e) => e.type === 'destination/delivered');
    const targets = new Set(deliveries.map((e) => e.data?.target));
    expect(targets).toContain('on-success');
    expect(targets).toContain('on-failure');
    for (const e of deliveries) {
      const step = e.data?.target === 'on-success' ? 'Completion' : 'Handling Failures';
      expect(describeEvent(e).startsWith(`${step}: `), describeEvent(e)).toBe(true);
      expect(describeEvent(e)).toMatch(/invocation record/);
    }
  });

  it('a dead-letter queue delivery names the queue and says the original event is sent', () => {
    const e = firstOfType(presetLog('async-dlq'), 'dlq/delivered');
    expect(describeEvent(e)).toMatch(
      /^Handling Failures: .*original event.*dead-letter queue.*SQS queue orders-dlq/,
    );
  });
});

describe('describeEvent: engine event types no preset reaches', () => {
  const extraTypes = [...allTypes].filter((t) => !presetTypes.has(t));

  it('the extra scenarios produce the types they are named after', () => {
    for (const name of Object.keys(extraLogs)) {
      const type = name.split(' ')[0]!;
      expect(
        extraLog(name).some((e) => e.type === type),
        name,
      ).toBe(true);
    }
    expect(extraTypes.length).toBeGreaterThan(0);
  });

  it.each(extraTypes)('%s gets a specific sentence and the expected step', (type) => {
    for (const event of allEvents.filter((e) => e.type === type)) {
      const parts = describeEventParts(event);
      expect(parts.text).not.toBe(fallbackText(type));
      if (TARGET_DEPENDENT.has(type))
        expect(parts.step).toBe(event.data?.target === 'on-success' ? 'Completion' : 'Handling Failures');
      else {
        expect(type in EXPECTED_STEP, `no expected step for new type ${type}`).toBe(true);
        expect(parts.step).toBe(EXPECTED_STEP[type]);
      }
    }
  });

  it('every sentence of every engine event reads without placeholders', () => {
    const bad = new Set<string>();
    for (const event of allEvents) {
      const text = describeEvent(event);
      if (hasPlaceholder(text, event)) bad.add(`${event.type}: ${text}`);
    }
    expect([...bad]).toEqual([]);
  });

  it('a sync response with no HTTP status (the CLI gave up on a read timeout) does not print "HTTP ?"', () => {
    const response = extraLog('sync/client-timeout').filter((e) => e.type === 'sync/response');
    expect(response).toHaveLength(1);
    const text = describeEvent(response[0]!);
    expect(text).toMatch(/ReadTimeoutError/);
    expect(text).not.toMatch(/HTTP \?/);
  });

  it('a payload-too-large async event is described as too large, with 413', () => {
    const e = firstOfType(extraLog('async/rejected'), 'async/rejected');
    expect(e.data?.statusCode).toBe(413);
    expect(describeEvent(e)).toMatch(/413 RequestTooLargeException.*too large/);
  });

  it('an async event refused by the request-rate quota says 429 and the reason, not "payload is too large"', () => {
    const e = firstOfType(extraLog('async/rejected (request rate)'), 'async/rejected');
    expect(e.data?.statusCode).toBe(429);
    const text = describeEvent(e);
    expect(text).toMatch(/429/);
    expect(text).toMatch(/ReservedFunctionInvocationRateLimitExceeded/);
    expect(text).not.toMatch(/too large/);
  });

  it('a failed delivery says what could not be sent, where, and why', () => {
    const log = extraLog('destination/delivery-failed');
    const dest = firstOfType(log, 'destination/delivery-failed');
    const dlq = firstOfType(log, 'dlq/delivery-failed');
    expect(describeEvent(dest)).toMatch(
      /^Handling Failures: Lambda could not send the invocation record to the on-failure destination \(SQS queue failed\.fifo\): FIFO/,
    );
    expect(describeEvent(dlq)).toMatch(
      /^Handling Failures: Lambda could not send the original event to the dead-letter queue \(SQS queue dlq\.fifo\): FIFO/,
    );
  });

  it('a client retry says that the client, not Lambda, retries, with the attempt count and wait', () => {
    const e = firstOfType(extraLog('sync/client-retry'), 'sync/client-retry');
    const text = describeEvent(e);
    expect(text).toMatch(/client \(not Lambda\) retries/);
    expect(text).toContain(`attempt ${String(e.data?.nextAttempt)} of ${String(e.data?.maxAttempts)}`);
    expect(text).toContain(`in ${formatDuration(e.data?.delayMs as number)}`);
  });
});

describe('describeEvent: details that matter', () => {
  it('retry-scheduled states the wait: ≈60 s before the second attempt, ≈2 min before the third', () => {
    const retries = presetLog('async-retries-exhausted').filter((e) => e.type === 'async/retry-scheduled');
    expect(retries.map((e) => e.data?.delayMs)).toEqual([60_000, 120_000]);
    const [first, second] = retries.map(describeEvent);
    expect(first).toMatch(/retries in 60 s \(attempt 2, at \+1 min 01\.263 s\)/);
    expect(second).toMatch(/retries in 2 min \(attempt 3, at \+3 min 02\.263 s\)/);
  });

  it('a throttled sync invocation mentions 429 and the Reason, and that the code never runs', () => {
    const log = presetLog('sync-throttled');
    const throttled = firstOfType(log, 'invoke/throttled');
    const reason = throttled.data?.reason;
    expect(typeof reason).toBe('string');
    const text = describeEvent(throttled);
    expect(text).toMatch(/429/);
    expect(text).toContain(reason as string);
    expect(text).toMatch(/never runs/);

    const response = log.find((e) => e.type === 'sync/response' && e.data?.statusCode === 429);
    expect(response).toBeDefined();
    const answer = describeEvent(response!);
    expect(answer).toMatch(/^Return Response: The caller gets HTTP 429 TooManyRequestsException/);
    expect(answer).toContain(`(${response!.data?.reason as string})`);
    expect(answer).toMatch(/Lambda itself does not retry/);
  });

  it('a function error answered with HTTP 200 names X-Amz-Function-Error', () => {
    const e = presetLog('sync-function-error').find((x) => x.type === 'sync/response');
    expect(describeEvent(e!)).toMatch(/HTTP 200 with X-Amz-Function-Error: Unhandled \(Error\)/);
  });

  it('a timed-out invocation names Sandbox.Timedout and the function Timeout', () => {
    const e = firstOfType(presetLog('sync-timeout'), 'invoke/timed-out');
    const text = describeEvent(e);
    expect(text).toMatch(/^Timeout Handling: /);
    expect(text).toContain(`${formatDuration(e.data?.durationMs as number)} Timeout`);
    expect(text).toMatch(/Sandbox\.Timedout/);
  });

  it('a cold start and billing with Init are spelled out', () => {
    const log = presetLog('default');
    expect(describeEvent(firstOfType(log, 'env/cold-start'))).toMatch(/cold start/);
    expect(describeEvent(firstOfType(log, 'invoke/failed'))).toMatch(/\(billed 800 ms \+ 250 ms of Init\)/);
  });

  it('an unknown type gets a readable fallback without a step', () => {
    const event: SimEvent = { seq: 0, t: 0, type: 'queue/poller-scaled-up', rule: '§9' };
    const parts = describeEventParts(event);
    expect(parts.step).toBeNull();
    expect(parts.text).toBe('queue poller scaled up.');
    expect(describeEvent(event)).toBe('queue poller scaled up.');
    expect(describeEvent(event)).not.toMatch(/[/-]|undefined/);
  });

  it('a known type with missing data still reads (no "undefined" or "NaN")', () => {
    for (const type of Object.keys(EXPECTED_STEP)) {
      const text = describeEvent({ seq: 0, t: 0, type, rule: '§0' });
      expect(text, type).not.toMatch(/undefined|NaN|\[object /);
      expect(text, type).not.toBe(fallbackText(type));
    }
  });
});
