/**
 * The Chromium the end-to-end tests and the bench drive: $PW_CHROMIUM_PATH if set, else Playwright's own
 * download (if `npx playwright install chromium` was run), else Debian's package; and the flags it needs
 * to run headless on this machine.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Which Chromium binary to launch. */
export function chromiumExecutablePath(): string {
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
