/**
 * The animated diagram, driven as a person would against the production build: the pipeline drawn from
 * the scenario, tokens that move as the run plays and come back to the same place when stepping back,
 * countdowns, throttles, deliveries, counts for large runs, selection, themes, reduced motion and a
 * narrow window. Assertions read what is on screen (nodes, tokens and their words), not internals.
 */
import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './helpers';

async function open(page: Page, query = '') {
  await page.goto(`/?test=1${query}`);
  await page.waitForFunction(() => window.__sim?.status === 'ready');
  await expect(page.getByTestId('diagram').locator('.pipeline-node').first()).toBeVisible();
}

const diagram = (page: Page) => page.getByTestId('diagram');
const node = (page: Page, id: string) => diagram(page).locator(`.pipeline-node[data-node="${id}"]`);
const token = (page: Page, item: string) => diagram(page).locator(`.token[data-item="${item}"]`);
const cursor = (page: Page) => page.evaluate(() => window.__sim?.cursor ?? NaN);

/** Every token on screen: which item, on which node, in which phase, what it says. */
async function tokens(page: Page) {
  return diagram(page)
    .locator('.token[data-item]')
    .evaluateAll((els) =>
      els
        .map((el) => ({
          item: el.getAttribute('data-item'),
          node: el.getAttribute('data-node'),
          phase: el.getAttribute('data-phase'),
          text: el.textContent,
          label: el.getAttribute('aria-label'),
        }))
        .sort((a, b) => String(a.item).localeCompare(String(b.item))),
    );
}

/** What the diagram says: its tokens and every node's badges. */
async function diagramState(page: Page) {
  return {
    tokens: await tokens(page),
    badges: await diagram(page)
      .locator('.pipeline-node')
      .evaluateAll((els) => els.map((el) => `${el.getAttribute('data-node')}: ${el.textContent}`)),
  };
}

test('opens on default with the pipeline drawn: caller, Lambda service, async queue, function, destinations, DLQ', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await open(page);
  const nodes: Array<[string, string]> = [
    ['caller:s3', 'Amazon S3'],
    ['lambda', 'Lambda service'],
    ['async-queue', 'Async event queue'],
    ['function', 'process-order'],
    ['dest:on-success', 'orders-results'],
    ['dest:on-failure', 'orders-failed'],
    ['dest:dlq', 'orders-dlq'],
  ];
  for (const [id, title] of nodes) await expect(node(page, id)).toContainText(title);
  await expect(diagram(page).locator('.react-flow__edge')).toHaveCount(6);
  // Nothing has happened yet: no token, and the player says how to start.
  await expect(diagram(page).locator('.token[data-item]')).toHaveCount(0);
  await expect(page.getByTestId('current-event')).toContainText('Press Space to play');
  expect(errors).toEqual([]);
});

test('Space plays: the clock advances and the event token travels from the caller into the pipeline', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await open(page);
  await page.keyboard.press('ArrowRight'); // the event arrives at its caller
  await expect(token(page, 'order-event')).toHaveAttribute('data-node', 'caller:s3');
  const start = await token(page, 'order-event').boundingBox();

  await page.keyboard.press('Space');
  await page.waitForFunction(() => (window.__sim?.clockMs ?? 0) > 500);
  await expect(token(page, 'order-event')).toHaveAttribute('data-node', 'function');
  await page.waitForTimeout(900); // let the glide finish
  const moved = await token(page, 'order-event').boundingBox();
  expect(moved!.x - start!.x).toBeGreaterThan(200);
  await page.keyboard.press('Space');
  expect(await page.evaluate(() => window.__sim?.playing)).toBe(false);
  expect(errors).toEqual([]);
});

