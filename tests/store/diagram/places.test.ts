/**
 * Where the diagram shows an item after each log event, for synchronous and asynchronous invocation
 * and scaling (§1, §2, §4): the node, the phase, the token's label (attempt "#n", HTTP status), the
 * time it waits for, the execution environments, and the edge it just travelled.
 */
import { describe, expect, it } from 'vitest';
import { diagramRun, tokenOf, type DiagramRun } from './fixtures';

/** Index of the n-th (1-based) event of `type` for `item`. */
function nth(run: DiagramRun, type: string, n: number, item?: string): number {
  let at = -1;
  for (let k = 0; k < n; k++) at = run.find(type, item, at + 1);
  return at;
}

const last = (run: DiagramRun) => run.log.length - 1;

describe('§2 asynchronous invocation (default: S3 event, fails twice, succeeds on attempt 3)', () => {
  const run = diagramRun('default');
  const item = 'order-event';

  it('§2.1 after async/queued the event waits in the async queue, having come from the front door', () => {
    const queued = run.find('async/queued', item);
    const frame = run.frameAt(queued);
    expect(tokenOf(frame, item)).toMatchObject({
      node: 'async-queue',
      phase: 'queued',
      from: 'lambda',
      movedAt: queued,
      label: null,
      untilMs: null,
    });
    expect(frame.activeEdges).toEqual(['lambda->async-queue']);
    // Before that, the caller's request is at the front door, and the caller -> lambda edge is lit.
    const requested = run.find('async/invoke-requested', item);
    expect(tokenOf(run.frameAt(requested), item)).toMatchObject({ node: 'lambda', phase: 'sending' });
    expect(run.frameAt(requested).activeEdges).toEqual(['caller:s3->lambda']);
  });

  it('§2.2 after each failure it waits in the queue for the retry: 1 minute, then 2 minutes', () => {
    const delays: number[] = [];
    for (const n of [1, 2]) {
      const scheduled = nth(run, 'async/retry-scheduled', n, item);
      const event = run.log[scheduled]!;
      const token = tokenOf(run.frameAt(scheduled), item)!;
      expect(token).toMatchObject({
        node: 'async-queue',
        phase: 'retry-wait',
        from: 'function',
        label: `#${n}`,
      });
      expect(token.untilMs).toBe(event.data!.retryAtMs);
      delays.push(token.untilMs! - event.t);
      // The retry happens when the countdown says.
      expect(run.log[nth(run, 'async/dequeued', n + 1, item)]!.t).toBe(token.untilMs);
    }
    expect(delays).toEqual([60_000, 120_000]);
  });

  it('§2.2 each run is labelled with its attempt: #1 (cold), #2, #3 (warm, same environment)', () => {
    for (const attempt of [1, 2, 3]) {
      const started = nth(run, 'invoke/started', attempt);
      const frame = run.frameAt(started);
      expect(tokenOf(frame, item)).toMatchObject({
        node: 'function',
        phase: attempt === 1 ? 'initializing' : 'running',
        label: `#${attempt}`,
        coldStart: attempt === 1,
      });
      expect(frame.envs.chips).toEqual([
        {
          id: 'env-1',
          phase: attempt === 1 ? 'initializing' : 'busy',
          provisioned: false,
          cold: attempt === 1,
        },
      ]);
    }
    expect(tokenOf(run.frameAt(nth(run, 'invoke/failed', 1)), item)).toMatchObject({
      phase: 'error',
      label: '#1',
    });
  });

  it('§2.5 at the end the success record is on the on-success destination, sent from the function', () => {
    const delivered = run.find('destination/delivered', item);
    expect(run.log[delivered]!.data!.target).toBe('on-success');
    const frame = run.frameAt(last(run));
    expect(tokenOf(frame, item)).toMatchObject({
      node: 'dest:on-success',
      phase: 'delivered',
      from: 'function',
    });
    expect(frame.nodes['dest:on-success']!.byPhase).toEqual({ delivered: 1 });
    expect(run.frameAt(delivered).activeEdges).toEqual(['function->dest:on-success']);
    expect(frame.nodes['dest:on-failure']!.byPhase).toEqual({});
    expect(frame.nodes['dest:dlq']!.byPhase).toEqual({});
  });
});

