/**
 * The player, driven from the keyboard and the controls against the production build: play, pause, step,
 * scrub, speed, the shortcut list, links to a moment (`t=`), and skipping quiet time. Everything visible
 * is derived from the log and the cursor, so stepping back and forth shows the same page.
 */
import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './helpers';

const timeline = (page: Page) => page.getByRole('table', { name: /events? over/ });
const clock = (page: Page) => page.getByTestId('player-clock');
const sim = (page: Page) =>
  page.evaluate(() => ({
    cursor: window.__sim?.cursor ?? NaN,
    clockMs: window.__sim?.clockMs ?? NaN,
    playing: window.__sim?.playing ?? false,
    speed: window.__sim?.speed ?? NaN,
  }));

async function open(page: Page, query = '') {
  await page.goto(`/?scenario=default&test=1${query}`);
  await page.waitForFunction(() => window.__sim?.status === 'ready');
  await expect(page.getByRole('region', { name: 'Player' })).toBeVisible();
}

/** What the page shows: the timeline's rows, the clock, and the item's row. */
async function visibleState(page: Page) {
  return {
    rows: await timeline(page)
      .locator('tbody tr[data-seq]')
      .evaluateAll((rows) =>
        rows.map((r) => `${r.getAttribute('data-seq')}${r.getAttribute('aria-current') ? '*' : ''}`),
      ),
    clock: await clock(page).innerText(),
    item: await page.locator('tr[data-item="order-event"]').innerText(),
    current: await page.getByTestId('current-event').innerText(),
  };
}

test('Home then Space plays the run: the clock advances and the cursor moves; Space pauses', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await open(page);
  expect((await sim(page)).cursor).toBe(-1); // a run opens at its start, ready to play
  await page.keyboard.press('End');
  expect((await sim(page)).cursor).toBe(18);

  await page.keyboard.press('Home');
  await expect(clock(page)).toContainText('+0.000 s');
  await expect(clock(page)).toContainText('event 0 of 19');
  await expect(timeline(page).locator('tbody tr[data-seq]')).toHaveCount(0);

  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.waitForFunction(() => (window.__sim?.cursor ?? -1) >= 7 && (window.__sim?.clockMs ?? 0) > 263);
  await expect(clock(page)).not.toContainText('+0.000 s');

  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  const paused = await sim(page);
  expect(paused.playing).toBe(false);
  await page.waitForTimeout(300);
  expect((await sim(page)).clockMs).toBe(paused.clockMs);
  expect(errors).toEqual([]);
});

test('stepping back then forward returns to the same visible state', async ({ page }) => {
  const errors = collectErrors(page);
  await open(page, '&t=61063'); // attempt 2 starts
  // The run's tables load after the diagram: wait for the timeline to show the moment before stepping.
  const current = timeline(page).locator('tr[aria-current="step"]');
  await expect(current).toHaveAttribute('data-seq', '11');
  await page.keyboard.press('ArrowRight'); // it fails
  await page.keyboard.press('ArrowRight'); // the last retry is scheduled
  await expect(current).toHaveAttribute('data-seq', '13');
  const before = await visibleState(page);
  expect(before.rows.at(-1)).toBe('13*');

  await page.keyboard.press('ArrowLeft');
  await expect(current).toHaveAttribute('data-seq', '12');
  const back = await visibleState(page);
  expect(back.rows).toEqual([...before.rows.slice(0, -2), '12*']);

  await page.keyboard.press('ArrowRight');
  await expect(current).toHaveAttribute('data-seq', '13');
  expect(await visibleState(page)).toEqual(before);

  // Shift+arrows jump ten events; the buttons do the same as the keys.
  await page.keyboard.press('Shift+ArrowLeft');
  expect((await sim(page)).cursor).toBe(3);
  await page.getByRole('button', { name: 'Step forward' }).click();
  await page.getByRole('button', { name: 'Step back' }).click();
  expect((await sim(page)).cursor).toBe(3);
  await page.keyboard.press('Shift+ArrowRight');
  await expect(current).toHaveAttribute('data-seq', '13');
  expect(await visibleState(page)).toEqual(before);
  expect(errors).toEqual([]);
});

