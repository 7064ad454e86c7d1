/**
 * The longest main-thread task while the worker simulates a large preset (`sqs-scaling`, about 342,000
 * events): a `longtask` PerformanceObserver is installed before the app's scripts run, and tasks are
 * collected from navigation until the run is shown (the page reports `ready`) plus a second for what the
 * results mount.
 */
import type { Browser } from '@playwright/test';
import type { BenchRow } from '../benchRow';
import { freshContext, waitForRun } from './launch';
import { median, range, round } from './stats';

/** The preset simulated; the largest log among the presets. */
export const LARGE_PRESET = 'sqs-scaling';
/** A task longer than this blocks input noticeably (the `longtask` threshold and the budget). */
const LONG_MS = 50;
/** After the run is shown: time for the work its results start (tables, charts) to run. */
const SETTLE_MS = 1000;

/** Runs in the page before its scripts: keeps every long task from the start of navigation. */
const OBSERVE_LONG_TASKS = `
  globalThis.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) globalThis.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
`;

interface LongTaskRun {
  longestMs: number;
  /** When the longest task started, from navigation. */
  longestAtMs: number;
  over50: number;
  /** Sum over tasks of the time beyond 50 ms (Total Blocking Time's definition). */
  blockingMs: number;
  /** Navigation start → the page reports the run as ready. */
  readyMs: number;
  events: number;
}

async function oneRun(browser: Browser, baseUrl: string): Promise<LongTaskRun> {
  const context = await freshContext(browser);
  try {
    await context.addInitScript({ content: OBSERVE_LONG_TASKS });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/?test=1&scenario=${LARGE_PRESET}`);
    await waitForRun(page, 300_000, 50);
    const readyMs = await page.evaluate(() => performance.now());
    await page.waitForTimeout(SETTLE_MS);
    const { tasks, events } = await page.evaluate(() => ({
      tasks: (globalThis as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks,
      events: window.__sim?.log.length ?? 0,
    }));
    const durations = tasks.map((t) => t.duration);
    const longest = tasks.reduce((a, b) => (b.duration > a.duration ? b : a), { start: 0, duration: 0 });
    return {
      longestMs: longest.duration,
      longestAtMs: longest.start,
      over50: durations.filter((d) => d > LONG_MS).length,
      blockingMs: durations.reduce((sum, d) => sum + Math.max(0, d - LONG_MS), 0),
      readyMs,
      events,
    };
  } finally {
    await context.close();
  }
}

/** The longest main-thread task, and how many exceed 50 ms, while the worker simulates sqs-scaling. */
export async function measureLongTasks(
  browser: Browser,
  baseUrl: string,
  quick: boolean,
): Promise<BenchRow[]> {
  const runs: LongTaskRun[] = [];
  for (let i = 0; i < (quick ? 1 : 3); i++) runs.push(await oneRun(browser, baseUrl));
  const longest = median(runs.map((r) => r.longestMs));
  const over50 = median(runs.map((r) => r.over50));
  const runsText = runs.length > 1 ? `median of ${runs.length} page loads` : 'one page load';
  const common =
    `${LARGE_PRESET} (${runs[0]!.events.toLocaleString('en-US')} events), navigation → run shown + ` +
    `${SETTLE_MS / 1000} s; ${runsText}`;
  return [
    {
      group: 'Browser',
      name: `Longest main-thread task while the worker simulates ${LARGE_PRESET}`,
      value: round(longest, 0),
      unit: 'ms',
      budget: '≤ 50 ms',
      pass: longest <= LONG_MS,
      note:
        `${common}${runs.length > 1 ? ` (range ${range(runs.map((r) => r.longestMs))} ms)` : ''}; ` +
        `it started at ${range(
          runs.map((r) => r.longestAtMs / 1000),
          1,
        )} s, the run was shown at ` +
        `${range(
          runs.map((r) => r.readyMs / 1000),
          1,
        )} s`,
    },
    {
      group: 'Browser',
      name: `Main-thread tasks over 50 ms while the worker simulates ${LARGE_PRESET}`,
      value: over50,
      unit: 'tasks',
      budget: '0',
      pass: over50 === 0,
      note: `${common}; blocking time beyond 50 ms per task: ${range(runs.map((r) => r.blockingMs))} ms in all`,
    },
  ];
}
