/**
 * React's view of a store. The page has one store (`simStore`); a comparison shows several runs at
 * once, each pane with its own store, so components read the store of the nearest
 * `SimStoreContext.Provider` and fall back to the page's.
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { simStore, type SimStore } from './simStore';
import type { SimStoreState } from './types';

/** The store the components below it read (the page's store when no provider is above). */
export const SimStoreContext = createContext<SimStore>(simStore);

/** The store the calling component belongs to, for actions and subscriptions. */
export function useSimStoreApi(): SimStore {
  return useContext(SimStoreContext);
}

/** Selects a value from the component's store; select primitives or stable references, not fresh arrays. */
export function useSimStore<T>(selector: (state: SimStoreState) => T): T {
  return useStore(useSimStoreApi(), selector);
}
