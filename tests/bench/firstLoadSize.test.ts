/**
 * The bench's reading of a built index.html: which JavaScript files the page loads first (the module
 * entry and its modulepreloads), and their gzip size.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { firstLoadedScripts, gzipSize, kbAndKib } from '../../bench/browser/firstLoadSize';

/** Shaped like Vite's output, with the service worker's inline registration and a comment. */
const BUILT_INDEX = `<!doctype html>
<html lang="en">
  <head>
    <link rel="icon" type="image/svg+xml" href="/favicon.svg" />
    <!-- <script type="module" src="/assets/commented-out.js"></script> -->
    <title>Lambda invocation visualizer</title>
    <script type="module" crossorigin src="/assets/index-BwbFnG1p.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/jsx-runtime-DyZJNswf.js">
    <link rel="modulepreload" crossorigin href="/assets/useSimStore-CcMC9vnu.js">
    <link crossorigin href='/assets/attributes-in-any-order.js' rel=modulepreload>
    <link rel="stylesheet" crossorigin href="/assets/index-DQD9M1CB.css">
    <link rel="preload" as="script" href="/assets/classic-preload.js">
    <link rel="modulepreload" crossorigin href="/assets/jsx-runtime-DyZJNswf.js">
  <link rel="manifest" href="/manifest.webmanifest"><script id="vite-plugin-pwa:inline-sw">if('serviceWorker' in navigator) {window.addEventListener('load', () => {navigator.serviceWorker.register('/sw.js', { scope: '/' })})}</script></head>
  <body>
    <div id="root"></div>
    <script src="/assets/classic.js"></script>
    <SCRIPT TYPE="MODULE" SRC="/assets/upper-case.js"></SCRIPT>
  </body>
</html>`;

describe('the JavaScript an index.html loads first', () => {
  it('is the module entry and its modulepreloads, in document order, each once', () => {
    expect(firstLoadedScripts(BUILT_INDEX)).toEqual([
      '/assets/index-BwbFnG1p.js',
      '/assets/jsx-runtime-DyZJNswf.js',
      '/assets/useSimStore-CcMC9vnu.js',
      '/assets/attributes-in-any-order.js',
      '/assets/upper-case.js',
    ]);
  });

  it('leaves out stylesheets, icons, classic scripts, inline scripts and commented-out tags', () => {
    const files = firstLoadedScripts(BUILT_INDEX);
    for (const left of ['.css', '.svg', 'classic', 'commented-out', 'sw.js', 'manifest'])
      expect(files.some((f) => f.includes(left))).toBe(false);
  });

  it('is empty for a page without module scripts', () => {
    expect(firstLoadedScripts('<html><body><script>alert(1)</script></body></html>')).toEqual([]);
  });
});

describe('gzip sizes', () => {
  it('are the length of a level-9 gzip that unpacks to the input', () => {
    const text = 'export const x = 1;\n'.repeat(500);
    const size = gzipSize(text);
    expect(size).toBe(gzipSync(text, { level: 9 }).length);
    expect(size).toBeLessThan(text.length / 10);
    expect(gunzipSync(gzipSync(text, { level: 9 })).toString()).toBe(text);
  });

  it('are written in KB of 1,000 bytes and KiB of 1,024', () => {
    expect(kbAndKib(201_600)).toBe('201.6 KB (196.9 KiB)');
  });
});
