/**
 * Recovery from a simulation worker that crashes or hangs, at first load and in the middle of a session:
 * the message is clear, the run on screen stays and plays, the editor keeps the user's text, the address
 * bar keeps the scenario and the moment, and one click restarts the worker and brings the player back
 * to where it was.
 *
 * A test breaks the worker without any hook in the app: the worker's script is routed to a wrapper that
 * first imports a small module registering its own `message` listener, then imports the real worker
 * script (the same URL with `?real`). The listener sees each request before the real one does and can
 * swallow it and throw, or busy-loop, on a chosen request; the module can also throw after the first
 * batch of a run's log, or when the page says so on a BroadcastChannel (a crash while idle).
 */
import { expect as baseExpect, test, type BrowserContext, type Page } from '@playwright/test';
import { collectErrors } from './helpers';

// Each test starts two or three workers and runs several scenarios; a shared, busy machine needs the room.
test.describe.configure({ timeout: 240_000 });
const expect = baseExpect.configure({ timeout: 30_000 });

const CHANNEL = 'recovery-test';

interface BreakPlan {
  /** The request type to break on ('run', 'fork', 'compare', 'sweep'), and which one of them (1-based). */
  type?: string;
  nth?: number;
  /** throw: an uncaught error; hang: a busy loop; stream: throw just after the request's first log batch. */
  how?: 'throw' | 'hang' | 'stream';
}

/** The module the wrapper imports before the real worker script; runs in the worker. */
function hookSource(plan: BreakPlan): string {
  return `
const plan = ${JSON.stringify(plan)};
let seen = 0;
let streaming = null;
self.addEventListener('message', (event) => {
  const m = event.data;
  if (!m || m.type !== plan.type) return;
  seen += 1;
  if (seen !== plan.nth) return;
  if (plan.how === 'stream') { streaming = m.id; return; }
  event.stopImmediatePropagation();
  if (plan.how === 'hang') for (;;) {}
  throw new Error('simulated crash on ' + m.type);
});
const post = self.postMessage.bind(self);
self.postMessage = (message, transfer) => {
  // Read before posting: posting moves the rows' columns to the page.
  const events = message && message.type === 'log-batch' ? message.rows.t.length : 0;
  post(message, transfer);
  if (streaming !== null && message.id === streaming && events > 0) {
    streaming = null;
    queueMicrotask(() => { throw new Error('simulated crash mid-stream'); });
  }
};
new BroadcastChannel(${JSON.stringify(CHANNEL)}).onmessage = () => {
  throw new Error('simulated crash while idle');
};
`;
}

/** Routes the worker script to a wrapper around the real one that breaks as `plan` says. */
async function breakWorker(context: BrowserContext, plan: BreakPlan = {}): Promise<void> {
  await context.route('**/recovery-hook.js', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: hookSource(plan) }),
  );
  await context.route('**/simulation.worker*', (route) => {
    const url = new URL(route.request().url());
    if (url.searchParams.has('real')) return route.fallback();
    return route.fulfill({
      contentType: 'text/javascript',
      body: `import '/recovery-hook.js';\nimport '${url.pathname}?real';\n`,
    });
  });
}

const ready = (page: Page) => page.waitForFunction(() => window.__sim?.status === 'ready');
const alert = (page: Page) => page.getByRole('alert').filter({ hasText: 'The simulation could not run' });
const timeoutField = (page: Page) => page.locator('input[data-path="function.Timeout"]');
const player = (page: Page) =>
  page.evaluate(() => ({ cursor: window.__sim!.cursor, clockMs: window.__sim!.clockMs }));
const urlParam = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);
const itemsTable = (page: Page) =>
  page.getByRole('table', { name: /Outcome, attempts, response and deliveries/ });

/** A screenshot of the top of the page (the message, the diagram) for a person to look at. */
async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: test.info().outputPath(name) });
}