test('a failed attempt waits in the async queue with a countdown to its retry (≈60 s, then ≈2 min)', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await open(page, '&t=1063'); // attempt 1 has failed; the retry is scheduled
  const event = token(page, 'order-event');
  await expect(event).toHaveAttribute('data-node', 'async-queue');
  await expect(event).toHaveAttribute('data-phase', 'retry-wait');
  await expect(event).toHaveText('60s');
  await expect(node(page, 'async-queue')).toContainText('1 waiting to retry');
  await expect(page.getByTestId('diagram-caption')).toHaveText('process-order → Async event queue');
  await page.getByRole('slider', { name: 'Simulated time' }).fill('31063');
  await expect(event).toHaveText('30s');
  // The second retry waits about two minutes.
  await page.getByRole('slider', { name: 'Simulated time' }).fill('61863');
  await expect(event).toHaveText('2m');
  expect(errors).toEqual([]);
});

test('stepping back then forward shows exactly the same diagram', async ({ page }) => {
  const errors = collectErrors(page);
  await open(page, '&scenario=sqs-partial-batch-failure');
  for (let i = 0; i < 2; i++) await page.keyboard.press('Shift+ArrowRight');
  const before = await diagramState(page);
  expect(before.tokens.length).toBeGreaterThan(0);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  expect(await diagramState(page)).not.toEqual(before);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  expect(await diagramState(page)).toEqual(before);
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowRight');
  expect(await diagramState(page)).toEqual(before);
  expect(errors).toEqual([]);
});

test('a link with scenario and t opens at that moment: request B was throttled and its caller got 429', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await open(page, '&scenario=sync-throttled&t=1000');
  await expect(page.getByTestId('player-clock')).toContainText('+1.000 s');
  const b = token(page, 'B');
  await expect(b).toHaveAttribute('data-node', 'caller:client');
  await expect(b).toHaveAttribute('data-phase', 'throttled');
  await expect(b).toContainText('429');
  await expect(token(page, 'A')).toHaveAttribute('data-node', 'function');
  await expect(node(page, 'function')).toContainText('concurrency 1');
  expect(errors).toEqual([]);
});

test('at the end of async-dlq the event sits in the dead-letter queue node', async ({ page }) => {
  const errors = collectErrors(page);
  await open(page, '&scenario=async-dlq');
  await page.keyboard.press('End');
  await expect(token(page, 'event')).toHaveAttribute('data-node', 'dest:dlq');
  await expect(token(page, 'event')).toHaveAttribute('data-phase', 'delivered');
  await expect(node(page, 'dest:dlq')).toContainText('1 delivered');
  // The record the DLQ received is one click away: the original event, the error in message attributes.
  await token(page, 'event').click();
  const panel = page.getByRole('complementary', { name: 'Selection' });
  await expect(panel).toContainText('Records sent about it');
  await expect(panel.getByLabel('Record sent to the dead-letter queue')).toContainText('"ErrorCode"');
  await node(page, 'dest:dlq').click();
  await expect(panel).toContainText('Records received (1)');
  expect(errors).toEqual([]);
});

test('poll-based: the SQS queue, its poller and the redrive to the queue’s DLQ after three receives', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await open(page, '&scenario=sqs-redrive-to-dlq');
  for (const id of ['producer:orders', 'sqs:orders', 'sqs-dlq:orders', 'poller:orders', 'lambda', 'function'])
    await expect(node(page, id)).toBeVisible();
  await page.keyboard.press('End');
  const message = token(page, 'm1');
  await expect(message).toHaveAttribute('data-node', 'sqs-dlq:orders');
  await expect(message).toContainText('×3');
  expect(errors).toEqual([]);
});

test('too many items to follow: burst-scaling shows counts on the nodes instead of tokens', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await open(page, '&scenario=burst-scaling');
  await page.keyboard.press('End');
  await expect(diagram(page).locator('.token[data-item]')).toHaveCount(0);
  await expect(diagram(page).getByRole('status')).toContainText('too many to follow one by one');
  await expect(node(page, 'caller:clients')).toContainText('1,000 answered OK');
  await expect(node(page, 'caller:clients')).toContainText('2,000 got 429');
  expect(errors).toEqual([]);
});

