// Renders the PNG app icons from the SVGs in public/icons with headless Chromium (Playwright), so the PNGs
// that install prompts and iOS need always match the SVG. Run after changing an SVG and commit the PNGs:
//   node scripts/render-icons.mjs
/* global URL, console -- a Node script; the lint config gives Node globals to root-level files only */
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const dir = new URL('../public/icons/', import.meta.url);

/** [source SVG, output PNG, size in px]. Maskable and Apple icons are opaque squares; the others keep rounded corners. */
const icons = [
  ['icon.svg', 'icon-192.png', 192],
  ['icon.svg', 'icon-512.png', 512],
  ['icon-maskable.svg', 'icon-maskable-192.png', 192],
  ['icon-maskable.svg', 'icon-maskable-512.png', 512],
  ['icon-maskable.svg', 'apple-touch-icon-180.png', 180],
];

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const [source, output, size] of icons) {
    const svg = readFileSync(new URL(source, dir), 'utf8');
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    );
    await page.screenshot({ path: new URL(output, dir).pathname, omitBackground: true });
    console.log(`${output} (${size}×${size})`);
  }
} finally {
  await browser.close();
}