/** Edits the preset's function timeout, runs it, and steps the player a few events in. */
async function editedRunAtAMoment(page: Page, timeout: string) {
  await ready(page);
  await page.getByRole('button', { name: 'Edit scenario' }).click();
  await timeoutField(page).fill(timeout);
  await page.getByRole('button', { name: 'Run this scenario' }).click();
  await ready(page);
  for (let i = 0; i < 5; i++) await page.getByRole('button', { name: 'Step forward' }).click();
  const at = await player(page);
  expect(at.cursor).toBe(4);
  // The address bar follows the player a moment later: wait for it to hold this moment.
  await expect.poll(() => urlParam(page, 't')).toBe(String(at.clockMs));
  await expect.poll(() => urlParam(page, 'custom')).not.toBeNull();
  return { ...at, t: urlParam(page, 't') };
}

/** The run that was on screen is still there, at its moment, and plays. */
async function previousRunStays(page: Page, at: { cursor: number; clockMs: number; t: string | null }) {
  await expect(page.getByTestId('diagram').locator('.pipeline-node').first()).toBeVisible();
  expect(await player(page)).toEqual({ cursor: at.cursor, clockMs: at.clockMs });
  // A new run takes `t` out of the address bar; the failure puts the shown run's moment back.
  await expect.poll(() => urlParam(page, 't')).toBe(at.t);
  expect(urlParam(page, 'custom')).not.toBeNull();
  // Still playable: a step forward and back returns to the same event.
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect.poll(async () => (await player(page)).cursor).toBe(at.cursor + 1);
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect.poll(() => player(page)).toEqual({ cursor: at.cursor, clockMs: at.clockMs });
}

test('a crashed worker shows a clear error, and "Try again" recovers', async ({ page, context }) => {
  await context.route('**/simulation.worker*', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: 'throw new Error("simulated crash");' }),
  );
  await page.goto('/?test=1');
  await expect(alert(page)).toContainText('crashed');

  await context.unrouteAll();
  await alert(page).getByRole('button', { name: 'Try again' }).click();
  await ready(page);
  await expect(page.getByTestId('diagram').locator('.pipeline-node')).toHaveCount(7);
  await page.keyboard.press('End');
  await expect(itemsTable(page).getByRole('row', { name: /order-event/ })).toContainText('succeeded');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a hung worker is stopped by the watchdog with a clear error', async ({ page, context }) => {
  await context.route('**/simulation.worker*', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: 'self.onmessage = () => {};' }),
  );
  await page.goto('/?test=1&watchdogMs=15000');
  await expect(page.getByRole('alert')).toContainText('did not answer within 15 s');

  await context.unrouteAll();
  await page.getByRole('button', { name: 'Try again' }).click();
  await ready(page);
  await page.keyboard.press('End');
  await expect(itemsTable(page).getByRole('row', { name: /order-event/ })).toContainText('succeeded');
});

test('a worker that crashes on the next edit’s run: the run, the editor’s text, the link and the moment survive', async ({
  page,
  context,
}) => {
  const errors = collectErrors(page);
  // Run 1 is the preset, run 2 the first edit, run 3 the second edit: the worker dies on that one.
  await breakWorker(context, { type: 'run', nth: 3, how: 'throw' });
  await page.goto('/?test=1&scenario=async-retries-exhausted&seed=7');
  const at = await editedRunAtAMoment(page, '12');
  const firstLink = urlParam(page, 'custom');

  await page.getByRole('button', { name: 'Edit scenario' }).click();
  await timeoutField(page).fill('15');
  await page.getByRole('button', { name: 'Run this scenario' }).click();
  await expect(alert(page)).toContainText('The simulation worker crashed');
  await expect(alert(page)).toContainText('simulated crash on run');
  await expect(alert(page)).toContainText('the last one that finished');
  // The link now holds the scenario just asked for (the one Try again runs), still at the moment shown.
  await expect.poll(() => urlParam(page, 'custom')).not.toBe(firstLink);
  await previousRunStays(page, at);
  await shot(page, 'crash-after-edit.png');

  // The editor still holds what was typed.
  await page.getByRole('button', { name: 'Edit scenario' }).click();
  await expect(timeoutField(page)).toHaveValue('15');
  await page.getByRole('button', { name: 'Close', exact: true }).click();

  await context.unrouteAll();
  await alert(page).getByRole('button', { name: 'Try again' }).click();
  await ready(page);
  await expect(alert(page)).toHaveCount(0);
  // The edited scenario ran (its timeout is 15 s), opened at the moment the player was showing.
  await page.getByText('Settings that matter here').click();
  await expect(page.locator('.settings')).toContainText('15 s');
  expect((await player(page)).clockMs).toBe(at.clockMs);
  await expect.poll(() => urlParam(page, 't')).toBe(at.t);
  expect(urlParam(page, 'custom')).not.toBe(firstLink);
  await shot(page, 'crash-after-edit-recovered.png');
  expect(errors).toEqual([]);
});

