/**
 * SAM's `Globals.Function`: properties every AWS::Serverless::Function inherits. SAM's rules: a value the
 * function sets itself wins; maps are merged key by key; lists are joined, the global entries first.
 * Intrinsic functions (`{Ref: …}`) count as single values, not maps.
 */
import { isIntrinsic } from './intrinsics';
import { childPath } from './parseTemplate';
import type { Locate } from './propertyReader';

function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !isIntrinsic(value);
}

function merge(global: unknown, own: unknown): unknown {
  if (own === undefined) return global;
  if (isMap(global) && isMap(own)) {
    const out: Record<string, unknown> = { ...global };
    for (const [key, value] of Object.entries(own)) out[key] = merge(global[key], value);
    return out;
  }
  if (Array.isArray(global) && Array.isArray(own)) return [...global, ...own];
  return own;
}

function holds(value: unknown, keys: readonly string[]): boolean {
  let at: unknown = value;
  for (const key of keys) {
    if (!isMap(at) || !Object.hasOwn(at, key)) return false;
    at = at[key];
  }
  return true;
}

/** A function's properties with `Globals.Function` merged in, and where each property was written. */
export interface MergedProperties {
  values: Record<string, unknown>;
  locate: Locate;
}

/** Merges `Globals.Function` (unresolved, as written) into a function's own properties. */
export function mergeGlobals(
  globals: Record<string, unknown> | undefined,
  own: Record<string, unknown>,
  ownPath: string,
): MergedProperties {
  const values = (globals ? merge(globals, own) : own) as Record<string, unknown>;
  const join = (base: string, keys: readonly string[]) =>
    keys.reduce<string>((p, k) => childPath(p, k), base);
  return {
    values,
    // The deepest key the function writes itself is its own; otherwise, if Globals writes it, Globals'.
    locate: (keys) => {
      if (holds(own, keys) || !globals || !holds(globals, keys)) return join(ownPath, keys);
      return join('Globals.Function', keys);
    },
  };
}