test('clicking a token follows the item; clicking a node shows its settings; Close clears the selection', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await open(page, '&t=61863');
  const panel = page.getByRole('complementary', { name: 'Selection' });
  await token(page, 'order-event').click();
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('order-event');
  await expect(panel).toContainText('Its story so far');
  await expect(panel.locator('.history li')).toHaveCount(14);
  // A history entry moves the player to it.
  await panel.locator('.history-entry').first().click();
  expect(await cursor(page)).toBe(0);

  await node(page, 'async-queue').click();
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Async event queue');
  await expect(panel).toContainText('MaximumRetryAttempts');
  await expect(panel).toContainText('MaximumEventAgeInSeconds');
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(panel).toContainText('Reading the diagram');
  expect(errors).toEqual([]);
});

test('a node can be selected from the keyboard', async ({ page }) => {
  await open(page);
  const s3 = diagram(page).locator('.react-flow__node[data-id="caller:s3"]');
  await s3.focus();
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('complementary', { name: 'Selection' }).getByRole('heading', { level: 2 }),
  ).toHaveText('Amazon S3');
});

test('the theme switch turns the page dark and is remembered', async ({ page }) => {
  await open(page);
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await background();
  await page.getByRole('radio', { name: 'Dark' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await background()).not.toBe(light);
  await page.reload();
  await page.waitForFunction(() => window.__sim?.status === 'ready');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('radio', { name: 'Auto' }).check();
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
});

test.describe('with reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });
  test('tokens jump to their new place at once', async ({ page }) => {
    await open(page);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(token(page, 'order-event')).toHaveAttribute('data-node', 'lambda');
    const box = await token(page, 'order-event').boundingBox();
    await page.waitForTimeout(600);
    expect(await token(page, 'order-event').boundingBox()).toEqual(box);
  });
});

test.describe('in a tablet-width window', () => {
  test.use({ viewport: { width: 800, height: 1000 } });
  test('the side panel goes below the diagram and nothing overlaps', async ({ page }) => {
    const errors = collectErrors(page);
    await open(page);
    const boxes = await Promise.all(
      ['.stage-diagram', '.side-panel', '.player'].map((sel) => page.locator(sel).boundingBox()),
    );
    const [d, panel] = boxes;
    expect(panel!.y).toBeGreaterThanOrEqual(d!.y + d!.height);
    for (const box of boxes) expect(box!.x + box!.width).toBeLessThanOrEqual(800);
    // The whole pipeline fits in the diagram, also after the window is resized.
    const fits = async () => {
      const frame = (await page.locator('.stage-diagram').boundingBox())!;
      for (const box of await diagram(page)
        .locator('.pipeline-node')
        .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect))) {
        expect(box.left).toBeGreaterThanOrEqual(frame.x - 1);
        expect(box.right).toBeLessThanOrEqual(frame.x + frame.width + 1);
      }
    };
    await fits();
    await page.setViewportSize({ width: 1000, height: 900 });
    await page.waitForTimeout(300);
    await fits();
    await page.setViewportSize({ width: 800, height: 1000 });
    await page.waitForTimeout(300);
    // The header's controls stay inside the window.
    for (const sel of ['.brand', '.run-controls', '.theme-switch']) {
      const box = await page.locator(sel).boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(800);
    }
    expect(errors).toEqual([]);
  });
});

test('the preset browser shows each preset’s explanation and opens the chosen one', async ({ page }) => {
  const errors = collectErrors(page);
  await open(page);
  await page.getByRole('button', { name: 'Browse scenarios' }).click();
  const dialog = page.getByRole('dialog', { name: 'Choose a scenario' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading', { level: 3, name: 'Poll-based' })).toBeVisible();
  await dialog.getByLabel(/Filter/).fill('fifo');
  await dialog.getByRole('button', { name: /FIFO/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/scenario=sqs-fifo-group-blocking/);
  await expect(node(page, 'sqs:orders')).toContainText('FIFO');
  expect(errors).toEqual([]);
});