test('a worker that dies while idle: a clear message, and Restart brings back the same run at the same event', async ({
  page,
  context,
}) => {
  const errors = collectErrors(page);
  await breakWorker(context);
  await page.goto('/?test=1&scenario=async-retries-exhausted&seed=7');
  const at = await editedRunAtAMoment(page, '12');

  await page.evaluate((name) => new BroadcastChannel(name).postMessage('die'), CHANNEL);
  await expect(alert(page)).toContainText('simulated crash while idle');
  await expect(alert(page)).toContainText('restarted on the next run');
  await previousRunStays(page, at);
  await shot(page, 'idle-crash.png');

  await context.unrouteAll();
  await alert(page).getByRole('button', { name: 'Try again' }).click();
  await ready(page);
  await expect(alert(page)).toHaveCount(0);
  expect(await player(page)).toEqual({ cursor: at.cursor, clockMs: at.clockMs });
  await expect.poll(() => urlParam(page, 't')).toBe(at.t);
  await page.getByText('Settings that matter here').click();
  await expect(page.locator('.settings')).toContainText('12 s');
  expect(errors).toEqual([]);
});

test('a worker that hangs on Run is stopped by the watchdog; Try again runs the same scenario at the same event', async ({
  page,
  context,
}) => {
  const errors = collectErrors(page);
  // Run 3 is the header's Run button on the edited scenario (same seed): the worker busy-loops on it.
  await breakWorker(context, { type: 'run', nth: 3, how: 'hang' });
  await page.goto('/?test=1&watchdogMs=15000&scenario=async-retries-exhausted&seed=7');
  const at = await editedRunAtAMoment(page, '12');

  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(alert(page)).toContainText('did not answer within 15 s');
  await previousRunStays(page, at);
  await page.getByRole('button', { name: 'Edit scenario' }).click();
  await expect(timeoutField(page)).toHaveValue('12');
  await page.getByRole('button', { name: 'Close', exact: true }).click();

  await context.unrouteAll();
  await alert(page).getByRole('button', { name: 'Try again' }).click();
  await ready(page);
  await expect(alert(page)).toHaveCount(0);
  expect(await player(page)).toEqual({ cursor: at.cursor, clockMs: at.clockMs });
  await expect.poll(() => urlParam(page, 't')).toBe(at.t);
  expect(urlParam(page, 'custom')).not.toBeNull();
  expect(errors).toEqual([]);
});

