/**
 * The event log, stored compactly (design.md "Scale": columnar or compact records for the log). A run
 * keeps no `SimEvent` object per event: each event is a row of columns — time in a Float64Array, the
 * type and rule as codes into small interned tables, one byte for which ids it names (and in which
 * order), and the ids and `data` as references into plain arrays (`refPages`), which only hold what
 * is present. `SimEvent` objects are built on demand, when someone reads an event (`eventAt`, the view that
 * `Simulation.log()` returns, `sliceEvents`); they are equal to the objects the engine used to keep, key
 * order included, so the JSON of the log is the same byte for byte.
 *
 * Rows live in chunks of up to 65,536 events, so the log grows without ever copying a big array, and a
 * small run's log stays small (a chunk's columns start at 256 rows and double). The store is plain,
 * structured-cloneable data (typed arrays, arrays, Maps), like the rest of the engine state.
 */
import { readOnlyArrayView } from './readOnlyArrayView';
import type { RuleRef, SimEvent } from './types';
import { grownColumn } from './columns';

export const CHUNK_BITS = 16;
/** Rows per full chunk. */
export const LOG_CHUNK_ROWS = 1 << CHUNK_BITS;
export const CHUNK_MASK = LOG_CHUNK_ROWS - 1;
const FIRST_CAPACITY = 256;

/** Bits 0–5 of a row's `shape`: up to three id keys, two bits each, in the order the emitter gave them. */
const ID_ITEM = 1;
const ID_INVOCATION = 2;
const ID_ENV = 3;
const ID_KEYS = ['', 'item', 'invocation', 'env'] as const;
/** Bit 6: the event has `data` (the last ref of the row). */
const HAS_DATA = 64;
/** Bit 7: the data is packed: a `DataTemplate` ref, then one ref per key of the template. */
export const PACKED = 128;

/** Builds a packed event's data object from its values, in the template's key order. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the values are whatever the event holds
type MakeData = (...values: any[]) => Record<string, unknown>;

/**
 * The keys of a kind of event's `data`, for events logged many times over (one per message or batch):
 * the emitter passes the values alone and the log keeps them in its refs after the template's id, so the
 * run holds no data object for the event. Reading the event builds `data` with `make`, an object literal
 * with the keys in this order (checked when the template is made).
 */
export interface DataTemplate {
  /** The keys joined with ","; what a packed row stores, so the log stays plain, cloneable data. */
  readonly id: string;
  readonly keys: readonly string[];
  readonly make: MakeData;
}

/** Every template made, by id (templates are made once, at module load, by the emitters). */
const templates = new Map<string, DataTemplate>();

export function dataTemplate(keys: readonly string[], make: MakeData): DataTemplate {
  if (keys.length > 7 || keys.some((k) => k.includes(',')))
    throw new Error(`bad data template ${keys.join()}`);
  const made = Object.keys(make(...keys));
  if (made.join(',') !== keys.join(',') || keys.some((k, i) => make(...keys)[k] !== keys[i])) {
    throw new Error(`data template ${keys.join()} builds ${made.join()}`);
  }
  const template: DataTemplate = Object.freeze({ id: keys.join(','), keys: Object.freeze([...keys]), make });
  templates.set(template.id, template);
  return template;
}

/** The template a packed row names (one made elsewhere is rebuilt from its keys). */
export function templateOf(id: string): DataTemplate {
  let template = templates.get(id);
  if (template === undefined) {
    const keys = id.split(',');
    template = {
      id,
      keys,
      make: (...values: unknown[]) => {
        const data: Record<string, unknown> = {};
        for (let k = 0; k < keys.length; k++) data[keys[k]!] = values[k];
        return data;
      },
    };
    templates.set(id, template);
  }
  return template;
}

export interface LogChunk {
  /** Rows in use, and rows the typed columns can hold. */
  rows: number;
  t: Float64Array;
  type: Uint16Array;
  rule: Uint16Array;
  shape: Uint8Array;
  /** Where the row's first id (or its data) is in the log's refs: page `at >>> 13`, slot `at & 8191`. */
  refAt: Uint32Array;
}

export interface EventLog {
  length: number;
  /** Interned event types and rules; a row stores their index. */
  types: string[];
  typeCodes: Map<string, number>;
  rules: RuleRef[];
  ruleCodes: Map<string, number>;
  chunks: LogChunk[];
  /**
   * The rows' ids and data, in row order, only what is present, in pages of 8,192 slots (a row's refs
   * never straddle two pages). Pages are allocated whole and written by index, never grown by pushing,
   * except the first, which starts small for short logs.
   */
  refPages: unknown[][];
  /** The next free slot (page * 8192 + slot). */
  refCount: number;
}

