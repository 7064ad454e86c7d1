/**
 * SQS FIFO queues (aws-semantics.md §3.3, §9 "SQS"): messages of one group are delivered in order and
 * never processed in parallel; a failing message blocks only its own group; a batch may hold several
 * groups but keeps the order of each.
 */
import { describe, expect, it } from 'vitest';
import type { ResultInvocation } from '../../src/engine/results';
import type { Scenario } from '../../src/scenarios/schema';
import { events, invocationsOf, item, run, scenario, type Run } from '../helpers/scenario';

interface Msg {
  id: string;
  group: string;
  atMs?: number;
}

function fifo(
  messages: Msg[],
  o: { batchSize?: number; visibility?: number; rules?: unknown[]; durationMs?: number; rbif?: boolean } = {},
): Scenario {
  return scenario({
    function: {
      Timeout: 30,
      behavior: { duration: { distribution: 'fixed', ms: o.durationMs ?? 500 }, rules: o.rules ?? [] },
    },
    sources: [
      {
        type: 'sqs',
        id: 'q',
        queue: { QueueName: 'orders.fifo', FifoQueue: true, VisibilityTimeout: o.visibility ?? 30 },
        mapping: {
          BatchSize: o.batchSize ?? 10,
          FunctionResponseTypes: o.rbif ? ['ReportBatchItemFailures'] : [],
        },
        messages: messages.map((m) => ({
          id: m.id,
          messageGroupId: m.group,
          atMs: m.atMs ?? 0,
          payload: { step: m.id },
        })),
      },
    ],
  } as unknown as Parameters<typeof scenario>[0]);
}

const groupOf = (id: string) => id.replace(/\d+$/, '');

/** Invocations that processed at least one message of the group. */
function groupInvocations(r: Run, group: string): ResultInvocation[] {
  return r.invocations
    .filter((inv) => inv.items.some((id) => groupOf(id) === group))
    .sort((a, b) => a.startMs - b.startMs);
}

/** Asserts that no two invocations holding messages of the same group overlap in time. */
function expectNoParallelGroups(r: Run, groups: string[]): void {
  for (const g of groups) {
    const invs = groupInvocations(r, g);
    for (let i = 1; i < invs.length; i++) {
      expect(
        invs[i]!.startMs,
        `group ${g}: ${invs[i]!.id} overlaps ${invs[i - 1]!.id}`,
      ).toBeGreaterThanOrEqual(invs[i - 1]!.endMs!);
    }
  }
}

/** When each message was processed successfully: (start of that invocation, position in its batch). */
function successOrder(r: Run, ids: string[]): string[] {
  const key = (id: string) => {
    const attempt = item(r, id).attempts.find((a) => a.result === 'success')!;
    const inv = r.invocations.find((i) => i.id === attempt.invocationId)!;
    return [inv.startMs, inv.items.indexOf(id)] as const;
  };
  return [...ids].sort((a, b) => {
    const [ta, pa] = key(a);
    const [tb, pb] = key(b);
    return ta - tb || pa - pb;
  });
}

