/**
 * What each "Download" action produces from a run: a file name, a MIME type and the text in chunks,
 * ready for a Blob. DOM-free (the page turns it into a download; tests read the chunks).
 */
import type { SimEvent } from '../../engine/types';
import type { Scenario } from '../../scenarios/schema';
import type { RunResults } from '../../store/runSlice';
import { collectChunksAsync, type ChunkSource } from './chunks';
import { eventLogCsvChunks } from './eventLogCsv';
import { exportFileName } from './fileName';
import { itemsCsvChunks } from './itemsCsv';
import { resultsJsonChunks } from './resultsJson';
import { transcriptChunks } from './transcriptExport';

/** The run an export is built from, as the store holds it. */
export interface ExportedRun {
  results: RunResults;
  log: readonly SimEvent[];
  scenario: Scenario;
  /** The player's cursor: the last event shown (-1 before the first). */
  cursor: number;
}

export type TextExportKind = 'results-json' | 'events-csv' | 'items-csv' | 'transcript-text';

export interface TextExport {
  fileName: string;
  mimeType: string;
  chunks: ChunkSource;
}

const CSV = 'text/csv;charset=utf-8';

/** The file one action downloads; the transcript covers the whole run unless `upToCursor` is set. */
export function textExport(
  kind: TextExportKind,
  run: ExportedRun,
  options: { upToCursor?: boolean } = {},
): TextExport {
  const { results, log, scenario } = run;
  const name = (what: string, ext: string) => exportFileName(results.scenario, results.seed, what, ext);
  switch (kind) {
    case 'results-json':
      return {
        fileName: name('results', 'json'),
        mimeType: 'application/json',
        chunks: resultsJsonChunks(results, log),
      };
    case 'events-csv':
      return { fileName: name('events', 'csv'), mimeType: CSV, chunks: eventLogCsvChunks(log) };
    case 'items-csv':
      return { fileName: name('items', 'csv'), mimeType: CSV, chunks: itemsCsvChunks(results.items) };
    case 'transcript-text': {
      const upTo = options.upToCursor ? run.cursor : undefined;
      return {
        fileName: name('transcript', 'txt'),
        mimeType: 'text/plain;charset=utf-8',
        chunks: transcriptChunks(log, scenario, { seed: results.seed, upTo }),
      };
    }
  }
}

/** The export's text as Blob parts, built a chunk at a time without blocking the page. */
export function exportParts(file: TextExport, signal?: AbortSignal): Promise<string[]> {
  return collectChunksAsync(file.chunks, signal);
}
