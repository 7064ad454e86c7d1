/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const DESCRIPTION =
  'Learn how AWS Lambda functions are invoked: a deterministic simulation of synchronous, asynchronous and poll-based invocation, retries, destinations, dead-letter queues and throttling.';

/**
 * The built page's Content Security Policy; docs/security.md says why each directive is what it is. Only the page's
 * own files run, load and connect: no inline script, no eval, nothing from another origin.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // The simulation worker and the service worker are files of the build.
  "worker-src 'self'",
  // Stylesheets are files, and no <style> element is allowed: React, React Flow, motion and uPlot set styles through
  // the CSSOM, which a policy does not restrict.
  "style-src 'self'",
  // Style attributes in markup: the diagram export reads html-to-image's SVG (style attributes on every element)
  // with DOMParser and adds the shapes' colours as style attributes; a policy without this reports each one.
  "style-src-attr 'unsafe-inline'",
  // The diagram export draws an SVG data: URL onto a canvas.
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/**
 * Puts the policy in the built index.html, right after the charset and before every script and stylesheet it must
 * cover. The build only: the dev server's React Refresh preamble is an inline script.
 */
function contentSecurityPolicy(): Plugin {
  const charset = '<meta charset="UTF-8" />';
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml(html) {
      // A build without its policy must not pass unnoticed.
      if (!html.includes(charset)) throw new Error(`index.html has no ${charset} to put the policy after`);
      return html.replace(
        charset,
        `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
      );
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    contentSecurityPolicy(),
    // Offline after the first visit (workshop Wi-Fi fails): a Workbox service worker precaches every file of the
    // build. See docs/offline.md.
    VitePWA({
      // Vitest loads this config too; it must never produce or register a service worker.
      disable: !!process.env.VITEST,
      // A new version waits until the user chooses to reload (UpdateNotice), so a presenter's page never reloads
      // by itself.
      registerType: 'prompt',
      // Registration is a tiny file of its own (registerSW.js, a deferred script; the Content Security Policy allows
      // no inline script) that registers after the page's load event: nothing is added to the first JavaScript
      // bundle, and the React tree does not need to be mounted for the app to become offline-ready.
      injectRegister: 'script-defer',
      // Off in the dev server: stale cached modules there would hide edits.
      devOptions: { enabled: false },
      manifest: {
        id: '/',
        name: 'Lambda invocation visualizer',
        short_name: 'Lambda invoke',
        description: DESCRIPTION,
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        // The header's colour, so the installed window's title bar continues it; the light page background for
        // the splash screen.
        theme_color: '#1f2430',
        background_color: '#f4f5f7',
        categories: ['education', 'developer'],
        icons: [
          { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // Everything the build emits and public/ holds: the page, every lazy chunk, the worker, CSS, icons, the
        // manifest and the scenario JSON Schema. The presets are bundled into the JavaScript chunks.
        globPatterns: ['**/*.{html,js,css,svg,png,json,webmanifest}'],
        // The main chunk is ~600 KB; the headroom keeps a growing chunk from silently dropping out of the precache.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        // Any in-app URL (?scenario=…, ?test=1) opens from the cached page when offline.
        navigateFallback: '/index.html',
        // The first visit is controlled at once, so lazy chunks it loads later come from the cache if the network
        // drops. Updates still wait: skipWaiting stays off until the user presses Reload.
        clientsClaim: true,
        skipWaiting: false,
        cleanupOutdatedCaches: true,
        // The app fetches nothing from other origins, so there is no runtime caching.
        runtimeCaching: [],
      },
    }),
  ],
  worker: {
    format: 'es',
  },
  build: {
    target: 'es2022',
  },
  server: {
    port: 5173,
  },
  preview: {
    port: 4173,
    strictPort: true,
    // The same policy as a header, as a host would send it: it then also covers the worker scripts.
    headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
  },
  test: {
    environment: 'node',
    // Some tests simulate every preset (sqs-scaling has 100,000 messages); a busy 2-core machine needs time.
    testTimeout: 30_000,
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
  },
});
