/**
 * Kinesis / DynamoDB Streams event source mappings (§3.1, §3.4, §3.5, §9): the producer side, starting
 * positions, polling and batching, ParallelizationFactor, retries and what stops them.
 */
import { describe, expect, it } from 'vitest';
import type { ResultInvocation } from '../../src/engine/results';
import { events, item, type Run } from '../helpers/scenario';
import { fail, seq, STREAM_FAILURES_QUEUE, streamRun } from '../helpers/streams';

const Q = STREAM_FAILURES_QUEUE;

const shardOf = (r: Run, id: string) =>
  (events(r, 'stream/record-put', id)[0]!.data as { shard: string }).shard;
const itemsOf = (invs: ResultInvocation[]) => invs.map((i) => i.items);

/** No two invocations in the list overlap in time. */
function sequential(invs: ResultInvocation[]): boolean {
  const sorted = [...invs].sort((a, b) => a.startMs - b.startMs);
  return sorted.every((inv, i) => i === 0 || inv.startMs >= sorted[i - 1]!.endMs!);
}

describe('§3.4 the stream: shards, sequence numbers, retention', () => {
  it('§3.4 a record lands on the shard its partition key hashes to (stable), or on the shard given; sequence numbers grow per shard with equal length', () => {
    const records = [
      ...Array.from({ length: 12 }, (_, i) => ({ id: `k${i}`, atMs: i * 10, partitionKey: `key-${i % 4}` })),
      { id: 'x', atMs: 200, shard: 2 },
    ];
    const r = streamRun({ shards: 3, records });
    // The same key always lands on the same shard.
    for (let i = 4; i < 12; i++) expect(shardOf(r, `k${i}`)).toBe(shardOf(r, `k${i - 4}`));
    expect(new Set(records.slice(0, 12).map((x) => shardOf(r, x.id))).size).toBeGreaterThan(1);
    expect(shardOf(r, 'x')).toBe('shardId-000000000002');
    const byShard = new Map<string, string[]>();
    for (const e of events(r, 'stream/record-put')) {
      const d = e.data as { shard: string; sequenceNumber: string };
      byShard.set(d.shard, [...(byShard.get(d.shard) ?? []), d.sequenceNumber]);
    }
    for (const seqs of byShard.values()) {
      expect(seqs.every((s) => /^\d{56}$/.test(s))).toBe(true);
      expect([...seqs].sort()).toEqual(seqs); // increasing, comparable as strings
      expect(new Set(seqs).size).toBe(seqs.length);
    }
    expect(r.items.every((i) => i.outcome === 'succeeded')).toBe(true);
  });

  it('§3.5 DynamoDB: 21-digit sequence numbers, "shardId-<ms>-<hex>" shard ids', () => {
    const r = streamRun({ type: 'dynamodb', records: [{ id: 'a' }, { id: 'b', atMs: 5 }] });
    expect(seq(r, 'a')).toMatch(/^\d{21}$/);
    expect(seq(r, 'b') > seq(r, 'a')).toBe(true);
    expect(shardOf(r, 'a')).toMatch(/^shardId-\d{20}-[0-9a-f]{8}$/);
  });

  it('§3.4 Kinesis RetentionPeriodHours: a record blocked by errors is dropped when it leaves the stream (here 48 h), then the shard goes on', () => {
    const r = streamRun({
      retentionHours: 48,
      records: [{ id: 'bad' }, { id: 'next', atMs: 10_000 }],
      rules: [fail('bad')],
    });
    const bad = item(r, 'bad');
    expect(bad.outcome).toBe('expired');
    expect(bad.endedMs).toBe(48 * 3600_000);
    expect(events(r, 'stream/record-expired', 'bad')[0]!.rule).toBe('§3.4');
    expect(item(r, 'next').outcome).toBe('succeeded');
    expect(item(r, 'next').attempts[0]!.startMs).toBeGreaterThanOrEqual(48 * 3600_000);
    // Retries back off to one a minute: about 2,880 invocations in 48 hours, not hundreds of thousands.
    expect(r.invocations.length).toBeGreaterThan(2800);
    expect(r.invocations.length).toBeLessThan(3000);
  });
});

