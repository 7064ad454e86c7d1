import { describe, expect, it } from 'vitest';
import { events, item, run } from '../../helpers/scenario';
import { demoOf, expectFixRemoves, idsOf, runDemo, scenarioOf, warning, withFix } from './helpers';

const HOUR = 3_600_000;
const BLOCKS = 'stream-poison-blocks-shard';
const SILENT = 'stream-no-on-failure-destination';

function stream(
  type: 'kinesis' | 'dynamodb',
  mapping: Record<string, unknown> = {},
  streamProps: Record<string, unknown> = {},
) {
  return scenarioOf({
    function: { Timeout: 30 },
    sources: [
      {
        type,
        id: 'orders',
        stream: { StreamName: 'orders', ShardCount: 2, ...streamProps },
        mapping: { StartingPosition: 'TRIM_HORIZON', BatchSize: 1, ...mapping },
        records: [{ id: 'r' }],
      },
    ],
  });
}

describe('§3.4 §3.5 retries until the data expires: a poison record blocks its shard', () => {
  it('§3.4 fires with the defaults (−1, −1) and names the retention', () => {
    const w = warning(stream('kinesis', {}, { RetentionPeriodHours: 48 }), BLOCKS);
    expect(w.rule).toBe('§3.4');
    expect(w.path).toBe('sources.0.mapping.MaximumRetryAttempts');
    expect(w.reason).toContain('both -1 (the defaults)');
    expect(w.reason).toContain('up to 48 hours');
  });

  it('§3.5 fires for DynamoDB Streams (24 hours) with §3.5', () => {
    const w = warning(stream('dynamodb'), BLOCKS);
    expect(w.rule).toBe('§3.5');
    expect(w.reason).toContain('up to 24 hours');
  });

  it('§3.4 a record age limit no shorter than the retention is no limit; a shorter one is', () => {
    expect(idsOf(stream('kinesis', { MaximumRecordAgeInSeconds: 86_400 }))).toContain(BLOCKS);
    expect(idsOf(stream('kinesis', { MaximumRecordAgeInSeconds: 3600 }))).not.toContain(BLOCKS);
    expect(idsOf(stream('kinesis', { MaximumRetryAttempts: 5 }))).not.toContain(BLOCKS);
  });

  it('§3.4 the fix bounds the retries and adds an on-failure destination, which removes both stream warnings', () => {
    const s = stream('kinesis');
    const w = warning(s, BLOCKS);
    expect(w.fix.map((f) => f.path)).toEqual([
      'sources.0.mapping.MaximumRetryAttempts',
      'sources.0.mapping.DestinationConfig.OnFailure.Destination',
    ]);
    const fixed = expectFixRemoves(s, w);
    expect(idsOf(fixed)).toEqual([]);
  });

  it('§3.4 see it happen: the poison record is retried for 24 h while the records behind it wait; the other shard goes on', () => {
    const r = runDemo(warning(stream('kinesis'), BLOCKS));
    const poison = item(r, 'poison');
    expect(poison.outcome).toBe('expired');
    expect(poison.deliveries).toEqual([]);
    expect(poison.attempts.length).toBeGreaterThan(1000);
    expect(poison.endedMs! - poison.arrivedMs).toBeGreaterThanOrEqual(24 * HOUR * 0.99);
    for (const id of ['order-1', 'order-2', 'order-3']) {
      const waited = item(r, id);
      expect(waited.outcome).toBe('succeeded');
      expect(waited.attempts[0]!.startMs, id).toBeGreaterThanOrEqual(poison.endedMs!);
    }
    const other = item(r, 'other-shard-1');
    expect(other.endedMs! - other.arrivedMs).toBeLessThan(10_000);
    expect(r.metrics.IteratorAgeMaxMs).toBeGreaterThan(23 * HOUR);
  });

  it('§3.4 see it happen with the fix: the poison batch is discarded after 3 invocations and described on the queue', () => {
    const w = warning(stream('kinesis'), BLOCKS);
    const r = run(withFix(demoOf(w), w));
    const poison = item(r, 'poison');
    expect(poison.attempts).toHaveLength(3);
    expect(poison.outcome).toBe('dead-lettered');
    expect(item(r, 'order-1').endedMs!).toBeLessThan(HOUR);
  });

  it('§3.5 see it happen (DynamoDB, one shard) expires the poison record after 24 hours', () => {
    const r = runDemo(warning(stream('dynamodb', {}, { ShardCount: 1 }), BLOCKS));
    expect(item(r, 'poison').outcome).toBe('expired');
    expect(r.items.map((i) => i.id)).not.toContain('other-shard-1');
    expect(events(r, 'stream/record-expired', 'poison')).toHaveLength(1);
  });

  it('§3.4 with a retention longer than a week the demonstration stops after 48 hours and says so', () => {
    const demo = demoOf(warning(stream('kinesis', {}, { RetentionPeriodHours: 720 }), BLOCKS));
    expect(demo.simulation.untilSeconds).toBe(48 * 3600);
    expect(demo.description).toContain('The run stops after 48 hours');
  });

  it('§3.4 with LATEST the demonstration puts its records after the mapping exists', () => {
    const r = runDemo(warning(stream('kinesis', { StartingPosition: 'LATEST', createdAtMs: 5000 }), BLOCKS));
    expect(item(r, 'poison').attempts.length).toBeGreaterThan(1);
  });
});

