/**
 * The page's run details (items, metrics, deliveries, timeline), driven as a person would against the
 * production build (`vite build` + `vite preview`). A run opens at its start; these tests press End to
 * see the whole story. Each test asserts on what is visible. Recovery from worker failures is in
 * recovery.spec.ts.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './helpers';

/** A preset's title, read from its JSON (Playwright's loader cannot import JSON modules here). */
function titleOf(id: string): string {
  const url = new URL(`../src/scenarios/presets/${id}.json`, import.meta.url);
  const { title } = JSON.parse(readFileSync(url, 'utf8')) as { title?: string };
  if (!title) throw new Error(`preset ${id} has no title`);
  return title;
}

/** Waits for the run, then shows all of it (End), as a reader who wants the outcome would. */
async function toEnd(page: Page) {
  // A loaded machine may take a while to simulate the larger presets.
  await expect(page.getByRole('region', { name: 'Player' })).toBeVisible({ timeout: 15_000 });
  await page.keyboard.press('End');
}

const itemsTable = (page: Page) =>
  page.getByRole('table', { name: /Outcome, attempts, response and deliveries/ });
const timeline = (page: Page) => page.getByRole('table', { name: /events? over/ });

test('opens on the default preset: two failures, retries ~60 s and ~2 min apart, then success', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await toEnd(page);

  await expect(page.getByRole('heading', { level: 1, name: 'Lambda invocation visualizer' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: titleOf('default') })).toBeVisible();
  await expect(page.getByLabel('Scenario', { exact: true })).toHaveValue('default');

  const item = itemsTable(page).getByRole('row', { name: /order-event/ });
  await expect(item).toContainText('succeeded');
  await expect(item).toContainText('2 errors, 1 success');
  await expect(item).toContainText('202');
  await expect(item).toContainText('on-success destination');

  const retry = timeline(page).getByRole('row').filter({ hasText: 'retries in 60 s' });
  await expect(retry).toHaveCount(1);
  await expect(retry).toContainText('Handling Failures');
  await expect(retry.getByRole('link', { name: /§2\.2/ })).toHaveAttribute(
    'href',
    /invocation-async-error-handling/,
  );
  await expect(timeline(page).getByRole('row', { name: /60 s later/ })).toBeVisible();
  await expect(timeline(page).getByRole('row', { name: /2 min later/ })).toBeVisible();
  await expect(
    timeline(page)
      .getByRole('row', { name: /\+3 min 02\.663 s/ })
      .first(),
  ).toBeVisible();

  const delivery = page.locator('details.delivery').filter({ hasText: 'on-success destination' });
  await expect(delivery).toHaveCount(1);
  await expect(delivery).toContainText('EventBridge event bus orders-results');
  await expect(delivery.locator('pre')).toContainText('"condition": "Success"');
  await expect(delivery.locator('pre')).toContainText('"approximateInvokeCount": 3');

  await expect(page.locator('[data-metric="Invocations"]')).toContainText('3');
  await expect(page.locator('[data-metric="Errors"]')).toContainText('2');
  expect(errors).toEqual([]);
});

test('choosing async-dlq in the picker shows the DLQ record with ErrorCode', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 2, name: titleOf('default') })).toBeVisible();

  await page.getByLabel('Scenario', { exact: true }).selectOption('async-dlq');

  await expect(page.getByRole('heading', { level: 2, name: titleOf('async-dlq') })).toBeVisible();
  await page.waitForFunction(() => document.querySelector('.stage:not(.is-stale)') !== null);
  await toEnd(page);
  await expect(page).toHaveURL(/[?&]scenario=async-dlq(&|$)/);
  await expect(itemsTable(page).getByRole('row', { name: /^event/ })).toContainText('dead-lettered');
  const dlq = page.locator('details.delivery').filter({ hasText: 'dead-letter queue' });
  await expect(dlq).toHaveCount(1);
  await expect(dlq).toContainText('SQS queue orders-dlq');
  await expect(dlq.locator('pre')).toContainText('"ErrorCode"');
  await expect(dlq.locator('pre')).toContainText('"ErrorMessage"');
  await expect(timeline(page).getByRole('row').filter({ hasText: 'no retries left' })).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('a link to sync-throttled shows request B throttled with HTTP 429', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/?scenario=sync-throttled');
  await toEnd(page);

  await expect(page.getByRole('heading', { level: 2, name: titleOf('sync-throttled') })).toBeVisible();
  const b = itemsTable(page).getByRole('row', { name: /^B\b/ });
  await expect(b).toContainText('throttled');
  await expect(b).toContainText('429');
  await expect(b).toContainText('TooManyRequestsException');
  await expect(itemsTable(page).getByRole('row', { name: /^A\b/ })).toContainText('succeeded');
  await expect(page.locator('[data-metric="Throttles"]')).toContainText('1');
  expect(errors).toEqual([]);
});