describe('§3.4 starting position', () => {
  const before = { id: 'old', atMs: 0, count: 3 };
  const after = { id: 'new', atMs: 5000, count: 2 };

  it('§3.4 TRIM_HORIZON reads every record still in the stream, including those put before the mapping existed', () => {
    const r = streamRun({ mapping: { createdAtMs: 2000 }, records: [before, after] });
    expect(r.items.map((i) => i.outcome)).toEqual(Array(5).fill('succeeded'));
    expect(r.invocations[0]!.startMs).toBe(2000);
    expect(events(r, 'stream/mapping-created')[0]!.t).toBe(2000);
  });

  it('§3.4 LATEST reads only records put after the mapping was created; the older ones leave the stream unread after 24 h', () => {
    const r = streamRun({
      mapping: { StartingPosition: 'LATEST', createdAtMs: 2000 },
      records: [before, after],
    });
    expect(r.invocations.flatMap((i) => i.items)).toEqual(['new-1', 'new-2']);
    for (const id of ['old-1', 'old-2', 'old-3']) {
      expect(item(r, id).attempts).toHaveLength(0);
      expect(item(r, id).outcome).toBe('expired');
      expect(item(r, id).endedMs).toBe(24 * 3600_000);
    }
  });

  it('§3.4 AT_TIMESTAMP reads records that arrived at or after StartingPositionTimestamp', () => {
    const r = streamRun({
      mapping: { StartingPosition: 'AT_TIMESTAMP', StartingPositionTimestamp: 5, createdAtMs: 8000 },
      records: [before, after, { id: 'late', atMs: 9000 }],
    });
    expect(r.invocations.flatMap((i) => i.items)).toEqual(['new-1', 'new-2', 'late']);
    expect(item(r, 'old-1').outcome).toBe('expired');
  });
});

describe('§3.1 polling and batching', () => {
  it('§3.4 Kinesis polls a shard once per second; §3.5 DynamoDB four times per second', () => {
    const k = streamRun({ records: [{ id: 'a', atMs: 100 }] });
    expect(k.invocations[0]!.startMs).toBe(1000);
    const d = streamRun({ type: 'dynamodb', records: [{ id: 'a', atMs: 100 }] });
    expect(d.invocations[0]!.startMs).toBe(250);
    expect(events(d, 'stream/batch-read')[0]!.rule).toBe('§3.5');
  });

  it('§3.4 records put at the same moment are read as one batch of up to BatchSize, in sequence order', () => {
    const r = streamRun({ mapping: { BatchSize: 4 }, records: [{ id: 'r', count: 10 }] });
    expect(itemsOf(r.invocations)).toEqual([
      ['r-1', 'r-2', 'r-3', 'r-4'],
      ['r-5', 'r-6', 'r-7', 'r-8'],
      ['r-9', 'r-10'],
    ]);
  });

  it('§3.1 MaximumBatchingWindowInSeconds: the poller gathers records until the window ends, or sends as soon as the batch is full', () => {
    const records = [{ id: 'r', count: 10, everyMs: 300 }];
    const gathered = streamRun({ mapping: { MaximumBatchingWindowInSeconds: 5 }, records });
    expect(gathered.invocations).toHaveLength(1);
    expect(gathered.invocations[0]!.startMs).toBe(5000);
    expect(gathered.invocations[0]!.items).toHaveLength(10);
    expect(events(gathered, 'stream/batch-read')[0]!.rule).toBe('§3.1');
    const full = streamRun({ mapping: { MaximumBatchingWindowInSeconds: 60, BatchSize: 4 }, records });
    // The 4th record arrives at 900 ms: the next poll (1 s) finds the batch full.
    expect(full.invocations[0]!.startMs).toBe(1000);
    expect(full.invocations[0]!.items).toEqual(['r-1', 'r-2', 'r-3', 'r-4']);
  });

  it('§3.1 a batch also ends at 6 MB', () => {
    const r = streamRun({ records: [{ id: 'big', count: 5, payloadSizeBytes: 2_000_000 }] });
    expect(r.invocations.map((i) => i.items.length)).toEqual([3, 2]);
  });

  it('§3.4 at ParallelizationFactor 1 a shard runs one batch at a time (the next starts after the previous ended); shards run in parallel', () => {
    const records = [
      { id: 'a', count: 30, everyMs: 50, shard: 0 },
      { id: 'b', count: 30, everyMs: 50, shard: 1 },
    ];
    const r = streamRun({ shards: 2, mapping: { BatchSize: 5 }, records, durationMs: 1800 });
    const byShard = (s: string) => r.invocations.filter((i) => i.shardId === s);
    expect(sequential(byShard('shardId-000000000000'))).toBe(true);
    expect(sequential(byShard('shardId-000000000001'))).toBe(true);
    expect(r.metrics.ConcurrentExecutionsMax).toBe(2);
    const order = r.invocations.filter((i) => i.shardId === 'shardId-000000000000').flatMap((i) => i.items);
    expect(order).toEqual(Array.from({ length: 30 }, (_, i) => `a-${i + 1}`));
  });
});

