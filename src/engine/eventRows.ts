/**
 * Rows of the compact event log as plain, transferable data: how the worker sends its log to the page
 * without making a `SimEvent` object per event on either side. The rows' columns are typed arrays (moved,
 * not copied, between threads), their type and rule codes point into the tables sent with them, and their
 * ids and data are the log's own refs, in row order. `appendRows` adds them to another log, which then
 * reads back exactly as the source did (`eventAt`, `sliceEvents`, the views).
 */
import {
  CHUNK_BITS,
  CHUNK_MASK,
  PACKED,
  PAGE_BITS,
  PAGE_MASK,
  idCount,
  intern,
  rowRefCount,
  templateOf,
  writableChunk,
  writablePage,
  type EventLog,
} from './eventLog';

export interface EventRows {
  /** The event types and rules the codes name (the source log's tables when the rows were taken). */
  types: string[];
  rules: string[];
  t: Float64Array;
  type: Uint16Array;
  rule: Uint16Array;
  /** Which ids a row names, in which order, and whether its data is packed (eventLog.ts). */
  shape: Uint8Array;
  /** Row i's refs are `refs[refEnd[i - 1] … refEnd[i])` (from 0 for the first row). */
  refEnd: Uint32Array;
  refs: unknown[];
  /**
   * Where `refs` holds a string as a number: its index in the run's table of strings, which grows by
   * `newStrings` with each batch (ascending positions in `refs`). Empty when strings travel as they are.
   */
  stringAt: Uint32Array;
  /** Strings first named in these rows, in the order their codes were given. */
  newStrings: string[];
}

/** The most refs one row takes (eventLog.ts): three ids, a data template and seven values. */
const MAX_ROW_REFS = 11;

/**
 * Rows `from` (inclusive) to `to` (exclusive) of `log`, clamped to it. With `strings` (the sender's
 * table for one log, kept across its batches), each distinct string goes once and refs name it by a
 * number: a run's ids are named by many events each, and the receiver then keeps one copy of each.
 */
export function copyRows(log: EventLog, from: number, to: number, strings?: Map<string, number>): EventRows {
  const start = Math.max(0, Math.min(from, log.length));
  const n = Math.max(start, Math.min(to, log.length)) - start;
  const rows: EventRows = {
    types: log.types.slice(),
    rules: log.rules.slice(),
    t: new Float64Array(n),
    type: new Uint16Array(n),
    rule: new Uint16Array(n),
    shape: new Uint8Array(n),
    refEnd: new Uint32Array(n),
    refs: [],
    stringAt: new Uint32Array(0),
    newStrings: [],
  };
  const refs = rows.refs;
  const stringAt: number[] = [];
  for (let i = 0; i < n; i++) {
    const seq = start + i;
    const c = log.chunks[seq >>> CHUNK_BITS]!;
    const row = seq & CHUNK_MASK;
    const shape = c.shape[row]!;
    rows.t[i] = c.t[row]!;
    rows.type[i] = c.type[row]!;
    rows.rule[i] = c.rule[row]!;
    rows.shape[i] = shape;
    const at = c.refAt[row]!;
    const page = log.refPages[at >>> PAGE_BITS]!;
    const first = at & PAGE_MASK;
    const count = rowRefCount(page, first, shape);
    for (let k = 0; k < count; k++) {
      const v = page[first + k];
      if (strings !== undefined && typeof v === 'string') {
        let code = strings.get(v);
        if (code === undefined) {
          code = strings.size;
          strings.set(v, code);
          rows.newStrings.push(v);
        }
        stringAt.push(refs.length);
        refs.push(code);
      } else refs.push(v);
    }
    rows.refEnd[i] = refs.length;
  }
  rows.stringAt = Uint32Array.from(stringAt);
  return rows;
}

/** The transferable buffers of `rows` (to list in `postMessage`'s transfer). */
export function eventRowsBuffers(rows: EventRows): ArrayBuffer[] {
  return [rows.t, rows.type, rows.rule, rows.shape, rows.refEnd, rows.stringAt].map(
    (a) => a.buffer as ArrayBuffer,
  );
}

/**
 * Appends `rows` to `log`. `strings` is the receiver's table for this log, kept across its batches:
 * the rows' new strings join it, and refs given as codes read from it. Throws a RangeError, naming the
 * row, when a row's refs do not match its shape or a code names no string; rows before it are kept.
 */
