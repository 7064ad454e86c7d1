/**
 * Hostile text in a scenario (docs/security.md): the CSV exports keep every cell a spreadsheet would run as a
 * formula as text, whatever field it came from (item and source ids, payloads, error messages); the source has no
 * HTML sink and no eval; every documentation link the page builds is https.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { chunksText, collectChunks } from '../../src/app/export/chunks';
import { eventLogCsvChunks } from '../../src/app/export/eventLogCsv';
import { itemsCsvChunks } from '../../src/app/export/itemsCsv';
import { RULES } from '../../src/engine/rules';
import { createSimulation } from '../../src/engine/simulation';
import { mustValidate } from '../../src/scenarios/validate';
import { parseCsv } from '../app/export/csvParse';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

/** Cells a spreadsheet runs as formulas: OWASP's list of leading characters. */
const FORMULAS = ['=1+2', '+1+2', '-1+2', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("http://example.com","x")'];
const MARKUP = ['<img src=x onerror="window.__pwned=1">', '<script>window.__pwned=1</script>'];

function hostileRun() {
  const scenario = mustValidate({
    id: 'hostile',
    title: MARKUP[0],
    description: MARKUP[1],
    function: {
      DeadLetterConfig: { TargetArn: 'arn:aws:sqs:us-east-1:123456789012:dlq' },
      behavior: {
        rules: [{ result: 'error', durationMs: 100, error: { errorType: '=cmd', errorMessage: '@SUM(1)' } }],
      },
    },
    sources: FORMULAS.map((text, i) => ({
      type: i % 2 ? ('async' as const) : ('sync' as const),
      id: `${text}-source`,
      caller: 'direct' as const,
      requests: [{ id: text, atMs: i, payload: { [text]: text, markup: MARKUP } }],
    })),
  });
  const sim = createSimulation(scenario);
  sim.run();
  return sim.results({ trace: true });
}

test('no cell of the items or event log CSV starts as a formula, and the text is kept after the guard', () => {
  const results = hostileRun();
  const items = parseCsv(chunksText(collectChunks(itemsCsvChunks(results.items))));
  const events = parseCsv(chunksText(collectChunks(eventLogCsvChunks(results.log ?? []))));
  for (const cell of [...items, ...events].flat()) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
  // The ids are still there, behind the guard.
  const ids = items.slice(1).map((row) => row[0]);
  expect(ids).toEqual(expect.arrayContaining(FORMULAS.map((text) => `'${text}`)));
  expect(events.length).toBeGreaterThan(FORMULAS.length);
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

test('the source has no HTML sink and no eval: text reaches the page through React and textContent only', () => {
  const sinks =
    /dangerouslySetInnerHTML|\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function\b|srcdoc/;
  const found = sourceFiles(SRC).flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .map((line, i) => ({ file, line: i + 1, text: line }))
      .filter(({ text }) => sinks.test(text) && !/^\s*(\/\/|\*)/.test(text)),
  );
  expect(found).toEqual([]);
});

test('every documentation link the page builds from a rule is https', () => {
  for (const rule of Object.values(RULES)) expect(new URL(rule.url).protocol, rule.section).toBe('https:');
});
