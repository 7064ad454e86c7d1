/**
 * The many-runs panel under the run's cost panel: 100 runs of async-retries-exhausted in the worker,
 * progress while they run, the player answering meanwhile, and the headline figures at the end.
 */
import { expect, test } from '@playwright/test';
import { collectErrors } from './helpers';

declare global {
  interface Window {
    __sweepSeen?: { progress: boolean; longestTaskMs: number };
  }
}

test('Run 100 times: progress, a responsive player, then the distribution of outcomes', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/?test=1&scenario=async-retries-exhausted');
  await page.waitForFunction(() => window.__sim?.status === 'ready');

  const panel = page.locator('section.sweep-panel');
  await expect(panel.getByRole('heading', { name: 'Many runs' })).toBeVisible();
  await panel.getByLabel('Runs').selectOption('100');
  const start = panel.getByRole('button', { name: 'Run 100 times' });
  await start.scrollIntoViewIfNeeded();
  const cursorBefore = await page.evaluate(() => window.__sim!.cursor);

  // The runs take well under a second, so what happens while they run is recorded in the page: whether
  // the progress bar was shown, the longest main-thread task, and a player button pressed mid-sweep.
  const during = await page.evaluate(async () => {
    const seen = { progress: false, longestTaskMs: 0 };
    window.__sweepSeen = seen;
    const mutations = new MutationObserver(() => {
      if (document.querySelector('.sweep-progress progress')) seen.progress = true;
    });
    mutations.observe(document.body, { childList: true, subtree: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        seen.longestTaskMs = Math.max(seen.longestTaskMs, entry.duration);
    }).observe({ type: 'longtask' });
    document.querySelector<HTMLButtonElement>('.sweep-start')!.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const running = document.querySelector('.sweep-progress') !== null;
    const progressText = document.querySelector('.sweep-progress')?.textContent ?? '';
    document.querySelector<HTMLButtonElement>('button[aria-label="Step forward"]')!.click();
    await new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
    return { running, progressText, cursorAfterFrame: window.__sim!.cursor };
  });
  expect(during.running).toBe(true);
  expect(during.progressText).toMatch(/Runs done: \d+ of 100/);
  // The player answered within a frame of the press, while the sweep ran.
  expect(during.cursorAfterFrame).toBe(cursorBefore + 1);

  // The headline figures.
  await expect(panel.locator('.sweep-done')).toContainText('100 runs done');
  await expect(panel.locator('[data-outcome="failureDestinationShare"]')).toHaveText(
    /^Share of events sent to a DLQ or failure destination: [\d.]+ % \(p5 [\d.]+ %, p95 [\d.]+ %\)$/,
  );
  await expect(panel.locator('[data-outcome="latencyP50Ms"]')).toContainText('End-to-end latency p50: ');
  await expect(panel.locator('[data-outcome="latencyP95Ms"]')).toContainText('End-to-end latency p95: ');
  await expect(panel.locator('[data-outcome="duplicates"]')).toContainText('Duplicate runs per run: ');
  await expect(panel.locator('.sweep-progress')).toHaveCount(0);
  await expect(start).toBeEnabled();

  const seen = await page.evaluate(() => window.__sweepSeen!);
  expect(seen.progress).toBe(true);
  // The longest main-thread task is reported, not asserted: the player's own step and drawing the
  // histograms take tens to hundreds of ms in this headless, GPU-less browser; the runs are in the worker.
  test
    .info()
    .annotations.push({ type: 'longest main-thread task (ms)', description: String(seen.longestTaskMs) });
  expect(errors).toEqual([]);
});
