/**
 * The colour theme: the system's by default, or light or dark as the user picks. The choice is kept in
 * localStorage and applied as `<html data-theme>`, which the stylesheet's `color-scheme` follows.
 */
import { useCallback, useEffect, useState } from 'react';

export type Theme = 'system' | 'light' | 'dark';
export const THEMES: readonly Theme[] = ['system', 'light', 'dark'];
const KEY = 'lambda-visualizer.theme';

function stored(): Theme {
  try {
    const value = window.localStorage.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system'; // storage disabled: the system's theme
  }
}

/** The current theme and a setter that remembers it. */
export function useTheme(): [Theme, (theme: Theme) => void] {
  const [theme, setThemeState] = useState<Theme>(stored);
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
  }, [theme]);
  const setTheme = useCallback((next: Theme) => {
    setThemeState(next);
    try {
      if (next === 'system') window.localStorage.removeItem(KEY);
      else window.localStorage.setItem(KEY, next);
    } catch {
      // Not remembered; it still applies to this page.
    }
  }, []);
  return [theme, setTheme];
}