export type EventIds = { item?: string; invocation?: string; env?: string };

export function createEventLog(): EventLog {
  return {
    length: 0,
    types: [],
    typeCodes: new Map(),
    rules: [],
    ruleCodes: new Map(),
    chunks: [],
    refPages: [],
    refCount: 0,
  };
}

function newChunk(capacity: number): LogChunk {
  return {
    rows: 0,
    t: new Float64Array(capacity),
    type: new Uint16Array(capacity),
    rule: new Uint16Array(capacity),
    shape: new Uint8Array(capacity),
    refAt: new Uint32Array(capacity),
  };
}

/** The most refs one row takes: three ids, a template and seven values. */
const MAX_ROW_REFS = 11;
export const PAGE_BITS = 13;
const PAGE_SLOTS = 1 << PAGE_BITS;
export const PAGE_MASK = PAGE_SLOTS - 1;
const FIRST_PAGE_SLOTS = 256;

/** The page the next row's refs go to, with room for them; `log.refCount` is where they start. */
export function writablePage(log: EventLog): unknown[] {
  let at = log.refCount;
  let slot = at & PAGE_MASK;
  if (slot + MAX_ROW_REFS > PAGE_SLOTS) {
    at = ((at >>> PAGE_BITS) + 1) << PAGE_BITS;
    slot = 0;
    log.refCount = at;
  }
  const p = at >>> PAGE_BITS;
  let page = log.refPages[p];
  if (page === undefined) {
    page = new Array<unknown>(p === 0 ? FIRST_PAGE_SLOTS : PAGE_SLOTS);
    log.refPages.push(page);
  } else if (slot + MAX_ROW_REFS > page.length) {
    // Only the first page grows (it starts small): double it.
    const bigger = new Array<unknown>(Math.min(PAGE_SLOTS, page.length * 2));
    for (let i = 0; i < slot; i++) bigger[i] = page[i];
    page = bigger;
    log.refPages[p] = page;
  }
  return page;
}

/** The chunk the next row goes to, with room for it and its refs. */
export function writableChunk(log: EventLog): LogChunk {
  const chunks = log.chunks;
  let c = chunks[chunks.length - 1];
  if (c === undefined || c.rows === LOG_CHUNK_ROWS) {
    c = newChunk(c === undefined ? FIRST_CAPACITY : LOG_CHUNK_ROWS);
    chunks.push(c);
  } else if (c.rows === c.t.length) {
    const capacity = Math.min(LOG_CHUNK_ROWS, c.rows * 2);
    c.t = grownColumn(c.t, capacity);
    c.type = grownColumn(c.type, capacity);
    c.rule = grownColumn(c.rule, capacity);
    c.shape = grownColumn(c.shape, capacity);
    c.refAt = grownColumn(c.refAt, capacity);
  }
  return c;
}

export function intern(table: string[], codes: Map<string, number>, value: string): number {
  let code = codes.get(value);
  if (code === undefined) {
    code = table.length;
    if (code > 0xffff) throw new Error('too many distinct event types or rules');
    table.push(value);
    codes.set(value, code);
  }
  return code;
}

/**
 * Appends an event. `ids` is read for its keys in their order (a key given with an undefined value is
 * kept, as an object spread would keep it); `data` is kept by reference. Returns the event's seq.
 */
export function appendEvent(
  log: EventLog,
  t: number,
  type: string,
  rule: RuleRef,
  ids: EventIds,
  data: Record<string, unknown> | undefined,
): number {
  const c = writableChunk(log);
  const page = writablePage(log);
  const row = c.rows;
  let shape = startRow(log, c, page, row, t, type, rule, ids);
  if (data) {
    shape |= HAS_DATA;
    page[log.refCount++ & PAGE_MASK] = data;
  }
  c.shape[row] = shape;
  c.rows = row + 1;
  return log.length++;
}

/**
 * Appends an event whose data has the template's keys with the values `v0`, `v1`… (as many as the
 * template has keys; the rest are ignored). The event reads back as `appendEvent` with that object.
 */
