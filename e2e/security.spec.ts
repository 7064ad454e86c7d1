/**
 * Security, against the production build (docs/security.md): the page's Content Security Policy (no eval, no inline
 * script) holds on every screen without a single violation; names, payloads and imported templates are shown as
 * text, never as HTML; and a whole session asks for nothing from another origin.
 */
import { readFile } from 'node:fs/promises';
import { deflateRawSync } from 'node:zlib';
import { expect, test, type Page, type Worker } from '@playwright/test';
import { collectErrors } from './helpers';

declare global {
  interface Window {
    __cspViolations?: string[];
    __pwned?: unknown;
  }
}

/** Records every Content Security Policy violation of the page's document, from its first script on. */
async function watchPolicy(page: Page) {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations!.push(
        `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`,
      );
    });
  });
}

const violations = (page: Page) => page.evaluate(() => window.__cspViolations ?? ['(not watched)']);

const WORKER_SCRIPT = /\/assets\/simulation\.worker-[\w-]+\.js$/;

/**
 * The simulation worker records its own violations (they are not the document's): its script is served with a
 * first line put in front, which runs before anything else in it (the worker's bundle imports nothing). That line
 * adds a listener, then tries eval once: the one violation it causes, on line 1, shows that the policy covers the
 * worker and that the listener hears it (Playwright's own evaluation in a worker is exempt from the policy).
 */
async function watchWorkerPolicy(page: Page) {
  await page.route(WORKER_SCRIPT, async (route) => {
    const response = await route.fetch();
    const firstLine =
      "self.__cspViolations=[];self.addEventListener('securitypolicyviolation',(e)=>self.__cspViolations.push(e.effectiveDirective+' '+(e.blockedURI||'(inline)')+' line '+e.lineNumber));" +
      "try{new Function('')}catch(_){}\n";
    await route.fulfill({ response, body: firstLine + (await response.text()) });
  });
}

/** The eval the first line tries, as its violation reads. */
const WORKER_PROBE = 'script-src eval line 1';

const workerViolations = (worker: Worker) =>
  worker.evaluate(() => (self as unknown as { __cspViolations: string[] }).__cspViolations);

function simulationWorker(page: Page): Worker {
  const worker = page.workers().find((w) => WORKER_SCRIPT.test(w.url()));
  if (!worker) throw new Error(`no simulation worker among ${page.workers().map((w) => w.url())}`);
  return worker;
}

const ready = (page: Page) => page.waitForFunction(() => window.__sim?.status === 'ready');

async function open(page: Page, query = '') {
  await page.goto(`/?test=1${query}`);
  await ready(page);
}

/** Opens the Download menu, picks `label` and waits for the file. */
async function download(page: Page, label: string) {
  await page.getByRole('button', { name: 'Download' }).click();
  const started = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: label }).click();
  const file = await started;
  return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
}

