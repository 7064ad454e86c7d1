/** Read-only arrays backed by a function rather than stored elements (the compact event log's views). */

/** The array index a property key names (a canonical non-negative integer below `length`), else -1. */
function toIndex(key: string | symbol, length: number): number {
  if (typeof key !== 'string') return -1;
  const n = key.length;
  if (n === 0 || n > 15) return -1;
  let i = 0;
  for (let k = 0; k < n; k++) {
    const c = key.charCodeAt(k) - 48;
    if (c < 0 || c > 9 || (k === 0 && c === 0 && n > 1)) return -1;
    i = i * 10 + c;
  }
  return i < length ? i : -1;
}

/**
 * A read-only array whose elements are made when read: `length` and `at(i)` are all it needs, and
 * indexing, iteration and every array method work. The common methods (`slice`, `at`, iteration,
 * `forEach`, `map`, `filter`, `find*`, `some`, `every`, `reduce`) call `at` directly; anything else falls
 * back to Array.prototype through the proxy. `slice` calls `sliceOf` when given (a faster bulk read).
 */
export function readOnlyArrayView<T>(
  len: () => number,
  at: (i: number) => T,
  sliceOf?: (from: number, to: number) => T[],
): readonly T[] {
  type Fn = (...args: never[]) => unknown;
  type Pred = (e: T, i: number, a: readonly T[]) => unknown;
  const methods: Record<string | symbol, Fn> = {
    slice: (from?: number, to?: number) => {
      const n = len();
      const rel = (x: number | undefined, d: number) =>
        x === undefined ? d : x < 0 ? Math.max(0, n + Math.trunc(x)) : Math.min(n, Math.trunc(x) || 0);
      const start = rel(from, 0);
      const end = Math.max(start, rel(to, n));
      if (sliceOf) return sliceOf(start, end);
      const out = new Array<T>(end - start);
      for (let i = start; i < end; i++) out[i - start] = at(i);
      return out;
    },
    at: (i: number) => {
      const n = len();
      const k = Math.trunc(i) || 0;
      const j = k < 0 ? n + k : k;
      return j >= 0 && j < n ? at(j) : undefined;
    },
    [Symbol.iterator]: function* () {
      for (let i = 0; i < len(); i++) yield at(i);
    },
    values: function* () {
      for (let i = 0; i < len(); i++) yield at(i);
    },
    forEach: (f: Pred, thisArg?: unknown) => {
      for (let i = 0; i < len(); i++) f.call(thisArg, at(i), i, view);
    },
    map: <U>(f: (e: T, i: number, a: readonly T[]) => U, thisArg?: unknown) => {
      const n = len();
      const out = new Array<U>(n);
      for (let i = 0; i < n; i++) out[i] = f.call(thisArg, at(i), i, view);
      return out;
    },
    filter: (f: Pred, thisArg?: unknown) => {
      const out: T[] = [];
      for (let i = 0; i < len(); i++) {
        const e = at(i);
        if (f.call(thisArg, e, i, view)) out.push(e);
      }
      return out;
    },
    find: (f: Pred, thisArg?: unknown) => {
      for (let i = 0; i < len(); i++) {
        const e = at(i);
        if (f.call(thisArg, e, i, view)) return e;
      }
      return undefined;
    },
    findIndex: (f: Pred, thisArg?: unknown) => {
      for (let i = 0; i < len(); i++) if (f.call(thisArg, at(i), i, view)) return i;
      return -1;
    },
    findLast: (f: Pred, thisArg?: unknown) => {
      for (let i = len() - 1; i >= 0; i--) {
        const e = at(i);
        if (f.call(thisArg, e, i, view)) return e;
      }
      return undefined;
    },
    findLastIndex: (f: Pred, thisArg?: unknown) => {
      for (let i = len() - 1; i >= 0; i--) if (f.call(thisArg, at(i), i, view)) return i;
      return -1;
    },
    some: (f: Pred, thisArg?: unknown) => {
      for (let i = 0; i < len(); i++) if (f.call(thisArg, at(i), i, view)) return true;
      return false;
    },
    every: (f: Pred, thisArg?: unknown) => {
      for (let i = 0; i < len(); i++) if (!f.call(thisArg, at(i), i, view)) return false;
      return true;
    },
    reduce: function <U>(this: unknown, ...args: [(acc: U, e: T, i: number, a: readonly T[]) => U, U?]) {
      const [f] = args;
      const n = len();
      let i = 0;
      let acc: U;
      if (args.length >= 2) acc = args[1] as U;
      else {
        if (n === 0) throw new TypeError('Reduce of empty array with no initial value');
        acc = at(0) as unknown as U;
        i = 1;
      }
      for (; i < n; i++) acc = f(acc, at(i), i, view);
      return acc;
    },
  };
  const target: T[] = [];
  const view: readonly T[] = new Proxy(target, {
    get(_target, key) {
      if (key === 'length') return len();
      const i = toIndex(key, len());
      if (i >= 0) return at(i);
      const m = methods[key as string];
      if (m !== undefined) return m;
      return Reflect.get(Array.prototype, key);
    },
    has(_target, key) {
      if (key === 'length') return true;
      return toIndex(key, len()) >= 0 || Reflect.has(Array.prototype, key);
    },
    ownKeys() {
      const keys: string[] = [];
      for (let i = 0; i < len(); i++) keys.push(String(i));
      keys.push('length');
      return keys;
    },
    getOwnPropertyDescriptor(target, key) {
      if (key === 'length') return { value: len(), writable: true, enumerable: false, configurable: false };
      const i = toIndex(key, len());
      if (i >= 0) return { value: at(i), writable: false, enumerable: true, configurable: true };
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
  return view;
}
