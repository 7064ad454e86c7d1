/**
 * The queue's view of every SQS message of a run, in columns indexed by the message's item index (as
 * the item table is): receive count, times, status, send order. A million messages are a few typed
 * arrays, not a million objects. `SqsMessageRow` is the handle model code reads and writes a message
 * through (`item.sqs`); handles are made when needed and never kept in the state.
 */
import type { SqsMessageState } from '../../types';
import { grownColumn } from '../../columns';

type Status = SqsMessageState['status'];
/** Status codes; 0 is a row that holds no message (an item that is not an SQS message). */
const STATUSES: readonly (Status | undefined)[] = [
  undefined,
  'visible',
  'in-flight',
  'deleted',
  'moved-to-dlq',
  'expired',
  'filtered',
];
const STATUS_CODES = new Map(STATUSES.map((s, i) => [s, i]));

export interface SqsMessageTable {
  /** Rows the typed columns can hold. */
  capacity: number;
  status: Uint8Array;
  /**
   * By item index, empty where the item is not a message; allocated for `capacity` rows up front, so it
   * is not copied as it grows.
   */
  messageId: string[];
  receiveCount: Int32Array;
  sentMs: Float64Array;
  /** NaN until the first receive. */
  firstReceiveMs: Float64Array;
  sequence: Int32Array;
  visibilityPending: Uint8Array;
  /** FIFO messages' group ids, by item index. */
  groupId: Map<number, string>;
}

const FIRST_CAPACITY = 64;

/** An empty table with room for messages up to item index `capacity` before it grows. */
export function createSqsMessageTable(capacity = FIRST_CAPACITY): SqsMessageTable {
  const n = Math.max(FIRST_CAPACITY, capacity);
  return {
    capacity: n,
    status: new Uint8Array(n),
    messageId: new Array<string>(n),
    receiveCount: new Int32Array(n),
    sentMs: new Float64Array(n),
    firstReceiveMs: new Float64Array(n),
    sequence: new Int32Array(n),
    visibilityPending: new Uint8Array(n),
    groupId: new Map(),
  };
}

function growTo(t: SqsMessageTable, rows: number): void {
  let n = t.capacity;
  while (n < rows) n *= 2;
  t.status = grownColumn(t.status, n);
  t.receiveCount = grownColumn(t.receiveCount, n);
  t.sentMs = grownColumn(t.sentMs, n);
  t.firstReceiveMs = grownColumn(t.firstReceiveMs, n);
  t.sequence = grownColumn(t.sequence, n);
  t.visibilityPending = grownColumn(t.visibilityPending, n);
  t.capacity = n;
}

/**
 * Stores a message sent now (`sentMs`) for the item at `index`: visible, never received (a new row's
 * receive count and pending flag are still zero).
 */
export function addSqsMessage(
  t: SqsMessageTable,
  index: number,
  messageId: string,
  sentMs: number,
  sequence: number,
  groupId: string | undefined,
): void {
  if (index >= t.capacity) growTo(t, index + 1);
  const ids = t.messageId;
  while (ids.length < index) ids.push('');
  ids[index] = messageId;
  t.status[index] = STATUS_CODES.get('visible')!;
  t.sentMs[index] = sentMs;
  t.firstReceiveMs[index] = Number.NaN;
  t.sequence[index] = sequence;
  if (groupId !== undefined) t.groupId.set(index, groupId);
}

/** The message of the item at `index`, or undefined if the item is not an SQS message. */
export function sqsMessageAt(t: SqsMessageTable, index: number): SqsMessageRow | undefined {
  return index < t.capacity && t.status[index] !== 0 ? new SqsMessageRow(t, index) : undefined;
}

/** A message as model code sees it: each property reads or writes the message's row. */
export class SqsMessageRow implements SqsMessageState {
  readonly table: SqsMessageTable;
  readonly index: number;

  constructor(table: SqsMessageTable, index: number) {
    this.table = table;
    this.index = index;
  }

  get messageId(): string {
    return this.table.messageId[this.index]!;
  }
  get receiveCount(): number {
    return this.table.receiveCount[this.index]!;
  }
  set receiveCount(v: number) {
    this.table.receiveCount[this.index] = v;
  }
  get sentMs(): number {
    return this.table.sentMs[this.index]!;
  }
  get firstReceiveMs(): number | null {
    const v = this.table.firstReceiveMs[this.index]!;
    return Number.isNaN(v) ? null : v;
  }
  set firstReceiveMs(v: number | null) {
    this.table.firstReceiveMs[this.index] = v === null ? Number.NaN : v;
  }
  get status(): Status {
    return STATUSES[this.table.status[this.index]!]!;
  }
  set status(v: Status) {
    this.table.status[this.index] = STATUS_CODES.get(v)!;
  }
  get sequence(): number {
    return this.table.sequence[this.index]!;
  }
  get visibilityPending(): boolean {
    return this.table.visibilityPending[this.index] === 1;
  }
  set visibilityPending(v: boolean) {
    this.table.visibilityPending[this.index] = v ? 1 : 0;
  }
  get groupId(): string | undefined {
    return this.table.groupId.get(this.index);
  }
}
