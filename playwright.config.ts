import { existsSync } from 'node:fs';
import { chromium, defineConfig } from '@playwright/test';

// PW_PORT and PW_DIST let several test runs share a machine, each with its own build and `vite preview`.
const PORT = Number(process.env.PW_PORT ?? 4173);
const DIST = process.env.PW_DIST ?? 'dist';
const BASE_URL = `http://localhost:${PORT}`;
const CI = !!process.env.CI;

/**
 * Which Chromium to drive: $PW_CHROMIUM_PATH if set, else Playwright's own download
 * (if `npx playwright install chromium` was run), else the distro package.
 */
function chromiumExecutablePath(): string {
  const fromEnv = process.env.PW_CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  try {
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return bundled;
  } catch {
    // Playwright's browser registry is unavailable; fall through to the system browser.
  }
  return '/usr/bin/chromium';
}

export default defineConfig({
  testDir: 'e2e',
  forbidOnly: CI,
  retries: 0,
  ...(CI ? { workers: 1 } : {}),
  reporter: CI ? 'line' : 'list',
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    // The build registers a service worker (docs/offline.md). Tests start without it: it would precache files that
    // a test replaces with context.route (a crashed worker) and keep serving them after the route is removed.
    // e2e/offline.spec.ts allows it.
    serviceWorkers: 'block',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: chromiumExecutablePath(),
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      },
    },
  ],
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort --outDir ${DIST}`,
    url: BASE_URL,
    reuseExistingServer: !CI,
    timeout: 60_000,
  },
});
