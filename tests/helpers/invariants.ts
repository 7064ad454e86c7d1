/**
 * The invariants every run must keep (design.md "Tests"), as assertions shared by the property tests
 * and the fuzz tests: the log is well formed (seq 0..n-1, time never decreases), nothing is lost (every
 * item ends in exactly one terminal event or is still in flight), order holds per FIFO message group
 * and per stream partition key, and the same seed gives the same run.
 */
import { expect } from 'vitest';
import { createSimulation } from '../../src/engine/simulation';
import type { ResultInvocation } from '../../src/engine/results';
import type { SimEvent } from '../../src/engine/types';
import type { Scenario } from '../../src/scenarios/schema';
import type { Run } from './scenario';

const STREAM_TERMINAL = [
  'stream/record-checkpointed',
  'stream/record-skipped',
  'stream/record-aged-out',
  'stream/record-expired',
];

/** The log events that end an item, per item kind. */
export const TERMINAL_EVENTS: Readonly<Record<string, readonly string[]>> = {
  sync: ['sync/response'],
  async: ['async/rejected', 'async/completed', 'async/dropped'],
  sqs: ['sqs/deleted', 'sqs/moved-to-dlq', 'sqs/expired'],
  kinesis: STREAM_TERMINAL,
  dynamodb: STREAM_TERMINAL,
};

/** Asserts seq is 0..n-1, time never decreases, every event names its rule, and no queue depth is negative. */
export function expectWellFormedLog(log: readonly SimEvent[]): void {
  log.forEach((e, i) => {
    expect(e.seq, `event #${i}`).toBe(i);
    if (i > 0) expect(e.t, `${e.type} #${e.seq} goes back in time`).toBeGreaterThanOrEqual(log[i - 1]!.t);
    expect(Number.isFinite(e.t), `${e.type} #${e.seq} at t=${e.t}`).toBe(true);
    expect(e.rule).toMatch(/^§/);
    const depth = e.data?.queueDepth;
    if (typeof depth === 'number') expect(depth, `${e.type} #${e.seq}`).toBeGreaterThanOrEqual(0);
  });
}

/**
 * Asserts every item that arrived ends in exactly one terminal event of its kind, or is in flight only
 * when the scenario's `untilSeconds` cut the run.
 */
export function expectNothingLost(r: Run, s: Scenario): void {
  expect(r.log.filter((e) => e.type === 'item/arrived').length).toBe(r.items.length);
  const terminals = new Map<string, SimEvent[]>();
  for (const e of r.log) {
    if (e.item === undefined) continue;
    const list = terminals.get(e.item) ?? [];
    list.push(e);
    terminals.set(e.item, list);
  }
  for (const it of r.items) {
    const kinds = TERMINAL_EVENTS[it.kind] ?? [];
    const terminal = (terminals.get(it.id) ?? []).filter((e) => kinds.includes(e.type));
    if (it.outcome === 'in-flight') {
      expect(s.simulation.untilSeconds, `${it.id} in flight without untilSeconds`).toBeDefined();
      expect(it.endedMs, it.id).toBeNull();
      expect(terminal, it.id).toHaveLength(0);
    } else {
      expect(terminal, `${it.id} (${it.outcome})`).toHaveLength(1);
      expect(it.endedMs, it.id).not.toBeNull();
      expect(it.endedMs!, it.id).toBeGreaterThanOrEqual(it.arrivedMs);
    }
  }
}

/** True when two of the invocations ran at the same time (an unfinished one runs for ever). */
export function overlaps(invs: readonly ResultInvocation[]): boolean {
  const sorted = [...invs].sort((a, b) => a.startMs - b.startMs);
  return sorted.some((inv, i) => i > 0 && inv.startMs < (sorted[i - 1]!.endMs ?? Number.POSITIVE_INFINITY));
}

function invocationsWith(r: Run, belongs: (item: string) => boolean): ResultInvocation[] {
  return r.invocations.filter((inv) => inv.items.some(belongs));
}

/** The longest a cold start's Init phase may take under this distribution (a log-normal has no bound). */
function longestMs(d: Scenario['function']['behavior']['initDuration']): number {
  if (d.distribution === 'fixed') return d.ms;
  if (d.distribution === 'uniform') return d.maxMs;
  return Number.POSITIVE_INFINITY;
}

/**
 * True when every FIFO queue's visibility timeout covers the longest invocation (its Init phase and the
 * function's Timeout). Otherwise a message of a group becomes visible again while it still runs and SQS
 * hands it out again (§3.2, the `sqs-visibility-too-short` preset): per-group order is not promised.
 */
export function fifoVisibilityCoversInvocations(s: Scenario): boolean {
  const longest = s.function.Timeout * 1000 + longestMs(s.function.behavior.initDuration);
  return s.sources.every(
    (src) => src.type !== 'sqs' || !src.queue.FifoQueue || src.queue.VisibilityTimeout * 1000 >= longest,
  );
}

