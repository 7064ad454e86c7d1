/**
 * The run's items as CSV: one row per thing that entered the system, with its fate, how many attempts
 * it took, the status its caller got and where it was delivered.
 */
import type { ResultItem } from '../../engine/results';
import { CHUNK_ROWS } from './chunks';
import { csvRow } from './csv';

/** The header row's column names. */
export const ITEMS_COLUMNS = [
  'id',
  'kind',
  'source',
  'outcome',
  'arrivedMs',
  'endedMs',
  'attempts',
  'responseStatus',
  'deliveries',
] as const;

/** Deliveries in a few words each: `dlq sqs delivered; on-failure sns failed`. */
function deliveriesText(item: ResultItem): string {
  return item.deliveries
    .map((d) => `${d.target} ${d.destinationType} ${d.delivered ? 'delivered' : 'failed'}`)
    .join('; ');
}

/** One item's row. */
export function itemRow(item: ResultItem): string {
  return csvRow([
    item.id,
    item.kind,
    item.source,
    item.outcome,
    item.arrivedMs,
    item.endedMs,
    item.attempts.length,
    item.response?.statusCode,
    deliveriesText(item),
  ]);
}

/** The CSV in chunks: the header, then CHUNK_ROWS items per chunk. */
export function* itemsCsvChunks(items: readonly ResultItem[]): Generator<string> {
  yield csvRow(ITEMS_COLUMNS);
  for (let from = 0; from < items.length; from += CHUNK_ROWS) {
    let chunk = '';
    for (const item of items.slice(from, from + CHUNK_ROWS)) chunk += itemRow(item);
    yield chunk;
  }
}
