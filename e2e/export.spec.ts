/**
 * Taking a run away, against the production build: the "Download" menu saves the results as JSON (the
 * headless results format, with its log) and the diagram as a PNG, each named after the scenario and seed.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './helpers';

async function open(page: Page, query = '') {
  await page.goto(`/?test=1${query}`);
  await page.waitForFunction(() => window.__sim?.status === 'ready');
}

/** Opens the menu, picks `label`, and returns the download it starts with its bytes. */
async function download(page: Page, label: string) {
  await page.getByRole('button', { name: 'Download' }).click();
  const started = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: label }).click();
  const file = await started;
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

test('the Download menu saves the results as JSON and the diagram as a PNG', async ({ page }) => {
  const errors = collectErrors(page);
  await open(page, '&scenario=async-dlq');
  // The menu sits in the run's toolbar.
  await expect(page.getByRole('button', { name: 'Download' })).toBeVisible();

  const json = await download(page, 'Results (JSON)');
  expect(json.name).toBe('async-dlq-seed1-results.json');
  const results = JSON.parse(json.bytes.toString('utf8')) as {
    scenario: string;
    seed: number;
    items: Array<{ id: string; outcome: string }>;
    log: unknown[];
  };
  expect(results.scenario).toBe('async-dlq');
  expect(results.seed).toBe(1);
  expect(results.items.length).toBeGreaterThan(0);
  expect(results.items[0]!.outcome).toBe('dead-lettered');
  expect(results.log.length).toBeGreaterThan(0);

  // The keyboard path for the second file: Enter opens the menu, the arrows reach the item.
  const button = page.getByRole('button', { name: 'Download' });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Results (JSON)' })).toBeFocused();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Diagram (PNG)' })).toBeFocused();
  const started = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const png = await started;
  expect(png.suggestedFilename()).toBe('async-dlq-seed1-diagram.png');
  const bytes = await readFile((await png.path())!);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // A real picture of the pipeline at twice its size, not an empty canvas.
  expect(bytes.readUInt32BE(16)).toBeGreaterThan(400);
  expect(bytes.length).toBeGreaterThan(10_000);
  await expect(button).toBeFocused();
  expect(errors).toEqual([]);
});
