/**
 * Accessibility, checked with axe against the production build: every screen in the light and the dark theme
 * (WCAG 2.0/2.1 A and AA rules) must have no serious or critical violation, and the diagram is operable from the
 * keyboard with a visible focus. What is checked and what is excluded is described in docs/accessibility.md.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function open(page: Page, query = '') {
  await page.goto(`/?test=1${query}`);
  await page.waitForFunction(() => window.__sim?.status === 'ready');
}

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type Violation = AxeResults['violations'][number];

/** One violation as lines a person can act on: the rule, its impact, and each offending element with the reason. */
function describe(violation: Violation): string {
  const nodes = violation.nodes.map(
    (node) => `    ${node.target.join(' ')}\n      ${(node.failureSummary ?? '').replace(/\n/g, '\n      ')}`,
  );
  return `${violation.id} (${violation.impact}): ${violation.help}\n  ${violation.helpUrl}\n${nodes.join('\n')}`;
}

/** Runs axe on the page as it stands; a serious or critical violation fails the test (softly, so every screen reports). */
async function audit(page: Page, screen: string) {
  // Let entrance animations finish: axe would otherwise measure the contrast of half-faded text.
  await page.waitForTimeout(400);
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect.soft(blocking.length, `${screen}:\n${blocking.map(describe).join('\n')}`).toBe(0);
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });
    // Each screen is a full axe pass (a few seconds on the run page with its tables).
    test.describe.configure({ timeout: 180_000 });

    test('the run page: at the start, mid-run with an item and then a node selected, and its tables', async ({
      page,
    }) => {
      await open(page);
      await audit(page, 'run page at the start');

      await open(page, '&scenario=async-retries-exhausted&t=500');
      await page.locator('.token[data-item]').first().click();
      await expect(page.getByRole('complementary', { name: 'Selection' })).toBeVisible();
      await audit(page, 'run page mid-run, an item selected');
      await page.locator('.pipeline-node[data-node="function"]').click();
      await audit(page, 'run page mid-run, a node selected');

      await page.getByRole('button', { name: 'Jump to end' }).click();
      await expect(page.locator('.results table').first()).toBeVisible();
      await page.locator('.results').scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await audit(page, 'the run’s tables after the end');
    });

    test('the scenario browser, the tours and a tour, and the quiz', async ({ page }) => {
      await open(page);
      await page.getByRole('button', { name: 'Browse scenarios' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await audit(page, 'preset browser dialog');
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'Guided tours' }).click();
      await expect(page.getByRole('dialog', { name: 'Guided tours' })).toBeVisible();
      await audit(page, 'guided tours dialog');

      await open(page, '&tour=async&step=3');
      await expect(page.locator('.tour-panel')).toContainText('step 3 of');
      await audit(page, 'a tour at step 3');

      await open(page, '&scenario=async-retries-exhausted');
      await page
        .getByRole('button', { name: /^Quiz me/ })
        .first()
        .click();
      await expect(page.locator('.quiz-panel')).toBeVisible();
      await audit(page, 'the quiz');
    });

    test('the comparison page and the fork dialog', async ({ page }) => {
      await page.goto('/?test=1&compare=same-order-sync,same-order-async');
      await expect(page.getByTestId('compare-pane')).toHaveCount(2);
      await expect(page.getByTestId('comparison-table')).toBeVisible();
      await audit(page, 'compare page');

      await open(page, '&scenario=async-retries-exhausted&t=500');
      await page.getByRole('button', { name: 'Fork from here' }).click();
      await expect(page.getByRole('dialog', { name: /Fork the run at/ })).toBeVisible();
      await audit(page, 'fork dialog');
    });

    test('the editor: form, JSON, and a bad value', async ({ page }) => {
      await open(page, '&scenario=sync-success');
      await page.getByRole('button', { name: 'Edit scenario' }).click();
      const timeout = page.locator('input[data-path="function.Timeout"]');
      await expect(timeout).toBeVisible();
      await audit(page, 'editor, form');
      await timeout.fill('901');
      await expect(timeout).toHaveAttribute('aria-invalid', 'true');
      await audit(page, 'editor, form with an error');
      await timeout.fill('12');
      await page
        .getByRole('group', { name: 'Edit the scenario as' })
        .getByRole('button', { name: 'JSON' })
        .click();
      await expect(page.locator('textarea').first()).toBeVisible();
      await audit(page, 'editor, JSON');
    });

    test('SAM import with a report, and SAM export', async ({ page }) => {
      await open(page);
      await page.getByRole('button', { name: 'Import template' }).click();
      const dialog = page.getByRole('dialog', { name: 'Import a SAM or CloudFormation template' });
      await dialog.locator('textarea').fill(TEMPLATE);
      await dialog.getByRole('button', { name: 'Read template' }).click();
      await expect(dialog).toContainText('VisibilityTimeout');
      await audit(page, 'SAM import dialog with a report');
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'Export as SAM' }).click();
      await expect(page.getByRole('dialog', { name: 'Export as a SAM template' })).toBeVisible();
      await audit(page, 'SAM export dialog');
    });

    test('configuration pitfalls and the Download menu', async ({ page }) => {
      await open(page, '&scenario=sqs-visibility-too-short');
      const pitfalls = page.getByTestId('run-warnings');
      await pitfalls.locator('summary').click();
      await expect(pitfalls.locator('li').first()).toBeVisible();
      await audit(page, 'configuration pitfalls opened');

      await page.getByRole('button', { name: 'Download' }).click();
      await expect(page.getByRole('menu', { name: 'Download' })).toBeVisible();
      await audit(page, 'Download menu open');
    });

    test('presenter mode and its key list; embed mode', async ({ page }) => {
      await open(page, '&present=1&tour=async&step=2');
      await expect(page.getByTestId('presenter')).toBeVisible();
      await audit(page, 'presenter mode');
      await page.keyboard.press('?');
      await expect(page.getByRole('dialog', { name: 'Presenter keys' })).toBeVisible();
      await audit(page, 'presenter key list');

      await open(page, '&embed=1&scenario=async-dlq');
      await expect(page.getByTestId('embed')).toBeVisible();
      await audit(page, 'embed mode');
    });
  });
}

