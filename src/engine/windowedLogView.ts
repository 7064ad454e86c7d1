/**
 * The page's view of a run's log: a read-only array over the compact log that keeps `SimEvent` objects
 * for a few windows of consecutive events only (the ones read most recently), so a run of millions of
 * events costs its columns plus a bounded number of objects. Within a kept window an event reads back as
 * the same object every time, which is what memoised views and store selectors rely on.
 */
import { registerLogView, sliceEvents, type EventLog } from './eventLog';
import { readOnlyArrayView } from './readOnlyArrayView';
import type { SimEvent } from './types';

export interface LogWindowOptions {
  /** Events per window, a power of two (default 4,096). */
  windowRows?: number;
  /** Windows kept at once (default 32: about 131,000 events as objects). */
  maxWindows?: number;
}

/** A read-only array of `log`'s events, made a window at a time and kept for the latest windows. */
export function windowedLogView(log: EventLog, options: LogWindowOptions = {}): readonly SimEvent[] {
  const rows = options.windowRows ?? 4096;
  if (!Number.isInteger(Math.log2(rows))) throw new RangeError('windowRows must be a power of two');
  const bits = Math.log2(rows);
  const maxWindows = Math.max(1, options.maxWindows ?? 32);
  // Oldest first (a Map keeps insertion order); a window read again moves to the end.
  const windows = new Map<number, SimEvent[]>();
  let lastIndex = -1;
  let last: SimEvent[] = [];

  function windowOf(w: number): SimEvent[] {
    let events = windows.get(w);
    const from = w << bits;
    if (events === undefined || events.length < Math.min(rows, log.length - from)) {
      // Not kept, or made while the log was shorter than the window.
      events = sliceEvents(log, from, from + rows);
      if (windows.size >= maxWindows && !windows.has(w)) windows.delete(windows.keys().next().value!);
    }
    windows.delete(w);
    windows.set(w, events);
    return events;
  }

  function at(i: number): SimEvent {
    const w = i >>> bits;
    const offset = i & (rows - 1);
    if (w !== lastIndex || offset >= last.length) {
      last = windowOf(w);
      lastIndex = w;
    }
    return last[offset]!;
  }

  const view = readOnlyArrayView(() => log.length, at);
  registerLogView(view, () => log);
  return view;
}
