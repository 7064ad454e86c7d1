/**
 * Frames per second while hundreds of items are in play: a steady sync load (100 requests a second, each
 * running about 3 s, so 300–400 items are in flight at once) opened through a `custom=` link and played at
 * 1×, so the diagram changes every frame; and 40 requests, 4 a second, few enough items that each is drawn
 * as a token moving along the edges. Frames are counted with requestAnimationFrame inside the page, in
 * windows of a second or two; the figure is the median window. The same page paused gives the machine's
 * ceiling (headless Chromium on a shared machine does not always reach 60).
 */
import { deflateRawSync } from 'node:zlib';
import type { Browser, Page } from '@playwright/test';
import { MAX_TOKENS } from '../../src/store/diagram/flowFrame';
import type { BenchRow } from '../benchRow';
import { freshContext, waitForRun } from './launch';
import { median, range, round } from './stats';

/**
 * A steady synchronous load: `count` requests, `perSecond` a second, each running 2.5–3.5 s. An answered
 * request stays on the diagram (at its caller), so items in play are the running ones plus those answered.
 */
export function steadyLoadScenario(perSecond: number, count: number) {
  return {
    id: `bench-steady-load-${perSecond}-${count}`,
    title: `Steady load: ${count} requests, ${perSecond} a second`,
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
        requests: [{ id: 'r', atMs: 0, count, everyMs: Math.round(1000 / perSecond) }],
      },
    ],
  };
}

/**
 * What is played, from `startMs` (simulated) on, once the load has built up: 100 requests a second for 15 s
 * (from 3.5 s on, 300+ run at once; the nodes count them), and 40 requests, 4 a second (few enough that each
 * is drawn as a token moving along the edges).
 */
export const FPS_CASES = [
  {
    scenario: steadyLoadScenario(100, 1500),
    startMs: 4000,
    name: 'Frames per second while 300+ items are in play (steady load, played at 1×)',
  },
  {
    scenario: steadyLoadScenario(4, MAX_TOKENS),
    startMs: 2000,
    name: `Frames per second while tokens animate (up to ${MAX_TOKENS} items, each drawn, played at 1×)`,
  },
];

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
  /** Simulated time the player moved through during the window, in ms. */
  simulatedMs: number;
}

/** Counts animation frames in consecutive windows, in the page, reading what the diagram shows at each end. */
async function countFrames(page: Page, windows: number, windowMs: number): Promise<FpsWindow[]> {
  return page.evaluate(
    async ({ windows, windowMs }) => {
      const shown = () => {
        const diagram = document.querySelector('[data-testid="diagram"]');
        const tokens = diagram?.querySelectorAll('.token-layer .token').length ?? 0;
        // A node with more tokens than slots draws "+n" for the rest.
        let more = 0;
        diagram?.querySelectorAll('.token-layer .token-more').forEach((el) => {
          more += Number(/\d+/.exec(el.textContent ?? '')?.[0] ?? 0);
        });
        const note = diagram?.querySelector('.flow-note')?.textContent ?? '';
        const counted = /^([\d,]+) items in play/.exec(note);
        return { tokens, inPlay: counted ? Number(counted[1]!.replace(/,/g, '')) : tokens + more };
      };
      const out: { fps: number; inPlay: number; tokens: number; events: number; simulatedMs: number }[] = [];
      for (let w = 0; w < windows; w++) {
        const cursorBefore = window.__sim?.cursor ?? 0;
        const clockBefore = window.__sim?.clockMs ?? 0;
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
          simulatedMs: (window.__sim?.clockMs ?? 0) - clockBefore,
        });
      }
      return out;
    },
    { windows, windowMs },
  );
}

async function measureCase(
  browser: Browser,
  baseUrl: string,
  quick: boolean,
  { scenario, startMs, name }: (typeof FPS_CASES)[number],
): Promise<BenchRow> {
  const windows = quick ? 3 : 8;
  const windowMs = quick ? 1000 : 1250;
  const context = await freshContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/?test=1&t=${startMs}&custom=${customLinkText(scenario, scenario.title)}`);
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
    const eventsPerSecond = median(playing.map((w) => (w.events * 1000) / windowMs));
    // Below 10 fps the player counts each frame as 100 ms at most, so the run plays slower than 1×.
    const effectiveSpeed = median(playing.map((w) => w.simulatedMs / windowMs));
    return {
      group: 'Browser',
      name,
      value: round(fps),
      unit: 'fps',
      peer: { name: 'same page paused', value: round(idleFps) },
      ratio: round(fps / idleFps, 2),
      budget: '≥ 55 fps',
      pass: fps >= 55,
      note:
        `${scenario.title}, each running 2.5–3.5 s; median of ${windows} windows of ${windowMs / 1000} s ` +
        `(range ${range(playing.map((w) => w.fps))} fps); ${range(playing.map((w) => w.inPlay))} items in play, ` +
        `${range(playing.map((w) => w.tokens))} tokens drawn (above ${MAX_TOKENS} in play the nodes count items ` +
        `instead; a full node shows "+n"), ~${Math.round(eventsPerSecond)} events shown per second, ` +
        `simulated time ran at ${round(effectiveSpeed, 2)}× real time`,
    };
  } finally {
    await context.close();
  }
}

/** Frames per second while the player plays many items and while it draws tokens, each against the page paused. */
export async function measureFps(browser: Browser, baseUrl: string, quick: boolean): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const fpsCase of FPS_CASES) rows.push(await measureCase(browser, baseUrl, quick, fpsCase));
  return rows;
}
