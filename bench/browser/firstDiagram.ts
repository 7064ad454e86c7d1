/**
 * Time to the first diagram: from navigation start to the first animation frame in which a
 * `.pipeline-node` of the diagram is in the page and visible, on the default page `/`, each load in a
 * fresh browser context (empty cache, no service worker) as a first visit. Also collects every JavaScript
 * file the page fetched until then, for the size of what the first screen really loads.
 */
import type { Browser } from '@playwright/test';
import type { BenchRow } from '../benchRow';
import { gzipSize } from './firstLoadSize';
import { freshContext } from './launch';
import { median, range, round } from './stats';

/**
 * Runs in the page before its scripts: notes the frame in which the first diagram node shows, and which
 * JavaScript files (the worker's included) had arrived by then, from the page's resource timing.
 */
const WATCH_FIRST_NODE = `
  globalThis.__firstDiagram = null;
  const seen = () => {
    const node = document.querySelector('[data-testid="diagram"] .pipeline-node');
    return node !== null && node.checkVisibility() && node.getBoundingClientRect().width > 0;
  };
  const tick = (now) => {
    if (!seen()) return requestAnimationFrame(tick);
    const scripts = performance
      .getEntriesByType('resource')
      .filter((e) => e.responseEnd > 0 && e.responseEnd <= now && /\\.m?js$/.test(new URL(e.name).pathname))
      .map((e) => e.name);
    globalThis.__firstDiagram = { ms: now, scripts };
  };
  requestAnimationFrame(tick);
`;

/** One JavaScript response: its URL, its size as sent, and its gzip size at level 9. */
export interface FetchedScript {
  url: string;
  bytes: number;
  gzipBytes: number;
}

interface FirstDiagramLoad {
  ms: number;
  scripts: FetchedScript[];
}

async function oneLoad(browser: Browser, baseUrl: string): Promise<FirstDiagramLoad> {
  const context = await freshContext(browser);
  try {
    await context.addInitScript({ content: WATCH_FIRST_NODE });
    const page = await context.newPage();
    // Every JavaScript body by URL; which of them count is decided by what had arrived at the first diagram.
    const bodies = new Map<string, Promise<FetchedScript | null>>();
    page.on('response', (response) => {
      if (!/\.m?js$/.test(new URL(response.url()).pathname) || !response.ok()) return;
      const body = response.body().then(
        (data) => ({ url: response.url(), bytes: data.length, gzipBytes: gzipSize(data) }),
        () => null,
      );
      bodies.set(response.url(), body);
    });
    await page.goto(`${baseUrl}/`);
    const handle = await page.waitForFunction(
      () =>
        (globalThis as unknown as { __firstDiagram: { ms: number; scripts: string[] } | null })
          .__firstDiagram,
      null,
      { timeout: 60_000 },
    );
    const first = (await handle.jsonValue()) as { ms: number; scripts: string[] };
    const scripts: FetchedScript[] = [];
    for (const url of new Set(first.scripts)) {
      const script = await bodies.get(url);
      if (!script) throw new Error(`${url} arrived before the first diagram but its response was not seen`);
      scripts.push(script);
    }
    return { ms: first.ms, scripts };
  } finally {
    await context.close();
  }
}

/** Time to first diagram (median of fresh loads), and the JavaScript fetched before it, gzip-sized. */
export async function measureFirstDiagram(
  browser: Browser,
  baseUrl: string,
  quick: boolean,
): Promise<{ rows: BenchRow[]; scripts: FetchedScript[] }> {
  const loads: FirstDiagramLoad[] = [];
  for (let i = 0; i < (quick ? 3 : 7); i++) loads.push(await oneLoad(browser, baseUrl));
  const ms = median(loads.map((l) => l.ms));
  const last = loads.at(-1)!;
  return {
    rows: [
      {
        group: 'Browser',
        name: 'Time to first diagram (default page, localhost, fresh context)',
        value: round(ms, 0),
        unit: 'ms',
        budget: '≤ 1 s',
        pass: ms <= 1000,
        note:
          `navigation start → first frame with a visible .pipeline-node; median of ${loads.length} loads ` +
          `(range ${range(loads.map((l) => l.ms))} ms); ${last.scripts.length} JavaScript files had arrived by then`,
      },
    ],
    scripts: last.scripts,
  };
}
