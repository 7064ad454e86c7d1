/**
 * One copy of each repeated string in data read from another thread. A structured clone makes a new
 * string for every string it carries, so 100,000 result items bring 100,000 copies of "succeeded", of
 * their source's id and of each batch's invocation id; walking them once with a shared table keeps one of
 * each (an SQS item's heap goes from about 600 bytes to about 450). The values of `id` and `requestId`,
 * one per item or invocation, are left alone: sharing them saves nothing and would fill the table.
 */

/** Keys whose values are (nearly) unique, so not worth a table entry. */
const UNIQUE_KEYS = new Set(['id', 'requestId']);

/** Replaces, in place, the strings inside `value` (arrays and plain objects) with the table's copies. */
export function shareStrings<T>(value: T, table: Map<string, string>): T {
  return share(value, table) as T;
}

function share(value: unknown, table: Map<string, string>): unknown {
  if (typeof value === 'string') {
    const known = table.get(value);
    if (known !== undefined) return known;
    table.set(value, value);
    return value;
  }
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = share(value[i], table);
    return value;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    if (UNIQUE_KEYS.has(key)) continue;
    const v = record[key];
    if (typeof v === 'string' || (typeof v === 'object' && v !== null)) record[key] = share(v, table);
  }
  return value;
}
