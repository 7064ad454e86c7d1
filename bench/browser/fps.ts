/**
 * Frames per second while hundreds of items are in play: a steady sync load (100 requests a second, each
 * running about 3 s, so 300–400 items are in flight at once) opened through a `custom=` link and played at
 * 1×, so the diagram changes every frame. Frames are counted with requestAnimationFrame inside the page, in
 * windows of a second or two; the figure is the median window. The same page paused gives the machine's
 * ceiling (headless Chromium on a shared machine does not always reach 60).
 */
import { deflateRawSync } from 'node:zlib';
import type { Browser, Page } from '@playwright/test';
import { MAX_TOKENS } from '../../src/store/diagram/flowFrame';
import type { BenchRow } from '../benchRow';
import { freshContext, waitForRun } from './launch';
import { median, range, round } from './stats';

/** Requests arrive for 15 s; from about 3.5 s on, 300+ of them are in flight at once. */
export const STEADY_LOAD_SCENARIO = {
  id: 'bench-steady-load',
  title: 'Steady load: 300+ requests in flight',
  function: {
    FunctionName: 'steady-load',
    Timeout: 10,
    MemorySize: 128,
    behavior: { duration: { distribution: 'uniform', minMs: 2500, maxMs: 3500 } },
  },
  sources: [
    {
      type: 'sync',
      id: 'clients',
      caller: 'direct',
      requests: [{ id: 'r', atMs: 0, count: 1500, everyMs: 10 }],
    },
  ],
};
/** Where playing starts (simulated ms): the load has built up by then. */
const START_MS = 4000;

/** The `custom=` text the page reads (src/app/share/compressedJson.ts: deflate-raw, then base64url). */
export function customLinkText(scenario: object, title: string): string {
  const envelope = { title, origin: 'The browser benchmark (bench/browser/fps.ts).', scenario };
  return deflateRawSync(Buffer.from(JSON.stringify(envelope))).toString('base64url');
}

interface FpsWindow {
  fps: number;
  /** Items in play at the window's end: the diagram's count, or its tokens when it draws them all. */
  inPlay: number;
  tokens: number;
  /** Events the player moved past during the window. */
  events: number;
}

/** Counts animation frames in consecutive windows, in the page, reading what the diagram shows at each end. */
async function countFrames(page: Page, windows: number, windowMs: number): Promise<FpsWindow[]> {
  return page.evaluate(
    async ({ windows, windowMs }) => {
      const shown = () => {
        const diagram = document.querySelector('[data-testid="diagram"]');
        const tokens = diagram?.querySelectorAll('.token-layer .token').length ?? 0;
        const note = diagram?.querySelector('.flow-note')?.textContent ?? '';
        const counted = /^([\d,]+) items in play/.exec(note);
        return { tokens, inPlay: counted ? Number(counted[1]!.replace(/,/g, '')) : tokens };
      };
      const out: { fps: number; inPlay: number; tokens: number; events: number }[] = [];
      for (let w = 0; w < windows; w++) {
        const cursorBefore = window.__sim?.cursor ?? 0;
        const stamps: number[] = [];
        await new Promise<void>((done) => {
          const tick = (now: number) => {
            stamps.push(now);
            if (now - stamps[0]! >= windowMs) done();
            else requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        });
        const span = stamps.at(-1)! - stamps[0]!;
        out.push({
          fps: ((stamps.length - 1) * 1000) / span,
          ...shown(),
          events: (window.__sim?.cursor ?? 0) - cursorBefore,
        });
      }
      return out;
    },
    { windows, windowMs },
  );
}

/** Frames per second with 300+ items in play, against the same page paused. */
export async function measureFps(browser: Browser, baseUrl: string, quick: boolean): Promise<BenchRow[]> {
  const windows = quick ? 3 : 8;
  const windowMs = quick ? 1000 : 1250;
  const context = await freshContext(browser);
  try {
    const page = await context.newPage();
    const link = customLinkText(STEADY_LOAD_SCENARIO, STEADY_LOAD_SCENARIO.title);
    await page.goto(`${baseUrl}/?test=1&t=${START_MS}&custom=${link}`);
    await waitForRun(page, 120_000);
    await page.locator('[data-testid="diagram"] .pipeline-node').first().waitFor();
    await page.waitForTimeout(1000); // the parts loaded after the first screen settle before the paused count
    const idle = await countFrames(page, quick ? 1 : 2, windowMs);

    await page.keyboard.press('Space');
    await page.waitForFunction(() => window.__sim?.playing === true);
    await page.waitForTimeout(500); // the first frames of playing mount what the paused page did not draw
    const playing = await countFrames(page, windows, windowMs);
    await page.keyboard.press('Space');

    const fps = median(playing.map((w) => w.fps));
    const idleFps = median(idle.map((w) => w.fps));
    const inPlay = playing.map((w) => w.inPlay);
    const tokens = playing.map((w) => w.tokens);
    const eventsPerSecond = median(playing.map((w) => (w.events * 1000) / windowMs));
    return [
      {
        group: 'Browser',
        name: 'Frames per second while 300+ items are in play (steady load, played at 1×)',
        value: round(fps),
        unit: 'fps',
        peer: { name: 'same page paused', value: round(idleFps) },
        ratio: round(fps / idleFps, 2),
        budget: '≥ 55 fps',
        pass: fps >= 55,
        note:
          `median of ${windows} windows of ${windowMs / 1000} s (range ${range(playing.map((w) => w.fps))} fps); ` +
          `${range(inPlay)} items in play, ${range(tokens)} tokens drawn (above ${MAX_TOKENS} the nodes count ` +
          `items instead of drawing tokens), ~${Math.round(eventsPerSecond)} events shown per second`,
      },
    ];
  } finally {
    await context.close();
  }
}
