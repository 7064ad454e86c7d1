/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const DESCRIPTION =
  'Learn how AWS Lambda functions are invoked: a deterministic simulation of synchronous, asynchronous and poll-based invocation, retries, destinations, dead-letter queues and throttling.';

export default defineConfig({
  plugins: [
    react(),
    // Offline after the first visit (workshop Wi-Fi fails): a Workbox service worker precaches every file of the
    // build. See docs/offline.md.
    VitePWA({
      // Vitest loads this config too; it must never produce or register a service worker.
      disable: !!process.env.VITEST,
      // A new version waits until the user chooses to reload (UpdateNotice), so a presenter's page never reloads
      // by itself.
      registerType: 'prompt',
      // Registration is a few bytes inline in index.html, run after the page's load event: nothing is added to the
      // first JavaScript bundle, and the React tree does not need to be mounted for the app to become offline-ready.
      injectRegister: 'inline',
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
  },
  test: {
    environment: 'node',
    // Some tests simulate every preset (sqs-scaling has 100,000 messages); a busy 2-core machine needs time.
    testTimeout: 30_000,
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
  },
});
