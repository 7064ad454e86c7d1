/** How the page is shown, apart from the run: the colour theme (presenter and embed modes join it later). */
import type { SliceCreator } from './types';

export type Theme = 'system' | 'light' | 'dark';
export const THEMES: readonly Theme[] = ['system', 'light', 'dark'];

export interface ViewSlice {
  /** The colour theme: the system's, or one the user picked. */
  theme: Theme;
  setTheme(theme: Theme): void;
}

export const createViewSlice: SliceCreator<ViewSlice> = (set) => ({
  theme: 'system',
  setTheme: (theme) => set({ theme }),
});
