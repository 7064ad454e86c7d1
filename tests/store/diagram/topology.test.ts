/**
 * The diagram's nodes and edges come from the scenario alone: who invokes the function and how (§1, §2,
 * §3), where records can end up (§2.5 destinations, §2.6 DLQ, §3.2 the queue's redrive, §3.4 a stream
 * mapping's on-failure destination), and each node shows its AWS configuration under AWS's names.
 */
import { describe, expect, it } from 'vitest';
import { getPreset } from '../../../src/scenarios/presets';
import type { Scenario } from '../../../src/scenarios/schema';
import { validateScenario } from '../../../src/scenarios/validate';
import { buildTopology, type Topology } from '../../../src/diagram/topology';
import { diagramRunOf, placeOf } from './fixtures';

function topologyOf(id: string): Topology {
  const scenario = getPreset(id);
  if (!scenario) throw new Error(`no preset ${id}`);
  return buildTopology(scenario);
}

const nodeIdsOf = (t: Topology) => t.nodes.map((n) => n.id);
const edgeIdsOf = (t: Topology) => t.edges.map((e) => e.id);
const nodeOf = (t: Topology, id: string) => {
  const node = t.nodes.find((n) => n.id === id);
  if (!node) throw new Error(`no node ${id}`);
  return node;
};
const configOf = (t: Topology, id: string) =>
  Object.fromEntries(nodeOf(t, id).config.map((c) => [c.name, c.value]));