test.describe('Content Security Policy', () => {
  test('the served page carries the policy: no eval, no inline script, every script a file', async ({
    request,
  }) => {
    const response = await request.get('/');
    const html = await response.text();
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
    expect(meta, 'index.html has no Content-Security-Policy meta').not.toBeNull();
    const policy = meta![1]!;
    const directives = new Map(
      policy.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name!, values] as const;
      }),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(policy).not.toContain('unsafe-eval');
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
    // A policy in a meta element must come before what it covers.
    expect(html.indexOf(meta![0])).toBeLessThan(html.indexOf('<script'));

    const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [tag, body] of scripts) {
      expect(tag, 'a script without src').toMatch(/^<script\b[^>]*\ssrc="\/[^"]+"/);
      expect(body!.trim()).toBe('');
    }
    // No inline event handlers either.
    expect(html).not.toMatch(/\son[a-z]+=/i);
    // vite preview sends the same policy as a header, as a host should.
    expect(response.headers()['content-security-policy']).toBe(policy);
  });

  test('no screen breaks the policy: run, preset browser, editor, charts, downloads, comparison, presenter, embed', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const errors = collectErrors(page);
    await watchPolicy(page);
    await watchWorkerPolicy(page);

    // The run page, played for a moment.
    await open(page, '&scenario=async-retries-exhausted');
    await page.getByRole('button', { name: 'Play' }).first().click();
    await page.waitForTimeout(800);
    await page.keyboard.press('Space');
    await page.locator('.token[data-item]').first().click();
    await expect(page.getByRole('complementary', { name: 'Selection' })).toBeVisible();
    await page.locator('.pipeline-node[data-node="function"]').click();
    await page.keyboard.press('?');
    const shortcuts = page.getByRole('dialog', { name: /shortcuts/i });
    await expect(shortcuts).toBeVisible();
    // Its Close button submits a method="dialog" form: not a submission that form-action 'none' refuses.
    await shortcuts.getByRole('button', { name: 'Close' }).click();
    await expect(shortcuts).toBeHidden();

    // The metric charts (uPlot) and the run's tables.
    await page.getByRole('button', { name: 'Jump to end' }).click();
    const charts = page.locator('.metrics-charts');
    await charts.scrollIntoViewIfNeeded();
    await expect(charts.getByRole('figure', { name: /^Invocations / })).toBeVisible();

    // Every file of the Download menu: html-to-image draws the diagram (PNG and SVG).
    await page.evaluate(() => window.scrollTo(0, 0));
    for (const label of ['Results (JSON)', 'Items (CSV)', 'Diagram (PNG)', 'Diagram (SVG)']) {
      const file = await download(page, label);
      expect(file.text.length, label).toBeGreaterThan(100);
    }

    // The preset browser and the tours.
    await page.getByRole('button', { name: 'Browse scenarios' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Guided tours' }).click();
    await expect(page.getByRole('dialog', { name: 'Guided tours' })).toBeVisible();
    await page.keyboard.press('Escape');

    // The editor: form and JSON, then a run of the edited scenario.
    await page.getByRole('button', { name: 'Edit scenario' }).click();
    await page.locator('input[data-path="function.Timeout"]').fill('12');
    await page
      .getByRole('group', { name: 'Edit the scenario as' })
      .getByRole('button', { name: 'JSON' })
      .click();
    await expect(page.locator('textarea').first()).toBeVisible();
    await page.getByRole('button', { name: 'Run this scenario' }).click();
    await ready(page);

    // SAM import.
    await page.getByRole('button', { name: 'Import template' }).click();
    const sam = page.getByRole('dialog', { name: 'Import a SAM or CloudFormation template' });
    await sam.locator('textarea').fill(TEMPLATE);
    await sam.getByRole('button', { name: 'Read template' }).click();
    await expect(sam).toContainText('VisibilityTimeout');
    await page.keyboard.press('Escape');

    expect(await workerViolations(simulationWorker(page))).toEqual([WORKER_PROBE]);
    expect(await violations(page)).toEqual([]);

    // The comparison, presenter and embed modes.
    await page.goto('/?test=1&compare=same-order-sync,same-order-async');
    await expect(page.getByTestId('compare-pane')).toHaveCount(2);
    await expect(page.getByTestId('comparison-table')).toBeVisible();
    expect(await violations(page)).toEqual([]);

    await open(page, '&present=1&tour=async&step=2');
    await expect(page.getByTestId('presenter')).toBeVisible();
    await page.keyboard.press('ArrowRight');
    expect(await violations(page)).toEqual([]);

    await open(page, '&embed=1&scenario=async-dlq');
    await expect(page.getByTestId('embed')).toBeVisible();
    await page.waitForTimeout(500);
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('the worker builds and uses its schemas under the policy without eval', async ({ page }) => {
    await watchWorkerPolicy(page);
    // An edited scenario is validated in the worker (the preset is too, at start).
    await open(page, '&scenario=async-dlq');
    await page.getByRole('button', { name: 'Edit scenario' }).click();
    await page.locator('input[data-path="function.Timeout"]').fill('12');
    await page.getByRole('button', { name: 'Run this scenario' }).click();
    await ready(page);
    // Only the first line's own eval was refused: zod never tried.
    await expect.poll(() => workerViolations(simulationWorker(page))).toEqual([WORKER_PROBE]);
  });

  test('embed mode works inside another site’s frame (a meta policy cannot forbid framing)', async ({
    page,
    baseURL,
  }) => {
    const errors = collectErrors(page);
    await page.setContent(
      `<iframe src="${baseURL}/?test=1&embed=1&scenario=async-dlq" width="900" height="600"></iframe>`,
    );
    const frame = page.frameLocator('iframe');
    await expect(frame.getByTestId('embed')).toBeVisible();
    await expect(frame.locator('.pipeline-node').first()).toBeVisible();
    expect(errors).toEqual([]);
  });
});

/** Strings that would run script if they were ever put into the page as HTML. */
const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=1</script>';
const SVG = '"><svg onload="window.__pwned=1">';
const JS_URL = 'javascript:window.__pwned=1';
/** Right-to-left override and zero-width space: shown as they are, not reordered into something else. */
const RTL = 'evt\u202Egnp.exe\u200B';
const LONG = `long-${'x'.repeat(3000)}`;

/** A scenario whose every free text is hostile: title, description, ids, ARNs, error, runtime, payloads. */
const HOSTILE_SCENARIO = {
  id: 'hostile',
  title: IMG,
  description: `${SCRIPT} ${SVG} ${LONG}`,
  function: {
    FunctionName: 'process-order',
    Runtime: SCRIPT,
    DeadLetterConfig: { TargetArn: `arn:aws:sqs:us-east-1:123456789012:${IMG}` },
    behavior: {
      rules: [{ result: 'error', durationMs: 500, error: { errorType: SCRIPT, errorMessage: SVG } }],
    },
  },
  sources: [
    {
      type: 'async',
      id: SVG,
      caller: 'direct',
      requests: [{ id: IMG, atMs: 0, payload: { [SCRIPT]: IMG, link: JS_URL, formula: '=1+2', long: LONG } }],
    },
    {
      type: 'sync',
      id: JS_URL,
      caller: 'direct',
      requests: [{ id: '=1+2', atMs: 10, payload: { s: `</textarea></pre>${IMG}` } }],
    },
    { type: 'sync', id: 'rtl', caller: 'direct', requests: [{ id: RTL, atMs: 20 }] },
  ],
};

/** A `custom=` link as the app writes one: deflate-raw, base64url, of {title, origin, scenario}. */
function customLink(title: string, origin: string, scenario: unknown): string {
  const packed = deflateRawSync(Buffer.from(JSON.stringify({ title, origin, scenario }))).toString(
    'base64url',
  );
  return `/?test=1&custom=${packed}`;
}

/**
 * Nothing in the page came from a hostile string: no flag set by one, no `img[src=x]`, no inline script, no
 * inline event handler attribute, and every link is http(s) (AWS's documentation, the page's own address).
 */
async function expectNothingInjected(page: Page) {
  const found = await page.evaluate(() => ({
    pwned: window.__pwned ?? null,
    images: document.querySelectorAll('img[src="x"]').length,
    inlineScripts: [...document.scripts].filter((script) => !script.src).length,
    handlers: [...document.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`),
    ),
    links: [...document.querySelectorAll<HTMLAnchorElement>('a[href]')]
      .map((a) => a.href)
      .filter((href) => !/^https?:\/\//.test(href)),
  }));
  expect(found).toEqual({ pwned: null, images: 0, inlineScripts: 0, handlers: [], links: [] });
}

test.describe('hostile strings are shown as text', () => {
  test('a scenario from a custom= link: title, diagram, inspector, narration, transcript, tables, CSV', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const errors = collectErrors(page);
    await watchPolicy(page);
    await page.goto(customLink(IMG, `${SCRIPT} ${JS_URL}`, HOSTILE_SCENARIO));
    await ready(page);
    expect(await page.evaluate(() => window.__sim?.results?.items.length)).toBe(3);

    // The title and where it came from, literally.
    await expect(page.getByText(IMG, { exact: true }).first()).toBeVisible();
    await expect(page.locator('.intro')).toContainText(`${SCRIPT} ${JS_URL}`);
    // The diagram's labels: the dead-letter queue named by its ARN, and the sources' edges.
    const diagram = page.getByTestId('diagram');
    await expect(diagram.locator('.pipeline-node', { hasText: IMG })).toBeVisible();
    // Edges are labelled for assistive technology only.
    await expect(diagram.getByRole('img', { name: `Edge from caller:${SVG} to lambda` })).toHaveCount(1);
    await expect(diagram.getByRole('img', { name: `Edge from caller:${JS_URL} to lambda` })).toHaveCount(1);
    await expectNothingInjected(page);

    // Played to the end: the event with the hostile id in the inspector, with its payload as JSON text.
    await page.getByRole('button', { name: 'Jump to end' }).click();
    await page.locator('.token').first().click();
    const panel = page.getByRole('complementary', { name: 'Selection' });
    await expect(panel).toContainText(IMG);
    const payload = panel.getByLabel('The payload it arrived with');
    await expect(payload).toContainText(JSON.stringify(SCRIPT));
    await expect(payload).toContainText(JSON.stringify(JS_URL));
    await expectNothingInjected(page);

    // The narration and its transcript name the items as they are.
    const narration = page.getByTestId('narration');
    await narration.getByRole('button', { name: /^Transcript/ }).click();
    await expect(narration).toContainText(IMG);
    // The run's tables: every id, the right-to-left and zero-width characters kept as they are.
    const items = page.getByRole('table', { name: /Outcome, attempts, response and deliveries/ });
    await expect(items).toContainText(IMG);
    await expect(items).toContainText('=1+2');
    expect(await items.evaluate((table) => table.textContent)).toContain(RTL);
    await expectNothingInjected(page);

    // The items CSV keeps the ids, formulas disarmed.
    await page.evaluate(() => window.scrollTo(0, 0));
    const csv = await download(page, 'Items (CSV)');
    expect(csv.text).toContain(`'=1+2`);
    expect(csv.text).toContain(RTL);
    expect(csv.text).not.toMatch(/(^|[\r\n,])=1\+2/);

    // The SAM export shows the scenario as text too.
    await page.getByRole('button', { name: 'Export as SAM' }).click();
    const sam = page.getByRole('dialog', { name: 'Export as a SAM template' });
    await expect(sam).toContainText(SCRIPT);
    await page.keyboard.press('Escape');

    await expectNothingInjected(page);
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('the editor takes a hostile scenario as JSON and runs it; the values stay text', async ({ page }) => {
    test.setTimeout(90_000);
    const errors = collectErrors(page);
    await open(page, '&scenario=sync-success');
    await page.getByRole('button', { name: 'Edit scenario' }).click();
    await page
      .getByRole('group', { name: 'Edit the scenario as' })
      .getByRole('button', { name: 'JSON' })
      .click();
    await page
      .locator('textarea')
      .first()
      .fill(JSON.stringify(HOSTILE_SCENARIO, null, 2));
    await page.getByRole('button', { name: 'Run this scenario' }).click();
    await ready(page);
    await expect(page.getByTestId('diagram').locator('.pipeline-node', { hasText: IMG })).toBeVisible();
    await expectNothingInjected(page);

    // A name AWS refuses is refused with the value quoted as text.
    await page.getByRole('button', { name: 'Edit scenario' }).click();
    const name = page.locator('input[data-path="function.FunctionName"]');
    await name.fill(IMG);
    await expect(page.locator('[id$="-issues"]').first()).toContainText('regular expression');
    await expect(name).toHaveValue(IMG);
    await expectNothingInjected(page);
    expect(errors).toEqual([]);
  });

  test('a SAM template with hostile logical ids, names and runtime: the report and errors are text', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const errors = collectErrors(page);
    await open(page);
    await page.getByRole('button', { name: 'Import template' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a SAM or CloudFormation template' });
    await dialog.locator('textarea').fill(HOSTILE_TEMPLATE);
    await dialog.getByRole('button', { name: 'Read template' }).click();
    // Refused: both names break AWS's patterns; each error quotes the value as it is.
    await expect(dialog.getByText(`Value '${IMG}' at 'functionName'`, { exact: false })).toBeVisible();
    await expect(dialog.getByText(`Value '${SVG}' at 'queueName'`, { exact: false })).toBeVisible();
    await expectNothingInjected(page);

    // With valid names, the hostile logical ids and runtime are reported, and the scenario runs.
    await dialog.locator('textarea').fill(HOSTILE_TEMPLATE_VALID_NAMES);
    await dialog.getByRole('button', { name: 'Read template' }).click();
    await expect(dialog).toContainText(`Runtime ${JSON.stringify(SCRIPT)}`);
    await expect(dialog).toContainText(`Resources.${IMG}`);
    await expect(dialog).toContainText(`Resources.${QUEUE_ID}`);
    await expectNothingInjected(page);
    await dialog.getByRole('button', { name: 'Run this scenario' }).click();
    await ready(page);
    await expect(
      page.getByTestId('diagram').locator('.pipeline-node', { hasText: 'orders-queue' }),
    ).toBeVisible();
    await expectNothingInjected(page);
    expect(errors).toEqual([]);
  });
});

test('a whole session asks for nothing beyond the page’s own origin', async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await open(page);
  await page.getByRole('button', { name: 'Play' }).first().click();
  await page.waitForTimeout(1000);
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Browse scenarios' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Edit scenario' }).click();
  await page.locator('input[data-path="function.Timeout"]').fill('12');
  await page.getByRole('button', { name: 'Run this scenario' }).click();
  await ready(page);
  await page.getByRole('button', { name: 'Jump to end' }).click();
  await page.locator('.metrics-charts').scrollIntoViewIfNeeded();
  await expect(page.locator('.metrics-charts').getByRole('figure').first()).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await download(page, 'Diagram (PNG)');
  await page.goto('/?test=1&compare=same-order-sync,same-order-async');
  await expect(page.getByTestId('comparison-table')).toBeVisible();
  await open(page, '&present=1&tour=async&step=2');
  await expect(page.getByTestId('presenter')).toBeVisible();

  expect(requests.length).toBeGreaterThan(20);
  const origin = new URL(baseURL!).origin;
  expect(requests.filter((url) => new URL(url).origin !== origin && !/^(data|blob):/.test(url))).toEqual([]);
});

/** A logical id without a dot: !GetAtt reads up to the first one. */
const QUEUE_ID = 'Q"><svg onload=alert(1)>';

const HOSTILE_TEMPLATE = `Transform: AWS::Serverless-2016-10-31
Resources:
  ${JSON.stringify(IMG)}:
    Type: AWS::Serverless::Function
    Properties:
      FunctionName: ${JSON.stringify(IMG)}
      Runtime: ${JSON.stringify(SCRIPT)}
      Handler: app.handler
      Events:
        FromQueue:
          Type: SQS
          Properties:
            Queue: !GetAtt ${JSON.stringify(`${QUEUE_ID}.Arn`)}
  ${JSON.stringify(QUEUE_ID)}:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: ${JSON.stringify(SVG)}
`;

const HOSTILE_TEMPLATE_VALID_NAMES = HOSTILE_TEMPLATE.replace(
  `FunctionName: ${JSON.stringify(IMG)}`,
  'FunctionName: process-orders',
).replace(`QueueName: ${JSON.stringify(SVG)}`, 'QueueName: orders-queue');

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  OrdersFunction:
    Type: AWS::Serverless::Function
    Properties:
      FunctionName: process-orders
      Timeout: 20
      Events:
        FromQueue:
          Type: SQS
          Properties:
            Queue: !GetAtt OrdersQueue.Arn
  OrdersQueue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: orders-queue
      VisibilityTimeout: 60
`;
