/**
 * The workshop modes, driven as a presenter and a course page would: presenter mode with clicker keys
 * over a tour, a black screen and the key list; embed mode with autoplay and a loop.
 */
import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './helpers';

const ready = (page: Page) => page.waitForFunction(() => window.__sim?.status === 'ready');
const progress = (page: Page) => page.getByTestId('presenter-progress');

test('presenter mode: clicker keys step the tour, B blacks the screen, ? lists the keys, 3 opens the poll chapter, Esc leaves', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const errors = collectErrors(page);
  await page.goto('/?test=1&present=1&tour=async&step=1');
  await ready(page);
  await expect(page.getByTestId('presenter')).toBeVisible();
  await expect(page.getByRole('banner')).toHaveCount(0);
  await expect(progress(page)).toContainText('Step 1 of 8');
  await expect(page.getByTestId('diagram').locator('.pipeline-node').first()).toBeVisible();

  await page.keyboard.press('PageDown');
  await expect(progress(page)).toContainText('Step 2 of 8');
  await expect.poll(() => new URL(page.url()).searchParams.get('step')).toBe('2');
  await page.keyboard.press('PageUp');
  await expect(progress(page)).toContainText('Step 1 of 8');

  await page.keyboard.press('b');
  await expect(page.getByTestId('presenter-blackout')).toBeVisible();
  await page.keyboard.press('PageDown'); // any key brings the screen back first, without moving on
  await expect(page.getByTestId('presenter-blackout')).toHaveCount(0);
  await expect(progress(page)).toContainText('Step 1 of 8');

  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Presenter keys' })).toContainText('Black screen');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Presenter keys' })).toHaveCount(0);

  await page.keyboard.press('3');
  await expect(page.locator('.tour-panel')).toContainText('Poll-based');
  await page.waitForFunction(() => window.__sim?.status === 'ready' && window.__sim.presetId !== 'default');
  await expect(progress(page)).toContainText('Step 1 of');

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('presenter')).toHaveCount(0);
  await expect(page.getByRole('banner')).toBeVisible();
  expect(new URL(page.url()).searchParams.get('present')).toBeNull();
  expect(errors).toEqual([]);
});

test('presenter mode without a tour: the clicker steps through events', async ({ page }) => {
  await page.goto('/?test=1&present=1&scenario=sync-success');
  await ready(page);
  await expect(progress(page)).toContainText('Event 0 of');
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await expect(progress(page)).toContainText('Event 2 of');
  await expect(page.getByTestId('narration')).toContainText('Why?');
});

test('embed mode: minimal chrome, autoplay, and a loop between two moments', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/?test=1&embed=1&scenario=async-retries-exhausted&autoplay=1&loop=0-2000');
  await ready(page);
  await expect(page.getByTestId('embed')).toBeVisible();
  await expect(page.getByRole('banner')).toHaveCount(0);
  await expect(page.getByRole('link', { name: /Open in the Lambda invocation visualizer/ })).toHaveAttribute(
    'href',
    /scenario=async-retries-exhausted/,
  );
  // Playing at 1×, the clock goes past 2 s within a few seconds, and the loop brings it back.
  await expect.poll(() => page.evaluate(() => window.__sim!.playing)).toBe(true);
  const clocks: number[] = [];
  for (let i = 0; i < 12; i++) {
    clocks.push(await page.evaluate(() => window.__sim!.clockMs));
    await page.waitForTimeout(400);
  }
  expect(Math.max(...clocks)).toBeLessThanOrEqual(2_100);
  expect(clocks.some((t, i) => i > 0 && t < clocks[i - 1]!)).toBe(true);
  expect(errors).toEqual([]);
});

test('a quiz round: the player pauses before a retry, the right answer is confirmed with its rule, the score counts', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('/?test=1&scenario=async-retries-exhausted');
  await ready(page);
  await page.getByRole('button', { name: /Quiz me/ }).click();
  const quiz = page.locator('.quiz-panel');
  await expect(quiz).toContainText('question 1 of');
  await expect(quiz).toContainText('What does Lambda do next?');
  // The player stopped before the answer: the retry has not been scheduled yet.
  const cursor = await page.evaluate(() => window.__sim!.cursor);
  const next = await page.evaluate((c) => window.__sim!.log[c + 1]?.type, cursor);
  expect(next).toBe('async/retry-scheduled');

  await quiz.getByRole('radio', { name: /about 1 minute after the failure/ }).check();
  await quiz.getByRole('button', { name: 'Check' }).click();
  await expect(quiz).toContainText('Right');
  await expect(quiz.getByRole('link', { name: /§2\.2/ }).first()).toHaveAttribute(
    'href',
    /invocation-async-error-handling/,
  );
  await expect(quiz).toContainText('Score: 1 of 1');
  await quiz.getByRole('button', { name: 'Show me' }).click();
  await expect
    .poll(() => page.evaluate(() => window.__sim!.log[window.__sim!.cursor]?.type))
    .toBe('async/retry-scheduled');
  expect(errors).toEqual([]);
});
