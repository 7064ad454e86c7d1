/**
 * Helpers of the SAM import/export tests: read a fixture template, import it and insist it worked, and
 * find report lines by group and path.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'vitest';
import { importTemplate, type ImportOptions, type ImportResult } from '../../../src/scenarios/sam';
import type { ImportReport, ReportLine } from '../../../src/scenarios/sam';
import { mustValidate } from '../../../src/scenarios/validate';
import type { Scenario } from '../../../src/scenarios/schema';

/** The text of a fixture in tests/scenarios/sam/templates/ (from the project root: happy-dom tests have no file URL). */
export function fixture(name: string): string {
  return readFileSync(resolve('tests/scenarios/sam/templates', name), 'utf8');
}

export type Imported = Extract<ImportResult, { ok: true }> & {
  /** The imported scenario, validated (defaults filled in). */
  valid: Scenario;
  /** The raw scenario as JSON-like data, for assertions on what the importer wrote. */
  raw: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
};

/** Imports text and fails the test with the errors when the import did not work. */
export function importOk(text: string, options?: ImportOptions): Imported {
  const result = importTemplate(text, options);
  if (!result.ok) {
    expect.fail(`import failed:\n${result.errors.map((e) => `  ${e.path}: ${e.message}`).join('\n')}`);
  }
  return { ...result, valid: mustValidate(result.scenario), raw: result.scenario };
}

/** Imports a fixture and fails the test when the import did not work. */
export function importFixture(name: string, options?: ImportOptions): Imported {
  return importOk(fixture(name), options);
}

/** The lines of a report group at exactly this template path. */
export function linesAt(report: ImportReport, group: keyof ImportReport, path: string): ReportLine[] {
  return report[group].filter((l) => l.path === path);
}

/** The one message of a group at a path matching `pattern` (fails the test when there is none). */
export function expectLine(
  report: ImportReport,
  group: keyof ImportReport,
  path: string,
  pattern: RegExp,
): ReportLine {
  const found = linesAt(report, group, path).find((l) => pattern.test(l.message));
  if (!found) {
    const near = report[group].map((l) => `  ${l.path}: ${l.message}`).join('\n');
    expect.fail(`no ${group} line at ${path} matching ${pattern}; ${group} lines:\n${near}`);
  }
  return found;
}
