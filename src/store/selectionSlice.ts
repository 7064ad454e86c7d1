/** The item the learner picked (to follow it through the timeline); null when none. */
import type { SliceCreator } from './types';

export interface SelectionSlice {
  selectedItemId: string | null;
  /** Selects an item, or clears the selection with null. */
  selectItem(id: string | null): void;
  /** Selects the item, or clears the selection if it was already selected. */
  toggleItem(id: string): void;
}

export const createSelectionSlice: SliceCreator<SelectionSlice> = (set) => ({
  selectedItemId: null,
  selectItem: (id) => set({ selectedItemId: id }),
  toggleItem: (id) => set((s) => ({ selectedItemId: s.selectedItemId === id ? null : id })),
});
