/**
 * Offline after the first visit (docs/offline.md): the service worker precaches the whole build, so a reload with
 * no network shows the app, runs scenarios and opens lazy parts. Runs against the production build (`vite build` +
 * `vite preview`), where the service worker is registered; localhost counts as a secure origin for it.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './helpers';

test.use({ serviceWorkers: 'allow' });

// The build vite preview serves (PW_DIST, playwright.config.ts).
const DIST = `${resolve(process.env.PW_DIST ?? new URL('../dist/', import.meta.url).pathname)}/`;

/** Every file of the build, as site paths (`/assets/…`), except the service worker's own scripts. */
function builtFiles(dir = DIST): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return builtFiles(path);
    const site = `/${relative(DIST, path)}`;
    return site === '/sw.js' || /^\/workbox-[\w-]+\.js$/.test(site) ? [] : [site];
  });
}

/** Waits for a finished run and for the service worker to control the page with its precache complete. */
async function openControlled(page: Page) {
  await page.goto('/?test=1');
  await page.waitForFunction(() => window.__sim?.status === 'ready');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise((resolve) =>
      navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
    );
  });
}

/** The paths in the service worker's caches. */
function cachedPaths(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const paths: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) paths.push(new URL(request.url).pathname);
    }
    return paths;
  });
}

test('after one visit, the app reloads, runs another scenario and opens a lazy dialog with no network', async ({
  page,
  context,
}) => {
  const errors = collectErrors(page);
  await openControlled(page);
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/sw\.js$/);

  // Everything the build emitted is precached: the page, every lazy chunk, the worker, CSS, icons, the manifest.
  const cached = await cachedPaths(page);
  const files = builtFiles();
  expect(files).toEqual(expect.arrayContaining(['/index.html', '/manifest.webmanifest']));
  expect(files.some((f) => /^\/assets\/simulation\.worker-.*\.js$/.test(f))).toBe(true);
  expect(cached).toEqual(expect.arrayContaining(files));

  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await context.setOffline(true);
  await page.reload();

  await expect(page.getByRole('heading', { level: 1, name: 'Lambda invocation visualizer' })).toBeVisible();
  await page.waitForFunction(() => window.__sim?.status === 'ready');

  await page.getByLabel('Scenario', { exact: true }).selectOption('async-dlq');
  await page.waitForFunction(() => window.__sim?.status === 'ready' && window.__sim.presetId === 'async-dlq');
  expect(await page.evaluate(() => window.__sim?.results?.items.length)).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Guided tours' }).click();
  await expect(page.getByRole('dialog', { name: 'Guided tours' })).toBeVisible();

  // The app asks for nothing beyond its own files.
  const origin = new URL(page.url()).origin;
  expect(
    requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')),
  ).toEqual([]);
  expect(errors).toEqual([]);
});

test('the web app manifest is served, valid JSON, installable, with the icons it names', async ({
  page,
  request,
}) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('/manifest.webmanifest');
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', '#1f2430');

  const response = await request.get(href!);
  expect(response.ok()).toBe(true);
  const manifest = (await response.json()) as {
    name: string;
    short_name: string;
    start_url: string;
    scope: string;
    display: string;
    theme_color: string;
    background_color: string;
    icons: { src: string; sizes: string; type: string; purpose?: string }[];
  };
  expect(manifest).toMatchObject({
    name: 'Lambda invocation visualizer',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    theme_color: '#1f2430',
    background_color: '#f4f5f7',
  });
  expect(manifest.short_name.length).toBeLessThanOrEqual(15);
  const sizes = (purpose: string) =>
    manifest.icons.filter((i) => (i.purpose ?? 'any') === purpose).map((i) => i.sizes);
  expect(sizes('any')).toEqual(expect.arrayContaining(['192x192', '512x512']));
  expect(sizes('maskable')).toContain('512x512');

  const appleIcon = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
  for (const src of [...manifest.icons.map((i) => i.src), appleIcon!]) {
    const icon = await request.get(src);
    expect(icon.ok(), src).toBe(true);
    expect(icon.headers()['content-type'], src).toMatch(/^image\/(png|svg\+xml)/);
  }
});

test('a new version waits behind the running one until the page asks it to take over', async ({ page }) => {
  await openControlled(page);
  const first = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);

  // A new deployment, as the browser sees it: a different service worker script for the same scope (the query
  // changes the script's URL, not what the server sends).
  const waiting = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.register('/sw.js?next', { scope: '/' });
    const installing = registration.installing;
    if (installing && installing.state !== 'installed') {
      await new Promise((resolve) => installing.addEventListener('statechange', resolve, { once: true }));
    }
    return registration.waiting?.scriptURL ?? null;
  });
  // It waits: the page keeps its version and does not reload by itself.
  expect(waiting).toMatch(/\/sw\.js\?next$/);
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(first);
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => window.__sim?.status)).toBe('ready');

  // What the notice's Reload does: the waiting worker takes over, then the page reloads into it.
  const reloaded = page.waitForEvent('load');
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), {
      once: true,
    });
    registration.waiting?.postMessage({ type: 'SKIP_WAITING' });
  });
  await reloaded;
  await page.waitForFunction(() => window.__sim?.status === 'ready');
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(waiting);
});
