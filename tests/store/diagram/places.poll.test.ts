/**
 * Where the diagram shows messages and records of event source mappings after each log event (§3):
 * SQS visibility, deletion, receive counts and redrive (§3.2), FIFO group order (§3.3), and stream
 * records on their shard, in the poller, retried, checkpointed, discarded or expired (§3.4, §3.5).
 */
import { describe, expect, it } from 'vitest';
import { shardIdOf } from '../../../src/engine/model/streams/streamState';
import { getPreset } from '../../../src/scenarios/presets';
import { diagramRun, diagramRunOf, placeOf, tokenOf, type DiagramRun } from './fixtures';

const last = (run: DiagramRun) => run.log.length - 1;

/** Indexes of the events of `type` that concern `item` (as e.item or in data.items). */
function eventsOf(run: DiagramRun, type: string, item: string): number[] {
  return run.log.flatMap((e, i) => {
    const items = e.data?.items;
    const concerns = e.item === item || (Array.isArray(items) && items.includes(item));
    return e.type === type && concerns ? [i] : [];
  });
}

describe('§3.2 SQS standard queue', () => {
  it('sqs-partial-batch-failure: reported failures stay hidden on the queue, the rest are deleted', () => {
    const run = diagramRun('sqs-partial-batch-failure');
    const partial = run.find('sqs/partial-batch');
    expect(run.log[partial]!.data).toMatchObject({ failed: ['m2', 'm4'], deleted: ['m1', 'm3', 'm5'] });
    const frame = run.frameAt(partial);
    for (const id of ['m2', 'm4'])
      expect(tokenOf(frame, id)).toMatchObject({ node: 'sqs:orders', phase: 'invisible' });
    // Deleted messages are counted on the queue, not drawn.
    expect(frame.tokens!.map((t) => t.item)).toEqual(['m2', 'm4']);
    expect(frame.nodes['sqs:orders']!.byPhase).toEqual({ invisible: 2, deleted: 3 });
    expect(frame.nodes.function!.byPhase).toEqual({});

    // They come back and are received a second time; then all five are deleted.
    const again = run.find('sqs/received', undefined, partial);
    for (const id of ['m2', 'm4'])
      expect(tokenOf(run.frameAt(again), id)).toMatchObject({
        node: 'poller:orders',
        phase: 'in-flight',
        label: '×2',
      });
    expect(run.frameAt(last(run)).nodes['sqs:orders']!.byPhase).toEqual({ deleted: 5 });
    expect(run.frameAt(last(run)).tokens).toEqual([]);
  });

  it('sqs-redrive-to-dlq: each receive counts (×1, ×2, ×3), then SQS moves the message to its DLQ', () => {
    const run = diagramRun('sqs-redrive-to-dlq');
    const receives = eventsOf(run, 'sqs/received', 'm1');
    expect(receives).toHaveLength(3);
    receives.forEach((r, k) => {
      const frame = run.frameAt(r);
      expect(tokenOf(frame, 'm1')).toMatchObject({
        node: 'poller:orders',
        phase: 'in-flight',
        label: `×${k + 1}`,
      });
      expect(frame.activeEdges).toEqual(['sqs:orders->poller:orders']);
    });
    for (const failed of eventsOf(run, 'sqs/batch-failed', 'm1'))
      expect(tokenOf(run.frameAt(failed), 'm1')).toMatchObject({ node: 'sqs:orders', phase: 'invisible' });

    const moved = run.find('sqs/moved-to-dlq', 'm1');
    expect(run.log[moved]!.data).toMatchObject({ receiveCount: 3, maxReceiveCount: 3 });
    const end = run.frameAt(last(run));
    expect(tokenOf(end, 'm1')).toMatchObject({
      node: 'sqs-dlq:orders',
      phase: 'dead-lettered',
      from: 'sqs:orders',
    });
    expect(run.frameAt(moved).activeEdges).toEqual(['sqs:orders->sqs-dlq:orders']);
    expect(end.nodes['sqs-dlq:orders']!.byPhase).toEqual({ 'dead-lettered': 1 });
  });

  it('sqs-visibility-too-short: the message reappears while the first run is busy; a late end does not pull it back', () => {
    const run = diagramRun('sqs-visibility-too-short');
    const visible = run.find('sqs/visible-again', 'm1');
    const atVisible = run.frameAt(visible);
    expect(tokenOf(atVisible, 'm1')).toMatchObject({ node: 'sqs:orders', phase: 'queued' });
    expect(atVisible.envs.counts.busy).toBe(1);

    const deleted = run.find('sqs/deleted', 'm1');
    const ends = run.log.flatMap((e, i) => (e.type === 'invoke/succeeded' ? [i] : []));
    expect(ends).toHaveLength(2);
    expect(ends[1]).toBeGreaterThan(deleted);
    for (const c of [deleted, ends[1]!, last(run)]) {
      const frame = run.frameAt(c);
      expect(placeOf(run, c, 'm1')).toEqual({ node: 'sqs:orders', phase: 'deleted' });
      expect(frame.tokens).toEqual([]);
      expect(frame.nodes.function!.byPhase).toEqual({});
      expect(frame.nodes['sqs:orders']!.byPhase).toEqual({ deleted: 1 });
    }
    expect(run.frameAt(last(run)).envs.counts).toEqual({ initializing: 0, busy: 0, idle: 2, reaped: 0 });
  });
});