/**
 * §3.3 FIFO: per message group (of each queue), invocations never overlap; with `inSendOrder`, the
 * group's messages first succeed in the order they were sent. Groups are read from the log's `sqs/sent`.
 */
export function expectFifoGroupOrder(r: Run, options: { inSendOrder: boolean }): void {
  const groupOf = new Map<string, string>();
  const sentOrder = new Map<string, number>();
  for (const e of r.log) {
    if (e.type !== 'sqs/sent' || e.item === undefined) continue;
    const d = e.data as { source?: string; messageGroupId?: string };
    sentOrder.set(e.item, sentOrder.size);
    if (d.messageGroupId !== undefined) groupOf.set(e.item, `${d.source}/${d.messageGroupId}`);
  }
  const invIndex = new Map(r.invocations.map((inv, i) => [inv.id, i] as const));
  const firstSuccess = (id: string): [number, number] => {
    const item = r.items.find((i) => i.id === id)!;
    const a = item.attempts.find((x) => x.result === 'success')!;
    const inv = r.invocations.find((i) => i.id === a.invocationId)!;
    return [invIndex.get(inv.id)!, inv.items.indexOf(id)];
  };
  for (const g of new Set(groupOf.values())) {
    const invs = invocationsWith(r, (id) => groupOf.get(id) === g);
    const byStart = [...invs].sort((a, b) => a.startMs - b.startMs);
    for (let k = 1; k < byStart.length; k++) {
      const prevEnd = byStart[k - 1]!.endMs ?? Number.POSITIVE_INFINITY;
      expect(
        byStart[k]!.startMs,
        `group ${g}: ${byStart[k]!.id} overlaps ${byStart[k - 1]!.id}`,
      ).toBeGreaterThanOrEqual(prevEnd);
    }
    if (!options.inSendOrder) continue;
    const succeeded = r.items
      .filter((i) => groupOf.get(i.id) === g && i.outcome === 'succeeded')
      .map((i) => i.id);
    const bySend = [...succeeded].sort((a, b) => sentOrder.get(a)! - sentOrder.get(b)!);
    const bySuccess = [...succeeded].sort((a, b) => {
      const [ia, pa] = firstSuccess(a);
      const [ib, pb] = firstSuccess(b);
      return ia - ib || pa - pb;
    });
    expect(bySuccess, `group ${g}`).toEqual(bySend);
  }
}

/**
 * §3.4 streams: per partition key (of each shard of each stream), records are never in two concurrent
 * batches and first reach the function in sequence order; a shard whose mapping has ParallelizationFactor 1
 * runs one batch at a time. Keys and shards are read from the log's `stream/record-put`.
 */
export function expectPartitionKeyOrder(r: Run, s: Scenario): void {
  const keyOf = new Map<string, string>();
  const seqOf = new Map<string, string>();
  const shardOf = new Map<string, string>();
  const sourceOfShard = new Map<string, string>();
  for (const e of r.log) {
    if (e.type !== 'stream/record-put' || e.item === undefined) continue;
    const d = e.data as { source: string; partitionKey: string; shard: string; sequenceNumber: string };
    keyOf.set(e.item, `${d.source}/${d.shard}/${d.partitionKey}`);
    shardOf.set(e.item, `${d.source}/${d.shard}`);
    sourceOfShard.set(`${d.source}/${d.shard}`, d.source);
    seqOf.set(e.item, d.sequenceNumber);
  }
  for (const key of new Set(keyOf.values())) {
    const invs = invocationsWith(r, (id) => keyOf.get(id) === key);
    expect(overlaps(invs), `${key}: two batches at once`).toBe(false);
    const firstSeen: string[] = [];
    const seen = new Set<string>();
    for (const inv of [...invs].sort((a, b) => a.startMs - b.startMs)) {
      for (const id of inv.items) {
        if (keyOf.get(id) !== key || seen.has(id)) continue;
        seen.add(id);
        firstSeen.push(id);
      }
    }
    const seqs = firstSeen.map((id) => seqOf.get(id)!);
    expect([...seqs].sort(), key).toEqual(seqs);
  }
  const serialSources = new Set(
    s.sources
      .filter(
        (src) =>
          (src.type === 'kinesis' || src.type === 'dynamodb') && src.mapping.ParallelizationFactor === 1,
      )
      .map((src) => src.id),
  );
  for (const shard of new Set(shardOf.values())) {
    if (!serialSources.has(sourceOfShard.get(shard)!)) continue;
    const invs = invocationsWith(r, (id) => shardOf.get(id) === shard);
    expect(overlaps(invs), `${shard}: two batches at once with ParallelizationFactor 1`).toBe(false);
  }
}

/** Asserts two runs of the scenario with the same seed give identical results and logs. */
export function expectSameSeedSameRun(s: Scenario, seed?: number): void {
  const options = seed === undefined ? {} : { seed };
  const a = createSimulation(s, options);
  const b = createSimulation(s, options);
  a.run();
  b.run();
  expect(b.results({ trace: true })).toEqual(a.results({ trace: true }));
}
