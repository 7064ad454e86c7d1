/**
 * The items of a run, stored in columns (design.md "Scale"): one row per item, indexed by the item's
 * index, numbers in typed arrays, strings and the few object-valued fields in plain arrays or in maps
 * that only hold the rows that have a value. A million-message run keeps no object per item; what the
 * items of one workload entry share (source, caller, payload) is one row of `specs`.
 *
 * Model code reads and writes an item through an `ItemRow`: a small handle (the table and a row index)
 * whose properties are the row's columns, so `item.tries += 1` writes the column. Handles are made when
 * needed and never kept in the state; the table itself is plain, structured-cloneable data.
 */
import { createSqsMessageTable, sqsMessageAt, type SqsMessageTable } from './model/sqs/sqsMessageTable';
import {
  appendAttempt,
  AttemptRow,
  attemptRows,
  createAttemptTable,
  nextAttempt,
  type AttemptTable,
} from './attemptTable';
import type {
  AttemptRecord,
  AttemptResult,
  Delivery,
  ItemKind,
  ItemOutcome,
  ItemState,
  SqsMessageState,
  StreamRecordState,
  SyncResponse,
} from './types';
import { grownColumn } from './columns';

/** The empty list every item's attempts, deliveries and abandoned invocations start as (shared, frozen). */
export const NO_ENTRIES: never[] = Object.freeze([]) as unknown as never[];

const KINDS: readonly ItemKind[] = ['sync', 'async', 'sqs', 'kinesis', 'dynamodb'];
const OUTCOMES: readonly ItemOutcome[] = [
  'in-flight',
  'succeeded',
  'failed',
  'throttled',
  'rejected',
  'dead-lettered',
  'expired',
  'discarded',
];
const KIND_CODES = new Map(KINDS.map((k, i) => [k, i]));
const OUTCOME_CODES = new Map(OUTCOMES.map((o, i) => [o, i]));

/** What every item of one workload entry shares. */
export interface ItemSpec {
  sourceId: string;
  caller: string;
  payload: unknown;
  payloadSizeBytes: number;
}

export interface ItemTable {
  length: number;
  /** Rows the typed columns can hold. */
  capacity: number;
  /** Allocated for `capacity` rows up front (empty past `length`), so it is not copied as it grows. */
  id: string[];
  kind: Uint8Array;
  /** The row of `specs` the item was made from. */
  spec: Uint32Array;
  specs: ItemSpec[];
  /** The row of `specs` last made for a workload entry (source index × 2³² + entry index). */
  specIndex: Map<number, number>;
  arrivedMs: Float64Array;
  /** By row, up to the last item that has one ('' for none; rows past the end have none). */
  requestId: string[];
  outcome: Uint8Array;
  /** NaN while the item has not ended (`endedMs: null`). */
  endedMs: Float64Array;
  tries: Int32Array;
  handlerRuns: Int32Array;
  duplicateRuns: Int32Array;
  clientAttempt: Int32Array;
  queuedMs: Float64Array;
  backoffMs: Float64Array;
  /**
   * The attempts of all items (attemptTable.ts), and each item's first and last row there, plus one
   * (0: none yet, so a new row's zeros need no writing).
   */
  attempts: AttemptTable;
  firstAttempt: Int32Array;
  lastAttempt: Int32Array;
  /** Fields most items never set, by row. */
  response: Map<number, SyncResponse>;
  deliveries: Map<number, Delivery[]>;
  abandonedInvocations: Map<number, string[]>;
  lastError: Map<number, { errorType: string; errorMessage: string }>;
  lastResponse: Map<number, unknown>;
  /** The SQS messages among the items (model/sqs/sqsMessageTable.ts). */
  sqs: SqsMessageTable;
  record: Map<number, StreamRecordState>;
}

const FIRST_CAPACITY = 64;

/**
 * An empty table with room for `capacity` items (and as many attempts) before it grows; `messages` is
 * the room for SQS messages. Rows are only ever appended, so a new row's columns are still zero.
 */
export function createItemTable(capacity = FIRST_CAPACITY, messages = FIRST_CAPACITY): ItemTable {
  const n = Math.max(FIRST_CAPACITY, capacity);
  return {
    length: 0,
    capacity: n,
    id: new Array<string>(n),
    kind: new Uint8Array(n),
    spec: new Uint32Array(n),
    specs: [],
    specIndex: new Map(),
    arrivedMs: new Float64Array(n),
    requestId: [],
    outcome: new Uint8Array(n),
    endedMs: new Float64Array(n),
    tries: new Int32Array(n),
    handlerRuns: new Int32Array(n),
    duplicateRuns: new Int32Array(n),
    clientAttempt: new Int32Array(n),
    queuedMs: new Float64Array(n),
    backoffMs: new Float64Array(n),
    attempts: createAttemptTable(n),
    firstAttempt: new Int32Array(n),
    lastAttempt: new Int32Array(n),
    response: new Map(),
    deliveries: new Map(),
    abandonedInvocations: new Map(),
    lastError: new Map(),
    lastResponse: new Map(),
    sqs: createSqsMessageTable(messages),
    record: new Map(),
  };
}

