/**
 * The metric charts under the run: drawn for the metrics that apply, with a cursor line that follows the
 * player, and a click on a chart's table row moves the player there.
 */
import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './helpers';

const cursorLeft = (page: Page) =>
  page
    .locator('.metrics-charts .metric-chart-cursor')
    .first()
    .evaluate((el) => parseFloat((el as HTMLElement).style.left));

test('the charts follow the player: the cursor line moves right as the run goes on, and back', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('/?test=1&scenario=async-retries-exhausted');
  await page.waitForFunction(() => window.__sim?.status === 'ready');
  const charts = page.locator('.metrics-charts');
  await charts.scrollIntoViewIfNeeded();
  await expect(charts.getByRole('figure', { name: /^Invocations / })).toBeVisible();
  await expect(charts.getByRole('figure', { name: /^AsyncEventAge / })).toBeVisible();
  // No SQS source here: no queue charts.
  await expect(charts.getByRole('figure', { name: /^ApproximateNumberOfMessagesVisible / })).toHaveCount(0);

  const atStart = await cursorLeft(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByRole('button', { name: 'Jump to end' }).click();
  await expect.poll(() => cursorLeft(page)).toBeGreaterThan(atStart + 50);
  const atEnd = await cursorLeft(page);
  await page.getByRole('button', { name: 'Jump to start' }).click();
  await expect.poll(() => cursorLeft(page)).toBeLessThan(atEnd);
  expect(errors).toEqual([]);
});
