/**
 * Scans of a whole log for the few events of some types. Over a compact log's view (the page's log, or
 * `Simulation.log()`) the types are read from the columns and only the events wanted are built, so a scan
 * of a million events makes objects for the thousands it keeps, not for all of them.
 */
import { CHUNK_BITS, compactLogOf, eventAt } from './eventLog';
import type { SimEvent } from './types';

/** Calls `visit(event, index)`, in log order, for every event whose type `wanted` accepts. */
export function forEachEventOfTypes(
  log: readonly SimEvent[],
  wanted: (type: string) => boolean,
  visit: (event: SimEvent, index: number) => void,
): void {
  const compact = compactLogOf(log);
  if (compact === undefined) {
    for (let i = 0; i < log.length; i++) {
      const event = log[i]!;
      if (wanted(event.type)) visit(event, i);
    }
    return;
  }
  // Whether each type code is wanted, asked once per code.
  const byCode: Array<boolean | undefined> = [];
  const n = compact.length;
  for (let c = 0; c < compact.chunks.length; c++) {
    const chunk = compact.chunks[c]!;
    const base = c << CHUNK_BITS;
    const rows = Math.min(chunk.rows, n - base);
    for (let row = 0; row < rows; row++) {
      const code = chunk.type[row]!;
      let yes = byCode[code];
      if (yes === undefined) byCode[code] = yes = wanted(compact.types[code]!);
      if (yes) visit(eventAt(compact, base + row), base + row);
    }
  }
}
