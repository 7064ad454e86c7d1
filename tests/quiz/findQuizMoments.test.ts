/** The quiz's moments, answers and wrong answers, per rule, over the presets' real runs. */
import { describe, expect, it } from 'vitest';
import { findQuizMoments, type QuizMoment, type QuizMomentKind } from '../../src/quiz';
import { presetRun } from '../store/fixtures';

function quiz(
  presetId: string,
  seed?: number,
): { moments: QuizMoment[]; log: ReturnType<typeof presetRun>['log'] } {
  const { log, scenario } = presetRun(presetId);
  return { moments: findQuizMoments(log, scenario, seed === undefined ? {} : { seed }), log };
}

function only(moments: QuizMoment[], kind: QuizMomentKind): QuizMoment[] {
  return moments.filter((m) => m.kind === kind);
}

const correctText = (m: QuizMoment) => m.choices.find((c) => c.correct)!.text;
const wrongIds = (m: QuizMoment) => m.choices.filter((c) => !c.correct).map((c) => c.id);

describe('§2.2 async retries after a function error', () => {
  it('async-retries-exhausted: pauses on each failure; the answers are ≈1 min, then ≈2 min', () => {
    const { moments, log } = quiz('async-retries-exhausted');
    const retries = only(moments, 'async-retry');
    expect(retries).toHaveLength(2);
    for (const m of retries) {
      expect(log[m.pauseIndex]!.type).toBe('invoke/failed');
      expect(log[m.revealIndex]!.type).toBe('async/retry-scheduled');
      expect(m.pauseIndex).toBe(m.revealIndex - 1);
    }
    expect(log[retries[0]!.revealIndex]!.data?.delayMs).toBe(60_000);
    expect(correctText(retries[0]!)).toContain('attempt 2 about 1 minute');
    expect(correctText(retries[1]!)).toContain('attempt 3 about 2 minutes');
    // "The same 1-minute wait" is only offered where the run waits 2 minutes.
    expect(wrongIds(retries[0]!)).not.toContain('same-wait');
    expect(wrongIds(retries[1]!)).toContain('same-wait');
    expect(wrongIds(retries[0]!)).toContain('exponential-backoff');
  });

  it('§2.5 async-retries-exhausted: after the last attempt the record goes to the on-failure destination', () => {
    const { moments, log } = quiz('async-retries-exhausted');
    const [m] = only(moments, 'async-exhausted');
    expect(log[m!.pauseIndex]!.type).toBe('invoke/failed');
    expect(log[m!.revealIndex]!.type).toBe('destination/delivered');
    expect(correctText(m!)).toMatch(
      /invocation record \(condition RetriesExhausted.*on-failure destination.*orders-failed/,
    );
    // The run did keep the event, so "it is lost" is offered as wrong; "record to the DLQ" is not (no DLQ here).
    expect(wrongIds(m!)).toContain('lost-anyway');
    expect(wrongIds(m!)).toContain('raw-event-to-destination');
    expect(wrongIds(m!)).not.toContain('record-to-dlq');
  });

  it('§2.6 async-dlq: the DLQ gets the original event, and the wrong answer is the invocation record', () => {
    const { moments } = quiz('async-dlq');
    const [m] = only(moments, 'async-exhausted');
    expect(correctText(m!)).toContain('the original event, unchanged');
    expect(wrongIds(m!)).toContain('record-to-dlq');
    expect(wrongIds(m!)).not.toContain('raw-event-to-destination');
  });
});

describe('§2.3 async throttles', () => {
  it('async-throttled-waits: one question at the first throttle; backoff 1 s, no retry used', () => {
    const { moments, log } = quiz('async-throttled-waits');
    const throttles = only(moments, 'async-throttle');
    expect(throttles).toHaveLength(1);
    const [m] = throttles;
    expect(m!.item).toBe('E2');
    expect(log[m!.revealIndex]!.type).toBe('async/throttled');
    expect(log[m!.pauseIndex]!.type).toBe('async/queued');
    expect(correctText(m!)).toContain('tries again in 1 s');
    expect(m!.rule.section).toBe('§2.3');
    // The throttle is on reserved concurrency, so "beyond the reserved concurrency" is really wrong here.
    expect(wrongIds(m!)).toEqual(
      expect.arrayContaining(['caller-429', 'throttle-uses-retry', 'beyond-reserved']),
    );
  });
});

describe('§9 maximum event age, checked before waiting', () => {
  it('async-max-event-age: the event fails at once with EventAgeExceeded', () => {
    const { moments, log } = quiz('async-max-event-age');
    expect(moments.map((m) => m.kind)).toEqual(['async-event-age']);
    const [m] = moments;
    expect(log[m!.revealIndex]!.type).toBe('async/event-age-exceeded');
    expect(correctText(m!)).toMatch(/gives up at once.*EventAgeExceeded.*orders-failed/);
    expect(wrongIds(m!)).toContain('retry-then-expire');
    expect(m!.rule.section).toBe('§9');
  });
});

describe('§3.2 SQS visibility timeout and redrive', () => {
  it('sqs-redrive-to-dlq: hidden until the timeout, then SQS (not Lambda) moves the message', () => {
    const { moments, log } = quiz('sqs-redrive-to-dlq');
    expect(moments.map((m) => m.kind)).toEqual(['sqs-visibility-expired', 'sqs-redrive']);
    const [vis, redrive] = moments;
    expect(log[vis!.pauseIndex]!.type).toBe('sqs/batch-failed');
    expect(log[vis!.revealIndex]!.type).toBe('sqs/visible-again');
    expect(correctText(vis!)).toContain('60 s visibility timeout');
    expect(correctText(vis!)).toContain('receive count 2');
    expect(wrongIds(vis!)).toContain('acknowledged');
    expect(log[redrive!.revealIndex]!.type).toBe('sqs/moved-to-dlq');
    expect(correctText(redrive!)).toContain('SQS itself (not Lambda)');
    expect(correctText(redrive!)).toContain('orders-queue-dlq');
    expect(wrongIds(redrive!)).toEqual(expect.arrayContaining(['function-dlq', 'max-retry-attempts']));
  });

  it('sqs-visibility-too-short: the message reappears while its handler still runs', () => {
    const { moments, log } = quiz('sqs-visibility-too-short');
    const [m] = moments;
    expect(m!.kind).toBe('sqs-visibility-expired');
    expect(log[m!.revealIndex]!.t).toBe(5000);
    expect(m!.prompt).toContain('still working on it');
    expect(correctText(m!)).toContain('runs twice at the same time');
    // "Right away" only makes sense after a failure; here the handler is still running.
    expect(wrongIds(m!)).not.toContain('immediate-retry');
    expect(wrongIds(m!)).toContain('stopped-to-dlq');
  });
});

describe('§3.4 stream retries, bisect and checkpoints', () => {
  it('kinesis-poison-retry-limit: the whole batch is retried, then given up with metadata only', () => {
    const { moments, log } = quiz('kinesis-poison-retry-limit');
    const retries = only(moments, 'stream-retry');
    expect(retries).toHaveLength(2);
    for (const m of retries) {
      expect(log[m.revealIndex]!.type).toBe('stream/retry');
      expect(log[m.revealIndex]!.data?.items).toHaveLength(10);
      expect(correctText(m)).toContain('r-1…r-10');
      expect(wrongIds(m)).toContain('only-failing-record');
    }
    const [exhausted] = only(moments, 'stream-exhausted');
    expect(log[exhausted!.pauseIndex]!.type).toBe('stream/batch-failed');
    expect(log[exhausted!.revealIndex]!.type).toBe('stream/retries-exhausted');
    expect(correctText(exhausted!)).toMatch(
      /RetryAttemptsExhausted.*not the records themselves.*all 10 records/,
    );
    expect(wrongIds(exhausted!)).toEqual(
      expect.arrayContaining(['records-in-destination', 'only-bad-skipped']),
    );
  });

  it('kinesis-bisect: the failing batch is split in halves without using a retry', () => {
    const { moments, log } = quiz('kinesis-bisect');
    const [m] = only(moments, 'stream-bisect');
    expect(log[m!.pauseIndex]!.type).toBe('invoke/failed');
    expect(log[m!.revealIndex]!.type).toBe('stream/batch-bisected');
    expect(correctText(m!)).toContain('r-1…r-4 and r-5…r-8');
    // MaximumRetryAttempts is 0 in this run, which is what makes "no retries allowed" a real trap.
    expect(wrongIds(m!)).toEqual(expect.arrayContaining(['whole-again', 'split-uses-retry']));
  });

  it('§9 kinesis-checkpoint: the lowest reported sequence number is the checkpoint', () => {
    const { moments, log } = quiz('kinesis-checkpoint');
    expect(moments.map((m) => m.kind)).toEqual(['stream-checkpoint']);
    const [m] = moments;
    expect(log[m!.pauseIndex]!.type).toBe('invoke/succeeded');
    expect(log[m!.revealIndex]!.type).toBe('stream/checkpoint');
    expect(correctText(m!)).toBe(
      'It checkpoints s-1…s-5 (the records before the lowest reported sequence number, s-6) and retries s-6…s-10.',
    );
    expect(wrongIds(m!)).toEqual(
      expect.arrayContaining(['only-reported', 'whole-batch', 'response-ignored']),
    );
  });
});

describe('every question', () => {
  const presets = [
    'default',
    'async-retries-exhausted',
    'async-throttled-waits',
    'async-throttled-ages-out',
    'async-max-event-age',
    'sqs-redrive-to-dlq',
    'sqs-visibility-too-short',
    'sqs-batch-error',
    'kinesis-poison-retry-limit',
    'kinesis-bisect',
    'kinesis-checkpoint',
    'dynamodb-bisect-on-failure',
  ];

  it.each(presets)(
    '%s: 3–4 choices, one right, each citing a rule and its AWS page; pause before reveal',
    (id) => {
      const { moments, log } = quiz(id);
      expect(moments.length).toBeGreaterThan(0);
      const pauses = new Set<number>();
      for (const m of moments) {
        expect(m.choices.length).toBeGreaterThanOrEqual(3);
        expect(m.choices.length).toBeLessThanOrEqual(4);
        expect(m.choices.filter((c) => c.correct).map((c) => c.id)).toEqual([m.correctId]);
        expect(new Set(m.choices.map((c) => c.text)).size).toBe(m.choices.length);
        for (const c of m.choices) {
          expect(c.rule.section).toMatch(/^§/);
          expect(c.rule.url).toMatch(/^https:\/\//);
          expect(c.feedback.length).toBeGreaterThan(20);
        }
        expect(m.pauseIndex).toBeGreaterThanOrEqual(0);
        expect(m.pauseIndex).toBeLessThan(m.revealIndex);
        expect(log[m.pauseIndex]!.t).toBeLessThanOrEqual(log[m.revealIndex]!.t);
        expect(pauses.has(m.pauseIndex)).toBe(false);
        pauses.add(m.pauseIndex);
      }
      expect(moments.map((m) => m.pauseIndex)).toEqual(
        [...moments.map((m) => m.pauseIndex)].sort((a, b) => a - b),
      );
    },
  );

  it('the order of the choices is the same for the same seed, and changes with the seed', () => {
    const order = (seed?: number) =>
      ['async-retries-exhausted', 'kinesis-bisect', 'sqs-redrive-to-dlq'].flatMap((id) =>
        quiz(id, seed).moments.map((m) => m.choices.map((c) => c.id).join(',')),
      );
    expect(order()).toEqual(order());
    expect(order(1)).toEqual(order());
    expect(order(7)).not.toEqual(order(1));
  });

  it('a run without teaching moments has no quiz (§1.4: Lambda never retries a sync call)', () => {
    expect(quiz('sync-function-error').moments).toEqual([]);
  });

  it('limits: at most maxPerKind of one kind and maxMoments in all, inside [fromIndex, toIndex]', () => {
    const { log, scenario } = presetRun('kinesis-poison-blocks-shard');
    expect(findQuizMoments(log, scenario, { maxPerKind: 1 })).toHaveLength(1);
    const all = findQuizMoments(log, scenario, { maxPerKind: 50, maxMoments: 4 });
    expect(all).toHaveLength(4);
    const late = findQuizMoments(log, scenario, { fromIndex: all[1]!.pauseIndex });
    expect(late[0]!.id).toBe(all[1]!.id);
  });
});