test('an unknown preset in the URL gets a clear message and the default preset', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/?scenario=nope');
  await toEnd(page);

  await expect(
    page.getByRole('status').filter({ hasText: 'There is no preset called "nope"' }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: titleOf('default') })).toBeVisible();
  await expect(page.getByLabel('Scenario', { exact: true })).toHaveValue('default');
  await expect(itemsTable(page).getByRole('row', { name: /order-event/ })).toContainText('succeeded');
  expect(errors).toEqual([]);
});

test('the seed comes from the URL, and Run re-runs with a typed seed', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/?scenario=cold-and-warm&seed=7&test=1');
  await expect(page.getByLabel('Seed')).toHaveValue('7');
  await page.waitForFunction(() => window.__sim?.status === 'ready');
  expect(await page.evaluate(() => window.__sim?.results?.seed)).toBe(7);

  await page.getByLabel('Seed').fill('42');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page).toHaveURL(/seed=42/);
  await page.waitForFunction(() => window.__sim?.status === 'ready' && window.__sim.results?.seed === 42);
  await page.keyboard.press('End');
  await expect(itemsTable(page).getByRole('row', { name: /second/ })).toContainText('succeeded');

  await page.getByLabel('Seed').fill('abc');
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeDisabled();
  expect(errors).toEqual([]);
});

test('window.__sim exposes status, results and the whole log with ?test=1', async ({ page }) => {
  await page.goto('/?test=1');
  await page.waitForFunction(() => window.__sim?.status === 'ready');
  const view = await page.evaluate(() => ({
    outcome: window.__sim?.results?.items[0]?.outcome,
    types: window.__sim?.log.map((e) => e.type),
  }));
  expect(view.outcome).toBe('succeeded');
  expect(view.types).toContain('async/retry-scheduled');
  expect(view.types?.at(-1)).toBe('destination/delivered');
});

test('a large log lists the first 2,000 events and shows the rest on request', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/?scenario=burst-scaling');
  await expect(page.getByRole('heading', { level: 2, name: titleOf('burst-scaling') })).toBeVisible();
  await toEnd(page);
  await expect(page.locator('.tally')).toContainText('1,000 succeeded');
  await expect(page.locator('.tally')).toContainText('2,000 throttled');
  await expect(timeline(page)).toContainText('the first 2,000 are listed');

  await page.getByRole('button', { name: 'Show all 15,000 events' }).click();
  await expect(page.getByRole('button', { name: /Show all .* events/ })).toHaveCount(0);
  await page.keyboard.press('End');
  await expect(timeline(page).locator('tr[data-seq="14999"]')).toBeVisible();
  expect(errors).toEqual([]);
});

test('poll-based: an SQS partial batch response and a Kinesis poison record read as AWS does them', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('/?scenario=sqs-partial-batch-failure');
  await expect(
    page.getByRole('heading', { level: 2, name: titleOf('sqs-partial-batch-failure') }),
  ).toBeVisible();
  await toEnd(page);
  await expect(itemsTable(page).getByRole('row', { name: /^m2\b/ })).toContainText('2');
  await expect(itemsTable(page).getByRole('row', { name: /^m1\b/ })).toContainText('deleted from the queue');
  // The article says the poller acknowledges messages; the timeline says what SQS does.
  await expect(timeline(page)).toContainText('Nothing is acknowledged or removed');
  await expect(timeline(page)).toContainText('Partial batch response: Lambda deletes m1, m3, m5');

  await page.getByLabel('Scenario', { exact: true }).selectOption('kinesis-poison-retry-limit');
  await expect(
    page.getByRole('heading', { level: 2, name: titleOf('kinesis-poison-retry-limit') }),
  ).toBeVisible();
  await page.waitForFunction(() => document.querySelector('.stage:not(.is-stale)') !== null);
  await toEnd(page);
  await expect(itemsTable(page).getByRole('row', { name: /^r-7\b/ })).toContainText('dead-lettered');
  await expect(itemsTable(page).getByRole('row', { name: /^r-11\b/ })).toContainText('succeeded');
  await expect(timeline(page)).toContainText('no retries are left');
  expect(errors).toEqual([]);
});
