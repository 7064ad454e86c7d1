/** Writes the report into docs/performance.md, keeping its hand-written part, formatted as Prettier wants it. */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { generatedSection, mergeDocument, type BenchReport } from './report';

export const PERFORMANCE_DOC = fileURLToPath(new URL('../docs/performance.md', import.meta.url));

/** The new text of the document at `path` (read if it exists), Prettier-formatted with the repository's options. */
export async function renderDocument(path: string, report: BenchReport): Promise<string> {
  let existing: string | undefined;
  try {
    existing = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const merged = mergeDocument(existing, generatedSection(report));
  // The repository's options (print width…), whatever directory `path` is in.
  const options = (await resolveConfig(PERFORMANCE_DOC)) ?? {};
  return format(merged, { ...options, parser: 'markdown' });
}

export async function writeReport(path: string, report: BenchReport): Promise<void> {
  await writeFile(path, await renderDocument(path, report), 'utf8');
}
