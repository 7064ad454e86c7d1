/** Typed-array columns of the engine's tables (the log, items, attempts, SQS messages). */

export type Column = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;

/** A copy of `column` with room for `capacity` rows (its rows kept, the rest zero). */
export function grownColumn<T extends Column>(column: T, capacity: number): T {
  const grown = new (column.constructor as new (n: number) => T)(capacity);
  grown.set(column);
  return grown;
}
