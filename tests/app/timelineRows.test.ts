import { describe, expect, it } from 'vitest';
import { GAP_MS, timelineRows, type TimelineRow } from '../../src/app/timelineRows';
import { createSimulation } from '../../src/engine/simulation';
import type { SimEvent } from '../../src/engine/types';
import { getPreset } from '../../src/scenarios/presets';

function ev(seq: number, t: number): SimEvent {
  return { seq, t, type: 'test/event', rule: '§0' };
}

/** Rows as short strings: `e<seq>` for an event, `gap<ms>@<seq>` for a gap. */
function shape(rows: TimelineRow[]): string[] {
  return rows.map((r) => (r.kind === 'event' ? `e${r.event.seq}` : `gap${r.gapMs}@${r.beforeSeq}`));
}

describe('timelineRows', () => {
  it('the gap threshold is 5 s', () => {
    expect(GAP_MS).toBe(5000);
  });

  it('no events, no rows', () => {
    expect(timelineRows([])).toEqual([]);
    expect(timelineRows([], 1000)).toEqual([]);
  });

  it('events close together get no gap rows', () => {
    const events = [ev(0, 0), ev(1, 13), ev(2, 13), ev(3, 4000), ev(4, 4000 + GAP_MS - 1)];
    expect(shape(timelineRows(events))).toEqual(['e0', 'e1', 'e2', 'e3', 'e4']);
  });

  it('a quiet gap of exactly the threshold gets a gap row before the later event', () => {
    const rows = timelineRows([ev(0, 100), ev(1, 100 + GAP_MS)]);
    expect(shape(rows)).toEqual(['e0', `gap${GAP_MS}@1`, 'e1']);
    expect(rows[1]).toEqual({ kind: 'gap', gapMs: GAP_MS, beforeSeq: 1 });
  });

  it('one ms under the threshold gets none', () => {
    expect(shape(timelineRows([ev(0, 100), ev(1, 100 + GAP_MS - 1)]))).toEqual(['e0', 'e1']);
  });

  it('every quiet gap gets its own row with its length', () => {
    const events = [ev(0, 0), ev(1, 60_000), ev(2, 60_500), ev(3, 180_500)];
    expect(shape(timelineRows(events))).toEqual(['e0', 'gap60000@1', 'e1', 'e2', 'gap120000@3', 'e3']);
  });

  it('the first event gets no gap row, however late it is, unless a previous time is given', () => {
    expect(shape(timelineRows([ev(0, 90_000)]))).toEqual(['e0']);
    expect(shape(timelineRows([ev(7, 90_000)], 1000))).toEqual(['gap89000@7', 'e7']);
    expect(shape(timelineRows([ev(7, 3000)], 1000))).toEqual(['e7']);
  });

  it('a previous time of 0 counts (it is not "no previous event")', () => {
    expect(shape(timelineRows([ev(1, GAP_MS)], 0))).toEqual([`gap${GAP_MS}@1`, 'e1']);
  });

  it('chunked rendering gives the same rows as rendering all at once', () => {
    const events = [ev(0, 0), ev(1, 10), ev(2, 70_010), ev(3, 70_020), ev(4, 200_000), ev(5, 200_001)];
    const whole = timelineRows(events);
    for (let cut = 1; cut < events.length; cut++) {
      const first = timelineRows(events.slice(0, cut));
      const rest = timelineRows(events.slice(cut), events[cut - 1]!.t);
      expect([...first, ...rest], `cut at ${cut}`).toEqual(whole);
    }
  });

  it('keeps every event, in order, as the same object', () => {
    const events = [ev(0, 0), ev(1, 9000), ev(2, 9001)];
    const rows = timelineRows(events);
    const kept = rows.flatMap((r) => (r.kind === 'event' ? [r.event] : []));
    expect(kept).toHaveLength(3);
    kept.forEach((e, i) => expect(e).toBe(events[i]));
  });

  it('in a real run, the gaps are the async retry waits (≈60 s, then ≈2 min)', () => {
    const sim = createSimulation(getPreset('async-retries-exhausted')!);
    sim.run();
    const rows = timelineRows(sim.log());
    const gaps = rows.filter((r) => r.kind === 'gap');
    expect(gaps.length).toBeGreaterThanOrEqual(2);
    const byLength = gaps.map((g) => g.gapMs).sort((a, b) => b - a);
    // The two longest quiet spells are the two retry waits.
    expect(byLength[0]).toBeGreaterThan(110_000);
    expect(byLength[1]).toBeGreaterThan(55_000);
    for (const gap of gaps) {
      const index = rows.indexOf(gap);
      const before = rows[index - 1];
      const after = rows[index + 1];
      expect(before?.kind).toBe('event');
      expect(after?.kind).toBe('event');
      if (before?.kind === 'event' && after?.kind === 'event') {
        expect(after.event.seq).toBe(gap.beforeSeq);
        expect(after.event.t - before.event.t).toBe(gap.gapMs);
      }
    }
  });
});