test('the narration is a live region while paused: stepping is read out', async ({ page }) => {
  await open(page, '&scenario=async-dlq');
  await page.getByRole('button', { name: 'Jump to end' }).click();
  const live = page.getByTestId('narration').locator('[aria-live="polite"]').first();
  await expect(live).toContainText('Why?');
});

test('keyboard: Tab reaches the diagram’s nodes, Enter selects one, and the focus is visible', async ({
  page,
}) => {
  await open(page, '&scenario=async-dlq');
  let reached = false;
  for (let i = 0; i < 80 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => !!document.activeElement?.closest('.react-flow__node'));
  }
  expect(reached, 'Tab never reached a node of the diagram').toBe(true);

  const focus = await page.evaluate(() => {
    // The node's wrapper takes the focus; its ring is drawn on the card inside it (src/ui/diagram/diagram.css).
    const focused = document.activeElement as HTMLElement;
    const el = focused.querySelector<HTMLElement>('.pipeline-node') ?? focused;
    const style = getComputedStyle(el);
    return {
      visible: focused.matches(':focus-visible'),
      outline: style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth),
      shadow: style.boxShadow,
    };
  });
  expect(focus.visible).toBe(true);
  expect(focus.outline > 0 || (focus.shadow !== 'none' && focus.shadow !== '')).toBe(true);

  await page.keyboard.press('Enter');
  const panel = page.getByRole('complementary', { name: 'Selection' });
  await expect(panel.getByRole('heading').first()).toBeVisible();
  await expect(
    page.locator('.react-flow__node.selected, .pipeline-node.is-selected, [aria-pressed="true"]').first(),
  ).toBeVisible();
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