describe('§3.4 errors and retries', () => {
  it('§3.4 a failing batch is retried with the same records while the shard waits; MaximumRetryAttempts N ⇒ N + 1 invocations, then the shard moves on', () => {
    const r = streamRun({
      mapping: { BatchSize: 3, MaximumRetryAttempts: 3 },
      records: [{ id: 'r', count: 6 }],
      rules: [fail('r-2')],
    });
    expect(itemsOf(r.invocations)).toEqual([...Array(4).fill(['r-1', 'r-2', 'r-3']), ['r-4', 'r-5', 'r-6']]);
    expect(sequential(r.invocations)).toBe(true);
    expect(['r-1', 'r-2', 'r-3'].map((id) => item(r, id).outcome)).toEqual(Array(3).fill('discarded'));
    expect(events(r, 'stream/retries-exhausted')[0]!.data).toMatchObject({ approximateInvokeCount: 4 });
    expect(item(r, 'r-4').outcome).toBe('succeeded');
  });

  it('§3.4 retries wait for the next poll, then twice as long each time, up to 60 s', () => {
    const r = streamRun({
      mapping: { MaximumRetryAttempts: 9 },
      records: [{ id: 'bad' }],
      rules: [fail('bad')],
      durationMs: 0,
    });
    const starts = r.invocations.map((i) => i.startMs);
    const waits = starts.slice(1).map((s, i) => s - r.invocations[i]!.endMs!);
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000]);
  });

  it('§3.4 a timeout fails the batch like a thrown error (functionError "Unhandled" in the on-failure record)', () => {
    const r = streamRun({
      mapping: { MaximumRetryAttempts: 1, DestinationConfig: { OnFailure: { Destination: Q } } },
      fn: { Timeout: 1 },
      records: [{ id: 'slow' }],
      rules: [{ result: 'timeout' }],
    });
    expect(r.invocations.map((i) => i.result)).toEqual(['timeout', 'timeout']);
    const rec = item(r, 'slow').deliveries[0]!.record as { responseContext: unknown };
    expect(rec.responseContext).toEqual({
      statusCode: 200,
      executedVersion: '$LATEST',
      functionError: 'Unhandled',
    });
  });

  it('§4 throttles do not use retries: with MaximumRetryAttempts 0 a throttled batch still runs later and succeeds', () => {
    const r = streamRun({
      shards: 2,
      mapping: { MaximumRetryAttempts: 0 },
      fn: { ReservedConcurrentExecutions: 1 },
      records: [
        { id: 'a', shard: 0 },
        { id: 'b', shard: 1 },
      ],
      durationMs: 2500,
    });
    expect(r.items.map((i) => i.outcome)).toEqual(['succeeded', 'succeeded']);
    const throttled = r.items.flatMap((i) => i.attempts).filter((a) => a.result === 'throttled');
    expect(throttled.length).toBeGreaterThan(0);
    expect(r.metrics.Throttles).toBe(throttled.length);
    expect(events(r, 'stream/batch-throttled')[0]!.data).toMatchObject({ countsAsRetry: false });
  });

  it('§3.4 service errors do not use retries', () => {
    const r = streamRun({
      mapping: { MaximumRetryAttempts: 0 },
      records: [{ id: 'a' }],
      rules: [{ attempts: [1, 2], result: 'service-error' }],
    });
    // With MaximumRetryAttempts 0 the record still succeeds: the two system errors used no retry.
    expect(item(r, 'a').outcome).toBe('succeeded');
    // They never reached the code (§2.7): no invocation, no billing; the record shows two refused attempts.
    expect(r.invocations).toHaveLength(1);
    expect(r.metrics.Invocations).toBe(1);
    const refused = item(r, 'a').attempts.filter((a) => a.invocationId === null);
    expect(refused.map((a) => [a.result, a.reason])).toEqual([
      ['error', 'ServiceException'],
      ['error', 'ServiceException'],
    ]);
    expect(events(r, 'esm/service-error')).toHaveLength(2);
  });

  it('§9 MaximumRecordAgeInSeconds: records too old are not sent again; the RecordAgeExceeded record covers only them and has no responseContext', () => {
    const r = streamRun({
      mapping: {
        createdAtMs: 40_000,
        MaximumRecordAgeInSeconds: 60,
        DestinationConfig: { OnFailure: { Destination: Q } },
      },
      records: [{ id: 'old' }, { id: 'fresh', atMs: 30_000 }],
      rules: [fail('old')],
    });
    expect(itemsOf(r.invocations).slice(0, 2)).toEqual([
      ['old', 'fresh'],
      ['old', 'fresh'],
    ]);
    const old = item(r, 'old');
    expect(old.outcome).toBe('dead-lettered');
    expect(events(r, 'stream/record-aged-out', 'old')[0]!.t).toBe(60_001);
    const rec = old.deliveries[0]!.record as Record<string, Record<string, unknown>>;
    expect(rec.requestContext).toMatchObject({ condition: 'RecordAgeExceeded' });
    expect(rec).not.toHaveProperty('responseContext');
    expect(rec.KinesisBatchInfo).toMatchObject({
      batchSize: 1,
      startSequenceNumber: seq(r, 'old'),
      endSequenceNumber: seq(r, 'old'),
    });
    // The fresh record of the batch goes on alone.
    expect(r.invocations.at(-1)!.items).toEqual(['fresh']);
    expect(item(r, 'fresh').outcome).toBe('succeeded');
  });

  it('§3.4 a record older than MaximumRecordAgeInSeconds when first read is never sent; without a destination it ends expired', () => {
    const r = streamRun({
      mapping: { createdAtMs: 120_000, MaximumRecordAgeInSeconds: 60 },
      records: [{ id: 'stale' }, { id: 'ok', atMs: 100_000 }],
    });
    expect(item(r, 'stale').outcome).toBe('expired');
    expect(item(r, 'stale').attempts).toHaveLength(0);
    expect(r.invocations.map((i) => i.items)).toEqual([['ok']]);
  });
});

