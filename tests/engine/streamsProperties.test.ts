/**
 * Property tests over random stream scenarios (design.md "Tests"): every record ends exactly once (or is
 * still in flight when `untilSeconds` cut the run), order per partition key holds, a shard's lane never
 * runs two batches at once, retries stop where the settings say, and runs resume exactly from
 * checkpoints. Each property has a fixed fast-check seed named in its test.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation, restoreSimulation } from '../../src/engine/simulation';
import type { Scenario } from '../../src/scenarios/schema';
import { mustValidate } from '../../src/scenarios/validate';
import { expectPartitionKeyOrder } from '../helpers/invariants';
import { run } from '../helpers/scenario';

const DESTINATIONS = [
  undefined,
  'arn:aws:sqs:us-east-1:123456789012:failures',
  'arn:aws:sns:us-east-1:123456789012:failures',
  'arn:aws:s3:::failures',
  'arn:aws:sqs:us-east-1:123456789012:failures.fifo',
];
const KEYS = ['k1', 'k2', 'k3', 'k4', 'k5'];

const TERMINAL: Record<string, string[]> = {
  succeeded: ['stream/record-checkpointed'],
  discarded: ['stream/record-skipped'],
  'dead-lettered': ['stream/record-skipped', 'stream/record-aged-out'],
  expired: ['stream/record-expired', 'stream/record-aged-out'],
};
const ALL_TERMINAL = Object.values(TERMINAL).flat();

const recordSpec = (i: number) =>
  fc
    .record(
      {
        atMs: fc.integer({ min: 0, max: 10_000 }),
        count: fc.integer({ min: 1, max: 6 }),
        everyMs: fc.integer({ min: 0, max: 2000 }),
        partitionKey: fc.constantFrom(...KEYS),
        payloadSizeBytes: fc.constantFrom(100, 100, 100, 2_500_000),
      },
      { requiredKeys: ['atMs', 'count'] },
    )
    .map((r) => ({ id: `r${i}`, ...r }));

const itemIds = ['r0', 'r0-1', 'r0-2', 'r1', 'r1-1', 'r1-3', 'r2-2'];
const rule = fc
  .record(
    {
      items: fc.subarray(itemIds, { minLength: 1 }),
      attempts: fc.subarray([1, 2, 3], { minLength: 1 }),
      probability: fc.double({ min: 0.2, max: 1, noNaN: true }),
      result: fc.constantFrom('error', 'error', 'timeout', 'partial', 'service-error'),
      failedItems: fc.subarray(itemIds, { minLength: 1 }),
      durationMs: fc.integer({ min: 0, max: 4000 }),
    },
    { requiredKeys: ['result'] },
  )
  .map((r) => (r.result === 'partial' ? r : { ...r, failedItems: undefined }));

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    type: fc.constantFrom('kinesis', 'dynamodb'),
    shards: fc.integer({ min: 1, max: 3 }),
    pf: fc.constantFrom(1, 1, 2, 4),
    batchSize: fc.integer({ min: 1, max: 10 }),
    batchingWindow: fc.constantFrom(0, 0, 1, 3),
    retries: fc.integer({ min: 0, max: 3 }),
    maxAge: fc.constantFrom(-1, -1, 60, 120),
    bisect: fc.boolean(),
    rbif: fc.boolean(),
    tumbling: fc.constantFrom(0, 0, 0, 10),
    destination: fc.constantFrom(...DESTINATIONS),
    latest: fc.boolean(),
    createdAtMs: fc.integer({ min: 0, max: 5000 }),
    reserved: fc.option(fc.constantFrom(1, 2, 3), { nil: undefined }),
    rules: fc.array(rule, { maxLength: 2 }),
    records: fc
      .integer({ min: 1, max: 3 })
      .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => recordSpec(i)))),
    returnsState: fc.boolean(),
    untilSeconds: fc.option(fc.integer({ min: 1, max: 120 }), { nil: undefined }),
    seed: fc.integer({ min: 0, max: 1000 }),
  })
  .map((p) =>
    mustValidate({
      id: 'prop',
      title: 'stream property',
      seed: p.seed,
      function: {
        Timeout: 3,
        ...(p.reserved ? { ReservedConcurrentExecutions: p.reserved } : {}),
        behavior: {
          duration: { distribution: 'uniform', minMs: 10, maxMs: 1500 },
          rules: p.rules,
          ...(p.returnsState ? { returns: { state: { n: 1 } } } : {}),
        },
      },
      sources: [
        {
          type: p.type,
          id: 'stream',
          stream: { StreamName: 'orders', ShardCount: p.shards, RetentionPeriodHours: 24 },
          mapping: {
            StartingPosition: p.latest ? 'LATEST' : 'TRIM_HORIZON',
            createdAtMs: p.createdAtMs,
            BatchSize: p.batchSize,
            MaximumBatchingWindowInSeconds: p.batchingWindow,
            ParallelizationFactor: p.pf,
            MaximumRetryAttempts: p.retries,
            MaximumRecordAgeInSeconds: p.maxAge,
            BisectBatchOnFunctionError: p.bisect,
            FunctionResponseTypes: p.rbif ? ['ReportBatchItemFailures'] : [],
            TumblingWindowInSeconds: p.tumbling,
            ...(p.destination ? { DestinationConfig: { OnFailure: { Destination: p.destination } } } : {}),
          },
          // DynamoDB records have no partition key of their own: they hash by item id.
          records:
            p.type === 'dynamodb' ? p.records.map(({ partitionKey: _key, ...rest }) => rest) : p.records,
        },
      ],
      ...(p.untilSeconds ? { simulation: { untilSeconds: p.untilSeconds } } : {}),
    }),
  );

describe('§3.4 properties of stream runs', () => {
  it('§3.4 every record ends in exactly one terminal event that matches its outcome, or is in flight only when untilSeconds cut the run (fc seed 4301)', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = run(s);
        for (const it of r.items) {
          const terminal = r.log.filter((e) => e.item === it.id && ALL_TERMINAL.includes(e.type));
          if (it.outcome === 'in-flight') {
            expect(s.simulation.untilSeconds, `${it.id} in flight`).toBeDefined();
            expect(terminal).toHaveLength(0);
          } else {
            expect(terminal, `${it.id} ${it.outcome}`).toHaveLength(1);
            expect(TERMINAL[it.outcome], it.outcome).toContain(terminal[0]!.type);
            expect(it.endedMs).toBe(terminal[0]!.t);
          }
        }
        r.log.forEach((e, i) => i > 0 && expect(e.t).toBeGreaterThanOrEqual(r.log[i - 1]!.t));
      }),
      { seed: 4301, numRuns: 60 },
    );
  });

  it('§3.4 per partition key: never in two concurrent batches, and first processed in sequence order; a shard at ParallelizationFactor 1 runs one batch at a time (fc seed 4302)', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => expectPartitionKeyOrder(run(s), s)),
      { seed: 4302, numRuns: 60 },
    );
  });

  it('§9 a RetryAttemptsExhausted record counts MaximumRetryAttempts + 1 invocations (fc seed 4303)', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = run(s);
        const src = s.sources[0]!;
        if (src.type !== 'kinesis' && src.type !== 'dynamodb') throw new Error('stream expected');
        for (const e of r.log.filter((x) => x.type === 'stream/retries-exhausted')) {
          expect((e.data as { approximateInvokeCount: number }).approximateInvokeCount).toBe(
            src.mapping.MaximumRetryAttempts + 1,
          );
        }
      }),
      { seed: 4303, numRuns: 60 },
    );
  });

  it('design "Interventions" a stream run restored from a mid-run checkpoint ends exactly like the whole run (fc seed 4304)', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 1, max: 40 }), (s, steps) => {
        const whole = createSimulation(s);
        whole.run();
        const sim = createSimulation(s);
        for (let k = 0; k < steps && !sim.done(); k++) sim.step();
        const resumed = restoreSimulation(sim.checkpoint());
        resumed.run();
        expect(resumed.results({ trace: true })).toEqual(whole.results({ trace: true }));
      }),
      { seed: 4304, numRuns: 30 },
    );
  });
});