describe('§3.3 SQS FIFO: a failing message blocks its group, other groups go on', () => {
  const run = diagramRun('sqs-fifo-group-blocking');

  it('A2 and A3 wait on the queue until A1 is deleted, while B1 and B2 are processed', () => {
    const a1Deleted = run.find('sqs/deleted', 'A1');
    const a2Received = eventsOf(run, 'sqs/received', 'A2')[0]!;
    expect(a2Received).toBeGreaterThan(a1Deleted);
    for (let c = run.find('sqs/sent', 'A2'); c < a2Received; c++)
      expect(placeOf(run, c, 'A2'), `at event ${c}`).toEqual({ node: 'sqs:orders', phase: 'queued' });

    const b2Deleted = run.find('sqs/deleted', 'B2');
    expect(b2Deleted).toBeLessThan(eventsOf(run, 'sqs/received', 'A1')[1]!);
    const frame = run.frameAt(b2Deleted);
    expect(tokenOf(frame, 'A1')).toMatchObject({ node: 'sqs:orders', phase: 'invisible' });
    expect(frame.nodes['sqs:orders']!.byPhase).toEqual({ queued: 2, invisible: 1, deleted: 2 });
  });

  it('A1 is received again and again (×1, ×2, ×3) before the group moves on', () => {
    const receives = eventsOf(run, 'sqs/received', 'A1');
    expect(receives.map((r) => tokenOf(run.frameAt(r), 'A1')!.label)).toEqual(['×1', '×2', '×3']);
    expect(run.frameAt(last(run)).nodes['sqs:orders']!.byPhase).toEqual({ deleted: 5 });
  });
});

