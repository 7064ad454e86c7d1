/** The hop the current event made, for the diagram's caption and lit edges (§2.1, §2.2, §3.2). */
import { describe, expect, it } from 'vitest';
import { diagramRun } from './fixtures';

describe('the current event’s moves', () => {
  it('§2.1 default: queuing moves the event from the Lambda service to the async queue, along that edge', () => {
    const run = diagramRun('default');
    const frame = run.frameAt(run.find('async/queued'));
    expect(frame.moves).toEqual([{ from: 'lambda', to: 'async-queue', items: 1 }]);
    expect(frame.activeEdges).toEqual(['lambda->async-queue']);
  });

  it('§2.2 default: a retry moves the event back from the function to the queue (the edge lit, reversed)', () => {
    const run = diagramRun('default');
    const frame = run.frameAt(run.find('async/retry-scheduled'));
    expect(frame.moves).toEqual([{ from: 'function', to: 'async-queue', items: 1 }]);
    expect(frame.activeEdges).toEqual(['async-queue->function']);
  });

  it('§3.2 sqs-partial-batch-failure: a receive moves the whole batch into the poller, counted once', () => {
    const run = diagramRun('sqs-partial-batch-failure');
    const frame = run.frameAt(run.find('sqs/received'));
    expect(frame.moves).toEqual([{ from: 'sqs:orders', to: 'poller:orders', items: 5 }]);
  });

  it('an event that moves nothing (the 202 answer) lights nothing', () => {
    const run = diagramRun('default');
    const frame = run.frameAt(run.find('async/accepted'));
    expect(frame.moves).toEqual([]);
    expect(frame.activeEdges).toEqual([]);
  });
});
