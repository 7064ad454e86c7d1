/**
 * The colour theme lives in the store (view slice); this hook loads the user's choice from localStorage
 * once, then applies every change as `<html data-theme>` (which the stylesheet's `color-scheme` follows)
 * and remembers it.
 */
import { useEffect, useState } from 'react';
import { simStore } from '../store/simStore';
import { useSimStore } from '../store/useSimStore';
import type { Theme } from '../store/viewSlice';

const KEY = 'lambda-visualizer.theme';

function stored(): Theme {
  try {
    const value = window.localStorage.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system'; // storage disabled: the system's theme
  }
}

/** The current theme and its setter; the first call loads the remembered choice. */
export function useTheme(): [Theme, (theme: Theme) => void] {
  // Loaded before the first render, so the page never shows the other theme first.
  useState(() => simStore.getState().setTheme(stored()));
  const theme = useSimStore((s) => s.theme);
  const setTheme = useSimStore((s) => s.setTheme);
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
    try {
      if (theme === 'system') window.localStorage.removeItem(KEY);
      else window.localStorage.setItem(KEY, theme);
    } catch {
      // Not remembered; it still applies to this page.
    }
  }, [theme]);
  return [theme, setTheme];
}