describe('§2.5/§2.6 where a failed event ends', () => {
  it('§2.6 async-dlq: after three failed attempts the event is on the dead-letter queue', () => {
    const run = diagramRun('async-dlq');
    expect(run.results.invocations).toHaveLength(3);
    const frame = run.frameAt(last(run));
    expect(tokenOf(frame, 'event')).toMatchObject({ node: 'dest:dlq', phase: 'delivered', label: '#3' });
    expect(frame.nodes['dest:dlq']!.byPhase).toEqual({ delivered: 1 });
    // async/dropped after saving it does not take it away from the DLQ.
    expect(run.log[last(run)]!.type).toBe('async/dropped');
  });

  it('§2.2 async-max-event-age: the event too old to retry ends on the on-failure destination', () => {
    const run = diagramRun('async-max-event-age');
    const exceeded = run.find('async/event-age-exceeded', 'event');
    // The event is not retried: it never returns to the queue after its first attempt.
    expect(tokenOf(run.frameAt(exceeded), 'event')).toMatchObject({ node: 'function', phase: 'error' });
    expect(tokenOf(run.frameAt(last(run)), 'event')).toMatchObject({
      node: 'dest:on-failure',
      phase: 'delivered',
      label: '#1',
    });
  });

  it('§2.3 async-zero-reserved-concurrency: throttled at the front door, then straight to on-failure', () => {
    const run = diagramRun('async-zero-reserved-concurrency');
    const refused = run.find('async/zero-reserved-concurrency', 'event');
    expect(tokenOf(run.frameAt(refused), 'event')).toMatchObject({ node: 'lambda', phase: 'throttled' });
    const frame = run.frameAt(last(run));
    expect(tokenOf(frame, 'event')).toMatchObject({ node: 'dest:on-failure', phase: 'delivered' });
    expect(frame.nodes.function!.byPhase).toEqual({});
    expect(frame.envs.chips).toEqual([]);
  });

  it('§2.3 async-throttled-waits: a throttled event backs off in the queue, 1 s, 2 s, 4 s… then runs', () => {
    const run = diagramRun('async-throttled-waits');
    const throttles = run.log.flatMap((e, i) => (e.type === 'async/throttled' && e.item === 'E2' ? [i] : []));
    expect(throttles.length).toBeGreaterThan(2);
    const backoffs = throttles.map((i) => {
      const token = tokenOf(run.frameAt(i), 'E2')!;
      expect(token).toMatchObject({ node: 'async-queue', phase: 'backoff', label: null });
      expect(token.untilMs).toBe(run.log[i]!.data!.retryAtMs);
      return token.untilMs! - run.log[i]!.t;
    });
    expect(backoffs.slice(0, 3)).toEqual([1000, 2000, 4000]);
    const dequeued = run.find('async/dequeued', 'E2');
    expect(run.log[dequeued]!.t).toBe(tokenOf(run.frameAt(dequeued - 1), 'E2')!.untilMs);
    expect(tokenOf(run.frameAt(dequeued), 'E2')).toMatchObject({
      node: 'function',
      phase: 'starting',
      label: '#1',
    });
  });
});

describe('§1 synchronous invocation: the answer goes back to the caller', () => {
  it('§1.1/§4.reserved sync-throttled: B is refused at the front door with 429; A gets 200', () => {
    const run = diagramRun('sync-throttled');
    const throttled = run.find('invoke/throttled', 'B');
    const atThrottle = run.frameAt(throttled);
    expect(tokenOf(atThrottle, 'B')).toMatchObject({ node: 'lambda', phase: 'throttled', label: '429' });
    // The one reserved environment is busy with A.
    expect(tokenOf(atThrottle, 'A')).toMatchObject({ node: 'function', phase: 'running' });
    expect(atThrottle.envs.counts).toEqual({ initializing: 0, busy: 1, idle: 0, reaped: 0 });

    const answered = run.find('sync/response', 'B');
    expect(tokenOf(run.frameAt(answered), 'B')).toMatchObject({
      node: 'caller:client',
      phase: 'throttled',
      label: '429',
      from: 'lambda',
    });
    expect(run.frameAt(answered).activeEdges).toEqual(['caller:client->lambda']);

    const end = run.frameAt(last(run));
    expect(tokenOf(end, 'A')).toMatchObject({ node: 'caller:client', phase: 'success', label: '200' });
    expect(tokenOf(end, 'B')).toMatchObject({ node: 'caller:client', phase: 'throttled', label: '429' });
    expect(end.nodes['caller:client']!.byPhase).toEqual({ success: 1, throttled: 1 });
  });

  it('§1.1 sync-function-error: a function error still answers 200, drawn as an error', () => {
    const run = diagramRun('sync-function-error');
    expect(tokenOf(run.frameAt(last(run)), 'request')).toMatchObject({
      node: 'caller:client',
      phase: 'error',
      label: '200',
    });
  });

  it('§1.2 sync-timeout: the function times out, the caller gets 200 with the function error', () => {
    const run = diagramRun('sync-timeout');
    const timedOut = run.find('invoke/timed-out', 'request');
    expect(tokenOf(run.frameAt(timedOut), 'request')).toMatchObject({ node: 'function', phase: 'timeout' });
    expect(run.frameAt(timedOut).envs.counts).toEqual({ initializing: 0, busy: 0, idle: 1, reaped: 0 });
    expect(tokenOf(run.frameAt(last(run)), 'request')).toMatchObject({
      node: 'caller:client',
      phase: 'error',
      label: '200',
    });
  });

  it('§1.5 api-gateway-timeout: 504 at the caller after 29 s while the function still runs', () => {
    const run = diagramRun('api-gateway-timeout');
    const timeout = run.find('apigw/integration-timeout', 'request');
    const succeeded = run.find('invoke/succeeded', 'request');
    expect(run.log[timeout]!.t).toBe(29_000);
    expect(succeeded).toBeGreaterThan(timeout);
    const frame = run.frameAt(timeout);
    expect(tokenOf(frame, 'request')).toMatchObject({
      node: 'caller:api',
      phase: 'error',
      label: '504',
      from: 'function',
    });
    expect(frame.envs.chips).toEqual([{ id: 'env-1', phase: 'busy', provisioned: false, cold: true }]);
    // The invocation finishes later: the environment frees, but the answer does not reach the caller.
    for (const c of [succeeded, last(run)]) {
      const later = run.frameAt(c);
      expect(tokenOf(later, 'request')).toMatchObject({ node: 'caller:api', phase: 'error', label: '504' });
      expect(later.nodes.function!.byPhase).toEqual({});
      expect(later.envs.chips).toEqual([{ id: 'env-1', phase: 'idle', provisioned: false, cold: false }]);
    }
    expect(run.frameAt(succeeded).activeEdges).toEqual([]);
  });
});

