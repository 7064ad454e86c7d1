/**
 * The learning and comparing features, driven as a person would against the production build: a guided
 * tour and its link, the comparison of runs on one clock, a fork from the player's moment, the scenario
 * editor with a bad value, a configuration pitfall shown happening, and a SAM template imported.
 */
import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './helpers';

async function open(page: Page, query = '') {
  await page.goto(`/?test=1${query}`);
  await page.waitForFunction(() => window.__sim?.status === 'ready');
}

const tourPanel = (page: Page) => page.locator('.tour-panel');

test('a guided tour: the link opens its step, Next moves the player to the next step’s event and the link follows', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await open(page, '&tour=async&step=2');
  await expect(tourPanel(page)).toContainText('step 2 of');
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
  const cursorAt2 = await page.evaluate(() => window.__sim!.cursor);
  expect(cursorAt2).toBeGreaterThanOrEqual(0);

  await tourPanel(page).getByRole('button', { name: 'Next' }).click();
  await expect(tourPanel(page)).toContainText('step 3 of');
  await expect(tourPanel(page)).toContainText('Event Queuing');
  await expect.poll(() => page.evaluate(() => window.__sim!.cursor)).toBeGreaterThan(cursorAt2);
  await expect.poll(() => new URL(page.url()).searchParams.get('step')).toBe('3');
  // The narration explains the event the tour stopped on.
  await expect(page.getByTestId('narration')).toContainText('§2');

  // To the end: the last step's button finishes the tour.
  const total = Number((await tourPanel(page).textContent())!.match(/step \d+ of (\d+)/)![1]);
  for (let step = 3; step < total; step++)
    await tourPanel(page).getByRole('button', { name: 'Next' }).click();
  await expect(tourPanel(page)).toContainText(`step ${total} of ${total}`);
  await tourPanel(page).getByRole('button', { name: 'Finish' }).click();
  await expect(tourPanel(page)).toHaveCount(0);
  expect(new URL(page.url()).searchParams.get('tour')).toBeNull();
  expect(errors).toEqual([]);
});

test('a tour starts from the header’s menu and runs its own preset', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Guided tours' }).click();
  await page.getByRole('dialog', { name: 'Guided tours' }).locator('[data-tour-id="poll"]').click();
  await expect(tourPanel(page)).toContainText('step 1 of');
  await page.waitForFunction(() => window.__sim?.status === 'ready' && window.__sim.presetId !== 'default');
  expect(new URL(page.url()).searchParams.get('tour')).toBe('poll');
});

test('comparison: the same order through four invocation types on one clock, with the table of outcomes', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('/?test=1&compare=same-order-sync,same-order-async,same-order-sqs,same-order-kinesis');
  const panes = page.getByTestId('compare-pane');
  await expect(panes).toHaveCount(4);
  await expect(panes.nth(0).locator('.pipeline-node').first()).toBeVisible();
  const table = page.getByTestId('comparison-table');
  await expect(table.locator('tbody tr')).toHaveCount(4);
  // Synchronous: the caller gets the error and nothing retries; asynchronous: Lambda retries.
  await expect(table.locator('tbody tr').nth(0)).toContainText('returned to the caller');
  await expect(page.locator('.compare-set-lesson')).toContainText('Who retries');

  // One player moves every pane: stepping shows events in the panes' own words.
  const before = await panes.nth(1).getByTestId('current-event').textContent();
  await page.getByRole('button', { name: 'Jump to end' }).click();
  await expect(panes.nth(1).getByTestId('current-event')).not.toHaveText(before!);
  for (let i = 0; i < 4; i++) await expect(panes.nth(i).getByTestId('current-event')).toContainText('+');
  expect(errors).toEqual([]);
});

