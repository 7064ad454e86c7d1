/** Small statistics for repeated browser measurements. */

/** The median of a non-empty list (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A value rounded to `digits` decimals, for tables. */
export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** "min–max" of a list, rounded, for notes (one number when they are equal). */
export function range(values: readonly number[], digits = 0): string {
  const low = round(Math.min(...values), digits);
  const high = round(Math.max(...values), digits);
  return low === high ? `${low}` : `${low}–${high}`;
}
