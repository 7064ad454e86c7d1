/**
 * Logs for the narration tests: presets run through the engine (cached), and small scenarios for the
 * event types no preset reaches, each named after the type it is there for. The scenario travels with
 * its log, because the narration quotes its settings.
 */
import { createSimulation } from '../../src/engine/simulation';
import type { SimEvent } from '../../src/engine/types';
import { getPreset } from '../../src/scenarios/presets';
import type { Scenario } from '../../src/scenarios/schema';
import { mustValidate } from '../../src/scenarios/validate';

export interface LoggedRun {
  scenario: Scenario;
  log: SimEvent[];
}

const runs = new Map<string, LoggedRun>();

function runScenario(s: Scenario): LoggedRun {
  const sim = createSimulation(s);
  sim.run();
  return { scenario: s, log: [...sim.log()] };
}

/** A preset run to its end with its own seed (cached; tests must not mutate it). */
export function presetRun(id: string): LoggedRun {
  let r = runs.get(`preset:${id}`);
  if (!r) {
    const s = getPreset(id);
    if (!s) throw new Error(`no preset ${id}`);
    r = runScenario(s);
    runs.set(`preset:${id}`, r);
  }
  return r;
}

/** A validated scenario from loose test input (`id`, `title` filled in). */
function scenario(input: Record<string, unknown>): Scenario {
  return mustValidate({ id: 'narration', title: 'narration', function: {}, ...input });
}

const fixed = (ms: number) => ({ distribution: 'fixed' as const, ms });
const MB = 1024 * 1024;
const QUEUE_DLQ = 'arn:aws:sqs:us-east-1:123456789012:orders-dlq';

function sqs(
  queue: Record<string, unknown>,
  mapping: Record<string, unknown>,
  messages: Array<Record<string, unknown>>,
) {
  return { type: 'sqs' as const, id: 'orders', queue: { QueueName: 'orders', ...queue }, mapping, messages };
}

function kinesis(mapping: Record<string, unknown>, records: Array<Record<string, unknown>>, shards = 1) {
  return {
    type: 'kinesis' as const,
    id: 'src',
    stream: { StreamName: 'orders', ShardCount: shards, RetentionPeriodHours: 24 },
    mapping: { StartingPosition: 'TRIM_HORIZON', ...mapping },
    records,
  };
}

