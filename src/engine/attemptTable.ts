/**
 * Every attempt of every item of a run, in columns (design.md "Scale"): one row per attempt, in the
 * order they were recorded, each item's attempts chained from its first (`next`). A million-message run
 * keeps no object per attempt. `AttemptRow` is the handle model code reads and ends an attempt through
 * (`item.attempts`); handles are made when needed and never kept in the state.
 */
import type { AttemptRecord, AttemptResult } from './types';
import { grownColumn } from './columns';

const RESULTS: readonly (AttemptResult | null)[] = [null, 'success', 'error', 'timeout', 'throttled'];
const RESULT_CODES = new Map(RESULTS.map((r, i) => [r, i]));

/** Bits of `flags`: which of the optional fields the attempt has. */
const HAS_REASON = 1;
const DUPLICATE = 2;
const HAS_RECEIVE_COUNT = 4;

export interface AttemptTable {
  length: number;
  /** Rows the typed columns can hold. */
  capacity: number;
  startMs: Float64Array;
  /** NaN while the attempt runs (`endMs: null`). */
  endMs: Float64Array;
  result: Uint8Array;
  coldStart: Uint8Array;
  /** Allocated for `capacity` rows up front (empty past `length`), so it is not copied as it grows. */
  invocationId: (string | null)[];
  flags: Uint8Array;
  receiveCount: Int32Array;
  /** Refused attempts' reasons, by row. */
  reason: Map<number, string>;
  /** The item's next attempt's row + 1, or 0 for none (so a new row's zero means none). */
  next: Int32Array;
}

const FIRST_CAPACITY = 64;

/** An empty table with room for `capacity` attempts before it grows. */
export function createAttemptTable(capacity = FIRST_CAPACITY): AttemptTable {
  const n = Math.max(FIRST_CAPACITY, capacity);
  return {
    length: 0,
    capacity: n,
    startMs: new Float64Array(n),
    endMs: new Float64Array(n),
    result: new Uint8Array(n),
    coldStart: new Uint8Array(n),
    invocationId: new Array<string | null>(n),
    flags: new Uint8Array(n),
    receiveCount: new Int32Array(n),
    reason: new Map(),
    next: new Int32Array(n),
  };
}

function growTable(t: AttemptTable): void {
  const n = t.capacity * 2;
  t.startMs = grownColumn(t.startMs, n);
  t.endMs = grownColumn(t.endMs, n);
  t.result = grownColumn(t.result, n);
  t.coldStart = grownColumn(t.coldStart, n);
  t.flags = grownColumn(t.flags, n);
  t.receiveCount = grownColumn(t.receiveCount, n);
  t.next = grownColumn(t.next, n);
  t.capacity = n;
}

/**
 * Appends an attempt after row `previous` of the same item (-1 for the item's first) and returns its
 * row. `receiveCount` < 0 and `reason` undefined mean the attempt has no such field.
 */
export function appendAttempt(
  t: AttemptTable,
  previous: number,
  startMs: number,
  endMs: number | null,
  result: AttemptResult | null,
  coldStart: boolean,
  invocationId: string | null,
  reason: string | undefined,
  duplicate: boolean,
  receiveCount: number,
): number {
  const k = t.length;
  if (k === t.capacity) growTable(t);
  t.startMs[k] = startMs;
  t.endMs[k] = endMs === null ? Number.NaN : endMs;
  t.result[k] = RESULT_CODES.get(result)!;
  t.coldStart[k] = coldStart ? 1 : 0;
  t.invocationId[k] = invocationId;
  let flags = 0;
  if (reason !== undefined) {
    flags |= HAS_REASON;
    t.reason.set(k, reason);
  }
  if (duplicate) flags |= DUPLICATE;
  if (receiveCount >= 0) {
    flags |= HAS_RECEIVE_COUNT;
    t.receiveCount[k] = receiveCount;
  }
  t.flags[k] = flags;
  if (previous >= 0) t.next[previous] = k + 1;
  t.length = k + 1;
  return k;
}

/** The row of the attempt after row `k` of the same item, or -1. */
export function nextAttempt(t: AttemptTable, k: number): number {
  return t.next[k]! - 1;
}

/** The handles of the attempts chained from row `first` (-1: none), in order. */
export function attemptRows(t: AttemptTable, first: number): AttemptRow[] {
  const out: AttemptRow[] = [];
  for (let k = first; k >= 0; k = nextAttempt(t, k)) out.push(new AttemptRow(t, k));
  return out;
}

/**
 * Attempt `k` as a plain record, with the keys in the order the attempt got them: the five every
 * attempt has, then `reason` (refused), `duplicate` (a duplicate run), `receiveCount` (an SQS receive).
 */
export function attemptRecord(t: AttemptTable, k: number): AttemptRecord {
  const a: AttemptRecord = {
    startMs: t.startMs[k]!,
    endMs: endOf(t, k),
    result: RESULTS[t.result[k]!]!,
    coldStart: t.coldStart[k] === 1,
    invocationId: t.invocationId[k]!,
  };
  const flags = t.flags[k]!;
  if (flags & HAS_REASON) a.reason = t.reason.get(k);
  if (flags & DUPLICATE) a.duplicate = true;
  if (flags & HAS_RECEIVE_COUNT) a.receiveCount = t.receiveCount[k]!;
  return a;
}

function endOf(t: AttemptTable, k: number): number | null {
  const v = t.endMs[k]!;
  return Number.isNaN(v) ? null : v;
}

/** An attempt as model code sees it: each property reads or writes the attempt's row. */
export class AttemptRow implements AttemptRecord {
  readonly table: AttemptTable;
  readonly row: number;

  constructor(table: AttemptTable, row: number) {
    this.table = table;
    this.row = row;
  }

  get startMs(): number {
    return this.table.startMs[this.row]!;
  }
  get endMs(): number | null {
    return endOf(this.table, this.row);
  }
  set endMs(v: number | null) {
    this.table.endMs[this.row] = v === null ? Number.NaN : v;
  }
  get result(): AttemptResult | null {
    return RESULTS[this.table.result[this.row]!]!;
  }
  set result(v: AttemptResult | null) {
    this.table.result[this.row] = RESULT_CODES.get(v)!;
  }
  get coldStart(): boolean {
    return this.table.coldStart[this.row] === 1;
  }
  get invocationId(): string | null {
    return this.table.invocationId[this.row]!;
  }
  get reason(): string | undefined {
    return this.table.reason.get(this.row);
  }
  get duplicate(): boolean | undefined {
    return this.table.flags[this.row]! & DUPLICATE ? true : undefined;
  }
  get receiveCount(): number | undefined {
    return this.table.flags[this.row]! & HAS_RECEIVE_COUNT ? this.table.receiveCount[this.row] : undefined;
  }
  set receiveCount(v: number | undefined) {
    if (v === undefined) {
      this.table.flags[this.row] = this.table.flags[this.row]! & ~HAS_RECEIVE_COUNT;
      return;
    }
    this.table.flags[this.row] = this.table.flags[this.row]! | HAS_RECEIVE_COUNT;
    this.table.receiveCount[this.row] = v;
  }
}
