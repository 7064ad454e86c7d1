/**
 * The charts' colours, read from the page's CSS variables. The variables hold light-dark() pairs, which a
 * canvas cannot use, so each is resolved by giving it to a probe element's `color` and reading the
 * computed value back; the palette is read again whenever the theme changes (the `html[data-theme]`
 * switch or the system's prefers-color-scheme).
 */
import { useEffect, useState, type RefObject } from 'react';

export interface ChartPalette {
  line: string;
  fill: string;
  grid: string;
  text: string;
}

/** Used until the page's variables can be read (and where they cannot, as in tests). */
export const FALLBACK_PALETTE: ChartPalette = {
  line: '#1d4ed8',
  fill: 'rgba(29, 78, 216, 0.15)',
  grid: '#d4d8df',
  text: '#4f5663',
};

function resolve(probe: HTMLElement, variable: string, fallback: string): string {
  probe.style.color = `var(${variable})`;
  return getComputedStyle(probe).color || fallback;
}

/** `rgb(29, 78, 216)` → `rgba(29, 78, 216, 0.15)`; other forms are returned unchanged. */
export function withAlpha(color: string, alpha: number): string {
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(color);
  return m ? `rgba(${m[1]}, ${m[2]}, ${m[3]}, ${alpha})` : color;
}

/** Reads the palette with a probe element placed under `root` (so the root's variables apply). */
export function readPalette(root: HTMLElement): ChartPalette {
  const probe = document.createElement('span');
  probe.hidden = true;
  root.append(probe);
  try {
    const line = resolve(probe, '--link', FALLBACK_PALETTE.line);
    return {
      line,
      fill: withAlpha(line, 0.15),
      grid: resolve(probe, '--border', FALLBACK_PALETTE.grid),
      text: resolve(probe, '--text-muted', FALLBACK_PALETTE.text),
    };
  } finally {
    probe.remove();
  }
}

/** Calls `onChange` whenever the page's theme may have changed; returns the unsubscribe. */
export function watchTheme(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  const media = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
  media?.addEventListener('change', onChange);
  return () => {
    observer.disconnect();
    media?.removeEventListener('change', onChange);
  };
}

/** The palette under `rootRef`, kept current with the theme. */
export function useChartPalette(rootRef: RefObject<HTMLElement | null>): ChartPalette {
  const [palette, setPalette] = useState(FALLBACK_PALETTE);
  useEffect(() => {
    const read = () => {
      const root = rootRef.current;
      if (!root) return;
      const next = readPalette(root);
      setPalette((prev) =>
        prev.line === next.line && prev.grid === next.grid && prev.text === next.text ? prev : next,
      );
    };
    read();
    return watchTheme(read);
  }, [rootRef]);
  return palette;
}