test('a link with t opens at that moment: attempt 2 is the current row, later rows are not shown', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await open(page, '&t=61063');

  const current = timeline(page).locator('tr[aria-current="step"]');
  await expect(current).toHaveCount(1);
  await expect(current).toHaveAttribute('data-seq', '11');
  await expect(current).toContainText('Attempt 2');
  await expect(timeline(page).locator('tr[data-seq="12"]')).toHaveCount(0);
  await expect(timeline(page).getByRole('row', { name: /60 s later/ })).toBeVisible();
  await expect(clock(page)).toContainText('+1 min 01.063 s');
  await expect(clock(page)).toContainText('00:01:01.063');

  const item = page.locator('tr[data-item="order-event"]');
  await expect(item).toContainText('in flight');
  await expect(item).toContainText('1 error, 1 in flight');
  await expect(page.locator('[data-metric="Invocations"] dd')).toHaveText('1');
  await expect(page.locator('details.delivery')).toHaveCount(0);

  // Stepping writes the moment back into the address bar; the end of the run removes it.
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/[?&]t=61863(&|$)/);
  await page.keyboard.press('End');
  await expect(page).not.toHaveURL(/[?&]t=/);
  await expect(item).toContainText('succeeded');
  expect(errors).toEqual([]);
});

test('the scrubber seeks in simulated time', async ({ page }) => {
  const errors = collectErrors(page);
  await open(page);
  const slider = page.getByRole('slider', { name: 'Simulated time' });
  await slider.fill('30000');
  await expect(clock(page)).toContainText('+30.000 s');
  expect((await sim(page)).cursor).toBe(9);
  await expect(timeline(page).locator('tr[aria-current="step"]')).toHaveAttribute('data-seq', '9');
  expect(errors).toEqual([]);
});

test('[ and ] change the speed, but not while typing in a field', async ({ page }) => {
  const errors = collectErrors(page);
  await open(page);
  const speed = page.getByLabel('Speed');
  await expect(speed).toHaveValue('1');
  await page.keyboard.press(']');
  await expect(speed).toHaveValue('2');
  await page.keyboard.press('[');
  await page.keyboard.press('[');
  await expect(speed).toHaveValue('0.5');
  expect((await sim(page)).speed).toBe(0.5);

  await page.getByLabel('Seed').focus();
  await page.keyboard.press(']');
  await page.keyboard.press('Space');
  await expect(speed).toHaveValue('0.5');
  expect((await sim(page)).playing).toBe(false);
  expect(errors).toEqual([]);
});

test('? opens the list of shortcuts and Escape closes it', async ({ page }) => {
  const errors = collectErrors(page);
  await open(page);
  await page.keyboard.press('End');
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  for (const action of ['Play or pause', 'Step forward one event', 'Jump to the start', 'Faster', 'Slower'])
    await expect(dialog).toContainText(action);
  // Keys do not drive the player behind the dialog.
  await page.keyboard.press('ArrowLeft');
  expect((await sim(page)).cursor).toBe(18);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: /Shortcuts/ }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  expect(errors).toEqual([]);
});

test('playing at 1× skips the 60 s retry wait and says how much time it skipped', async ({ page }) => {
  const errors = collectErrors(page);
  await open(page);
  await page.keyboard.press('Home');
  await page.keyboard.press('Space');
  const skip = page.getByTestId('skip-indicator');
  await expect(skip).toBeVisible({ timeout: 5000 });
  await expect(skip).toHaveText(/^\+\d+ s of quiet time skipped$/);
  const { clockMs, cursor } = await sim(page);
  expect(clockMs).toBeGreaterThan(60_000);
  expect(cursor).toBeGreaterThanOrEqual(9);
  await page.keyboard.press('Space');
  expect(errors).toEqual([]);
});
