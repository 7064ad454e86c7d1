/** The bench's report: the generated section of docs/performance.md replaces only itself. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BenchRow } from '../../bench/benchRow';
import { parseBenchArgs } from '../../bench/options';
import {
  BENCH_END,
  BENCH_START,
  generatedSection,
  mergeDocument,
  missText,
  textTable,
  type BenchReport,
} from '../../bench/report';
import { renderDocument, writeReport } from '../../bench/writeReport';

const dir = mkdtempSync(join(tmpdir(), 'bench-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rows: BenchRow[] = [
  {
    group: 'Engine kernel',
    name: 'M/M/4: kernel events/s',
    value: 2_000_000,
    unit: 'events/s',
    peer: { name: 'SIM.JS', value: 500_000 },
    ratio: 4,
    budget: '≥ 3× SIM.JS',
    pass: true,
    limit: { on: 'ratio', min: 3 },
  },
  {
    group: 'Full model',
    name: 'SQS, 1,000,000 messages: wall time',
    value: 26,
    unit: 's',
    budget: '≤ 2 s',
    pass: false,
    limit: { on: 'value', max: 2 },
    note: 'a | pipe in a note',
  },
];

function report(overrides: Partial<BenchReport> = {}): BenchReport {
  return {
    date: new Date('2025-01-02T03:04:05Z'),
    machine: {
      cpu: 'Test CPU',
      cores: 2,
      memoryGb: 8,
      os: 'Linux',
      node: 'v20.0.0',
      loadAverage: 0.5,
      chromium: 'Chromium 1.2.3',
    },
    rows,
    quick: false,
    failures: [],
    skipped: [],
    ...overrides,
  };
}

const HAND_HEAD = '# Performance\n\nHow each figure is measured, written by hand.\n\n';
const HAND_TAIL =
  '\n\n## Why ratios\n\nA shared machine is noisy; the ratio to a peer run alongside is not.\n';

describe('mergeDocument', () => {
  it('replaces only the text between the markers', () => {
    const old = `${HAND_HEAD}${BENCH_START}\nold figures\n${BENCH_END}${HAND_TAIL}`;
    const merged = mergeDocument(old, `${BENCH_START}\nnew figures\n${BENCH_END}`);
    expect(merged).toBe(`${HAND_HEAD}${BENCH_START}\nnew figures\n${BENCH_END}${HAND_TAIL}`);
  });

  it('appends the section to a document without markers, keeping its text', () => {
    const merged = mergeDocument(`${HAND_HEAD}text`, `${BENCH_START}\nx\n${BENCH_END}`);
    expect(merged.startsWith(`${HAND_HEAD}text`)).toBe(true);
    expect(merged.trimEnd().endsWith(BENCH_END)).toBe(true);
  });

  it('starts a new document with a heading', () => {
    const merged = mergeDocument(undefined, `${BENCH_START}\nx\n${BENCH_END}`);
    expect(merged).toMatch(/^# Performance/);
    expect(merged).toContain(BENCH_START);
  });
});

describe('the generated section', () => {
  const section = generatedSection(report());

  it('describes the machine and the date', () => {
    expect(section).toContain('2025-01-02 03:04 UTC');
    expect(section).toContain('Test CPU, 2 cores');
    expect(section).toContain('Memory: 8 GB');
    expect(section).toContain('Node.js: v20.0.0');
    expect(section).toContain('Chromium: Chromium 1.2.3');
  });

  it('has the table, and says by how much a budget is missed', () => {
    expect(section).toContain(
      '| Engine kernel | M/M/4: kernel events/s | 2,000,000 | events/s | SIM.JS 500,000 | 4.00× | ≥ 3× SIM.JS | pass |',
    );
    expect(section).toContain('26 s against ≤ 2 s: 24 s over, 13.0× the budget');
    expect(section).toContain('- Full model, SQS, 1,000,000 messages: wall time: a | pipe in a note');
  });

  it('lists failed measurements and parts not measured', () => {
    const s = generatedSection(
      report({ failures: ['Wq off'], skipped: ['Browser figures: not there yet.'] }),
    );
    expect(s).toContain('### Failed measurements\n\n- Wq off');
    expect(s).toContain('- Browser figures: not there yet.');
  });
});

describe('missText', () => {
  it('gives a ratio below its minimum as how far short it is', () => {
    const row: BenchRow = { ...rows[0]!, ratio: 1.5, pass: false };
    expect(missText(row)).toContain('1.50× against ≥ 3.00×: 1.50× short (50 % of it)');
  });

  it('falls back to the budget text for rows without a numeric limit', () => {
    const row: BenchRow = {
      group: 'Browser',
      name: 'fps',
      value: 40,
      unit: 'fps',
      budget: '≥ 55 fps',
      pass: false,
    };
    expect(missText(row)).toBe('**Browser: fps**: 40 fps, budget ≥ 55 fps.');
  });
});

describe('writeReport', () => {
  it('keeps the hand-written part of the document across runs and writes Prettier-formatted Markdown', async () => {
    const path = join(dir, 'performance.md');
    writeFileSync(path, `${HAND_HEAD}${BENCH_START}\nold\n${BENCH_END}${HAND_TAIL}`);
    await writeReport(path, report());
    const first = readFileSync(path, 'utf8');
    expect(first.startsWith(HAND_HEAD)).toBe(true);
    expect(first.endsWith(HAND_TAIL)).toBe(true);
    expect(first).not.toContain('\nold\n');
    expect(first).toContain('## Latest results');
    // Formatted already: formatting it again changes nothing, so `prettier --check` passes.
    expect(await renderDocument(path, report())).toBe(first);

    await writeReport(path, report({ rows: [rows[0]!] }));
    const second = readFileSync(path, 'utf8');
    expect(second.startsWith(HAND_HEAD)).toBe(true);
    expect(second.endsWith(HAND_TAIL)).toBe(true);
    expect(second).not.toContain('SQS, 1,000,000 messages');
    expect(second.split(BENCH_START)).toHaveLength(2);
  });
});

describe('textTable', () => {
  it('prints one aligned line per row under a header', () => {
    const lines = textTable(rows).split('\n');
    expect(lines).toHaveLength(2 + rows.length);
    expect(lines[0]).toMatch(/^Group\s+Figure\s+Value/);
    expect(lines[3]).toContain('MISS');
  });
});

describe('parseBenchArgs', () => {
  it('reads --quick, --long-events and the write switches', () => {
    expect(parseBenchArgs([])).toMatchObject({
      quick: false,
      write: true,
      browser: true,
      longEvents: undefined,
    });
    expect(parseBenchArgs(['--quick'])).toMatchObject({ quick: true, write: false });
    expect(parseBenchArgs(['--quick', '--write', '--long-events', '1_000_000'])).toMatchObject({
      write: true,
      longEvents: 1_000_000,
    });
    expect(parseBenchArgs(['--long-events', '0', '--no-browser', '--no-write'])).toMatchObject({
      longEvents: 0,
      browser: false,
      write: false,
    });
    expect(() => parseBenchArgs(['--long-events', 'lots'])).toThrow(/whole number/);
  });
});
