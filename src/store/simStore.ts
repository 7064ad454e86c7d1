/**
 * The app's one store, made of slices (run with its scenario, playback, selection, view). Vanilla zustand, so the player's
 * logic runs and is tested without React; `useSimStore` binds it to components.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createPlaybackSlice } from './playbackSlice';
import { createRunSlice } from './runSlice';
import { createSelectionSlice } from './selectionSlice';
import { createViewSlice } from './viewSlice';
import type { SimStoreState } from './types';

export type SimStore = StoreApi<SimStoreState>;

/** A fresh store (tests make their own; the app uses `simStore`). */
export function createSimStore(): SimStore {
  return createStore<SimStoreState>()((...a) => ({
    ...createRunSlice(...a),
    ...createPlaybackSlice(...a),
    ...createSelectionSlice(...a),
    ...createViewSlice(...a),
  }));
}

/** The store the page uses. */
export const simStore: SimStore = createSimStore();
