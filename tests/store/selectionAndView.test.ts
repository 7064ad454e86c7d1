/** The selection slice (an item or a diagram node, never both), the view slice (the theme), and what a finished run brings. */
import { describe, expect, it } from 'vitest';
import { buildFlowIndex } from '../../src/diagram/flowIndex';
import { buildTopology } from '../../src/diagram/topology';
import { selectFlowModel } from '../../src/store/diagram/flowSelectors';
import { createSimStore } from '../../src/store/simStore';
import { loadedStore, presetRun } from './fixtures';

describe('selection', () => {
  it('selecting a node clears the selected item, and the other way round', () => {
    const store = loadedStore('default');
    store.getState().selectItem('order-event');
    store.getState().selectNode('async-queue');
    expect(store.getState()).toMatchObject({ selectedItemId: null, selectedNodeId: 'async-queue' });
    store.getState().toggleItem('order-event');
    expect(store.getState()).toMatchObject({ selectedItemId: 'order-event', selectedNodeId: null });
    store.getState().clearSelection();
    expect(store.getState()).toMatchObject({ selectedItemId: null, selectedNodeId: null });
  });

  it('a new run of the same scenario keeps the selected node; another scenario drops it', () => {
    const store = loadedStore('default');
    store.getState().selectNode('async-queue');
    store.getState().finishRun(presetRun('default'));
    expect(store.getState().selectedNodeId).toBe('async-queue');
    store.getState().finishRun(presetRun('sync-success'));
    expect(store.getState().selectedNodeId).toBeNull();
  });
});

describe('view', () => {
  it('the theme starts as the system’s and follows the user’s choice', () => {
    const store = createSimStore();
    expect(store.getState().theme).toBe('system');
    store.getState().setTheme('dark');
    expect(store.getState().theme).toBe('dark');
  });
});

describe('opening a run', () => {
  it('opens at the start (before the first event) when asked, at the end otherwise', () => {
    const store = createSimStore();
    store.getState().finishRun(presetRun('default'), { atStart: true });
    expect(store.getState()).toMatchObject({ cursor: -1, clockMs: 0 });
    store.getState().finishRun(presetRun('default'));
    expect(store.getState().cursor).toBe(presetRun('default').log.length - 1);
  });
});

describe('the diagram’s index', () => {
  it('is the one the worker sent with the run when there is one, and is built from the log otherwise', () => {
    const run = presetRun('default');
    const sent = buildFlowIndex(run.scenario, buildTopology(run.scenario), run.results, run.log);
    const store = createSimStore();
    store.getState().finishRun({ ...run, log: [...run.log], flowIndex: sent });
    expect(selectFlowModel(store.getState())!.index).toBe(sent);

    const other = createSimStore();
    other.getState().finishRun({ ...run, log: [...run.log] });
    const built = selectFlowModel(other.getState())!.index;
    expect(built).not.toBe(sent);
    expect(built).toEqual(sent);
  });
});
