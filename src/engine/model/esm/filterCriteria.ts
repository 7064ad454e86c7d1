/**
 * Event filtering for event source mappings (§9: SQS messages that match no filter are deleted without
 * an invocation). Patterns use AWS's filter syntax on the record, with the SQS body parsed as JSON:
 * `{"body": {"type": ["order"]}}`. Supported: exact values, `prefix`, `anything-but`, `exists`, and
 * `numeric` comparisons; a record matches when any filter matches.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function matchesValue(condition: Json, value: unknown): boolean {
  if (condition === null || typeof condition !== 'object') return value === condition;
  if (Array.isArray(condition)) return false;
  if ('prefix' in condition) return typeof value === 'string' && value.startsWith(String(condition.prefix));
  if ('exists' in condition) return (value !== undefined) === Boolean(condition.exists);
  if ('anything-but' in condition) {
    const excluded = condition['anything-but'];
    const list = Array.isArray(excluded) ? excluded : [excluded];
    return value !== undefined && !list.some((x) => x === value);
  }
  if ('numeric' in condition && Array.isArray(condition.numeric)) {
    if (typeof value !== 'number') return false;
    const ops = condition.numeric;
    for (let i = 0; i + 1 < ops.length; i += 2) {
      const op = ops[i];
      const bound = ops[i + 1] as number;
      const ok =
        op === '='
          ? value === bound
          : op === '>'
            ? value > bound
            : op === '>='
              ? value >= bound
              : op === '<'
                ? value < bound
                : op === '<='
                  ? value <= bound
                  : false;
      if (!ok) return false;
    }
    return true;
  }
  return false;
}

function matchesPattern(pattern: Json, event: unknown): boolean {
  if (pattern === null || typeof pattern !== 'object' || Array.isArray(pattern)) return false;
  for (const [key, condition] of Object.entries(pattern)) {
    const value =
      event !== null && typeof event === 'object' ? (event as Record<string, unknown>)[key] : undefined;
    if (Array.isArray(condition)) {
      const values = Array.isArray(value) ? value : [value];
      if (!condition.some((c) => values.some((v) => matchesValue(c, v)))) return false;
    } else if (condition !== null && typeof condition === 'object') {
      if (!matchesPattern(condition, value)) return false;
    } else {
      return false;
    }
  }
  return true;
}

/** Parses a pattern, or returns an error message for the validator. */
export function parseFilterPattern(
  text: string,
): { ok: true; pattern: Json } | { ok: false; message: string } {
  try {
    const pattern = JSON.parse(text) as Json;
    if (pattern === null || typeof pattern !== 'object' || Array.isArray(pattern)) {
      return { ok: false, message: 'a filter pattern must be a JSON object' };
    }
    return { ok: true, pattern };
  } catch (e) {
    return { ok: false, message: `invalid filter pattern JSON: ${(e as Error).message}` };
  }
}

/** Whether an SQS message body passes the mapping's filters (any filter matching is enough). */
export function matchesFilterCriteria(body: unknown, filters: ReadonlyArray<{ Pattern: string }>): boolean {
  let parsedBody = body;
  if (typeof body === 'string') {
    try {
      parsedBody = JSON.parse(body);
    } catch {
      parsedBody = body;
    }
  }
  return filters.some((f) => {
    const parsed = parseFilterPattern(f.Pattern);
    return parsed.ok && matchesPattern(parsed.pattern, { body: parsedBody });
  });
}
