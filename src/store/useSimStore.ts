/** React's view of the page's store: `useSimStore((s) => s.cursor)` re-renders only when that value changes. */
import { useStore } from 'zustand';
import { simStore } from './simStore';
import type { SimStoreState } from './types';

/** Selects a value from the page's store; select primitives or stable references, not fresh arrays. */
export function useSimStore<T>(selector: (state: SimStoreState) => T): T {
  return useStore(simStore, selector);
}
