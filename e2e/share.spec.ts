/**
 * Shareable links: the address bar holds what is on screen — the user's own scenario (compressed), the
 * seed, the moment and the speed — so a copied link opened elsewhere shows the same; a damaged link says
 * so and falls back to the default preset.
 */
import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './helpers';

const ready = (page: Page) => page.waitForFunction(() => window.__sim?.status === 'ready');

test('a link to an edited scenario, at a moment and a speed, reopens exactly there', async ({
  page,
  context,
}) => {
  // Two pages and an edited run: more than the default 30 s on a busy machine.
  test.setTimeout(90_000);
  const errors = collectErrors(page);
  await page.goto('/?test=1&scenario=async-retries-exhausted&seed=7');
  await ready(page);
  await page.getByRole('button', { name: 'Edit scenario' }).click();
  await page.locator('input[data-path="function.Timeout"]').fill('12');
  await page.getByRole('button', { name: 'Run this scenario' }).click();
  await ready(page);
  await page.getByLabel('Speed').selectOption('10');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(() => new URL(page.url()).searchParams.get('t')).not.toBeNull();
  const link = page.url();
  expect(new URL(link).searchParams.get('custom')).toMatch(/^[A-Za-z0-9_-]+$/);
  expect(new URL(link).searchParams.get('speed')).toBe('10');
  const cursor = await page.evaluate(() => window.__sim!.cursor);

  const other = await context.newPage();
  const otherErrors = collectErrors(other);
  await other.goto(link);
  await ready(other);
  await expect(other.locator('.intro')).toContainText('(edited)');
  await expect(other.getByLabel('Speed')).toHaveValue('10');
  await expect.poll(() => other.evaluate(() => window.__sim!.cursor)).toBe(cursor);
  await expect(other.getByLabel('Seed')).toHaveValue('7');
  // The edited Timeout came along: the settings say 12 s.
  await other.getByText('Settings that matter here').click();
  await expect(other.locator('.settings')).toContainText('12 s');
  expect([...errors, ...otherErrors]).toEqual([]);
});

test('a damaged link says what is wrong and shows the default preset instead', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/?test=1&custom=AbCdEf-broken_link&speed=7');
  await ready(page);
  await expect(page.getByRole('status').filter({ hasText: 'cannot be read' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'not one of the player' })).toBeVisible();
  await expect(page.getByTestId('diagram').locator('.pipeline-node').first()).toBeVisible();
  expect(errors).toEqual([]);
});

test('a comparison that includes an edited scenario has a link too', async ({ page, context }) => {
  test.setTimeout(90_000);
  await page.goto('/?test=1&scenario=sync-success');
  await ready(page);
  await page.getByRole('button', { name: 'Edit scenario' }).click();
  await page.locator('input[data-path="function.Timeout"]').fill('9');
  await page.getByRole('button', { name: 'Run this scenario' }).click();
  await ready(page);
  await expect.poll(() => new URL(page.url()).searchParams.get('custom')).not.toBeNull();
  await page.getByRole('button', { name: 'Compare with…' }).click();
  await expect(page.getByTestId('compare-pane')).toHaveCount(2);
  await expect.poll(() => new URL(page.url()).searchParams.get('compare')).toMatch(/^custom,/);

  const other = await context.newPage();
  await other.goto(page.url());
  await expect(other.getByTestId('compare-pane')).toHaveCount(2);
  await expect(other.getByTestId('compare-pane').first()).toContainText('(edited)');
});
