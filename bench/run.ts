/**
 * `npm run bench`: measures, prints a table of results and ratios, and writes docs/performance.md with the
 * machine's description. Node figures first (the kernel against SIM.JS in this process; the full model and
 * the seek each in a child process), then the browser figures (bench/browser/measureBrowser.ts).
 * A missed budget is a result, not an error: the exit status is 1 only when a measurement itself failed.
 */
import { relative } from 'node:path';
import type { BenchRow } from './benchRow';
import { describeMachine } from './machine';
import { measureKernel } from './mmc/kernelBench';
import { FULL_SIZES, QUICK_SIZES, measureModels, measureSeek } from './model/fullModel';
import { HELP, parseBenchArgs, type BenchOptions } from './options';
import { missText, textTable, type BenchReport } from './report';
import { PERFORMANCE_DOC, writeReport } from './writeReport';

interface BrowserModule {
  measureBrowser?: (options: { quick: boolean; longEvents: number }) => Promise<BenchRow[]>;
  chromiumVersion?: () => Promise<string>;
}

const log = (line = '') => process.stdout.write(`${line}\n`);

/** The browser part, if its module is there; never throws (a missing or failing part is reported and skipped). */
async function browserPart(
  quick: boolean,
  longEvents: number,
): Promise<{ rows: BenchRow[]; chromium?: string; skipped?: string }> {
  // A computed specifier: the module may not exist yet, and this file must typecheck without it.
  const specifier = new URL('./browser/measureBrowser.ts', import.meta.url).href;
  let mod: BrowserModule;
  try {
    mod = (await import(specifier)) as BrowserModule;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why =
      err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('measureBrowser')
        ? 'bench/browser/measureBrowser.ts is not there yet'
        : `bench/browser/measureBrowser.ts could not be loaded: ${err.message}`;
    return { rows: [], skipped: `Browser figures: ${why}.` };
  }
  if (typeof mod.measureBrowser !== 'function')
    return {
      rows: [],
      skipped: 'Browser figures: bench/browser/measureBrowser.ts exports no measureBrowser.',
    };
  try {
    const rows = await mod.measureBrowser({ quick, longEvents });
    let chromium: string | undefined;
    try {
      chromium = typeof mod.chromiumVersion === 'function' ? await mod.chromiumVersion() : undefined;
    } catch {
      chromium = undefined;
    }
    return { rows, ...(chromium ? { chromium } : {}) };
  } catch (e) {
    const message = (e as Error).message?.split('\n')[0] ?? String(e);
    return { rows: [], skipped: `Browser figures: measureBrowser failed: ${message}.` };
  }
}

async function bench(options: BenchOptions): Promise<number> {
  const sizes = { ...(options.quick ? QUICK_SIZES : FULL_SIZES) };
  if (options.longEvents !== undefined) sizes.longEvents = options.longEvents;
  const judge = !options.quick;
  const machine = describeMachine();
  const rows: BenchRow[] = [];
  const failures: string[] = [];
  const skipped: string[] = [];

  log(`npm run bench${options.quick ? ' -- --quick (smoke run: smaller sizes, budgets not judged)' : ''}`);
  log(`${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.os}, Node ${machine.node}`);
  log(`load average ${machine.loadAverage}`);
  log();

  log('Engine kernel vs SIM.JS (M/M/c, this process)…');
  try {
    const kernel = measureKernel({
      customers: options.quick ? 200_000 : 1_000_000,
      repetitions: options.quick ? 3 : 7,
      quick: options.quick,
      progress: log,
    });
    rows.push(...kernel.rows);
    failures.push(...kernel.failures);
  } catch (e) {
    failures.push(`engine kernel vs SIM.JS: ${(e as Error).message}`);
  }

  log('Full model (a child process per run)…');
  const models = await measureModels(sizes, judge, log);
  rows.push(...models.rows);
  failures.push(...models.failures);

  log('Seek (a child process)…');
  const seek = await measureSeek(sizes, judge, log);
  rows.push(...seek.rows);
  failures.push(...seek.failures);

  if (options.browser) {
    log('Browser…');
    const browser = await browserPart(options.quick, sizes.longEvents);
    if (options.quick) for (const r of browser.rows) delete r.pass;
    rows.push(...browser.rows);
    if (browser.chromium) machine.chromium = browser.chromium;
    if (browser.skipped) {
      skipped.push(browser.skipped);
      log(`  ${browser.skipped}`);
    }
  } else skipped.push('Browser figures: skipped (--no-browser).');

  log();
  log(textTable(rows));
  const misses = rows.filter((r) => r.pass === false);
  if (misses.length > 0) {
    log();
    log('Missed budgets:');
    for (const r of misses) log(`  - ${missText(r).replace(/\*\*/g, '')}`);
  }
  if (failures.length > 0) {
    log();
    log('!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!');
    log('!! MEASUREMENT FAILED');
    for (const f of failures) log(`!! ${f.replace(/\n/g, '\n!!   ')}`);
    log('!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!');
  }

  const report: BenchReport = { date: new Date(), machine, rows, quick: options.quick, failures, skipped };
  log();
  if (options.write) {
    await writeReport(PERFORMANCE_DOC, report);
    log(`Wrote ${relative(process.cwd(), PERFORMANCE_DOC)}.`);
  } else
    log(
      `Not written to ${relative(process.cwd(), PERFORMANCE_DOC)} (${options.quick ? '--quick without --write' : '--no-write'}).`,
    );
  return failures.length > 0 ? 1 : 0;
}

async function main(): Promise<void> {
  let options: BenchOptions;
  try {
    options = parseBenchArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n\n${HELP}`);
    process.exit(2);
  }
  if (options.help) {
    process.stdout.write(HELP);
    return;
  }
  process.exitCode = await bench(options);
}

await main();