test('a worker that crashes while a long run streams in: nothing of it is shown, the message says so, Try again re-runs it', async ({
  page,
  context,
}) => {
  await breakWorker(context, { type: 'run', nth: 2, how: 'stream' });
  await page.goto('/?test=1');
  await ready(page);
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Step forward' }).click();
  const at = await player(page);

  await page.getByLabel('Scenario', { exact: true }).selectOption('burst-scaling');
  await expect(alert(page)).toContainText('crashed');
  await expect(alert(page)).toContainText(
    /The run stopped part way, after [\d,]+ events?, so it is incomplete/,
  );
  // The default preset's run is still the one on screen, where it was; none of burst-scaling's log is.
  expect(await player(page)).toEqual(at);
  expect(await page.evaluate(() => window.__sim!.log.length)).toBe(0);
  await expect(page.getByTestId('diagram').locator('.pipeline-node')).toHaveCount(7);
  await shot(page, 'stream-crash.png');

  await context.unrouteAll();
  await alert(page).getByRole('button', { name: 'Try again' }).click();
  await page.waitForFunction(() => window.__sim?.status === 'ready', undefined, { timeout: 120_000 });
  await expect(alert(page)).toHaveCount(0);
  await page.keyboard.press('End');
  await expect(page.locator('.tally')).toContainText('1,000 succeeded');
  await expect(page.locator('.tally')).toContainText('2,000 throttled');
  expect(await page.evaluate(() => window.__sim!.log.length)).toBe(15_000);
});

test('a worker that crashes on a fork: the comparison says so and Try again forks; the run keeps its moment', async ({
  page,
  context,
}) => {
  const errors = collectErrors(page);
  await breakWorker(context, { type: 'fork', nth: 1, how: 'throw' });
  await page.goto('/?test=1&scenario=async-retries-exhausted&seed=7');
  const at = await editedRunAtAMoment(page, '12');

  await page.getByRole('button', { name: 'Fork from here' }).click();
  const dialog = page.getByRole('dialog', { name: /Fork the run at/ });
  await dialog.getByLabel('Setting').selectOption({ label: 'MaximumRetryAttempts — now 2' });
  await dialog.getByLabel(/New MaximumRetryAttempts/).fill('0');
  await dialog.getByRole('button', { name: 'Add change' }).click();
  await dialog.getByRole('button', { name: 'Fork and compare' }).click();
  await expect(alert(page)).toContainText('simulated crash on fork');
  // The fork's link holds the scenario and the moment it forks at.
  expect(urlParam(page, 'fork')).toBe(String(Math.round(at.clockMs)));
  expect(urlParam(page, 'custom')).not.toBeNull();

  await context.unrouteAll();
  await alert(page).getByRole('button', { name: 'Try again' }).click();
  const panes = page.getByTestId('compare-pane');
  await expect(panes).toHaveCount(2);
  await expect(panes.nth(1)).toContainText('MaximumRetryAttempts = 0');

  await page.getByRole('button', { name: 'Back to one run' }).click();
  await expect(page.getByTestId('diagram').locator('.pipeline-node').first()).toBeVisible();
  expect(await player(page)).toEqual({ cursor: at.cursor, clockMs: at.clockMs });
  expect(urlParam(page, 'custom')).not.toBeNull();
  expect(errors).toEqual([]);
});

test('a worker that crashes on "Run 1,000 times": the panel says so, the run is untouched, and running again works', async ({
  page,
  context,
}) => {
  const errors = collectErrors(page);
  await breakWorker(context, { type: 'sweep', nth: 1, how: 'throw' });
  await page.goto('/?test=1&scenario=async-retries-exhausted&seed=7');
  const at = await editedRunAtAMoment(page, '12');

  const panel = page.locator('section.sweep-panel');
  await panel.getByLabel('Runs').selectOption('100');
  await panel.getByRole('button', { name: 'Run 100 times' }).click();
  await expect(panel.getByRole('alert')).toContainText('simulated crash on sweep');
  await expect(alert(page)).toHaveCount(0);
  expect(await player(page)).toEqual({ cursor: at.cursor, clockMs: at.clockMs });
  expect(urlParam(page, 't')).toBe(at.t);

  await context.unrouteAll();
  await panel.getByRole('button', { name: 'Run 100 times' }).click();
  await expect(panel.getByRole('status')).toContainText('100 runs done.', { timeout: 30_000 });
  await expect(panel.getByRole('alert')).toHaveCount(0);
  expect(await player(page)).toEqual({ cursor: at.cursor, clockMs: at.clockMs });
  expect(errors).toEqual([]);
});