export function appendPackedEvent(
  log: EventLog,
  t: number,
  type: string,
  rule: RuleRef,
  ids: EventIds,
  template: DataTemplate,
  v0?: unknown,
  v1?: unknown,
  v2?: unknown,
  v3?: unknown,
  v4?: unknown,
  v5?: unknown,
  v6?: unknown,
): number {
  const n = template.keys.length;
  if (n > 7) throw new Error('a data template has at most 7 keys');
  const c = writableChunk(log);
  const page = writablePage(log);
  const row = c.rows;
  const shape = startRow(log, c, page, row, t, type, rule, ids) | HAS_DATA | PACKED;
  const at = log.refCount;
  let r = at & PAGE_MASK;
  page[r++] = template.id;
  if (n > 0) page[r++] = v0;
  if (n > 1) page[r++] = v1;
  if (n > 2) page[r++] = v2;
  if (n > 3) page[r++] = v3;
  if (n > 4) page[r++] = v4;
  if (n > 5) page[r++] = v5;
  if (n > 6) page[r] = v6;
  log.refCount = at + n + 1;
  c.shape[row] = shape;
  c.rows = row + 1;
  return log.length++;
}

/** Writes a row's time, type, rule and ids; returns the shape bits of its ids. */
function startRow(
  log: EventLog,
  c: LogChunk,
  page: unknown[],
  row: number,
  t: number,
  type: string,
  rule: RuleRef,
  ids: EventIds,
): number {
  c.t[row] = t;
  c.type[row] = intern(log.types, log.typeCodes, type);
  c.rule[row] = intern(log.rules as string[], log.ruleCodes, rule);
  const at = log.refCount;
  c.refAt[row] = at;
  let r = at & PAGE_MASK;
  let shape = 0;
  let shift = 0;
  for (const key in ids) {
    if (key === 'item') {
      shape |= ID_ITEM << shift;
      page[r++] = ids.item;
    } else if (key === 'invocation') {
      shape |= ID_INVOCATION << shift;
      page[r++] = ids.invocation;
    } else if (key === 'env') {
      shape |= ID_ENV << shift;
      page[r++] = ids.env;
    } else continue;
    shift += 2;
  }
  log.refCount = at + (r - (at & PAGE_MASK));
  return shape;
}

/** Event `seq` as a `SimEvent` (a new object on every call). */
export function eventAt(log: EventLog, seq: number): SimEvent {
  const c = log.chunks[seq >>> CHUNK_BITS]!;
  const row = seq & CHUNK_MASK;
  const t = c.t[row]!;
  const type = log.types[c.type[row]!]!;
  const rule = log.rules[c.rule[row]!]!;
  const shape = c.shape[row]!;
  const at = c.refAt[row]!;
  const page = log.refPages[at >>> PAGE_BITS]!;
  const r = at & PAGE_MASK;
  // The common shapes get an object literal of their own (all keys at once, no growing); ids are in
  // the order the emitter named them.
  switch (shape) {
    case ID_ITEM | HAS_DATA | PACKED:
      return { seq, t, type, rule, item: page[r] as string, data: packedData(page, r + 1) };
    case ID_ITEM | HAS_DATA:
      return { seq, t, type, rule, item: page[r] as string, data: page[r + 1] as Record<string, unknown> };
    case ID_INVOCATION | (ID_ENV << 2) | (ID_ITEM << 4) | HAS_DATA | PACKED:
      return {
        seq,
        t,
        type,
        rule,
        invocation: page[r] as string,
        env: page[r + 1] as string,
        item: page[r + 2] as string,
        data: packedData(page, r + 3),
      };
    case ID_INVOCATION | (ID_ENV << 2) | (ID_ITEM << 4) | HAS_DATA:
      return {
        seq,
        t,
        type,
        rule,
        invocation: page[r] as string,
        env: page[r + 1] as string,
        item: page[r + 2] as string,
        data: page[r + 3] as Record<string, unknown>,
      };
  }
  const event: SimEvent = { seq, t, type, rule };
  let k = r;
  for (let s = shape & 63; s !== 0; s >>= 2) {
    (event as unknown as Record<string, unknown>)[ID_KEYS[s & 3]!] = page[k++];
  }
  if (shape & PACKED) event.data = packedData(page, k);
  else if (shape & HAS_DATA) event.data = page[k] as Record<string, unknown>;
  return event;
}

/** A packed event's data: its template's keys with the values that follow the template's id. */
function packedData(page: unknown[], r: number): Record<string, unknown> {
  const template = templateOf(page[r] as string);
  switch (template.keys.length) {
    case 0:
      return template.make();
    case 1:
      return template.make(page[r + 1]);
    case 2:
      return template.make(page[r + 1], page[r + 2]);
    case 3:
      return template.make(page[r + 1], page[r + 2], page[r + 3]);
    case 4:
      return template.make(page[r + 1], page[r + 2], page[r + 3], page[r + 4]);
    case 5:
      return template.make(page[r + 1], page[r + 2], page[r + 3], page[r + 4], page[r + 5]);
    case 6:
      return template.make(page[r + 1], page[r + 2], page[r + 3], page[r + 4], page[r + 5], page[r + 6]);
    default:
      return template.make(
        page[r + 1],
        page[r + 2],
        page[r + 3],
        page[r + 4],
        page[r + 5],
        page[r + 6],
        page[r + 7],
      );
  }
}