describe('§3.4 Kinesis', () => {
  it('kinesis-poison-retry-limit: shard, poller, function, retry wait, then the on-failure destination', () => {
    const run = diagramRun('kinesis-poison-retry-limit');
    const batch = ['r-1', 'r-2', 'r-3', 'r-4', 'r-5', 'r-6', 'r-7', 'r-8', 'r-9', 'r-10'];
    for (const put of eventsOf(run, 'stream/record-put', 'r-1'))
      expect(placeOf(run, put, 'r-1')).toEqual({ node: 'shard:orders:0', phase: 'queued' });

    const read = run.find('stream/batch-read', 'r-1');
    const atRead = run.frameAt(read);
    for (const id of batch)
      expect(tokenOf(atRead, id)).toMatchObject({ node: 'poller:orders', phase: 'in-flight' });
    expect(tokenOf(atRead, 'r-11')).toMatchObject({ node: 'shard:orders:0', phase: 'queued' });
    expect(atRead.activeEdges).toEqual(['shard:orders:0->poller:orders']);

    const running = run.find('env/init-done');
    expect(run.frameAt(running).nodes.function!.byPhase).toEqual({ running: 10 });

    const failures = eventsOf(run, 'stream/batch-failed', 'r-1');
    expect(failures).toHaveLength(3);
    failures.slice(0, 2).forEach((f, k) => {
      const event = run.log[f]!;
      const token = tokenOf(run.frameAt(f), 'r-7')!;
      expect(token).toMatchObject({ node: 'poller:orders', phase: 'retry-wait', label: `#${k + 1}` });
      expect(token.untilMs).toBe(event.t + (event.data!.retryInMs as number));
      const retry = eventsOf(run, 'stream/retry', 'r-7')[k]!;
      expect(run.log[retry]!.t).toBe(token.untilMs);
      // Back in the poller for the retry, it still shows the attempt that failed, as the async queue does.
      expect(tokenOf(run.frameAt(retry), 'r-7')).toMatchObject({ node: 'poller:orders', label: `#${k + 1}` });
    });

    const delivered = run.find('destination/delivered');
    expect(run.log[delivered]!.data).toMatchObject({ target: 'on-failure', items: batch });
    expect(run.frameAt(delivered).activeEdges).toEqual(['poller:orders->dest:orders:on-failure']);
    const end = run.frameAt(last(run));
    for (const id of batch)
      expect(tokenOf(end, id)).toMatchObject({ node: 'dest:orders:on-failure', phase: 'delivered' });
    expect(end.nodes['dest:orders:on-failure']!.byPhase).toEqual({ delivered: 10 });
    expect(end.nodes['shard:orders:0']!.byPhase).toEqual({ checkpointed: 10 });
    expect(end.iteratorAgeMs['poller:orders']).toBe(run.log[last(run)]!.data!.iteratorAgeMs);
  });

  it('kinesis-checkpoint: records before the lowest reported failure are checkpointed on the shard', () => {
    const run = diagramRun('kinesis-checkpoint');
    const checkpoint = run.find('stream/checkpoint');
    const retried = run.log[checkpoint + 1]!;
    expect(retried.type).toBe('stream/batch-failed');
    const frame = run.frameAt(checkpoint + 1);
    expect(frame.nodes['shard:orders:0']!.byPhase).toEqual({ checkpointed: 5 });
    for (const id of retried.data!.items as string[]) {
      const token = tokenOf(frame, id)!;
      expect(token).toMatchObject({ node: 'poller:orders', phase: 'retry-wait' });
      expect(token.untilMs).toBe(retried.t + (retried.data!.retryInMs as number));
    }
    expect(frame.tokens).toHaveLength(5);
    expect(run.frameAt(last(run)).nodes['shard:orders:0']!.byPhase).toEqual({ checkpointed: 10 });
  });

  it('kinesis-parallelization: each record is drawn on the shard it was put on', () => {
    const run = diagramRun('kinesis-parallelization');
    const perShard = [0, 0];
    const puts = run.log.flatMap((e, i) => (e.type === 'stream/record-put' ? [i] : []));
    expect(puts).toHaveLength(run.results.items.length);
    for (const put of puts) {
      const e = run.log[put]!;
      const shard = Number(String(e.data!.shard).replace('shardId-', ''));
      perShard[shard]! += 1;
      expect(placeOf(run, put, e.item!)).toEqual({ node: `shard:orders:${shard}`, phase: 'queued' });
    }
    expect(perShard[0]).toBeGreaterThan(0);
    expect(perShard[1]).toBeGreaterThan(0);
    const end = run.frameAt(last(run));
    expect(end.nodes['shard:orders:0']!.byPhase).toEqual({ checkpointed: perShard[0] });
    expect(end.nodes['shard:orders:1']!.byPhase).toEqual({ checkpointed: perShard[1] });
  });
});