describe('§3.3 FIFO: order per message group', () => {
  it('§3.3 a failing A1 blocks group A only: B1, B2 run at once; A2 starts after A1 succeeded, then A3', () => {
    const r = run(
      fifo(
        [
          { id: 'A1', group: 'A' },
          { id: 'A2', group: 'A', atMs: 1 },
          { id: 'A3', group: 'A', atMs: 2 },
          { id: 'B1', group: 'B', atMs: 3 },
          { id: 'B2', group: 'B', atMs: 4 },
        ],
        { batchSize: 1, rules: [{ items: ['A1'], attempts: [1, 2], result: 'error' }] },
      ),
    );
    const a1 = item(r, 'A1');
    expect(a1.attempts.map((a) => a.result)).toEqual(['error', 'error', 'success']);
    const a1Done = a1.endedMs!;
    expect(invocationsOf(r, 'A2')[0]!.startMs).toBeGreaterThanOrEqual(a1Done);
    expect(invocationsOf(r, 'A3')[0]!.startMs).toBeGreaterThanOrEqual(item(r, 'A2').endedMs!);
    expect(item(r, 'B2').endedMs!).toBeLessThan(a1.attempts[1]!.startMs);
    expect(successOrder(r, ['A1', 'A2', 'A3'])).toEqual(['A1', 'A2', 'A3']);
    expect(successOrder(r, ['B1', 'B2'])).toEqual(['B1', 'B2']);
    expectNoParallelGroups(r, ['A', 'B']);
  });

  it('§3.3 a batch of BatchSize 10 holds several groups and keeps each group’s order', () => {
    const r = run(
      fifo([
        { id: 'A1', group: 'A' },
        { id: 'A2', group: 'A' },
        { id: 'A3', group: 'A' },
        { id: 'B1', group: 'B' },
        { id: 'B2', group: 'B' },
      ]),
    );
    expect(r.invocations).toHaveLength(1);
    const [inv] = r.invocations;
    expect([...inv!.items].sort()).toEqual(['A1', 'A2', 'A3', 'B1', 'B2']);
    const at = (id: string) => inv!.items.indexOf(id);
    expect(at('A1')).toBeLessThan(at('A2'));
    expect(at('A2')).toBeLessThan(at('A3'));
    expect(at('B1')).toBeLessThan(at('B2'));
  });

  it('§3.3 a batch never holds a message of a group that has one in flight', () => {
    const r = run(
      fifo(
        [
          { id: 'A1', group: 'A' },
          { id: 'A2', group: 'A', atMs: 1000 },
          { id: 'B1', group: 'B', atMs: 1000 },
          { id: 'C1', group: 'C', atMs: 1000 },
        ],
        { rules: [{ items: ['A1'], result: 'success', durationMs: 5000 }] },
      ),
    );
    const second = r.invocations.find((inv) => inv.startMs === 1000)!;
    expect([...second.items].sort()).toEqual(['B1', 'C1']);
    const a2 = invocationsOf(r, 'A2');
    expect(a2).toHaveLength(1);
    expect(a2[0]!.startMs).toBeGreaterThanOrEqual(invocationsOf(r, 'A1')[0]!.endMs!);
    expectNoParallelGroups(r, ['A', 'B', 'C']);
  });

  it('§3.3 after an error the group waits for the retry (visibility timeout) while other groups go on', () => {
    const r = run(
      fifo(
        [
          { id: 'A1', group: 'A' },
          { id: 'A2', group: 'A', atMs: 10 },
          { id: 'B1', group: 'B', atMs: 20 },
          { id: 'B2', group: 'B', atMs: 5000 },
        ],
        { visibility: 60, rules: [{ items: ['A1'], attempts: [1], result: 'error' }] },
      ),
    );
    const a1 = item(r, 'A1');
    expect(a1.attempts.map((a) => a.result)).toEqual(['error', 'success']);
    expect(a1.attempts[1]!.startMs).toBeGreaterThanOrEqual(60_000);
    // A2 waits for A1's retry (it may share A1's batch, behind it); B goes on meanwhile.
    const a2 = invocationsOf(r, 'A2')[0]!;
    expect(a2.startMs).toBeGreaterThanOrEqual(a1.attempts[1]!.startMs);
    if (a2.items.includes('A1')) expect(a2.items.indexOf('A1')).toBeLessThan(a2.items.indexOf('A2'));
    expect(item(r, 'B2').endedMs!).toBeLessThan(60_000);
    expect(
      events(r, 'sqs/received')
        .filter((e) => (e.data?.items as string[]).includes('A2'))
        .every((e) => e.t >= a1.attempts[1]!.startMs),
    ).toBe(true);
    expectNoParallelGroups(r, ['A', 'B']);
  });

  it('§9 one message group is never processed in parallel (3 groups × 6 messages, errors and partial answers)', () => {
    const msgs: Msg[] = [];
    for (let i = 1; i <= 6; i++) {
      for (const g of ['A', 'B', 'C']) msgs.push({ id: `${g}${i}`, group: g, atMs: i * 300 });
    }
    const r = run(
      fifo(msgs, {
        batchSize: 4,
        durationMs: 2000,
        visibility: 40,
        rbif: true,
        rules: [
          { items: ['A2'], attempts: [1], result: 'error' },
          { items: ['B3'], attempts: [1], result: 'timeout' },
          // §3.3: to keep order, a FIFO handler reports the failed message and every later one.
          { items: ['C4'], attempts: [1], result: 'partial', failedItems: ['C4', 'C5', 'C6'] },
        ],
      }),
    );
    expectNoParallelGroups(r, ['A', 'B', 'C']);
    for (const g of ['A', 'B', 'C']) {
      const ids = [1, 2, 3, 4, 5, 6].map((i) => `${g}${i}`);
      for (const id of ids) expect(item(r, id).outcome, id).toBe('succeeded');
      expect(successOrder(r, ids), g).toEqual(ids);
    }
  });

  it('§3.3 messages that become visible again keep their place in front of later messages of the group', () => {
    const r = run(
      fifo(
        [
          { id: 'A1', group: 'A' },
          { id: 'A2', group: 'A', atMs: 1 },
          { id: 'A3', group: 'A', atMs: 2 },
        ],
        { batchSize: 1, visibility: 30, rules: [{ items: ['A1'], attempts: [1], result: 'error' }] },
      ),
    );
    expect(successOrder(r, ['A1', 'A2', 'A3'])).toEqual(['A1', 'A2', 'A3']);
    const received = events(r, 'sqs/received').map((e) => (e.data!.items as string[]).join(','));
    expect(received).toEqual(['A1', 'A1', 'A2', 'A3']);
  });
});
