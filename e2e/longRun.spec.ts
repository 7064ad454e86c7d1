/**
 * Long runs at a scale CI can afford (issue "Performance and robustness": the page holds a long run's log
 * compactly and stays usable). Two runs of the same SQS scenario, of 20,000 and 100,000 messages (about
 * 68,000 and 340,000 events), are opened from `custom=` links; the page's heap after a full collection grows
 * by well under the cost of an event object per event between them, the page answers input while the worker
 * simulates, and the player reaches any event of the long run. The bench measures the same at full scale.
 */
import { deflateRawSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { sqsScenario } from '../bench/model/scenarios';
import { collectErrors } from './helpers';

/** The bench's SQS scenario (a standard queue, batches of 10 taking 50 ms) as a `custom=` link. */
function sqsLink(messages: number): string {
  const scenario: unknown = JSON.parse(sqsScenario(messages));
  const text = JSON.stringify({ title: `${messages} SQS messages`, origin: 'A long-run test', scenario });
  return `/?test=1&custom=${deflateRawSync(Buffer.from(text)).toString('base64url')}`;
}

async function openRun(page: Page, messages: number): Promise<void> {
  await page.goto(sqsLink(messages));
  await page.waitForFunction(
    (n) => window.__sim?.status === 'ready' && window.__sim.results?.items.length === n,
    messages,
    {
      timeout: 120_000,
    },
  );
}

/** The page's JavaScript heap after a full collection, and the shown run's event count. */
async function heapAfterCollection(page: Page): Promise<{ bytes: number; events: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return { bytes: usedSize, events: await page.evaluate(() => window.__sim!.log.length) };
}

test.describe('long runs', () => {
  test.setTimeout(300_000);

  test('the page holds a long run’s log compactly: its heap grows by far less than an event object per event', async ({
    page,
  }) => {
    const errors = collectErrors(page);
    await openRun(page, 20_000);
    const small = await heapAfterCollection(page);
    await openRun(page, 100_000);
    const large = await heapAfterCollection(page);
    expect(large.events).toBeGreaterThan(300_000);
    const perEvent = (large.bytes - small.bytes) / (large.events - small.events);
    // Each message adds 3.4 events and one item of the results (about 600 bytes as an object, shown in
    // the tables): about 175 bytes an event in all with the compact log, about 300 with event objects.
    expect(perEvent).toBeLessThan(230);
    expect(errors).toEqual([]);
  });

  test('while a long run simulates the page answers input, and then the player reaches any of its events', async ({
    page,
  }) => {
    const errors = collectErrors(page);
    await page.goto(sqsLink(100_000));
    // The worker is still simulating: the page follows a change of theme, and back.
    await expect.poll(() => page.evaluate(() => window.__sim?.status)).toBe('loading');
    const theme = () => page.evaluate(() => document.documentElement.dataset.theme ?? 'system');
    await page.getByRole('radio', { name: 'Dark' }).check();
    await expect.poll(theme).toBe('dark');
    await page.getByRole('radio', { name: 'Auto' }).check();
    await expect.poll(theme).toBe('system');
    expect(await page.evaluate(() => window.__sim?.status)).toBe('loading');

    await page.waitForFunction(() => window.__sim?.status === 'ready', undefined, { timeout: 120_000 });
    const total = await page.evaluate(() => window.__sim!.log.length);
    expect(total).toBeGreaterThan(300_000);
    const count = (n: number) => n.toLocaleString('en-US');
    const clock = page.getByTestId('player-clock');
    // To the last event, then half-way along the scrubber: the event shown is the log's own at the clock.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('End');
    await expect(clock).toContainText(`event ${count(total)} of ${count(total)}`);
    await expect(page.getByTestId('current-event')).toContainText('the end of the run');
    const scrubber = page.getByRole('slider', { name: 'Simulated time' });
    const endMs = Number(await scrubber.getAttribute('max'));
    await scrubber.fill(String(Math.round(endMs / 2)));
    await expect.poll(() => page.evaluate(() => window.__sim!.cursor)).toBeLessThan(total - 1);
    const shown = await page.evaluate(() => {
      const { cursor, clockMs, log } = window.__sim!;
      const event = log[cursor]!;
      return {
        cursor,
        clockMs,
        seq: event.seq,
        t: event.t,
        next: log[cursor + 1]!.t,
        same: event === log[cursor],
      };
    });
    expect(shown.cursor).toBeGreaterThan(0);
    expect(shown.seq).toBe(shown.cursor);
    expect(shown.t).toBeLessThanOrEqual(shown.clockMs);
    expect(shown.next).toBeGreaterThan(shown.clockMs);
    expect(shown.same).toBe(true);
    await expect(clock).toContainText(`event ${count(shown.cursor + 1)} of ${count(total)}`);
    expect(errors).toEqual([]);
  });
});
