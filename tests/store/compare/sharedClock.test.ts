/** One player for several runs: the merged timeline, each pane's cursor, and panes following the shared store. */
import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../../src/engine/types';
import { linkPanes } from '../../../src/store/compare/linkPanes';
import { mergeTimelines, paneCursor, sharedCursor } from '../../../src/store/compare/sharedTimeline';
import { createSimStore } from '../../../src/store/simStore';
import { selectFlowFrame } from '../../../src/store/diagram/flowSelectors';
import { loadedStore, presetRun } from '../fixtures';

function ev(t: number, seq: number): SimEvent {
  return { seq, t, type: 'x', rule: '§1.1' };
}

describe('mergeTimelines', () => {
  it('orders every event by time, the earlier pane first at equal times, and remembers each one’s pane', () => {
    const a = [ev(0, 0), ev(5, 1), ev(5, 2), ev(9, 3)];
    const b = [ev(1, 0), ev(5, 1), ev(20, 2)];
    const t = mergeTimelines([a, b]);
    expect(t.log.map((e) => e.t)).toEqual([0, 1, 5, 5, 5, 9, 20]);
    expect([...t.pane]).toEqual([0, 1, 0, 0, 1, 0, 1]);
    expect(t.log[4]).toBe(b[1]);
  });

  it('gives each pane the last of its events at or before the shared cursor', () => {
    const t = mergeTimelines([
      [ev(0, 0), ev(5, 1), ev(9, 2)],
      [ev(1, 0), ev(7, 1)],
    ]);
    // shared: a0 b0 a1 b1 a2
    expect([-1, 0, 1, 2, 3, 4].map((c) => paneCursor(t, 0, c))).toEqual([-1, 0, 0, 1, 1, 2]);
    expect([-1, 0, 1, 2, 3, 4].map((c) => paneCursor(t, 1, c))).toEqual([-1, -1, 0, 0, 1, 1]);
    expect(sharedCursor(t, 1, 1)).toBe(3);
    expect(sharedCursor(t, 0, -1)).toBe(-1);
  });
});

describe('panes linked to the shared player', () => {
  function comparison() {
    const runs = [presetRun('async-retries-exhausted'), presetRun('sync-success')];
    const panes = runs.map((r, i) => loadedStore(i === 0 ? 'async-retries-exhausted' : 'sync-success'));
    const timeline = mergeTimelines(runs.map((r) => r.log));
    const shared = createSimStore();
    shared.getState().startRun('comparison', 1);
    shared.getState().finishRun(
      {
        results: { ...runs[0]!.results, items: [], invocations: [] },
        log: timeline.log,
        scenario: runs[0]!.scenario,
      },
      { atStart: true },
    );
    const unlink = linkPanes(shared, panes, timeline);
    return { runs, panes, shared, unlink };
  }

  it('start at the start with the shared player and show the events stepped through', () => {
    const { panes, shared, runs } = comparison();
    expect(panes.map((p) => p.getState().cursor)).toEqual([-1, -1]);
    for (let i = 0; i < 6; i++) shared.getState().stepForward();
    const shown = panes.map((p) => p.getState().cursor + 1);
    expect(shown[0]! + shown[1]!).toBe(6);
    const clock = shared.getState().clockMs;
    panes.forEach((p, i) => {
      const s = p.getState();
      expect(s.clockMs).toBe(clock);
      if (s.cursor >= 0) expect(runs[i]!.log[s.cursor]!.t).toBeLessThanOrEqual(clock);
    });
  });

  it('a seek moves every pane to its own moment, and the diagram frame of each pane follows', () => {
    const { panes, shared, runs } = comparison();
    shared.getState().seekToTime(61_000);
    panes.forEach((p, i) => {
      const log = runs[i]!.log;
      const c = p.getState().cursor;
      expect(log[c]!.t).toBeLessThanOrEqual(61_000);
      if (c + 1 < log.length) expect(log[c + 1]!.t).toBeGreaterThan(61_000);
    });
    const before = selectFlowFrame(panes[0]!.getState());
    shared.getState().jumpToEnd();
    expect(panes[0]!.getState().cursor).toBe(runs[0]!.log.length - 1);
    expect(selectFlowFrame(panes[0]!.getState())).not.toBe(before);
  });

  it('stops following once unlinked', () => {
    const { panes, shared, unlink } = comparison();
    unlink();
    shared.getState().jumpToEnd();
    expect(panes[0]!.getState().cursor).toBe(-1);
  });
});