/** A copy of a stream preset with `shards` shards, validated like user input. */
function withShards(id: string, shards: number): Scenario {
  const copy = structuredClone(getPreset(id)!);
  const source = copy.sources[0]!;
  if (source.type !== 'kinesis' && source.type !== 'dynamodb') throw new Error(`${id} is not a stream`);
  source.stream.ShardCount = shards;
  const checked = validateScenario(copy);
  if (!checked.ok) throw new Error(checked.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return checked.scenario;
}

describe('§2 asynchronous invocation: caller, front door, event queue, function, destinations', () => {
  it('§2.5/§2.6 default: S3 invokes through the async queue; success, failure and DLQ targets', () => {
    const t = topologyOf('default');
    expect(nodeIdsOf(t)).toEqual([
      'caller:s3',
      'lambda',
      'async-queue',
      'function',
      'dest:on-success',
      'dest:on-failure',
      'dest:dlq',
    ]);
    expect(edgeIdsOf(t).sort()).toEqual(
      [
        'caller:s3->lambda',
        'lambda->async-queue',
        'async-queue->function',
        'function->dest:on-success',
        'function->dest:on-failure',
        'function->dest:dlq',
      ].sort(),
    );
    expect(t.edges.find((e) => e.id === 'caller:s3->lambda')!.label).toBe('Invoke (Event)');
    expect(configOf(t, 'caller:s3')).toMatchObject({ InvocationType: 'Event' });
    expect(nodeOf(t, 'caller:s3').title).toBe('Amazon S3');
    const scenario = getPreset('default')!;
    const dc = scenario.function.EventInvokeConfig!.DestinationConfig!;
    expect(configOf(t, 'dest:on-success')).toEqual({
      'DestinationConfig.OnSuccess': dc.OnSuccess!.Destination,
    });
    expect(configOf(t, 'dest:on-failure')).toEqual({
      'DestinationConfig.OnFailure': dc.OnFailure!.Destination,
    });
    expect(configOf(t, 'dest:dlq')).toEqual({
      'DeadLetterConfig.TargetArn': scenario.function.DeadLetterConfig!.TargetArn,
    });
  });

  it('§2.2 the async queue shows MaximumRetryAttempts and MaximumEventAgeInSeconds', () => {
    const scenario = getPreset('async-max-event-age')!;
    expect(configOf(buildTopology(scenario), 'async-queue')).toEqual({
      MaximumRetryAttempts: String(scenario.function.EventInvokeConfig?.MaximumRetryAttempts ?? 2),
      MaximumEventAgeInSeconds: String(scenario.function.EventInvokeConfig!.MaximumEventAgeInSeconds),
    });
  });

  it('§2.6 async-dlq: only the targets the function configures get a node', () => {
    const t = topologyOf('async-dlq');
    expect(nodeIdsOf(t).filter((id) => id.startsWith('dest:'))).toEqual(['dest:dlq']);
  });
});

describe('§1 synchronous invocation: no async queue, the service invokes the function directly', () => {
  it('§1.1 sync-success: caller -> lambda -> function', () => {
    const t = topologyOf('sync-success');
    expect(nodeIdsOf(t)).toEqual(['caller:client', 'lambda', 'function']);
    expect(edgeIdsOf(t)).toEqual(['caller:client->lambda', 'lambda->function']);
    expect(configOf(t, 'caller:client')).toMatchObject({ InvocationType: 'RequestResponse' });
  });

  it('§1.2 the function node shows Timeout and MemorySize; §4 reserved concurrency when set', () => {
    const scenario = getPreset('sync-throttled')!;
    expect(configOf(buildTopology(scenario), 'function')).toEqual({
      Timeout: `${scenario.function.Timeout} s`,
      MemorySize: `${scenario.function.MemorySize} MB`,
      ReservedConcurrentExecutions: String(scenario.function.ReservedConcurrentExecutions),
    });
    expect(nodeOf(buildTopology(scenario), 'function').title).toBe(scenario.function.FunctionName);
  });

  it('§1.5 api-gateway-timeout: the API Gateway caller shows its TimeoutInMillis', () => {
    const t = topologyOf('api-gateway-timeout');
    expect(nodeOf(t, 'caller:api').title).toBe('API Gateway');
    expect(configOf(t, 'caller:api').TimeoutInMillis).toBe('29000');
  });
});

describe('§3.2 SQS: producer, queue, poller; the queue DLQ is moved to by SQS', () => {
  it('sqs-redrive-to-dlq: the DLQ sits in the queue stage with a redrive edge from the queue', () => {
    const scenario = getPreset('sqs-redrive-to-dlq')!;
    const t = buildTopology(scenario);
    const source = scenario.sources[0]!;
    if (source.type !== 'sqs') throw new Error('not sqs');
    expect(nodeOf(t, 'sqs-dlq:orders').stage).toBe(nodeOf(t, 'sqs:orders').stage);
    expect(nodeOf(t, 'sqs-dlq:orders').title).toBe('orders-queue-dlq');
    expect(t.edges.find((e) => e.id === 'sqs:orders->sqs-dlq:orders')).toMatchObject({
      kind: 'redrive',
      label: 'redrive after maxReceiveCount',
    });
    expect(configOf(t, 'sqs:orders')).toEqual({
      VisibilityTimeout: `${source.queue.VisibilityTimeout} s`,
      Type: 'standard',
      maxReceiveCount: String(source.queue.RedrivePolicy!.maxReceiveCount),
    });
    // The function's own DLQ is not used for SQS sources (§2.6): no async targets.
    expect(nodeIdsOf(t).some((id) => id.startsWith('dest:'))).toBe(false);
    expect(edgeIdsOf(t)).toContain('poller:orders->lambda');
    expect(edgeIdsOf(t)).toContain('lambda->function');
  });

  it('a queue without a RedrivePolicy has no DLQ node', () => {
    expect(nodeIdsOf(topologyOf('sqs-batch-error'))).not.toContain('sqs-dlq:orders');
  });

  it('§3.3 sqs-fifo-group-blocking: the queue says FIFO', () => {
    expect(configOf(topologyOf('sqs-fifo-group-blocking'), 'sqs:orders').Type).toBe('FIFO');
  });
});

describe('§3.4/§3.5 streams: one node per shard up to four, one node for larger streams', () => {
  it('kinesis-parallelization (2 shards): a node and a poll edge per shard', () => {
    const t = topologyOf('kinesis-parallelization');
    expect(nodeIdsOf(t).filter((id) => id.startsWith('shard:'))).toEqual([
      'shard:orders:0',
      'shard:orders:1',
    ]);
    expect(edgeIdsOf(t)).toEqual(
      expect.arrayContaining(['shard:orders:0->poller:orders', 'shard:orders:1->poller:orders']),
    );
    expect(configOf(t, 'poller:orders').ParallelizationFactor).toBe('10');
  });

  it('4 shards: four shard nodes', () => {
    const t = buildTopology(withShards('kinesis-parallelization', 4));
    expect(nodeIdsOf(t).filter((id) => id.startsWith('shard:'))).toEqual(
      [0, 1, 2, 3].map((s) => `shard:orders:${s}`),
    );
  });

  it('8 shards: one stream node counting them, and every record is drawn on it', () => {
    const scenario = withShards('kinesis-parallelization', 8);
    const t = buildTopology(scenario);
    expect(nodeIdsOf(t).filter((id) => id.startsWith('shard:'))).toEqual(['shard:orders:all']);
    expect(configOf(t, 'shard:orders:all').ShardCount).toBe('8');
    expect(nodeOf(t, 'shard:orders:all').subtitle).toContain('8 shards');
    const run = diagramRunOf(scenario);
    const puts = run.log.flatMap((e, i) => (e.type === 'stream/record-put' ? [i] : []));
    expect(new Set(puts.map((i) => run.log[i]!.data!.shard)).size).toBeGreaterThan(1);
    for (const i of puts)
      expect(placeOf(run, i, run.log[i]!.item!)).toEqual({ node: 'shard:orders:all', phase: 'queued' });
  });

  it('§3.4 a mapping with DestinationConfig.OnFailure gets an on-failure destination node fed by the poller', () => {
    const withDest = topologyOf('kinesis-poison-retry-limit');
    expect(nodeOf(withDest, 'dest:orders:on-failure')).toMatchObject({
      kind: 'destination',
      title: 'orders-stream-failures',
    });
    expect(edgeIdsOf(withDest)).toContain('poller:orders->dest:orders:on-failure');
    expect(configOf(withDest, 'poller:orders').MaximumRetryAttempts).toBe('2');
    expect(nodeIdsOf(topologyOf('kinesis-in-order'))).not.toContain('dest:orders:on-failure');
  });

  it('§3.5 dynamodb-poison-default: DynamoDB Streams wording, retention and MaximumRetryAttempts -1', () => {
    const t = topologyOf('dynamodb-poison-default');
    expect(nodeOf(t, 'poller:orders-table').title).toBe('DynamoDB Streams poller');
    expect(configOf(t, 'shard:orders-table:0')).toEqual({ retention: '24 h' });
    expect(configOf(t, 'poller:orders-table').MaximumRetryAttempts).toBe('-1 (until expiry)');
  });
});
