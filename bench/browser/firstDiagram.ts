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

/** Runs in the page before its scripts: notes the frame in which the first diagram node shows. */
const WATCH_FIRST_NODE = `
  globalThis.__firstDiagramMs = null;
  const seen = () => {
    const node = document.querySelector('[data-testid="diagram"] .pipeline-node');
    return node !== null && node.checkVisibility() && node.getBoundingClientRect().width > 0;
  };
  const tick = (now) => {
    if (seen()) globalThis.__firstDiagramMs = now;
    else requestAnimationFrame(tick);
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
    const bodies: Promise<FetchedScript | null>[] = [];
    let shown = false;
    page.on('response', (response) => {
      const type = response.request().resourceType();
      const isJs = type === 'script' || /\.m?js(\?|$)/.test(new URL(response.url()).pathname);
      if (shown || !isJs || !response.ok()) return;
      bodies.push(
        response.body().then(
          (body) => ({ url: response.url(), bytes: body.length, gzipBytes: gzipSize(body) }),
          () => null,
        ),
      );
    });
    await page.goto(`${baseUrl}/`);
    const handle = await page.waitForFunction(
      () => (globalThis as unknown as { __firstDiagramMs: number | null }).__firstDiagramMs,
      null,
      { timeout: 60_000 },
    );
    shown = true;
    const ms = (await handle.jsonValue()) as number;
    const scripts = (await Promise.all(bodies)).filter((s): s is FetchedScript => s !== null);
    return { ms, scripts };
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
          `(range ${range(loads.map((l) => l.ms))} ms); ${last.scripts.length} JavaScript files fetched by then`,
      },
    ],
    scripts: last.scripts,
  };
}
