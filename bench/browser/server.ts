/**
 * The app as the browser figures see it: a production build in a directory of its own, served by
 * `vite preview` on a free port, so a bench run never touches the shared `dist/` or another run's port.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';

/** The repository root (this file is bench/browser/server.ts). */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Builds the app into a new temporary directory and returns its path. */
export async function buildApp(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'bench-browser-dist-'));
  await new Promise<void>((resolve, reject) => {
    // A child process, so the build's plugins (the service-worker generator) stay out of this process.
    const child = spawn('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`vite build exited with ${code}:\n${stderr}`)),
    );
  });
  return outDir;
}

/** Removes a directory made by `buildApp`. */
export async function removeBuild(outDir: string): Promise<void> {
  await rm(outDir, { recursive: true, force: true });
}

/** A port nobody listens on now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

export interface PreviewHandle {
  /** Where the app is served, without a trailing slash, e.g. "http://127.0.0.1:4175". */
  baseUrl: string;
  close(): Promise<void>;
}

/** Serves a build with `vite preview` on a free port of 127.0.0.1. */
export async function servePreview(outDir: string): Promise<PreviewHandle> {
  const port = await freePort();
  // The project's config is not loaded: preview only serves files, and the config's plugins are for builds.
  const server = await preview({
    configFile: false,
    root: REPO_ROOT,
    logLevel: 'silent',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  return { baseUrl: `http://127.0.0.1:${port}`, close: () => server.close() };
}