function growTable(t: ItemTable): void {
  const n = t.capacity * 2;
  t.kind = grownColumn(t.kind, n);
  t.spec = grownColumn(t.spec, n);
  t.arrivedMs = grownColumn(t.arrivedMs, n);
  t.outcome = grownColumn(t.outcome, n);
  t.endedMs = grownColumn(t.endedMs, n);
  t.tries = grownColumn(t.tries, n);
  t.handlerRuns = grownColumn(t.handlerRuns, n);
  t.duplicateRuns = grownColumn(t.duplicateRuns, n);
  t.clientAttempt = grownColumn(t.clientAttempt, n);
  t.queuedMs = grownColumn(t.queuedMs, n);
  t.backoffMs = grownColumn(t.backoffMs, n);
  t.firstAttempt = grownColumn(t.firstAttempt, n);
  t.lastAttempt = grownColumn(t.lastAttempt, n);
  t.capacity = n;
}

/**
 * The row of `specs` for workload entry `request` of source `source` with these values: the row made
 * for that entry before, unless its values changed (a fork changed the scenario), then a new row.
 */
export function specRow(t: ItemTable, source: number, request: number, spec: ItemSpec): number {
  const key = source * 2 ** 32 + request;
  const row = t.specIndex.get(key);
  const s = row === undefined ? undefined : t.specs[row];
  if (
    s !== undefined &&
    s.payload === spec.payload &&
    s.sourceId === spec.sourceId &&
    s.caller === spec.caller &&
    s.payloadSizeBytes === spec.payloadSizeBytes
  )
    return row!;
  const { sourceId, caller, payload, payloadSizeBytes } = spec;
  t.specs.push({ sourceId, caller, payload, payloadSizeBytes });
  t.specIndex.set(key, t.specs.length - 1);
  return t.specs.length - 1;
}

/**
 * Appends a new item that arrived at `arrivedMs`: in flight, no attempts yet. Returns its handle.
 */
export function appendItem(
  t: ItemTable,
  id: string,
  kind: ItemKind,
  spec: number,
  arrivedMs: number,
  requestId: string,
): ItemRow {
  const i = t.length;
  if (i === t.capacity) growTable(t);
  t.id[i] = id;
  t.kind[i] = KIND_CODES.get(kind)!;
  t.spec[i] = spec;
  t.arrivedMs[i] = arrivedMs;
  if (requestId !== '') setRequestId(t, i, requestId);
  t.endedMs[i] = Number.NaN;
  t.length = i + 1;
  return new ItemRow(t, i);
}

/** Sets the request id of the item at `index` (rows up to it that have none get ''). */
function setRequestId(t: ItemTable, index: number, requestId: string): void {
  const ids = t.requestId;
  while (ids.length < index) ids.push('');
  ids[index] = requestId;
}

/** Records an attempt of the item at `index` (see attemptTable.ts `appendAttempt`). */
export function addItemAttempt(
  t: ItemTable,
  index: number,
  startMs: number,
  endMs: number | null,
  result: AttemptResult | null,
  coldStart: boolean,
  invocationId: string | null,
  reason: string | undefined,
  duplicate: boolean,
  receiveCount: number,
): void {
  const previous = t.lastAttempt[index]! - 1;
  const k = appendAttempt(
    t.attempts,
    previous,
    startMs,
    endMs,
    result,
    coldStart,
    invocationId,
    reason,
    duplicate,
    receiveCount,
  );
  if (previous < 0) t.firstAttempt[index] = k + 1;
  t.lastAttempt[index] = k + 1;
}

/** The row of the item's first attempt in `t.attempts`, or -1. */
export function firstAttempt(t: ItemTable, index: number): number {
  return t.firstAttempt[index]! - 1;
}

/** The item's newest attempt, or undefined if it has none. */
export function lastAttemptRow(t: ItemTable, index: number): AttemptRow | undefined {
  const k = t.lastAttempt[index]! - 1;
  return k < 0 ? undefined : new AttemptRow(t.attempts, k);
}

/**
 * The item's attempt that ran invocation `invocationId` (its oldest such attempt, or with `newest` its
 * newest), or undefined. Nothing is allocated but the handle found; the newest attempt is looked at first.
 */
export function attemptOfInvocation(
  t: ItemTable,
  index: number,
  invocationId: string,
  newest: boolean,
): AttemptRow | undefined {
  const attempts = t.attempts;
  const last = t.lastAttempt[index]! - 1;
  if (last < 0) return undefined;
  if (newest && attempts.invocationId[last] === invocationId) return new AttemptRow(attempts, last);
  let found = -1;
  for (let k = firstAttempt(t, index); k >= 0; k = nextAttempt(attempts, k)) {
    if (attempts.invocationId[k] !== invocationId) continue;
    found = k;
    if (!newest) break;
  }
  return found < 0 ? undefined : new AttemptRow(attempts, found);
}

