/** Converts between event objects and the compact log's rows, for tests of the worker's messages. */
import { appendEvent, createEventLog, sliceEvents, type EventIds } from '../../src/engine/eventLog';
import { appendRows, copyRows, type EventRows } from '../../src/engine/eventRows';
import type { SimEvent } from '../../src/engine/types';

/** The rows a log holding `events` (in order, from seq 0 of the rows) would send. */
export function rowsOf(events: readonly SimEvent[]): EventRows {
  const log = createEventLog();
  for (const e of events) {
    const ids: EventIds = {};
    for (const key of Object.keys(e)) {
      if (key === 'item' || key === 'invocation' || key === 'env') ids[key] = e[key];
    }
    appendEvent(log, e.t, e.type, e.rule, ids, e.data);
  }
  return copyRows(log, 0, log.length);
}

/**
 * The events `rows` hold, numbered from `fromSeq`. `strings` is the table of the log the rows belong
 * to, kept across its batches (the worker sends each string once and then its code).
 */
export function eventsOfRows(rows: EventRows, fromSeq = 0, strings: string[] = []): SimEvent[] {
  const log = createEventLog();
  appendRows(log, rows, strings);
  return sliceEvents(log).map((e, i) => ({ ...e, seq: fromSeq + i }));
}