/** Scenarios for the engine event types no preset produces. */
const EXTRA: Record<string, () => Scenario> = {
  'sync/client-retry': () =>
    scenario({
      function: {
        Timeout: 120,
        ReservedConcurrentExecutions: 1,
        behavior: { rules: [{ items: ['long'], result: 'success', durationMs: 100_000 }] },
      },
      sources: [
        { type: 'sync', id: 'other', caller: 'direct', requests: [{ id: 'long', atMs: 0 }] },
        { type: 'sync', id: 'sdk', caller: 'aws-sdk', requests: [{ id: 'b', atMs: 1000 }] },
      ],
    }),
  'sync/client-timeout': () =>
    scenario({
      function: { Timeout: 120, behavior: { duration: fixed(90_000) } },
      sources: [{ type: 'sync', id: 'c', caller: 'aws-cli', requests: [{ id: 'a', atMs: 0 }] }],
    }),
  'sync/rejected': () =>
    scenario({
      sources: [
        {
          type: 'sync',
          id: 'c',
          caller: 'direct',
          requests: [{ id: 'big', atMs: 0, payloadSizeBytes: 7 * MB }],
        },
      ],
    }),
  'env/provisioned-ready': () =>
    scenario({
      function: { ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 2 } },
      sources: [{ type: 'sync', id: 'c', caller: 'direct', requests: [{ id: 'a', atMs: 0 }] }],
    }),
  'env/reaped': () =>
    scenario({
      function: { behavior: { environmentIdleSeconds: 60 } },
      sources: [
        {
          type: 'sync',
          id: 'c',
          caller: 'direct',
          requests: [
            { id: 'a', atMs: 0 },
            { id: 'b', atMs: 200_000 },
          ],
        },
      ],
    }),
  'async/duplicate-delivery': () =>
    scenario({
      simulation: { asyncDuplicateProbability: 1 },
      sources: [{ type: 'async', id: 'c', caller: 's3', requests: [{ id: 'e', atMs: 0 }] }],
    }),
  'async/rejected': () =>
    scenario({
      sources: [
        { type: 'async', id: 'c', caller: 's3', requests: [{ id: 'e', atMs: 0, payloadSizeBytes: 2 * MB }] },
      ],
    }),
  /** A FIFO on-failure queue and a FIFO dead-letter queue: both deliveries fail. */
  'destination/delivery-failed': () =>
    scenario({
      function: {
        EventInvokeConfig: {
          MaximumRetryAttempts: 0,
          DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:failed.fifo' } },
        },
        DeadLetterConfig: { TargetArn: 'arn:aws:sqs:us-east-1:123456789012:dlq.fifo' },
        behavior: { rules: [{ result: 'error' }] },
      },
      sources: [{ type: 'async', id: 'c', caller: 's3', requests: [{ id: 'e', atMs: 0 }] }],
    }),
  'sync/service-error': () =>
    scenario({
      function: { behavior: { rules: [{ attempts: [1], result: 'service-error' }] } },
      sources: [{ type: 'sync', id: 'c', caller: 'direct', requests: [{ id: 'a', atMs: 0 }] }],
    }),
  'async/duplicate-dropped': () =>
    scenario({
      function: { ReservedConcurrentExecutions: 1, behavior: { duration: fixed(5000) } },
      simulation: { asyncDuplicateProbability: 1 },
      sources: [{ type: 'async', id: 'c', caller: 's3', requests: [{ id: 'e', atMs: 0 }] }],
    }),
  /** Two events close together: the later one is picked up first (queue delays are random). */
  'async/out-of-order': () =>
    scenario({
      sources: [
        { type: 'async', id: 'c', caller: 's3', requests: [{ id: 'e', atMs: 0, count: 20, everyMs: 2 }] },
      ],
    }),
  /** E1 fails once; E2 arrives 10 s later and runs while E1 waits for its retry. */
  'async/retry-behind': () =>
    scenario({
      function: { behavior: { rules: [{ items: ['E1'], attempts: [1], result: 'error' }] } },
      sources: [
        {
          type: 'async',
          id: 'c',
          caller: 's3',
          requests: [
            { id: 'E1', atMs: 0 },
            { id: 'E2', atMs: 10_000 },
          ],
        },
      ],
    }),
  'sqs/expired': () =>
    scenario({
      function: { Timeout: 3, behavior: { rules: [{ result: 'error' }] } },
      sources: [sqs({ VisibilityTimeout: 30, MessageRetentionPeriod: 60 }, {}, [{ id: 'm1' }])],
    }),
  'sqs/filtered-out': () =>
    scenario({
      sources: [
        sqs({}, { FilterCriteria: { Filters: [{ Pattern: '{"body":{"type":["order"]}}' }] } }, [
          { id: 'order', payload: { type: 'order' } },
          { id: 'refund', payload: { type: 'refund' } },
        ]),
      ],
    }),
  'sqs/batch-throttled': () =>
    scenario({
      function: { Timeout: 5, ReservedConcurrentExecutions: 2, behavior: { duration: fixed(1000) } },
      sources: [
        sqs(
          {
            VisibilityTimeout: 30,
            RedrivePolicy: { deadLetterTargetArn: QUEUE_DLQ, maxReceiveCount: 4 },
          },
          { BatchSize: 1 },
          [{ id: 'm', count: 20 }],
        ),
      ],
    }),
  'sqs/scaled-down': () =>
    scenario({
      function: {
        Timeout: 30,
        behavior: {
          duration: fixed(20_000),
          rules: [{ items: ['m-100'], attempts: [1], result: 'error' }],
        },
      },
      sources: [sqs({ VisibilityTimeout: 180 }, { BatchSize: 1 }, [{ id: 'm', count: 400 }])],
    }),
  'esm/service-error': () =>
    scenario({
      function: { Timeout: 30, behavior: { rules: [{ attempts: [1, 2], result: 'service-error' }] } },
      sources: [kinesis({ MaximumRetryAttempts: 0 }, [{ id: 'a' }])],
    }),
  'stream/batch-throttled': () =>
    scenario({
      function: { Timeout: 30, ReservedConcurrentExecutions: 1, behavior: { duration: fixed(2500) } },
      sources: [
        kinesis(
          { MaximumRetryAttempts: 0 },
          [
            { id: 'a', shard: 0 },
            { id: 'b', shard: 1 },
          ],
          2,
        ),
      ],
    }),
  'stream/record-aged-out': () =>
    scenario({
      function: {
        Timeout: 30,
        behavior: { rules: [{ items: ['old'], result: 'error' }] },
      },
      sources: [
        kinesis({ createdAtMs: 40_000, MaximumRecordAgeInSeconds: 60 }, [
          { id: 'old' },
          { id: 'fresh', atMs: 30_000 },
        ]),
      ],
    }),
  'stream/window-invoke': () =>
    scenario({
      function: { Timeout: 30, behavior: { returns: { state: { total: 1 } } } },
      sources: [
        kinesis({ TumblingWindowInSeconds: 30, MaximumRetryAttempts: 1 }, [
          { id: 'r', count: 8, everyMs: 5000 },
        ]),
      ],
    }),
  /** The final invocation of each window returns no `state`, fails every retry, and the window is given up. */
  'stream/window-abandoned': () =>
    scenario({
      function: { Timeout: 30, behavior: { returns: { done: true } } },
      sources: [
        kinesis({ TumblingWindowInSeconds: 30, MaximumRetryAttempts: 1 }, [
          { id: 'r', count: 2, everyMs: 5000 },
        ]),
      ],
    }),
};

/** The run of an extra scenario, by name (cached). */
export function extraRun(name: string): LoggedRun {
  let r = runs.get(`extra:${name}`);
  if (!r) {
    const make = EXTRA[name];
    if (!make) throw new Error(`no extra scenario ${name}`);
    r = runScenario(make());
    runs.set(`extra:${name}`, r);
  }
  return r;
}

/** Index of the first event of `type` (matching `where`) in a run's log. */
export function indexOf(r: LoggedRun, type: string, where: (e: SimEvent) => boolean = () => true): number {
  const i = r.log.findIndex((e) => e.type === type && where(e));
  if (i < 0) throw new Error(`no ${type} event`);
  return i;
}
