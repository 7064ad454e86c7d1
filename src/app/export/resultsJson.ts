/**
 * The run as the headless results object with its log (docs/results-format.md), formatted exactly as
 * `npm run simulate -- --trace` prints it, so a downloaded file and the CLI's output are the same bytes.
 * The log is written in chunks of events rather than by one `JSON.stringify` of the whole object.
 */
import type { SimEvent } from '../../engine/types';
import type { RunResults } from '../../store/runSlice';
import { CHUNK_ROWS } from './chunks';

/** `JSON.stringify(value, null, 2)` as it reads nested `depth` levels down (the CLI indents by two). */
function indented(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);
}

/** The results JSON in chunks: the results without the log, then the log's events, then the end. */
export function* resultsJsonChunks(results: RunResults, log: readonly SimEvent[]): Generator<string> {
  // JSON strings escape their newlines, so every raw newline is layout and re-indenting is safe.
  const head = JSON.stringify({ ...results, log: undefined }, null, 2);
  const open = head.slice(0, head.lastIndexOf('\n}'));
  if (log.length === 0) {
    yield `${open},\n  "log": []\n}\n`;
    return;
  }
  yield `${open},\n  "log": [\n`;
  for (let from = 0; from < log.length; from += CHUNK_ROWS) {
    const to = Math.min(log.length, from + CHUNK_ROWS);
    const events: string[] = [];
    for (let i = from; i < to; i++) events.push(`    ${indented(log[i], 2)}`);
    yield `${from === 0 ? '' : ',\n'}${events.join(',\n')}`;
  }
  yield '\n  ]\n}\n';
}
