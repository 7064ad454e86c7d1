/**
 * The agenda: what happens next, in (t, pri, seq) order. Most entries sit in a binary heap
 * (kernel/eventQueue.ts). Two kinds are scheduled at a fixed delay after "now" and so nearly always in
 * order, and there are many of them in big runs, so they go to first-in-first-out lanes instead while
 * they keep the order: an SQS visibility or retention timer (one per receive of a message, a million in
 * a million-message run) and an idle environment's reap. A lane takes an entry only if it sorts after
 * the lane's last one; otherwise the entry goes to the heap. Taking the earliest of the heap's top and
 * the lanes' heads gives exactly the order one heap would give, since (t, pri, seq) is a total order.
 *
 * The SQS timer lane keeps its entries in columns (typed arrays and reference arrays), so a million
 * pending timers are not a million objects; an entry object is built only when the timer is due.
 * Everything here is plain, structured-cloneable data.
 */
import { heapPop, heapPush, type Scheduled } from './kernel/eventQueue';
import type { AgendaEntry } from './types';

type SqsTimerEntry = Extract<AgendaEntry, { kind: 'sqs' }>;
type ReapEntry = Extract<AgendaEntry, { kind: 'env-reap' }>;

/** SQS visibility / retention timers, in order, as columns. Entries before `head` have been taken. */
export interface SqsTimerLane {
  head: number;
  length: number;
  t: Float64Array;
  pri: Uint8Array;
  seq: Float64Array;
  n: Float64Array;
  /** 0: 'visible', 1: 'expire'. */
  expire: Uint8Array;
  /** The queue's source id, as an index into `sources`. */
  source: Uint16Array;
  sources: string[];
  /** The message's item, as its index in `SimState.items`. */
  item: Int32Array;
}

/** Entries in order; entries before `head` have been taken. */
export interface EntryLane<E> {
  head: number;
  entries: E[];
}

export interface Agenda {
  heap: AgendaEntry[];
  sqsTimers: SqsTimerLane;
  reaps: EntryLane<ReapEntry>;
}

const FIRST_CAPACITY = 64;

export function createSqsTimerLane(capacity = FIRST_CAPACITY): SqsTimerLane {
  return {
    head: 0,
    length: 0,
    t: new Float64Array(capacity),
    pri: new Uint8Array(capacity),
    seq: new Float64Array(capacity),
    n: new Float64Array(capacity),
    expire: new Uint8Array(capacity),
    source: new Uint16Array(capacity),
    sources: [],
    item: new Int32Array(capacity),
  };
}

function before(at: number, pri: number, seq: number, b: Scheduled): boolean {
  if (at !== b.t) return at < b.t;
  if (pri !== b.pri) return pri < b.pri;
  return seq < b.seq;
}

/** True if (t, pri) sorts after the lane's last entry (its seq is newer, so ties on t and pri are fine). */
function afterTimerTail(lane: SqsTimerLane, t: number, pri: number): boolean {
  if (lane.length === lane.head) return true;
  const last = lane.length - 1;
  const lt = lane.t[last]!;
  return t > lt || (t === lt && pri >= lane.pri[last]!);
}

/** Room for one more timer: drop taken entries (when they are at least half) or double the columns. */
function reserveTimer(lane: SqsTimerLane): void {
  if (lane.length < lane.t.length) return;
  const live = lane.length - lane.head;
  const keep = lane.head >= live ? lane : null;
  const capacity = keep ? lane.t.length : lane.t.length * 2;
  const src = lane;
  const next = createSqsTimerLane(capacity);
  next.t.set(src.t.subarray(src.head, src.length));
  next.pri.set(src.pri.subarray(src.head, src.length));
  next.seq.set(src.seq.subarray(src.head, src.length));
  next.n.set(src.n.subarray(src.head, src.length));
  next.expire.set(src.expire.subarray(src.head, src.length));
  next.source.set(src.source.subarray(src.head, src.length));
  next.item.set(src.item.subarray(src.head, src.length));
  lane.t = next.t;
  lane.pri = next.pri;
  lane.seq = next.seq;
  lane.n = next.n;
  lane.expire = next.expire;
  lane.source = next.source;
  lane.item = next.item;
  lane.head = 0;
  lane.length = live;
}

/** The items by index, as their ids or as objects with an id. */
export type ItemIds = readonly (string | { id: string })[];

function takeTimer(lane: SqsTimerLane, items: ItemIds): SqsTimerEntry {
  const i = lane.head++;
  const n = lane.n[i]!;
  const itemIndex = lane.item[i]!;
  const named = items[itemIndex]!;
  const entry: SqsTimerEntry = {
    kind: 'sqs',
    action: lane.expire[i] === 1 ? 'expire' : 'visible',
    source: lane.sources[lane.source[i]!]!,
    item: typeof named === 'string' ? named : named.id,
    itemIndex,
    n: Number.isNaN(n) ? undefined : n,
    t: lane.t[i]!,
    pri: lane.pri[i]!,
    seq: lane.seq[i]!,
  };
  // An emptied lane starts again from the front (a full one is compacted when it needs room).
  if (lane.head === lane.length) {
    lane.head = 0;
    lane.length = 0;
  }
  return entry;
}

