/**
 * The simulation's agenda: a binary min-heap kept in a plain array so the whole engine state can be
 * cloned for checkpoints. Entries are ordered by (t, pri, seq); `seq` is unique, so ties are total and
 * every run with the same inputs pops entries in the same order.
 */
export interface Scheduled {
  t: number;
  pri: number;
  seq: number;
}

function before(a: Scheduled, b: Scheduled): boolean {
  if (a.t !== b.t) return a.t < b.t;
  if (a.pri !== b.pri) return a.pri < b.pri;
  return a.seq < b.seq;
}

/** Adds an entry to the heap. */
export function heapPush<T extends Scheduled>(heap: T[], entry: T): void {
  heap.push(entry);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const p = heap[parent]!;
    if (!before(entry, p)) break;
    heap[i] = p;
    i = parent;
  }
  heap[i] = entry;
}

/** Removes and returns the earliest entry, or undefined when the heap is empty. */
export function heapPop<T extends Scheduled>(heap: T[]): T | undefined {
  const top = heap[0];
  const last = heap.pop();
  if (top === undefined || last === undefined || heap.length === 0) return top;
  let i = 0;
  const n = heap.length;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const r = l + 1;
    const child = r < n && before(heap[r]!, heap[l]!) ? r : l;
    if (!before(heap[child]!, last)) break;
    heap[i] = heap[child]!;
    i = child;
  }
  heap[i] = last;
  return top;
}

/** The earliest entry without removing it. */
export function heapPeek<T extends Scheduled>(heap: readonly T[]): T | undefined {
  return heap[0];
}
