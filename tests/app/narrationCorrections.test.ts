/**
 * The source article's corrections (aws-semantics.md §6) in the narration: said at the event where the
 * run shows the article wrong, once per queue or stream where the moment repeats, and on no other event.
 */
import { describe, expect, it } from 'vitest';
import { ARTICLE, narrate } from '../../src/app/narration';
import { extraRun, presetRun, type LoggedRun } from './narrationFixtures';

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