function pushLane<E extends Scheduled>(lane: EntryLane<E>, entry: E): void {
  if (lane.head > 1024 && lane.head * 2 > lane.entries.length) {
    lane.entries = lane.entries.slice(lane.head);
    lane.head = 0;
  }
  lane.entries.push(entry);
}

function laneTail<E>(lane: EntryLane<E>): E | undefined {
  return lane.entries.length > lane.head ? lane.entries[lane.entries.length - 1] : undefined;
}

function takeLane<E>(lane: EntryLane<E>): E {
  const e = lane.entries[lane.head]!;
  lane.entries[lane.head] = undefined as unknown as E;
  lane.head += 1;
  if (lane.head === lane.entries.length) {
    lane.entries.length = 0;
    lane.head = 0;
  }
  return e;
}

/**
 * Adds an SQS visibility / retention timer for the item at `itemIndex` in `SimState.items` without making
 * an entry object, when it can go to the lane; returns false if it cannot (it sorts before the lane's
 * last timer), and the caller adds an entry to the heap instead.
 */
export function agendaPushSqsTimer(
  agenda: Agenda,
  t: number,
  pri: number,
  seq: number,
  action: 'visible' | 'expire',
  source: string,
  itemIndex: number,
  n: number,
): boolean {
  const lane = agenda.sqsTimers;
  if (!afterTimerTail(lane, t, pri)) return false;
  let code = lane.sources.indexOf(source);
  if (code < 0) {
    if (lane.sources.length > 0xffff) return false;
    code = lane.sources.push(source) - 1;
  }
  reserveTimer(lane);
  const i = lane.length++;
  lane.t[i] = t;
  lane.pri[i] = pri;
  lane.seq[i] = seq;
  lane.n[i] = n;
  lane.expire[i] = action === 'expire' ? 1 : 0;
  lane.source[i] = code;
  lane.item[i] = itemIndex;
  return true;
}

/** Adds an entry (its t, pri and seq already set). */
export function agendaPush(agenda: Agenda, entry: AgendaEntry): void {
  if (entry.kind === 'sqs' && entry.action !== 'poll' && entry.itemIndex !== undefined) {
    const { t, pri, seq, action, source, itemIndex } = entry;
    if (agendaPushSqsTimer(agenda, t, pri, seq, action, source, itemIndex, entry.n ?? Number.NaN)) return;
  } else if (entry.kind === 'env-reap') {
    const tail = laneTail(agenda.reaps);
    if (tail === undefined || !before(entry.t, entry.pri, entry.seq, tail)) {
      pushLane(agenda.reaps, entry);
      return;
    }
  }
  heapPush(agenda.heap, entry);
}

/** 0: the heap's top is next, 1: the SQS timer lane's head, 2: the reap lane's head; -1: empty. */
function nextSource(agenda: Agenda): number {
  const top = agenda.heap[0];
  let best = top === undefined ? -1 : 0;
  let bt = top === undefined ? 0 : top.t;
  let bp = top === undefined ? 0 : top.pri;
  let bs = top === undefined ? 0 : top.seq;
  const lane = agenda.sqsTimers;
  if (lane.head < lane.length) {
    const h = lane.head;
    const t = lane.t[h]!;
    const pri = lane.pri[h]!;
    const seq = lane.seq[h]!;
    if (best === -1 || t < bt || (t === bt && (pri < bp || (pri === bp && seq < bs)))) {
      best = 1;
      bt = t;
      bp = pri;
      bs = seq;
    }
  }
  const reaps = agenda.reaps;
  if (reaps.head < reaps.entries.length) {
    const r = reaps.entries[reaps.head]!;
    if (best === -1 || before(r.t, r.pri, r.seq, { t: bt, pri: bp, seq: bs })) best = 2;
  }
  return best;
}

/** The time of the next entry, or undefined when the agenda is empty. */
export function agendaPeekTime(agenda: Agenda): number | undefined {
  switch (nextSource(agenda)) {
    case 0:
      return agenda.heap[0]!.t;
    case 1:
      return agenda.sqsTimers.t[agenda.sqsTimers.head]!;
    case 2:
      return agenda.reaps.entries[agenda.reaps.head]!.t;
    default:
      return undefined;
  }
}

/** Removes and returns the next entry, or undefined when the agenda is empty. `items` names the timers' items. */
export function agendaPop(agenda: Agenda, items: ItemIds): AgendaEntry | undefined {
  switch (nextSource(agenda)) {
    case 0:
      return heapPop(agenda.heap);
    case 1:
      return takeTimer(agenda.sqsTimers, items);
    case 2:
      return takeLane(agenda.reaps);
    default:
      return undefined;
  }
}

/** Entries waiting on the agenda. */
export function agendaSize(agenda: Agenda): number {
  return (
    agenda.heap.length +
    (agenda.sqsTimers.length - agenda.sqsTimers.head) +
    (agenda.reaps.entries.length - agenda.reaps.head)
  );
}

/** An empty agenda; its SQS timer lane has room for `sqsTimers` timers before it grows. */
export function createAgenda(sqsTimers = FIRST_CAPACITY): Agenda {
  return {
    heap: [],
    sqsTimers: createSqsTimerLane(Math.max(FIRST_CAPACITY, sqsTimers)),
    reaps: { head: 0, entries: [] },
  };
}
