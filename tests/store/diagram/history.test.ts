/**
 * The side panel's history: for an item, exactly the log events that concern it up to the cursor; for
 * a component, the events that moved items onto it (for the function, also the invocations' and
 * environments' events), newest last, and nothing from after the cursor.
 */
import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../../src/engine/types';
import { itemHistory, nodeHistory } from '../../../src/store/diagram/history';
import { diagramRun, type DiagramRun } from './fixtures';

const strings = (v: unknown): string[] | null =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : null;

/**
 * The events of the log that concern `item`: the items an event lists (a batch; the failed messages of a
 * partial batch response; both halves of a bisected batch), or else its invocation's items, or else its item.
 */
function eventsConcerning(run: DiagramRun, item: string): number[] {
  const invocationItems = new Map(run.results.invocations.map((inv) => [inv.id, inv.items]));
  const concerns = (e: SimEvent): boolean => {
    const d = e.data ?? {};
    const listed =
      e.type === 'sqs/partial-batch'
        ? strings(d.failed)
        : e.type === 'stream/batch-bisected'
          ? [...(strings(d.first) ?? []), ...(strings(d.second) ?? [])]
          : strings(d.items);
    if (listed) return listed.includes(item);
    if (e.invocation !== undefined && invocationItems.has(e.invocation))
      return invocationItems.get(e.invocation)!.includes(item);
    return e.item === item;
  };
  return run.log.flatMap((e, i) => (concerns(e) ? [i] : []));
}

describe('itemHistory: exactly the events of the item up to the cursor', () => {
  const cases: Array<[string, string[]]> = [
    ['default', ['order-event']],
    ['sync-throttled', ['A', 'B']],
    ['api-gateway-timeout', ['request']],
    ['sqs-partial-batch-failure', ['m1', 'm2', 'm4']],
    ['sqs-redrive-to-dlq', ['m1']],
    ['sqs-fifo-group-blocking', ['A1', 'A2', 'B2']],
    ['kinesis-bisect', ['r-1', 'r-5', 'r-6', 'r-8']],
    ['kinesis-checkpoint', ['s-1', 's-6']],
  ];
  for (const [id, items] of cases) {
    it(`${id}: ${items.join(', ')}`, () => {
      const run = diagramRun(id);
      for (const item of items) {
        const all = eventsConcerning(run, item);
        expect(all.length, `${item} has events`).toBeGreaterThan(2);
        for (const cursor of [-1, all[0]! - 1, all[0]!, all[1]!, all[all.length - 2]!, run.log.length - 1])
          expect(itemHistory(run.index, item, cursor), `${item} at ${cursor}`).toEqual(
            all.filter((e) => e <= cursor),
          );
      }
    });
  }

  it('default: the history starts with the arrival and ends with the delivery to the destination', () => {
    const run = diagramRun('default');
    const types = itemHistory(run.index, 'order-event', run.log.length - 1).map((e) => run.log[e]!.type);
    expect(types[0]).toBe('item/arrived');
    expect(types[types.length - 1]).toBe('destination/delivered');
    expect(types.filter((t) => t === 'invoke/started')).toHaveLength(3);
  });

  it('a bisection is in the history of the records of either half, once each', () => {
    const run = diagramRun('kinesis-bisect');
    const history = itemHistory(run.index, 'r-5', run.log.length - 1);
    expect(new Set(history).size).toBe(history.length);
    expect(history.filter((e) => run.log[e]!.type === 'stream/batch-bisected')).toHaveLength(3);
  });

  it('an unknown item has no history', () => {
    expect(itemHistory(diagramRun('default').index, 'nobody', 100)).toEqual([]);
  });
});

describe('nodeHistory: the events that brought items onto a component', () => {
  const run = diagramRun('default');
  const end = run.log.length - 1;

  it('§2.5 dest:on-success has the delivery once it happened, and nothing before', () => {
    const delivered = run.find('destination/delivered');
    expect(nodeHistory(run.index, 'dest:on-success', delivered - 1)).toEqual([]);
    expect(nodeHistory(run.index, 'dest:on-success', delivered)).toEqual([delivered]);
    expect(nodeHistory(run.index, 'dest:on-success', end)).toEqual([delivered]);
    expect(nodeHistory(run.index, 'dest:on-failure', end)).toEqual([]);
  });

  it('§2.2 the async queue: queued, then each scheduled retry', () => {
    const expected = run.log.flatMap((e, i) =>
      e.type === 'async/queued' || e.type === 'async/retry-scheduled' ? [i] : [],
    );
    expect(expected).toHaveLength(3);
    expect(nodeHistory(run.index, 'async-queue', end)).toEqual(expected);
    expect(nodeHistory(run.index, 'async-queue', expected[1]! - 1)).toEqual(expected.slice(0, 1));
  });

  it('the function: every event of an invocation or an environment, and each dequeue', () => {
    const expected = run.log.flatMap((e, i) =>
      e.env !== undefined || e.type === 'async/dequeued' || e.type.startsWith('invoke/') ? [i] : [],
    );
    expect(nodeHistory(run.index, 'function', end)).toEqual(expected);
  });

  it('keeps the newest `limit` entries, oldest first', () => {
    const all = nodeHistory(run.index, 'function', end);
    expect(nodeHistory(run.index, 'function', end, 3)).toEqual(all.slice(-3));
  });

  it('sqs-redrive-to-dlq: the queue DLQ has only the move by SQS', () => {
    const sqs = diagramRun('sqs-redrive-to-dlq');
    const moved = sqs.find('sqs/moved-to-dlq');
    expect(nodeHistory(sqs.index, 'sqs-dlq:orders', sqs.log.length - 1)).toEqual([moved]);
    expect(nodeHistory(sqs.index, 'sqs-dlq:orders', moved - 1)).toEqual([]);
  });
});
