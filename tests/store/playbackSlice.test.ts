/** The playback slice: play/pause, steps, jumps, seeks and speeds on a loaded run (the default preset). */
import { describe, expect, it } from 'vitest';
import { SKIP_LEAD_REAL_MS, SPEEDS } from '../../src/store/playback';
import { selectAtEnd, selectItemStates, selectMetrics, selectShownEvents } from '../../src/store/selectors';
import type { SimStoreState } from '../../src/store/types';
import { loadedStore, presetRun } from './fixtures';

const { log } = presetRun('default');
const last = log.length - 1;
const END_MS = 182_663;

/** Everything the page derives from the store at one moment. */
function view(s: SimStoreState) {
  return {
    events: selectShownEvents(s).map((e) => e.seq),
    items: selectItemStates(s),
    metrics: selectMetrics(s),
    cursor: s.cursor,
    clockMs: s.clockMs,
  };
}

describe('a loaded run', () => {
  it('opens at the end, paused, with the whole story shown', () => {
    const s = loadedStore().getState();
    expect(s.cursor).toBe(last);
    expect(s.clockMs).toBe(END_MS);
    expect(s.playing).toBe(false);
    expect(selectAtEnd(s)).toBe(true);
  });

  it('opens at a moment from a link: the last event at or before it', () => {
    const s = loadedStore('default', 61_063).getState();
    expect(s.cursor).toBe(11);
    expect(log[11]!.type).toBe('invoke/started');
    expect(s.clockMs).toBe(61_063);
  });

  it('clamps a moment beyond the end to the end', () => {
    const s = loadedStore('default', 10 ** 9).getState();
    expect(s.clockMs).toBe(END_MS);
    expect(s.cursor).toBe(last);
  });
});

describe('steps and jumps', () => {
  it('stepForward shows the next event and moves the clock to its time', () => {
    const store = loadedStore();
    store.getState().jumpToStart();
    expect(store.getState()).toMatchObject({ cursor: -1, clockMs: 0 });
    store.getState().stepForward();
    expect(store.getState()).toMatchObject({ cursor: 0, clockMs: 0 });
    for (let i = 0; i < 9; i++) store.getState().stepForward();
    expect(store.getState()).toMatchObject({ cursor: 9, clockMs: 1_063 });
  });

  it('stepBack then stepForward returns to the same derived state, at every event', () => {
    const store = loadedStore();
    store.getState().jumpToStart();
    for (let i = 0; i <= last; i++) {
      store.getState().stepForward();
      const before = view(store.getState());
      store.getState().stepBack();
      store.getState().stepForward();
      expect(view(store.getState())).toEqual(before);
    }
  });

  it('going back shows exactly what going forward showed', () => {
    const store = loadedStore();
    store.getState().jumpToStart();
    const forward = [view(store.getState())];
    for (let i = 0; i <= last; i++) {
      store.getState().stepForward();
      forward.push(view(store.getState()));
    }
    for (let i = last; i >= -1; i--) {
      expect(view(store.getState())).toEqual(forward[i + 1]);
      store.getState().stepBack();
    }
  });

  it('steps stop at both ends', () => {
    const store = loadedStore();
    store.getState().stepForward();
    expect(store.getState().cursor).toBe(last);
    store.getState().jumpToStart();
    store.getState().stepBack();
    expect(store.getState()).toMatchObject({ cursor: -1, clockMs: 0 });
  });

  it('jumpBy moves ten events either way, clamped', () => {
    const store = loadedStore();
    store.getState().jumpToStart();
    store.getState().jumpBy(10);
    expect(store.getState().cursor).toBe(9);
    store.getState().jumpBy(10);
    expect(store.getState().cursor).toBe(last);
    store.getState().jumpBy(-100);
    expect(store.getState().cursor).toBe(-1);
  });

  it('a step pauses the player', () => {
    const store = loadedStore();
    store.getState().jumpToStart();
    store.getState().play();
    store.getState().stepForward();
    expect(store.getState().playing).toBe(false);
  });
});

describe('seeking', () => {
  it('seekToTime puts the cursor on the last event at or before the moment', () => {
    const store = loadedStore();
    store.getState().seekToTime(30_000);
    expect(store.getState()).toMatchObject({ cursor: 9, clockMs: 30_000 });
    // Time 0 already has four events (arrival, request, 202, queued); jumpToStart shows none.
    store.getState().seekToTime(-5);
    expect(store.getState()).toMatchObject({ cursor: 3, clockMs: 0 });
    store.getState().seekToTime(10 ** 9);
    expect(store.getState()).toMatchObject({ cursor: last, clockMs: END_MS });
  });

  it('seekToEvent puts the clock at the event time', () => {
    const store = loadedStore();
    store.getState().seekToEvent(12);
    expect(store.getState()).toMatchObject({ cursor: 12, clockMs: 61_863 });
    store.getState().seekToEvent(999);
    expect(store.getState().cursor).toBe(last);
  });

  it('a seek in the middle of a quiet stretch shows the same as the event before it', () => {
    const store = loadedStore();
    store.getState().seekToTime(30_000);
    const mid = view(store.getState());
    store.getState().seekToEvent(9);
    expect({ ...view(store.getState()), clockMs: 30_000 }).toEqual(mid);
  });
});

describe('play, pause and ticks', () => {
  it('play at the end starts again from the beginning', () => {
    const store = loadedStore();
    store.getState().play();
    expect(store.getState()).toMatchObject({ playing: true, cursor: -1, clockMs: 0 });
  });

  it('ticks move the clock only while playing', () => {
    const store = loadedStore();
    store.getState().jumpToStart();
    store.getState().tick(100);
    expect(store.getState().clockMs).toBe(0);
    store.getState().toggle();
    store.getState().tick(100);
    expect(store.getState()).toMatchObject({ clockMs: 100, cursor: 6, playing: true });
    store.getState().toggle();
    expect(store.getState().playing).toBe(false);
  });

  it('records a skip of quiet time, and stops at the end', () => {
    const store = loadedStore();
    store.getState().seekToEvent(9);
    store.getState().play();
    store.getState().tick(16);
    const { lastSkip, clockMs } = store.getState();
    expect(clockMs).toBe(61_063 - SKIP_LEAD_REAL_MS);
    expect(lastSkip).toEqual({ skippedMs: 61_063 - SKIP_LEAD_REAL_MS - 1_079, serial: 1 });
    store.getState().setSpeed(1000);
    for (let i = 0; i < 100 && store.getState().playing; i++) store.getState().tick(100);
    expect(store.getState()).toMatchObject({ playing: false, cursor: last, clockMs: END_MS });
  });
});

describe('speed', () => {
  it('starts at 1× and moves through the allowed speeds, within bounds', () => {
    const store = loadedStore();
    expect(store.getState().speed).toBe(1);
    for (let i = 0; i < 20; i++) store.getState().faster();
    expect(store.getState().speed).toBe(1000);
    for (let i = 0; i < 20; i++) store.getState().slower();
    expect(store.getState().speed).toBe(0.1);
    store.getState().setSpeed(7);
    expect(store.getState().speed).toBe(5);
    expect(SPEEDS).toContain(store.getState().speed);
  });
});