describe('§3.5 DynamoDB Streams', () => {
  it('dynamodb-poison-default: the poison record retries on its shard until it expires after 24 h', () => {
    const run = diagramRun('dynamodb-poison-default');
    const put = run.find('stream/record-put', 'order-1');
    expect(String(run.log[put]!.data!.shard)).not.toMatch(/^shardId-0{11}0$/);
    expect(placeOf(run, put, 'order-1')).toEqual({ node: 'shard:orders-table:0', phase: 'queued' });

    const failures = eventsOf(run, 'stream/batch-failed', 'order-1');
    const f = failures[100]!;
    expect(tokenOf(run.frameAt(f), 'order-1')).toMatchObject({
      node: 'poller:orders-table',
      phase: 'retry-wait',
    });

    const expired = run.find('stream/record-expired', 'order-1');
    expect(run.log[expired]!.t).toBe(24 * 3600 * 1000);
    // The changes behind it waited on the shard all along.
    const waiting = run.frameAt(expired);
    expect(tokenOf(waiting, 'order-1')).toBeUndefined();
    expect(waiting.nodes['shard:orders-table:0']!.byPhase).toEqual({ queued: 4, expired: 1 });
    expect(placeOf(run, last(run), 'order-1')).toEqual({ node: 'shard:orders-table:0', phase: 'expired' });
    expect(run.frameAt(last(run)).nodes['shard:orders-table:0']!.byPhase).toEqual({
      expired: 1,
      checkpointed: 4,
    });
  });

  it('two shards: records land on the node of their DynamoDB shard id; shard 1 is not blocked', () => {
    const copy = structuredClone(getPreset('dynamodb-poison-default')!);
    const source = copy.sources[0]!;
    if (source.type !== 'dynamodb') throw new Error('not dynamodb');
    source.stream.ShardCount = 2;
    source.records[0]!.shard = 0;
    source.records[1]!.shard = 1;
    const run = diagramRunOf(copy);
    const shardIds = [0, 1].map((k) => shardIdOf('dynamodb', source.stream.StreamName, k));
    const shardOf = new Map<string, number>();
    for (const [i, e] of run.log.entries()) {
      if (e.type !== 'stream/record-put') continue;
      const shard = shardIds.indexOf(String(e.data!.shard));
      shardOf.set(e.item!, shard);
      expect(placeOf(run, i, e.item!)).toEqual({ node: `shard:orders-table:${shard}`, phase: 'queued' });
    }
    expect(Object.fromEntries(shardOf)).toEqual({
      'order-1': 0,
      'change-1': 1,
      'change-2': 1,
      'change-3': 1,
      'change-4': 1,
    });
    const firstChange = run.find('stream/record-checkpointed', 'change-1');
    expect(firstChange).toBeLessThan(run.find('stream/record-expired', 'order-1'));
    expect(run.frameAt(last(run)).nodes['shard:orders-table:1']!.byPhase).toEqual({ checkpointed: 4 });
  });
});

describe('§3.2 a visibility timeout shorter than the function', () => {
  it('sqs-visibility-too-short: the first invocation’s end does not move the message the second one is running', () => {
    const run = diagramRun('sqs-visibility-too-short');
    const firstEnd = run.log.findIndex((e) => e.type === 'invoke/succeeded' && e.invocation === 'inv-1');
    expect(firstEnd).toBeGreaterThan(0);
    // inv-2 started before inv-1 ended; after inv-1 ends the message is still running in inv-2.
    expect(run.log.findIndex((e) => e.type === 'invoke/started' && e.invocation === 'inv-2')).toBeLessThan(
      firstEnd,
    );
    const token = tokenOf(run.frameAt(firstEnd), 'm1');
    expect(token).toMatchObject({ node: 'function', phase: 'running' });
  });
});
