/** Selectors: what the page shows at a cursor, derived from the results and the log alone. */
import { describe, expect, it } from 'vitest';
import { outcomeTallyAt } from '../../src/store/itemTally';
import { MARKER_KINDS, markerKind, markerLayout } from '../../src/store/markers';
import {
  deliveriesAt,
  itemStateAt,
  metricsAt,
  selectCurrentEvent,
  selectDeliveries,
  selectItemStates,
  selectShownEvents,
  shownMs,
} from '../../src/store/selectors';
import { loadedStore, presetRun } from './fixtures';

const { results, log } = presetRun('default');
const item = results.items[0]!;

describe('item state at a moment (default preset: two failures, then success)', () => {
  it('does not exist before it arrives', () => {
    expect(itemStateAt(item, -1)).toBeNull();
  });

  it('is in flight with an attempt in flight while attempt 1 runs', () => {
    const s = itemStateAt(item, 500)!;
    expect(s.outcome).toBe('in-flight');
    expect(s.endedMs).toBeNull();
    expect(s.attempts).toEqual([expect.objectContaining({ startMs: 13, endMs: null, result: 'in-flight' })]);
    expect(s.response).toEqual({ statusCode: 202 }); // async: accepted at once
    expect(s.deliveries).toEqual([]);
  });

  it('shows the first failure during the retry wait, and the second attempt once it starts', () => {
    expect(itemStateAt(item, 30_000)!.attempts.map((a) => a.result)).toEqual(['error']);
    expect(itemStateAt(item, 61_063)!.attempts.map((a) => a.result)).toEqual(['error', 'in-flight']);
  });

  it('is its final self once it has ended, the same object', () => {
    expect(itemStateAt(item, 182_663)).toBe(item);
    expect(item.outcome).toBe('succeeded');
  });

  it('deliveries appear when they are made', () => {
    expect(deliveriesAt(results.items, 182_662)).toEqual([]);
    expect(deliveriesAt(results.items, 182_663)).toHaveLength(1);
  });
});

describe('metrics at a cursor', () => {
  it('are zero before the first event and the final metrics at the last', () => {
    const zero = metricsAt(results, log, -1);
    expect(Object.values(zero).every((v) => v === 0)).toBe(true);
    expect(metricsAt(results, log, log.length - 1)).toEqual(results.metrics);
  });

  it('count the first failure when its event is shown', () => {
    const failed = log.findIndex((e) => e.type === 'invoke/failed');
    expect(metricsAt(results, log, failed - 1)).toMatchObject({ Invocations: 0, Errors: 0 });
    expect(metricsAt(results, log, failed)).toMatchObject({ Invocations: 1, Errors: 1, DurationMaxMs: 800 });
  });

  it('equal the final metrics at the end of every preset with a big log (checkpoints)', () => {
    for (const id of ['burst-scaling', 'kinesis-poison-blocks-shard']) {
      const run = presetRun(id);
      expect(metricsAt(run.results, run.log, run.log.length - 1)).toEqual(run.results.metrics);
      const mid = Math.floor(run.log.length / 2);
      expect(metricsAt(run.results, run.log, mid)).toEqual(metricsAt(run.results, run.log, mid)); // cached
    }
  });
});

describe('store selectors', () => {
  it('show the events up to the cursor, and the current one', () => {
    const store = loadedStore('default', 61_063);
    const s = store.getState();
    expect(selectShownEvents(s)).toHaveLength(12);
    expect(selectCurrentEvent(s)?.type).toBe('invoke/started');
    expect(selectItemStates(s)[0]?.attempts).toHaveLength(2);
    expect(selectDeliveries(s)).toEqual([]);
    store.getState().jumpToStart();
    expect(selectCurrentEvent(store.getState())).toBeNull();
    expect(selectItemStates(store.getState())).toEqual([]);
  });

  it('depend only on the log and the cursor: two stores at one cursor agree', () => {
    const a = loadedStore();
    const b = loadedStore('default', 0);
    a.getState().seekToEvent(12);
    b.getState().jumpToStart();
    for (let i = 0; i < 14; i++) b.getState().stepForward();
    b.getState().stepBack();
    expect(b.getState().cursor).toBe(12);
    expect(selectItemStates(b.getState())).toEqual(selectItemStates(a.getState()));
    expect(shownMs(log, a.getState().cursor)).toBe(61_863);
  });
});

describe('outcome tally', () => {
  it('counts arrived items by outcome at a moment (burst: 2,000 throttled at once)', () => {
    const { results: burst } = presetRun('burst-scaling');
    expect(outcomeTallyAt(burst.items, -1)).toEqual({ arrived: 0, counts: new Map() });
    const end = outcomeTallyAt(burst.items, burst.endMs);
    expect(end.arrived).toBe(3000);
    expect(end.counts.get('succeeded')).toBe(1000);
    expect(end.counts.get('throttled')).toBe(2000);
  });
});

describe('markers', () => {
  it('mark retries, failures, deliveries and successes of the default run', () => {
    const kinds = log.map(markerKind).filter(Boolean);
    expect(kinds).toEqual(['failure', 'retry', 'failure', 'retry', 'success', 'delivery']);
    const layout = markerLayout(log, 182_663);
    expect(layout.kinds).toEqual(['failure', 'retry', 'delivery', 'success']);
    expect(layout.buckets.every((b) => b.at >= 0 && b.at <= 1)).toBe(true);
  });

  it('gather a big log into at most one shape per kind and bucket', () => {
    const run = presetRun('kinesis-poison-blocks-shard');
    const layout = markerLayout(run.log, run.results.endMs, 100);
    expect(layout.buckets.length).toBeLessThanOrEqual(100 * MARKER_KINDS.length);
    const total = layout.buckets.reduce((n, b) => n + b.count, 0);
    expect(total).toBe(Object.values(layout.totals).reduce((a, b) => a + b, 0));
  });
});