describe('§3.4 ParallelizationFactor', () => {
  it('§3.4 with ParallelizationFactor > 1 a shard runs batches of different keys at once; a key is never in two concurrent batches and keeps its order', () => {
    const records = Array.from({ length: 8 }, (_, k) => ({
      id: `k${k}`,
      count: 4,
      everyMs: 100,
      partitionKey: `key-${k}`,
    }));
    const r = streamRun({ mapping: { ParallelizationFactor: 4, BatchSize: 2 }, records, durationMs: 1500 });
    expect(r.metrics.ConcurrentExecutionsMax).toBeGreaterThan(1);
    expect(r.metrics.ConcurrentExecutionsMax).toBeLessThanOrEqual(4);
    for (let k = 0; k < 8; k++) {
      const invs = r.invocations.filter((i) => i.items.some((id) => id.startsWith(`k${k}-`)));
      expect(sequential(invs)).toBe(true);
      const order = invs.flatMap((i) => i.items.filter((id) => id.startsWith(`k${k}-`)));
      expect(order).toEqual([1, 2, 3, 4].map((n) => `k${k}-${n}`));
    }
  });

  it('§3.4 with ParallelizationFactor > 1 a failing key blocks only its lane; the other keys go on', () => {
    const keys = Array.from({ length: 6 }, (_, k) => ({
      id: `k${k}`,
      count: 2,
      everyMs: 100,
      partitionKey: `key-${k}`,
    }));
    const r = streamRun({
      mapping: { ParallelizationFactor: 10, MaximumRetryAttempts: 5 },
      records: keys,
      rules: [fail('k0-1')],
    });
    const laneOf = (id: string) => (events(r, 'stream/record-put', id)[0]!.data as { lane: number }).lane;
    const blockedLane = laneOf('k0-1');
    const others = r.items.filter((i) => laneOf(i.id) !== blockedLane);
    expect(others.length).toBeGreaterThan(0);
    // Records of other lanes finish long before the blocked lane gives up (after ≈ 31 s of retries).
    for (const o of others) expect(o.endedMs!).toBeLessThan(5000);
    expect(item(r, 'k0-1').endedMs!).toBeGreaterThan(30_000);
  });
});