/** The handle of row `index`. */
export function itemRow(t: ItemTable, index: number): ItemRow {
  return new ItemRow(t, index);
}

/** An item as model code sees it: each property reads or writes the item's row of the table. */
export class ItemRow implements ItemState {
  readonly table: ItemTable;
  readonly index: number;

  constructor(table: ItemTable, index: number) {
    this.table = table;
    this.index = index;
  }

  get id(): string {
    return this.table.id[this.index]!;
  }
  get kind(): ItemKind {
    return KINDS[this.table.kind[this.index]!]!;
  }
  get sourceId(): string {
    return this.table.specs[this.table.spec[this.index]!]!.sourceId;
  }
  get caller(): string {
    return this.table.specs[this.table.spec[this.index]!]!.caller;
  }
  get payload(): unknown {
    return this.table.specs[this.table.spec[this.index]!]!.payload;
  }
  get payloadSizeBytes(): number {
    return this.table.specs[this.table.spec[this.index]!]!.payloadSizeBytes;
  }
  get arrivedMs(): number {
    return this.table.arrivedMs[this.index]!;
  }
  get requestId(): string {
    return this.table.requestId[this.index] ?? '';
  }
  set requestId(v: string) {
    setRequestId(this.table, this.index, v);
  }
  get outcome(): ItemOutcome {
    return OUTCOMES[this.table.outcome[this.index]!]!;
  }
  set outcome(v: ItemOutcome) {
    this.table.outcome[this.index] = OUTCOME_CODES.get(v)!;
  }
  get endedMs(): number | null {
    const v = this.table.endedMs[this.index]!;
    return Number.isNaN(v) ? null : v;
  }
  set endedMs(v: number | null) {
    this.table.endedMs[this.index] = v === null ? Number.NaN : v;
  }
  get attempts(): AttemptRecord[] {
    const first = firstAttempt(this.table, this.index);
    return first < 0 ? NO_ENTRIES : attemptRows(this.table.attempts, first);
  }
  get tries(): number {
    return this.table.tries[this.index]!;
  }
  set tries(v: number) {
    this.table.tries[this.index] = v;
  }
  get handlerRuns(): number {
    return this.table.handlerRuns[this.index]!;
  }
  set handlerRuns(v: number) {
    this.table.handlerRuns[this.index] = v;
  }
  get duplicateRuns(): number {
    return this.table.duplicateRuns[this.index]!;
  }
  set duplicateRuns(v: number) {
    this.table.duplicateRuns[this.index] = v;
  }
  get clientAttempt(): number {
    return this.table.clientAttempt[this.index]!;
  }
  set clientAttempt(v: number) {
    this.table.clientAttempt[this.index] = v;
  }
  get queuedMs(): number {
    return this.table.queuedMs[this.index]!;
  }
  set queuedMs(v: number) {
    this.table.queuedMs[this.index] = v;
  }
  get backoffMs(): number {
    return this.table.backoffMs[this.index]!;
  }
  set backoffMs(v: number) {
    this.table.backoffMs[this.index] = v;
  }
  get response(): SyncResponse | null {
    return this.table.response.get(this.index) ?? null;
  }
  set response(v: SyncResponse | null) {
    setOrDelete(this.table.response, this.index, v);
  }
  get deliveries(): Delivery[] {
    return this.table.deliveries.get(this.index) ?? NO_ENTRIES;
  }
  set deliveries(v: Delivery[]) {
    setOrDelete(this.table.deliveries, this.index, v === NO_ENTRIES ? null : v);
  }
  get abandonedInvocations(): string[] {
    return this.table.abandonedInvocations.get(this.index) ?? NO_ENTRIES;
  }
  set abandonedInvocations(v: string[]) {
    setOrDelete(this.table.abandonedInvocations, this.index, v === NO_ENTRIES ? null : v);
  }
  get lastError(): { errorType: string; errorMessage: string } | null {
    return this.table.lastError.get(this.index) ?? null;
  }
  set lastError(v: { errorType: string; errorMessage: string } | null) {
    setOrDelete(this.table.lastError, this.index, v);
  }
  get lastResponse(): unknown {
    return this.table.lastResponse.has(this.index) ? this.table.lastResponse.get(this.index) : null;
  }
  set lastResponse(v: unknown) {
    this.table.lastResponse.set(this.index, v);
  }
  get sqs(): SqsMessageState | undefined {
    return sqsMessageAt(this.table.sqs, this.index);
  }
  get record(): StreamRecordState | undefined {
    return this.table.record.get(this.index);
  }
  set record(v: StreamRecordState | undefined) {
    setOrDelete(this.table.record, this.index, v ?? null);
  }
}

function setOrDelete<V>(map: Map<number, V>, key: number, v: V | null): void {
  if (v === null) map.delete(key);
  else map.set(key, v);
}