test('fork: from the player’s moment, change a setting; the original and the fork play side by side', async ({
  page,
}) => {
  const errors = collectErrors(page);
  // Half a second in: the first attempt is running, and Lambda decides about retries when it fails.
  await open(page, '&scenario=async-retries-exhausted&t=500');
  await page.getByRole('button', { name: 'Fork from here' }).click();
  const dialog = page.getByRole('dialog', { name: /Fork the run at/ });
  await expect(dialog).toContainText('+0.500 s');
  await dialog.getByLabel('Setting').selectOption({ label: 'MaximumRetryAttempts — now 2' });
  await dialog.getByLabel(/New MaximumRetryAttempts/).fill('0');
  await dialog.getByRole('button', { name: 'Add change' }).click();
  await expect(dialog.getByRole('list', { name: 'Settings the fork changes' })).toContainText('2 → 0');
  await dialog.getByRole('button', { name: 'Fork and compare' }).click();

  await expect(page.getByRole('heading', { name: 'Original and fork' })).toBeVisible();
  const panes = page.getByTestId('compare-pane');
  await expect(panes).toHaveCount(2);
  await expect(panes.nth(1)).toContainText('MaximumRetryAttempts = 0');
  const rows = page.getByTestId('comparison-table').locator('tbody tr');
  await expect(rows.nth(0).locator('td').nth(1)).toHaveText('3');
  await expect(rows.nth(1).locator('td').nth(1)).toHaveText('1');
  expect(new URL(page.url()).searchParams.get('fork')).toBe('500');
  expect(errors).toEqual([]);
});

test('fork: a bad value is refused in the dialog, with the field and the reason, and the choices stay', async ({
  page,
}) => {
  await open(page, '&scenario=async-retries-exhausted');
  await page.getByRole('button', { name: 'Fork from here' }).click();
  const dialog = page.getByRole('dialog', { name: /Fork the run at/ });
  await dialog.getByLabel('Setting').selectOption({ label: 'MaximumRetryAttempts — now 2' });
  await dialog.getByLabel(/New MaximumRetryAttempts/).fill('7');
  await dialog.getByRole('button', { name: 'Add change' }).click();
  await dialog.getByRole('button', { name: 'Fork and compare' }).click();
  await expect(dialog.getByRole('alert')).toContainText('MaximumRetryAttempts');
  await expect(dialog.getByRole('list', { name: 'Settings the fork changes' })).toContainText('2 → 7');
  await expect(dialog).toBeVisible();
});

test('editor: a bad value shows AWS’s wording at the field, the text stays, and a fixed scenario runs', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await open(page, '&scenario=sync-success');
  await page.getByRole('button', { name: 'Edit scenario' }).click();
  const timeout = page.locator('input[data-path="function.Timeout"]');
  await timeout.fill('901');
  await expect(page.locator('[id$="-issues"]').first()).toContainText('900');
  await expect(timeout).toHaveValue('901');
  await expect(timeout).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('button', { name: 'Run this scenario' })).toBeDisabled();

  // Closing the editor keeps what was typed: opened again, the bad value is still there to fix.
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(timeout).toBeHidden();
  await page.getByRole('button', { name: 'Edit scenario' }).click();
  await expect(timeout).toHaveValue('901');

  await timeout.fill('12');
  await page.getByRole('button', { name: 'Run this scenario' }).click();
  await page.waitForFunction(() => window.__sim?.status === 'ready');
  await expect(page.locator('.intro')).toContainText('(edited)');
  await expect(page.getByTestId('diagram').locator('.pipeline-node').first()).toBeVisible();
  expect(errors).toEqual([]);
});

