/**
 * The bench's output: a plain-text table for the terminal, and the generated part of docs/performance.md,
 * which sits between BENCH_START and BENCH_END; everything outside the markers is written by hand and
 * kept as it is on every run.
 */
import type { BenchRow } from './benchRow';
import type { Machine } from './machine';

export const BENCH_START = '<!-- bench:start -->';
export const BENCH_END = '<!-- bench:end -->';

export interface BenchReport {
  /** When the bench ran. */
  date: Date;
  machine: Machine;
  rows: BenchRow[];
  quick: boolean;
  /** Measurements that failed (checks outside tolerance, crashed runs). */
  failures: string[];
  /** Parts not measured, with why (e.g. the browser part). */
  skipped: string[];
}

/** A number for a table: grouped thousands, at most 2 decimals. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return value.toLocaleString('en-US', { maximumFractionDigits: digits });
}

export function formatRatio(ratio: number | undefined): string {
  return ratio === undefined ? '' : `${ratio.toFixed(2)}×`;
}

export function resultText(row: BenchRow): string {
  return row.pass === undefined ? '' : row.pass ? 'pass' : 'MISS';
}

function peerText(row: BenchRow): string {
  return row.peer ? `${row.peer.name} ${formatNumber(row.peer.value)}` : '';
}

const withUnit = (value: number, unit: string) => `${formatNumber(value)} ${unit}`.trim();

/** For a missed budget: the figure, the budget, and by how much it is missed. */
export function missText(row: BenchRow): string {
  const limit = row.limit;
  const actual = limit?.on === 'ratio' ? row.ratio : row.value;
  const unit = limit?.on === 'ratio' ? '×' : row.unit;
  const shown = (v: number) => (limit?.on === 'ratio' ? `${v.toFixed(2)}×` : withUnit(v, unit));
  const head = `**${row.group}: ${row.name}**`;
  if (!limit || actual === undefined)
    return `${head}: ${withUnit(row.value, row.unit)}, budget ${row.budget ?? '?'}.`;
  if (limit.max !== undefined && actual > limit.max) {
    const times = limit.max > 0 ? `, ${(actual / limit.max).toFixed(1)}× the budget` : '';
    return `${head}: ${shown(actual)} against ≤ ${shown(limit.max)}: ${shown(actual - limit.max)} over${times}.`;
  }
  if (limit.min !== undefined && actual < limit.min) {
    const share = limit.min > 0 ? ` (${Math.round((actual / limit.min) * 100)} % of it)` : '';
    return `${head}: ${shown(actual)} against ≥ ${shown(limit.min)}: ${shown(limit.min - actual)} short${share}.`;
  }
  return `${head}: ${withUnit(row.value, row.unit)}, budget ${row.budget ?? '?'}.`;
}

const COLUMNS = ['Group', 'Figure', 'Value', 'Unit', 'Peer', 'Ratio', 'Budget', 'Result'] as const;

function cells(row: BenchRow): string[] {
  return [
    row.group,
    row.name,
    formatNumber(row.value),
    row.unit,
    peerText(row),
    formatRatio(row.ratio),
    row.budget ?? '',
    resultText(row),
  ];
}

/** The rows as an aligned plain-text table (numbers right-aligned). */
export function textTable(rows: readonly BenchRow[]): string {
  const body = rows.map(cells);
  const widths = COLUMNS.map((h, i) => Math.max(h.length, ...body.map((c) => c[i]!.length)));
  const right = new Set([2, 5]);
  const line = (c: readonly string[]) =>
    c
      .map((v, i) => (right.has(i) ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(COLUMNS), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

const escapeCell = (s: string) => s.replace(/\|/g, '\\|');

export function markdownTable(rows: readonly BenchRow[]): string {
  const line = (c: readonly string[]) => `| ${c.map(escapeCell).join(' | ')} |`;
  return [line(COLUMNS), line(COLUMNS.map(() => '---')), ...rows.map((r) => line(cells(r)))].join('\n');
}

/** The generated section, markers included. */
export function generatedSection(report: BenchReport): string {
  const m = report.machine;
  const date = `${report.date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const out: string[] = [
    BENCH_START,
    '<!-- Written by `npm run bench`: everything up to bench:end is replaced on every run. -->',
    '',
    '## Latest results',
    '',
    `Measured ${date} with \`npm run bench${report.quick ? ' -- --quick' : ''}\`${report.quick ? ' (a smoke run: smaller sizes, budgets not judged)' : ''}.`,
    '',
    `- CPU: ${m.cpu}, ${m.cores} cores`,
    `- Memory: ${m.memoryGb} GB`,
    `- OS: ${m.os}`,
    `- Node.js: ${m.node}`,
    `- Chromium: ${m.chromium ?? 'not run'}`,
    `- Load average when the bench started: ${m.loadAverage} (on ${m.cores} cores)`,
    '',
    markdownTable(report.rows),
    '',
  ];
  const misses = report.rows.filter((r) => r.pass === false);
  out.push('### Missed budgets', '');
  if (misses.length === 0)
    out.push(report.rows.some((r) => r.pass !== undefined) ? 'None.' : 'No budget was judged.');
  else for (const r of misses) out.push(`- ${missText(r)}`);
  out.push('');
  if (report.failures.length > 0) {
    out.push('### Failed measurements', '');
    for (const f of report.failures) out.push(`- ${f.split('\n')[0]}`);
    out.push('');
  }
  if (report.skipped.length > 0) {
    out.push('### Not measured', '');
    for (const s of report.skipped) out.push(`- ${s}`);
    out.push('');
  }
  const notes = report.rows.filter((r) => r.note);
  if (notes.length > 0) {
    out.push('### Notes', '');
    for (const r of notes) out.push(`- ${r.group}, ${r.name}: ${r.note}`);
    out.push('');
  }
  out.push(BENCH_END);
  return out.join('\n');
}

/** What a new docs/performance.md starts with, before its first generated section. */
export const NEW_DOCUMENT_HEAD = `# Performance

How fast the simulator is, measured by \`npm run bench\`. The section between the bench markers below is
rewritten on every run; the rest of this file is written by hand.
`;

/**
 * The document with `section` in place of the previous generated section; the hand-written text around
 * the markers is kept as it is. Without markers the section is added at the end.
 */
export function mergeDocument(existing: string | undefined, section: string): string {
  if (existing === undefined || existing.trim() === '') return `${NEW_DOCUMENT_HEAD}\n${section}\n`;
  const start = existing.indexOf(BENCH_START);
  const end = existing.indexOf(BENCH_END, start + BENCH_START.length);
  if (start >= 0 && end >= 0)
    return existing.slice(0, start) + section + existing.slice(end + BENCH_END.length);
  return `${existing.trimEnd()}\n\n${section}\n`;
}
