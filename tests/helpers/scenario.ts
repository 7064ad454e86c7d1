/**
 * Tiny helpers for tests: build a validated scenario from the parts a test cares about, run it, and
 * look things up in the results and the log.
 */
import { expect } from 'vitest';
import { createSimulation, type Simulation } from '../../src/engine/simulation';
import type { ResultInvocation, ResultItem, Results } from '../../src/engine/results';
import type { SimEvent } from '../../src/engine/types';
import type { Scenario, ScenarioInput } from '../../src/scenarios/schema';
import { mustValidate } from '../../src/scenarios/validate';

type Input = Omit<ScenarioInput, 'id' | 'title' | 'function'> & {
  id?: string;
  title?: string;
  function?: ScenarioInput['function'];
};

/** A validated scenario: `id`, `title` and `function` are filled in when missing. */
export function scenario(input: Input): Scenario {
  return mustValidate({ id: 'test', title: 'test', function: {}, ...input });
}

/**
 * `messages` SQS messages waiting at 0 ms in a standard queue, read in batches of 10 by a handler that
 * takes 50 ms: the scale tests' workload, run to its end.
 */
export function sqsBatchRun(messages: number): Simulation {
  const sim = createSimulation(
    scenario({
      function: { Timeout: 30, behavior: { duration: { distribution: 'fixed', ms: 50 } } },
      sources: [
        {
          type: 'sqs',
          id: 'q',
          queue: { QueueName: 'q', VisibilityTimeout: 180 },
          mapping: { BatchSize: 10 },
          messages: [{ id: 'm', atMs: 0, count: messages, payload: { orderId: 'o-1' } }],
        },
      ],
    }),
  );
  sim.run();
  return sim;
}

export type Run = Results & { log: SimEvent[]; sim: Simulation };

/** Runs a scenario to its end; the results carry the log and the simulation. */
export function run(s: Scenario, seed?: number): Run {
  const sim = createSimulation(s, seed === undefined ? {} : { seed });
  sim.run();
  const results = sim.results({ trace: true });
  return { ...results, log: results.log ?? [], sim };
}

/** The item with this id (fails the test when there is none). */
export function item(r: Results, id: string): ResultItem {
  const found = r.items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}; items: ${r.items.map((i) => i.id).join(', ')}`);
  return found;
}

/** The invocations that ran this item, in start order. */
export function invocationsOf(r: Results, itemId: string): ResultInvocation[] {
  return r.invocations.filter((inv) => inv.items.includes(itemId));
}

/** Log events of one type (optionally about one item). */
export function events(r: { log: readonly SimEvent[] }, type: string, itemId?: string): SimEvent[] {
  return r.log.filter((e) => e.type === type && (itemId === undefined || e.item === itemId));
}

/** Asserts `actual` is within ±`tolerance` (default 10 %) of the nominal value. */
export function expectNear(actual: number | null | undefined, nominal: number, tolerance = 0.1): void {
  expect(actual, `expected ≈${nominal} (±${tolerance * 100} %)`).toBeTypeOf('number');
  const slack = Math.abs(nominal) * tolerance;
  expect(actual).toBeGreaterThanOrEqual(nominal - slack);
  expect(actual).toBeLessThanOrEqual(nominal + slack);
}

/** One request at t=0 (or at `atMs`) with an optional id and payload. */
export function req(id: string, atMs = 0, extra: Record<string, unknown> = {}) {
  return { id, atMs, ...extra };
}

export const SQS_FAILED = 'arn:aws:sqs:us-east-1:123456789012:failed';
export const SQS_DLQ = 'arn:aws:sqs:us-east-1:123456789012:dlq';
export const SNS_TOPIC = 'arn:aws:sns:us-east-1:123456789012:topic';
export const EVENT_BUS = 'arn:aws:events:us-east-1:123456789012:event-bus/results';
export const OTHER_FUNCTION = 'arn:aws:lambda:us-east-1:123456789012:function:audit';
export const S3_BUCKET = 'arn:aws:s3:::failed-events';