test('a configuration pitfall: its reason, then "See it happen" runs the consequence', async ({ page }) => {
  const errors = collectErrors(page);
  await open(page, '&scenario=sqs-visibility-too-short');
  const pitfalls = page.getByTestId('run-warnings');
  await expect(pitfalls).toContainText('configuration pitfall');
  await pitfalls.locator('summary').click();
  const item = pitfalls.locator('li', { hasText: 'Visibility timeout shorter than the function timeout' });
  await expect(item).toContainText('VisibilityTimeout');
  await item.getByRole('button', { name: /See it happen/ }).click();
  await page.waitForFunction(() => window.__sim?.status === 'ready');
  await expect(page.locator('.intro')).toContainText('demonstration');
  await page.getByRole('button', { name: 'Jump to end' }).click();
  await expect(page.getByTestId('diagram').locator('.pipeline-node').first()).toBeVisible();
  expect(errors).toEqual([]);
});

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  OrdersFunction:
    Type: AWS::Serverless::Function
    Properties:
      FunctionName: process-orders
      Runtime: nodejs22.x
      Handler: app.handler
      Timeout: 20
      Events:
        FromQueue:
          Type: SQS
          Properties:
            Queue: !GetAtt OrdersQueue.Arn
            BatchSize: 5
  OrdersQueue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: orders-queue
      VisibilityTimeout: 60
`;

test('SAM import: a pasted template becomes a scenario with a report, and runs', async ({ page }) => {
  const errors = collectErrors(page);
  await open(page);
  await page.getByRole('button', { name: 'Import template' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a SAM or CloudFormation template' });
  const text = dialog.locator('textarea');
  // A broken template first: the error names the line, and the text stays.
  await text.fill('Resources:\n  Fn: [unclosed');
  await dialog.getByRole('button', { name: 'Read template' }).click();
  await expect(dialog.getByRole('alert')).toContainText(/line/i);
  await expect(text).toHaveValue('Resources:\n  Fn: [unclosed');

  await text.fill(TEMPLATE);
  await dialog.getByRole('button', { name: 'Read template' }).click();
  await expect(dialog).toContainText('VisibilityTimeout');
  await dialog.getByRole('button', { name: 'Run this scenario' }).click();
  await page.waitForFunction(() => window.__sim?.status === 'ready');
  await expect(
    page.getByTestId('diagram').locator('.pipeline-node', { hasText: 'orders-queue' }),
  ).toBeVisible();
  // A visibility timeout of 60 s is below 6 × 20 s: the pitfall is flagged for the imported scenario…
  const pitfalls = page.getByTestId('run-warnings');
  await expect(pitfalls).toContainText('pitfall');
  await pitfalls.locator('summary').click();
  const visibility = pitfalls.locator('li', { hasText: 'Visibility timeout below 6 × the function timeout' });
  await expect(visibility).toContainText('VisibilityTimeout');
  // …and forking with the fix compares the imported configuration with the fixed one.
  await visibility.getByRole('button', { name: /Fork with the fix/ }).click();
  await expect(page.getByRole('heading', { name: 'Original and fork' })).toBeVisible();
  await expect(page.getByTestId('compare-pane')).toHaveCount(2);
  await expect(page.getByTestId('compare-pane').nth(1)).toContainText('VisibilityTimeout');
  await expect(page.getByTestId('comparison-table').locator('tbody tr')).toHaveCount(2);
  expect(errors).toEqual([]);
});

test('inspector: a token shows its attempts, environment and payload; a DLQ’s record can be copied', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await open(page, '&scenario=async-dlq');
  await page.getByRole('button', { name: 'Jump to end' }).click();
  await page.locator('.token[data-item="event"]').click();
  const panel = page.getByRole('complementary', { name: 'Selection' });
  const rows = panel.locator('.attempts-table tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('cold');
  await expect(rows.nth(1)).toContainText('warm');
  await expect(rows.nth(0)).toContainText('env-');
  await expect(panel.getByLabel('The payload it arrived with')).toContainText('"orderId": "o-1001"');
  await expect(panel.getByRole('img', { name: /3 attempts/ })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Copy record' })).toBeVisible();

  // A component: the function's metrics so far, under CloudWatch's names.
  await page.locator('.pipeline-node[data-node="function"]').click();
  await expect(panel.getByRole('definition').first()).toBeVisible();
  await expect(panel.getByLabel('Metrics so far')).toContainText('Invocations');
  expect(errors).toEqual([]);
});
