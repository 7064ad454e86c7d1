/**
 * What the learner picked to follow: an item (a token, a row) or a component of the diagram (a node).
 * At most one of the two is selected; picking one clears the other.
 */
import type { SliceCreator } from './types';

export interface SelectionSlice {
  selectedItemId: string | null;
  /** A diagram node's id (see src/diagram/topology.ts), or null. */
  selectedNodeId: string | null;
  /** Selects an item, or clears the selection with null. */
  selectItem(id: string | null): void;
  /** Selects the item, or clears the selection if it was already selected. */
  toggleItem(id: string): void;
  /** Selects a diagram node, or clears the selection with null. */
  selectNode(id: string | null): void;
  /** Clears any selection. */
  clearSelection(): void;
}

export const createSelectionSlice: SliceCreator<SelectionSlice> = (set) => ({
  selectedItemId: null,
  selectedNodeId: null,
  selectItem: (id) => set({ selectedItemId: id, selectedNodeId: null }),
  toggleItem: (id) =>
    set((s) => ({ selectedItemId: s.selectedItemId === id ? null : id, selectedNodeId: null })),
  selectNode: (id) => set({ selectedNodeId: id, selectedItemId: null }),
  clearSelection: () => set({ selectedItemId: null, selectedNodeId: null }),
});