/** The time of event `seq`, without building it. */
export function eventTime(log: EventLog, seq: number): number {
  return log.chunks[seq >>> CHUNK_BITS]!.t[seq & CHUNK_MASK]!;
}

/** The type of event `seq`, without building it. */
export function eventType(log: EventLog, seq: number): string {
  const c = log.chunks[seq >>> CHUNK_BITS]!;
  return log.types[c.type[seq & CHUNK_MASK]!]!;
}

/** Events `from` (inclusive) to `to` (exclusive) as new `SimEvent` objects, clamped to the log. */
export function sliceEvents(log: EventLog, from = 0, to = log.length): SimEvent[] {
  const start = Math.max(0, Math.min(from, log.length));
  const end = Math.max(start, Math.min(to, log.length));
  const out = new Array<SimEvent>(end - start);
  for (let i = start; i < end; i++) out[i - start] = eventAt(log, i);
  return out;
}

/** How many ids a row with this shape names. */
export function idCount(shape: number): number {
  let ids = 0;
  for (let s = shape & 63; s !== 0; s >>= 2) ids += 1;
  return ids;
}

/** How many ref slots a row takes: its ids, then its data (one ref, or a template and its values). */
export function rowRefCount(page: readonly unknown[], first: number, shape: number): number {
  const ids = idCount(shape);
  if (shape & PACKED) return ids + 1 + templateOf(page[first + ids] as string).keys.length;
  return shape & HAS_DATA ? ids + 1 : ids;
}

export interface EventLogStats {
  events: number;
  /** Bytes of the columns and ref slots (`eventLogColumnBytes`). */
  columnBytes: number;
  /** Ref slots in use (ids, data, templates and packed values). */
  refs: number;
  /**
   * Distinct objects the log holds (data objects, arrays inside packed data), not counting templates
   * and strings: what the log keeps per event beyond its columns.
   */
  objects: number;
}

/** Figures on the log's compactness, for tests and the bench. */
export function eventLogStats(log: EventLog): EventLogStats {
  const seen = new Set<object>();
  let refs = 0;
  for (const c of log.chunks) {
    for (let row = 0; row < c.rows; row++) {
      const shape = c.shape[row]!;
      const at = c.refAt[row]!;
      const page = log.refPages[at >>> PAGE_BITS]!;
      const first = at & PAGE_MASK;
      const ids = idCount(shape);
      const n = rowRefCount(page, first, shape);
      for (let k = 0; k < n; k++) {
        if (shape & PACKED && k === ids) continue; // the template
        const v = page[first + k];
        if (typeof v === 'object' && v !== null) seen.add(v);
      }
      refs += n;
    }
  }
  return { events: log.length, columnBytes: eventLogColumnBytes(log), refs, objects: seen.size };
}

/**
 * Bytes the log's own columns and reference slots take (typed-array capacity plus 8 bytes per ref slot);
 * the `data` objects the refs point to are not counted. A measure of the store's compactness.
 */
export function eventLogColumnBytes(log: EventLog): number {
  let bytes = 0;
  for (const c of log.chunks) {
    bytes += c.t.byteLength + c.type.byteLength + c.rule.byteLength + c.shape.byteLength;
    bytes += c.refAt.byteLength;
  }
  for (const page of log.refPages) bytes += 8 * page.length;
  return bytes;
}

/** The compact log behind each view made by `eventLogView` (so readers can scan its columns). */
const viewedLogs = new WeakMap<readonly SimEvent[], () => EventLog>();

/**
 * A read-only array view of the log: `length`, indexing, iteration and every array method work, and
 * each event is built when read. Elements are equal, not identical, across reads.
 */
export function eventLogView(getLog: () => EventLog): readonly SimEvent[] {
  const view = readOnlyArrayView(
    () => getLog().length,
    (i) => eventAt(getLog(), i),
    (from, to) => sliceEvents(getLog(), from, to),
  );
  registerLogView(view, getLog);
  return view;
}

/** The compact log a view shows (`eventLogView`, or a view registered with it), else undefined. */
export function compactLogOf(view: readonly SimEvent[]): EventLog | undefined {
  return viewedLogs.get(view)?.();
}

/** Registers `view` as showing `getLog()`, for `compactLogOf`. */
export function registerLogView(view: readonly SimEvent[], getLog: () => EventLog): void {
  viewedLogs.set(view, getLog);
}