export function appendRows(log: EventLog, rows: EventRows, strings: string[] = []): void {
  for (const s of rows.newStrings) strings.push(s);
  const typeCodes = rows.types.map((name) => intern(log.types, log.typeCodes, name));
  const ruleCodes = rows.rules.map((name) => intern(log.rules as string[], log.ruleCodes, name));
  const { refs, stringAt } = rows;
  let nextString = stringAt.length > 0 ? stringAt[0]! : -1;
  let s = 0;
  let from = 0;
  for (let i = 0; i < rows.t.length; i++) {
    const end = rows.refEnd[i]!;
    if (end - from > MAX_ROW_REFS) throw new RangeError(`row ${i}: too many refs`);
    const c = writableChunk(log);
    const page = writablePage(log);
    const at = log.refCount;
    const first = at & PAGE_MASK;
    let r = first;
    for (let k = from; k < end; k++) {
      let v = refs[k];
      if (k === nextString) {
        v = strings[v as number];
        if (v === undefined) throw new RangeError(`row ${i}: a string code names no string`);
        nextString = ++s < stringAt.length ? stringAt[s]! : -1;
      }
      page[r++] = v;
    }
    const shape = rows.shape[i]!;
    const template = shape & PACKED ? page[first + idCount(shape)] : undefined;
    if (shape & PACKED && (typeof template !== 'string' || templateOf(template).keys.length > 7))
      throw new RangeError(`row ${i}: data template`);
    if (rowRefCount(page, first, shape) !== end - from) throw new RangeError(`row ${i}: refs`);
    const row = c.rows;
    c.t[row] = rows.t[i]!;
    c.type[row] = typeCodes[rows.type[i]!]!;
    c.rule[row] = ruleCodes[rows.rule[i]!]!;
    c.shape[row] = shape;
    c.refAt[row] = at;
    log.refCount = at + (end - from);
    c.rows = row + 1;
    log.length += 1;
    from = end;
  }
}

/** The id groups of a shape are contiguous (no empty group before a used one), as the log writes them. */
function idsContiguous(shape: number): boolean {
  for (let s = shape & 63; s !== 0; s >>= 2) if ((s & 3) === 0) return false;
  return true;
}

/** Every value of `a` is below `limit`. */
function allBelow(a: Uint16Array, limit: number): boolean {
  for (let i = 0; i < a.length; i++) if (a[i]! >= limit) return false;
  return true;
}

/**
 * Why `value` is not well-formed rows, or null when it is: the columns have one length, the codes name
 * entries of the tables, each row's refs lie within `refs` (at most eleven, all of them used), and the
 * string codes are whole numbers at ascending places. Whether each row's refs match its shape, and each
 * string code names a string, is checked as the rows are appended (it needs the receiver's table).
 */
export function eventRowsProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'not an object';
  const v = value as Partial<Record<keyof EventRows, unknown>>;
  const { types, rules, t, type, rule, shape, refEnd, refs, stringAt, newStrings } = v;
  if (!Array.isArray(types) || !types.every((x) => typeof x === 'string')) return 'types';
  if (!Array.isArray(rules) || !rules.every((x) => typeof x === 'string')) return 'rules';
  if (!(t instanceof Float64Array)) return 't';
  const n = t.length;
  if (!(type instanceof Uint16Array) || type.length !== n || !allBelow(type, types.length)) return 'type';
  if (!(rule instanceof Uint16Array) || rule.length !== n || !allBelow(rule, rules.length)) return 'rule';
  if (!(shape instanceof Uint8Array) || shape.length !== n) return 'shape';
  if (!(refEnd instanceof Uint32Array) || refEnd.length !== n) return 'refEnd';
  if (!Array.isArray(refs)) return 'refs';
  if (!Array.isArray(newStrings) || !newStrings.every((x) => typeof x === 'string')) return 'newStrings';
  if (!(stringAt instanceof Uint32Array)) return 'stringAt';
  let from = 0;
  for (let i = 0; i < n; i++) {
    if (!idsContiguous(shape[i]!)) return `row ${i}: shape`;
    const end = refEnd[i]!;
    if (end < from || end - from > MAX_ROW_REFS) return `row ${i}: refs`;
    from = end;
  }
  if (from !== refs.length) return 'refs';
  let previous = -1;
  for (const at of stringAt) {
    const code = refs[at];
    if (at <= previous || at >= refs.length || !Number.isInteger(code) || (code as number) < 0)
      return 'stringAt';
    previous = at;
  }
  return null;
}