describe('§4 execution environments and scaling', () => {
  it('§4.env cold-and-warm: the first request initialises a new environment, the second reuses it', () => {
    const run = diagramRun('cold-and-warm');
    const first = run.find('invoke/started', 'first');
    expect(tokenOf(run.frameAt(first), 'first')).toMatchObject({ phase: 'initializing', coldStart: true });
    expect(run.frameAt(first).envs.chips).toEqual([
      { id: 'env-1', phase: 'initializing', provisioned: false, cold: true },
    ]);
    const initDone = run.find('env/init-done', 'first');
    expect(tokenOf(run.frameAt(initDone), 'first')).toMatchObject({ phase: 'running', coldStart: false });
    expect(run.frameAt(initDone).envs.chips[0]).toMatchObject({ phase: 'busy', cold: true });

    const second = run.find('invoke/started', 'second');
    expect(tokenOf(run.frameAt(second), 'second')).toMatchObject({
      node: 'function',
      phase: 'running',
      coldStart: false,
    });
    expect(run.frameAt(second).envs.chips).toEqual([
      { id: 'env-1', phase: 'busy', provisioned: false, cold: false },
    ]);
    expect(run.log.filter((e) => e.type === 'env/cold-start')).toHaveLength(1);
  });

  it('§4.scaling burst-scaling: too many for tokens; 1,000 answered 200 and 2,000 throttled with 429', () => {
    const run = diagramRun('burst-scaling');
    const responses = run.log.filter((e) => e.type === 'sync/response');
    const ok = responses.filter((e) => e.data?.statusCode === 200).length;
    const throttled = responses.filter((e) => e.data?.statusCode === 429).length;
    expect([ok, throttled]).toEqual([1000, 2000]);

    const end = run.frameAt(last(run));
    expect(end.tokens).toBeNull();
    expect(end.inPlay).toBe(3000);
    expect(end.nodes['caller:clients']!.byPhase).toEqual({ success: ok, throttled });
    expect(end.envs.counts).toEqual({ initializing: 0, busy: 0, idle: ok, reaped: 0 });
    expect(end.envs.chips).toHaveLength(12);

    // Once every request has been answered or started, the started ones are all initialising.
    const lastRefusal = run.log.findLastIndex(
      (e) => e.type === 'sync/response' && e.data?.statusCode === 429,
    );
    const started = run.log.slice(0, lastRefusal + 1).filter((e) => e.type === 'invoke/started').length;
    const inits = run.log.slice(0, lastRefusal + 1).filter((e) => e.type === 'env/init-done').length;
    const mid = run.frameAt(lastRefusal);
    expect(mid.envs.counts.initializing + mid.envs.counts.busy).toBe(started);
    expect(mid.envs.counts.busy).toBe(inits);
    expect(mid.nodes.function!.present).toBe(started);
    expect(mid.nodes['caller:clients']!.byPhase).toEqual({ throttled });
  });
});
