/**
 * A long run in the browser: the bench's SQS scenario sized to about `events` log events, opened from a
 * `custom=` link in the built app. Measured: the time from navigation to the run shown, the page's heap
 * after a full collection (and per event), and the main-thread tasks over 50 ms on the way. The run is
 * simulated by the app's own worker and its log kept on the page as the app keeps it.
 */
import { deflateRawSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import type { BenchRow } from '../benchRow';
import { sqsScenario } from '../model/scenarios';
import { createSimulation } from '../../src/engine/simulation';
import { parseScenarioJson } from '../../src/scenarios/validate';
import { freshContext, waitForRun } from './launch';
import { round } from './stats';

/** Runs in the page before its scripts: keeps every long task from the start of navigation. */
const OBSERVE_LONG_TASKS = `
  globalThis.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) globalThis.__longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
`;

/** Messages of the bench's SQS scenario for about `events` events (from the events per message of a small run). */
function messagesFor(events: number): number {
  const probe = parseScenarioJson(sqsScenario(10_000));
  if (!probe.ok) throw new Error('the bench SQS scenario is invalid');
  const sim = createSimulation(probe.scenario);
  sim.run();
  return Math.max(1, Math.round(events / (sim.logLength() / 10_000)));
}

/** A `custom=` link as the app writes one: deflate-raw, base64url, of {title, origin, scenario}. */
function customLink(baseUrl: string, scenarioJson: string): string {
  const scenario: unknown = JSON.parse(scenarioJson);
  const text = JSON.stringify({ title: 'Long run', origin: 'npm run bench', scenario });
  return `${baseUrl}/?test=1&custom=${deflateRawSync(Buffer.from(text)).toString('base64url')}`;
}

/** The long run's figures; `events` is the size asked for (the run logs about that many). */
export async function measureLongRun(browser: Browser, baseUrl: string, events: number): Promise<BenchRow[]> {
  const messages = messagesFor(events);
  const context = await freshContext(browser);
  try {
    await context.addInitScript({ content: OBSERVE_LONG_TASKS });
    const page = await context.newPage();
    const started = Date.now();
    await page.goto(customLink(baseUrl, sqsScenario(messages)));
    await waitForRun(page, 900_000, 500);
    const readyS = (Date.now() - started) / 1000;
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const { logged, items, tasks } = await page.evaluate(() => ({
      logged: window.__sim?.log.length ?? 0,
      items: window.__sim?.results?.items.length ?? 0,
      tasks: (globalThis as unknown as { __longTasks: number[] }).__longTasks,
    }));
    const name = `Long run in the page, ${logged.toLocaleString('en-US')} events`;
    const common = `SQS, ${messages.toLocaleString('en-US')} messages (${items.toLocaleString('en-US')} items in the results), opened from a custom= link`;
    return [
      {
        group: 'Browser',
        name: `${name}: navigation → run shown`,
        value: round(readyS, 1),
        unit: 's',
        note: `${common}; the worker simulates it and streams the log as rows of its compact log`,
      },
      {
        group: 'Browser',
        name: `${name}: page heap after the run`,
        value: round(usedSize / 1e6, 0),
        unit: 'MB',
        note: `${common}; JavaScript heap of the page after two full collections (the worker's heap not counted)`,
      },
      {
        group: 'Browser',
        name: `${name}: page heap per event`,
        value: round(usedSize / Math.max(1, logged), 0),
        unit: 'B/event',
        note: `${common}; the whole page heap over the events: the log, the results' items and invocations, the diagram's index, the app`,
      },
      {
        group: 'Browser',
        name: `${name}: main-thread tasks over 50 ms`,
        value: tasks.filter((d) => d > 50).length,
        unit: 'tasks',
        note: `${common}; from navigation to the run shown; the longest took ${round(Math.max(0, ...tasks), 0)} ms`,
      },
    ];
  } finally {
    await context.close();
  }
}
