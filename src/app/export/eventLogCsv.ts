/**
 * The event log as CSV: one row per event with its ids, the event in words (as the timeline says it)
 * and its data as JSON, for a spreadsheet or a script. Built in chunks (see chunks.ts).
 */
import type { SimEvent } from '../../engine/types';
import { describeEvent } from '../describeEvent';
import { CHUNK_ROWS } from './chunks';
import { csvRow } from './csv';

/** The header row's column names. */
export const EVENT_LOG_COLUMNS = [
  'seq',
  't',
  'type',
  'rule',
  'item',
  'invocation',
  'env',
  'description',
  'data',
] as const;

/** One event's row. */
export function eventLogRow(event: SimEvent): string {
  return csvRow([
    event.seq,
    event.t,
    event.type,
    event.rule,
    event.item,
    event.invocation,
    event.env,
    describeEvent(event),
    event.data === undefined ? '' : JSON.stringify(event.data),
  ]);
}

/** The CSV in chunks: the header, then CHUNK_ROWS events per chunk, up to event `last` (default: all). */
export function* eventLogCsvChunks(log: readonly SimEvent[], last = log.length - 1): Generator<string> {
  yield csvRow(EVENT_LOG_COLUMNS);
  const end = Math.min(last, log.length - 1);
  for (let from = 0; from <= end; from += CHUNK_ROWS) {
    const to = Math.min(end, from + CHUNK_ROWS - 1);
    let chunk = '';
    for (let i = from; i <= to; i++) chunk += eventLogRow(log[i]!);
    yield chunk;
  }
}