describe('§3.4 §3.5 bounded retries without an on-failure destination', () => {
  it('§3.4 fires for MaximumRetryAttempts ≥ 0 or a record age limit, naming the limits', () => {
    const w = warning(stream('kinesis', { MaximumRetryAttempts: 2 }), SILENT);
    expect(w.path).toBe('sources.0.mapping.DestinationConfig.OnFailure.Destination');
    expect(w.reason).toContain('MaximumRetryAttempts (2)');
    const aged = warning(stream('kinesis', { MaximumRecordAgeInSeconds: 600 }), SILENT);
    expect(aged.reason).toContain('MaximumRecordAgeInSeconds of 600 s (10 minutes)');
  });

  it('§3.4 does not fire with a destination, nor when the retries never end (that is the other warning)', () => {
    const destination = { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:failed' } };
    expect(idsOf(stream('kinesis', { MaximumRetryAttempts: 2, DestinationConfig: destination }))).toEqual([]);
    expect(idsOf(stream('kinesis'))).not.toContain(SILENT);
  });

  it('§3.4 the fix adds the on-failure queue', () => {
    const s = stream('dynamodb', { MaximumRetryAttempts: 0 });
    const w = warning(s, SILENT);
    expect(w.fix[0]!.value).toBe('arn:aws:sqs:us-east-1:123456789012:orders-failures');
    expectFixRemoves(s, w);
  });

  it('§3.4 see it happen: after the retries the batch is discarded with no record anywhere, and the shard moves on', () => {
    const s = stream('kinesis', { MaximumRetryAttempts: 2, BatchSize: 10 });
    const r = runDemo(warning(s, SILENT));
    const poison = item(r, 'poison');
    expect(poison.outcome).toBe('discarded');
    expect(poison.attempts).toHaveLength(3);
    // The good records of the same batch went with it.
    expect(item(r, 'order-1').outcome).toBe('discarded');
    expect(r.items.flatMap((i) => i.deliveries)).toEqual([]);
    expect(item(r, 'later').outcome).toBe('succeeded');
  });

  it('§3.4 see it happen with only a record age limit: the records age out unrecorded', () => {
    const r = runDemo(warning(stream('kinesis', { MaximumRecordAgeInSeconds: 120 }), SILENT));
    const poison = item(r, 'poison');
    expect(['discarded', 'expired']).toContain(poison.outcome);
    expect(poison.deliveries).toEqual([]);
    expect(events(r, 'stream/record-aged-out', 'poison')).toHaveLength(1);
    expect(item(r, 'later').outcome).toBe('succeeded');
  });
});
