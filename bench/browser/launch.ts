/**
 * Debian's Chromium driven by Playwright (its own browser download is not available here), launched with
 * the flags that make it run headless on this machine, and pages without a service worker, so every load
 * comes from the server as a first visit does.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutablePath } from '../../e2e/chromium';

/** The Chromium binary, chosen as the end-to-end tests choose it. */
export const chromiumPath = chromiumExecutablePath;

/** Launches headless Chromium with the flags this machine needs. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
  });
}

/** A fresh context (empty cache, no service worker) at a desktop size, where the diagram takes the width. */
export async function freshContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({
    serviceWorkers: 'block',
    viewport: { width: 1440, height: 900 },
  });
  // tsx compiles this code with esbuild's keepNames, which wraps named functions in a `__name(...)` helper;
  // functions passed to page.evaluate carry those calls into the page, which has no such helper.
  await context.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
  return context;
}

/** The browser's product and version as its binary reports it, e.g. "Chromium 156.0.8078.108 built on Debian…". */
export async function chromiumVersion(): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)(chromiumPath(), ['--version'], { timeout: 15_000 });
    return stdout.trim() || `Chromium (${chromiumPath()})`;
  } catch {
    // Some wrappers refuse --version; the launched browser still knows its version.
    const browser = await launchChromium();
    try {
      return `Chromium ${browser.version()}`;
    } finally {
      await browser.close();
    }
  }
}

/**
 * Waits until the page (opened with `?test=1`) has shown its run; throws with the page's own message when
 * the run failed, rather than waiting out the timeout.
 */
export async function waitForRun(page: Page, timeoutMs: number, pollMs?: number): Promise<void> {
  await page.waitForFunction(() => window.__sim !== undefined && window.__sim.status !== 'loading', null, {
    timeout: timeoutMs,
    ...(pollMs ? { polling: pollMs } : {}),
  });
  const error = await page.evaluate(() => (window.__sim?.status === 'error' ? window.__sim.error : null));
  if (error !== null) throw new Error(`the page could not run the scenario: ${error}`);
}
