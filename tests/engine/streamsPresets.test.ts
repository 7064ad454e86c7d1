/**
 * The stream presets (§3.4, §3.5, §8 KIN-01…03, DDB-01) behave as their descriptions say; and stream runs
 * are deterministic and resume exactly from checkpoints.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation, restoreSimulation } from '../../src/engine/simulation';
import type { ResultInvocation } from '../../src/engine/results';
import type { Scenario, ScenarioInput } from '../../src/scenarios/schema';
import { mustValidate } from '../../src/scenarios/validate';
import dynamodbPoisonDefault from '../../src/scenarios/presets/dynamodb-poison-default.json';
import kinesisBisect from '../../src/scenarios/presets/kinesis-bisect.json';
import kinesisCheckpoint from '../../src/scenarios/presets/kinesis-checkpoint.json';
import kinesisInOrder from '../../src/scenarios/presets/kinesis-in-order.json';
import kinesisParallelization from '../../src/scenarios/presets/kinesis-parallelization.json';
import kinesisPoisonBlocksShard from '../../src/scenarios/presets/kinesis-poison-blocks-shard.json';
import kinesisPoisonRetryLimit from '../../src/scenarios/presets/kinesis-poison-retry-limit.json';
import { events, item, run, type Run } from '../helpers/scenario';

const PRESETS: Record<string, unknown> = {
  'kinesis-in-order': kinesisInOrder,
  'kinesis-poison-retry-limit': kinesisPoisonRetryLimit,
  'kinesis-bisect': kinesisBisect,
  'kinesis-checkpoint': kinesisCheckpoint,
  'kinesis-parallelization': kinesisParallelization,
  'kinesis-poison-blocks-shard': kinesisPoisonBlocksShard,
  'dynamodb-poison-default': dynamodbPoisonDefault,
};

const scenarios = new Map<string, Scenario>();
const runs = new Map<string, Run>();
function presetScenario(id: string): Scenario {
  let s = scenarios.get(id);
  if (!s) {
    s = mustValidate(PRESETS[id]);
    scenarios.set(id, s);
  }
  return s;
}
function preset(id: string): Run {
  let r = runs.get(id);
  if (!r) {
    r = run(presetScenario(id));
    runs.set(id, r);
  }
  return r;
}

const H24 = 24 * 3600_000;
const seq = (r: Run, id: string) =>
  (events(r, 'stream/record-put', id)[0]!.data as { sequenceNumber: string }).sequenceNumber;
const ids = (prefix: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}-${from + i}`);

function sequential(invs: ResultInvocation[]): boolean {
  const sorted = [...invs].sort((a, b) => a.startMs - b.startMs);
  return sorted.every((inv, i) => i === 0 || inv.startMs >= sorted[i - 1]!.endMs!);
}

interface FailureRecord {
  requestContext: { condition: string; approximateInvokeCount: number };
  responseContext?: { functionError: string | null };
  KinesisBatchInfo: {
    startSequenceNumber: string;
    endSequenceNumber: string;
    batchSize: number;
    shardId: string;
  };
}

describe('stream presets', () => {
  it('design "Scenarios" every stream preset validates, is poll-based, and ends with no record in flight', () => {
    for (const id of Object.keys(PRESETS)) {
      const raw = PRESETS[id] as ScenarioInput;
      expect(raw.id).toBe(id);
      expect(raw.group).toBe('poll-based');
      expect(raw.description!.length).toBeGreaterThan(100);
      const r = preset(id);
      expect(
        r.items.filter((i) => i.outcome === 'in-flight').map((i) => i.id),
        id,
      ).toEqual([]);
    }
  });

  it('§3.4 kinesis-in-order (KIN-01): invocations of 100, 100 and 50 records in sequence order, never two at once', () => {
    const r = preset('kinesis-in-order');
    expect(r.invocations.map((i) => i.items)).toEqual([
      ids('r', 1, 100),
      ids('r', 101, 200),
      ids('r', 201, 250),
    ]);
    expect(sequential(r.invocations)).toBe(true);
    expect(r.metrics.ConcurrentExecutionsMax).toBe(1);
    const seqs = r.invocations.flatMap((i) => i.items).map((id) => seq(r, id));
    expect([...seqs].sort()).toEqual(seqs);
    expect(r.items.every((i) => i.outcome === 'succeeded')).toBe(true);
  });

  it('§3.4 kinesis-in-order with StartingPosition LATEST: none of the 250 records put before the mapping existed is delivered', () => {
    const s = presetScenario('kinesis-in-order');
    const latest = structuredClone(s);
    const src = latest.sources[0]!;
    if (src.type !== 'kinesis') throw new Error('expected a kinesis source');
    src.mapping.StartingPosition = 'LATEST';
    const r = run(latest);
    expect(r.invocations).toHaveLength(0);
    expect(r.items.every((i) => i.outcome === 'expired' && i.attempts.length === 0)).toBe(true);
  });

  it('§3.4 kinesis-poison-retry-limit (KIN-03): 3 invocations of r-1…r-10, one RetryAttemptsExhausted record (count 3, batchSize 10, no data), then r-11…r-20', () => {
    const r = preset('kinesis-poison-retry-limit');
    expect(r.invocations.map((i) => i.items)).toEqual([...Array(3).fill(ids('r', 1, 10)), ids('r', 11, 20)]);
    expect(r.invocations.map((i) => i.result)).toEqual(['error', 'error', 'error', 'success']);
    const deliveries = r.items.flatMap((i) => i.deliveries);
    expect(new Set(deliveries.map((d) => d.record)).size).toBe(1);
    const rec = deliveries[0]!.record as FailureRecord;
    expect(deliveries[0]!.destinationType).toBe('sqs');
    expect(rec.requestContext).toMatchObject({
      condition: 'RetryAttemptsExhausted',
      approximateInvokeCount: 3,
    });
    expect(rec.responseContext?.functionError).toBe('Unhandled');
    expect(rec.KinesisBatchInfo).toMatchObject({
      shardId: 'shardId-000000000000',
      startSequenceNumber: seq(r, 'r-1'),
      endSequenceNumber: seq(r, 'r-10'),
      batchSize: 10,
    });
    expect(JSON.stringify(rec)).not.toContain('"data"');
    expect(ids('r', 1, 10).map((id) => item(r, id).outcome)).toEqual(Array(10).fill('dead-lettered'));
    expect(ids('r', 11, 20).map((id) => item(r, id).outcome)).toEqual(Array(10).fill('succeeded'));
  });

  it('§3.4 kinesis-bisect: a failure record for r-5 alone (batchSize 1); every other record processed successfully, in order', () => {
    const r = preset('kinesis-bisect');
    const failed = r.items.filter((i) => i.deliveries.length > 0);
    expect(failed.map((i) => i.id)).toEqual(['r-5']);
    const rec = failed[0]!.deliveries[0]!.record as FailureRecord;
    expect(rec.requestContext.condition).toBe('RetryAttemptsExhausted');
    expect(rec.KinesisBatchInfo).toMatchObject({
      batchSize: 1,
      startSequenceNumber: seq(r, 'r-5'),
      endSequenceNumber: seq(r, 'r-5'),
    });
    expect(item(r, 'r-5').outcome).toBe('dead-lettered');
    const good = ids('r', 1, 8).filter((id) => id !== 'r-5');
    expect(good.map((id) => item(r, id).outcome)).toEqual(Array(7).fill('succeeded'));
    expect(events(r, 'stream/record-checkpointed').map((e) => e.item)).toEqual(good);
    expect(sequential(r.invocations)).toBe(true);
  });

  it('§3.4 kinesis-checkpoint: the first invocation reports s-8 and s-6; the next holds exactly s-6…s-10', () => {
    const r = preset('kinesis-checkpoint');
    expect(r.invocations.map((i) => i.items)).toEqual([ids('s', 1, 10), ids('s', 6, 10)]);
    expect(r.invocations.map((i) => i.result)).toEqual(['partial', 'success']);
    expect(ids('s', 1, 5).every((id) => item(r, id).endedMs === r.invocations[0]!.endMs)).toBe(true);
    expect(r.items.every((i) => i.outcome === 'succeeded')).toBe(true);
  });

  it('§3.4 kinesis-parallelization: at most 20 concurrent invocations; per key strict order and never two batches at once', () => {
    const r = preset('kinesis-parallelization');
    expect(r.metrics.ConcurrentExecutionsMax).toBeGreaterThan(2);
    expect(r.metrics.ConcurrentExecutionsMax).toBeLessThanOrEqual(20);
    for (const shard of ['shardId-000000000000', 'shardId-000000000001']) {
      // Up to 10 batches of one shard at once.
      const invs = r.invocations.filter((i) => i.shardId === shard);
      for (const inv of invs) {
        const overlapping = invs.filter((o) => o.startMs <= inv.startMs && o.endMs! > inv.startMs);
        expect(overlapping.length).toBeLessThanOrEqual(10);
      }
    }
    for (let k = 1; k <= 20; k++) {
      const key = `c${String(k).padStart(2, '0')}`;
      const invs = r.invocations.filter((i) => i.items.some((id) => id.startsWith(`${key}-`)));
      expect(sequential(invs), key).toBe(true);
      expect(invs.flatMap((i) => i.items.filter((id) => id.startsWith(`${key}-`)))).toEqual(ids(key, 1, 5));
    }
    expect(r.items.every((i) => i.outcome === 'succeeded')).toBe(true);
  });

  it('§3.4 kinesis-poison-blocks-shard (KIN-02): shard 0 makes no progress for 24 h while its IteratorAge rises; shard 1 proceeds', () => {
    const r = preset('kinesis-poison-blocks-shard');
    const shard0 = r.invocations.filter((i) => i.shardId === 'shardId-000000000000');
    const blocked = shard0.filter((i) => i.items.includes('poison'));
    expect(blocked.length).toBeGreaterThan(1000);
    expect(blocked.length).toBeLessThan(2000);
    expect(blocked.every((i) => i.items.length === 1 && i.result === 'error')).toBe(true);
    expect(sequential(shard0)).toBe(true);
    // Nothing else of shard 0 ran before the poison record left the stream.
    for (const id of ids('a', 1, 5)) {
      expect(item(r, id).outcome).toBe('succeeded');
      expect(item(r, id).attempts[0]!.startMs).toBeGreaterThanOrEqual(H24);
    }
    expect(item(r, 'poison').outcome).toBe('expired');
    expect(item(r, 'poison').endedMs).toBe(H24);
    // Shard 1 went on as its records arrived.
    for (const [n, id] of ids('b', 1, 5).entries())
      expect(item(r, id).endedMs!).toBeLessThan(60_000 * (n + 1) + 2000);
    const ages = events(r, 'stream/batch-failed').map(
      (e) => (e.data as { iteratorAgeMs: number }).iteratorAgeMs,
    );
    for (let i = 1; i < ages.length; i++) expect(ages[i]!).toBeGreaterThan(ages[i - 1]!);
    expect(r.metrics.IteratorAgeMaxMs).toBeGreaterThan(H24 - 120_000);
  });

  it('§3.5 dynamodb-poison-default (DDB-01): the shard is blocked until the record leaves the stream after 24 h, then it is skipped and the later changes processed', () => {
    const r = preset('dynamodb-poison-default');
    const poison = item(r, 'order-1');
    expect(poison.outcome).toBe('expired');
    expect(poison.endedMs).toBe(H24);
    expect(poison.deliveries).toHaveLength(0);
    expect(events(r, 'stream/record-expired', 'order-1')[0]!.rule).toBe('§3.5');
    expect(r.invocations.filter((i) => i.items.includes('order-1')).length).toBeGreaterThan(1000);
    const later = ids('change', 1, 4).map((id) => item(r, id));
    expect(later.every((i) => i.outcome === 'succeeded' && i.attempts[0]!.startMs >= H24)).toBe(true);
    // Polled four times per second: the first retry waits 250 ms.
    expect(r.invocations[1]!.startMs - r.invocations[0]!.endMs!).toBe(250);
  });

  it('design "The engine" stream runs are deterministic and a run restored from a checkpoint ends exactly like the whole run', () => {
    for (const id of [
      'kinesis-bisect',
      'kinesis-checkpoint',
      'kinesis-parallelization',
      'kinesis-poison-retry-limit',
    ]) {
      const s = presetScenario(id);
      const whole = createSimulation(s);
      whole.run();
      const expected = whole.results({ trace: true });
      const again = createSimulation(s);
      again.run();
      expect(again.results({ trace: true })).toEqual(expected);
      const sim = createSimulation(s);
      for (let k = 0; k < 12 && !sim.done(); k++) sim.step();
      sim.runUntil(1500);
      const resumed = restoreSimulation(sim.checkpoint());
      resumed.run();
      expect(resumed.results({ trace: true }), id).toEqual(expected);
    }
  });

  it('§3.4 a 24-hour blocked shard simulates quickly', () => {
    const s = presetScenario('kinesis-poison-blocks-shard');
    const t0 = performance.now();
    const sim = createSimulation(s);
    sim.run();
    expect(performance.now() - t0).toBeLessThan(1500);
    expect(sim.now()).toBeGreaterThan(H24);
  });
});
