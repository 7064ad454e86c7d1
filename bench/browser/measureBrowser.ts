/**
 * The browser figures of `npm run bench` (design.md, "Performance budgets"): frames per second with 300+
 * items in play, the longest main-thread task while the worker simulates a large preset, the time to the
 * first diagram, and the gzip size of the JavaScript loaded first. The app is built into a temporary
 * directory, served by `vite preview` on a free port and driven in headless Chromium.
 * How each is measured: docs/performance-browser.md. Runs alone with
 * `npx tsx bench/browser/measureBrowser.ts [--quick] [--long-events N]`.
 */
import { pathToFileURL } from 'node:url';
import type { BenchRow } from '../benchRow';
import { measureFirstDiagram } from './firstDiagram';
import { fetchedBeforeDiagramRow, measureFirstLoadSize } from './firstLoadSize';
import { measureFps } from './fps';
import { chromiumVersion, launchChromium } from './launch';
import { measureLongRun } from './longRun';
import { measureLongTasks } from './longTasks';
import { buildApp, removeBuild, servePreview } from './server';

/** The browser's version for the machine description (`npm run bench` prints it with the machine). */
export { chromiumVersion } from './launch';

/** A figure that could not be measured: the table says so instead of losing the other figures. */
function failedRow(name: string, error: unknown): BenchRow {
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return {
    group: 'Browser',
    name,
    value: Number.NaN,
    unit: '',
    pass: false,
    note: `not measured: ${message}`,
  };
}

/** Runs one measurement; a failure becomes a row saying why. */
async function attempt(name: string, measure: () => Promise<BenchRow[]>): Promise<BenchRow[]> {
  try {
    return await measure();
  } catch (error) {
    return [failedRow(name, error)];
  }
}

/**
 * Builds and serves the app, measures the browser figures, and cleans up; `quick` repeats less, and
 * `longEvents` sizes the long run in the page (0 skips it).
 */
export async function measureBrowser(options: { quick: boolean; longEvents?: number }): Promise<BenchRow[]> {
  const { quick } = options;
  const longEvents = options.longEvents ?? (quick ? 200_000 : 10_000_000);
  const outDir = await buildApp();
  const rows: BenchRow[] = [];
  try {
    let firstLoaded: string[] = [];
    rows.push(
      ...(await attempt('JavaScript loaded first', async () => {
        const firstLoad = await measureFirstLoadSize(outDir);
        firstLoaded = firstLoad.files;
        return firstLoad.rows;
      })),
    );
    const server = await servePreview(outDir);
    try {
      const browser = await launchChromium();
      try {
        // The page-load figures first, before long runs have warmed anything up.
        rows.push(
          ...(await attempt('Time to first diagram', async () => {
            const first = await measureFirstDiagram(browser, server.baseUrl, quick);
            return [fetchedBeforeDiagramRow(first.scripts, firstLoaded), ...first.rows];
          })),
        );
        rows.push(...(await attempt('Frames per second', () => measureFps(browser, server.baseUrl, quick))));
        rows.push(
          ...(await attempt('Longest main-thread task', () =>
            measureLongTasks(browser, server.baseUrl, quick),
          )),
        );
        if (longEvents > 0)
          rows.push(
            ...(await attempt('Long run in the page', () =>
              measureLongRun(browser, server.baseUrl, longEvents),
            )),
          );
      } finally {
        await browser.close();
      }
    } finally {
      await server.close();
    }
  } finally {
    await removeBuild(outDir);
  }
  return rows;
}

/** The rows as a plain-text table, for running this file alone. */
export function formatRows(rows: readonly BenchRow[]): string {
  const cells = rows.map((r) => [
    r.name,
    `${r.value.toLocaleString('en-US')} ${r.unit}`,
    r.peer ? `${r.peer.name}: ${r.peer.value}${r.ratio === undefined ? '' : ` (×${r.ratio})`}` : '',
    r.budget ?? '',
    r.pass === undefined ? '' : r.pass ? 'pass' : 'MISS',
  ]);
  const header = ['Figure', 'Value', 'Peer', 'Budget', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i]!)).join('  ');
  const notes = rows.map((r, i) => `  [${i + 1}] ${r.note ?? ''}`);
  return [line(header), ...cells.map(line), '', 'Notes:', ...notes].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const quick = process.argv.includes('--quick');
  const at = process.argv.indexOf('--long-events');
  const longEvents = at > 0 ? Number(process.argv[at + 1]) : undefined;
  const rows = await measureBrowser({ quick, ...(longEvents === undefined ? {} : { longEvents }) });
  console.log(formatRows(rows));
  console.log(`\n${await chromiumVersion()}`);
}
