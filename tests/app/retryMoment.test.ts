/** Try again after a failed run: which requests count as the same run, and the moment the retry opens at. */
import { describe, expect, it } from 'vitest';
import { playerMoment, sameRun, type RunRequestState } from '../../src/app/useSimulationRun';
import { loadedStore, presetRun } from '../store/fixtures';

describe('playerMoment: a new run of the same scenario opens where the player stood', () => {
  /** Puts the player somewhere, then finishes the same run again with playerMoment's options. */
  function roundTrip(move: (store: ReturnType<typeof loadedStore>) => void) {
    const store = loadedStore('async-retries-exhausted');
    move(store);
    const before = store.getState();
    const at = { cursor: before.cursor, clockMs: before.clockMs };
    store.getState().failRun({ message: 'The simulation worker crashed.', issues: [] });
    store.getState().finishRun(presetRun('async-retries-exhausted'), playerMoment(store.getState()));
    const after = store.getState();
    return { at, after: { cursor: after.cursor, clockMs: after.clockMs } };
  }

  it('an event in the middle of the run', () => {
    const { at, after } = roundTrip((s) => s.getState().seekToEvent(5));
    expect(at.cursor).toBe(5);
    expect(after).toEqual(at);
  });

  it('a moment between events (the clock after the cursor’s event)', () => {
    const { log } = presetRun('async-retries-exhausted');
    const between = (log[3]!.t + log[4]!.t) / 2;
    expect(log[4]!.t).toBeGreaterThan(log[3]!.t);
    const { at, after } = roundTrip((s) => s.getState().seekToTime(between));
    expect(at).toEqual({ cursor: 3, clockMs: between });
    expect(after).toEqual(at);
  });

  it('an earlier one of several events in one millisecond', () => {
    const { log } = presetRun('async-retries-exhausted');
    const shared = log.findIndex((e, i) => i + 1 < log.length && log[i + 1]!.t === e.t);
    expect(shared).toBeGreaterThanOrEqual(0);
    const { at, after } = roundTrip((s) => s.getState().seekToEvent(shared));
    expect(at.cursor).toBe(shared);
    expect(after).toEqual(at);
  });

  it('the start and the end', () => {
    expect(roundTrip((s) => s.getState().jumpToStart()).after).toEqual({ cursor: -1, clockMs: 0 });
    const end = roundTrip((s) => s.getState().jumpToEnd());
    expect(end.after).toEqual(end.at);
    expect(playerMoment(loadedStore('async-retries-exhausted').getState())).toEqual({});
  });

  it('a failed run leaves the shown run and its moment in the store', () => {
    const store = loadedStore('async-retries-exhausted');
    store.getState().seekToEvent(5);
    const { log, results, cursor, clockMs } = store.getState();
    store.getState().startRun('default', 1);
    store.getState().failRun({ message: 'The simulation worker crashed.', issues: [] });
    expect(store.getState()).toMatchObject({ status: 'error', log, results, cursor, clockMs });
  });
});

describe('sameRun: Try again is the same request with a new nonce', () => {
  const custom = { scenario: { id: 'x' }, title: 'x (edited)', origin: 'Edited in the scenario editor.' };
  const base: RunRequestState = { presetId: 'default', seed: 7, nonce: 3, custom };

  it('a new nonce or moment is the same run', () => {
    expect(sameRun(base, { ...base, nonce: 4 })).toBe(true);
    expect(sameRun(base, { ...base, nonce: 4, atMs: 500 })).toBe(true);
  });

  it('another seed, preset or scenario is not', () => {
    expect(sameRun(base, { ...base, seed: 8 })).toBe(false);
    expect(sameRun(base, { ...base, presetId: 'async-dlq' })).toBe(false);
    expect(sameRun(base, { ...base, custom: { ...custom } })).toBe(false);
    const { custom: _custom, ...preset } = base;
    expect(sameRun(base, preset)).toBe(false);
  });
});
