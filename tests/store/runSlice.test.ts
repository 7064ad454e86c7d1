/** The run slice (loading, results, errors) and the selection slice. */
import { describe, expect, it } from 'vitest';
import { createSimStore } from '../../src/store/simStore';
import { loadedStore, presetRun } from './fixtures';

describe('run slice', () => {
  it('starts loading, and keeps the shown run while the next one loads', () => {
    const store = loadedStore();
    const { results, runId } = store.getState();
    store.getState().startRun('async-dlq', 7);
    expect(store.getState()).toMatchObject({ status: 'loading', presetId: 'async-dlq', seed: 7, runId });
    expect(store.getState().results).toBe(results);
  });

  it('finishing a run replaces results and log, bumps runId and resets the player to the end', () => {
    const store = loadedStore();
    store.getState().jumpToStart();
    store.getState().play();
    const next = presetRun('async-dlq');
    store.getState().finishRun(next);
    const s = store.getState();
    expect(s).toMatchObject({ status: 'ready', runId: 2, playing: false, cursor: next.log.length - 1 });
    expect(s.log).toBe(next.log);
  });

  it('an error is recorded for the user and stops the player', () => {
    const store = createSimStore();
    store.getState().failRun({ message: 'The simulation crashed.', issues: [] });
    expect(store.getState()).toMatchObject({ status: 'error', playing: false });
    expect(store.getState().error?.message).toBe('The simulation crashed.');
  });

  it('a store without a run ignores the player', () => {
    const store = createSimStore();
    store.getState().play();
    store.getState().stepForward();
    expect(store.getState()).toMatchObject({ playing: false, cursor: -1, clockMs: 0 });
  });
});

describe('selection slice', () => {
  it('selects, toggles and clears an item', () => {
    const store = loadedStore();
    store.getState().toggleItem('order-event');
    expect(store.getState().selectedItemId).toBe('order-event');
    store.getState().toggleItem('order-event');
    expect(store.getState().selectedItemId).toBeNull();
    store.getState().selectItem('order-event');
    expect(store.getState().selectedItemId).toBe('order-event');
  });

  it('a new run keeps the selection only if it has that item', () => {
    const store = loadedStore();
    store.getState().selectItem('order-event');
    store.getState().finishRun(presetRun('default'));
    expect(store.getState().selectedItemId).toBe('order-event');
    store.getState().finishRun(presetRun('sync-throttled'));
    expect(store.getState().selectedItemId).toBeNull();
  });
});
