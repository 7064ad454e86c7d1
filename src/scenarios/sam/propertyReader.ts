/**
 * Reading a resource's resolved properties the way CloudFormation does: numbers and booleans may be
 * written as strings ("30", "true"). Every value read is linked to its template path, so the report can
 * say where it came from and a validation error can point back at it; what could not be resolved is
 * reported and left out (the simulator's default applies).
 */
import { Unresolved, findUnresolved } from './intrinsics';
import { childPath } from './parseTemplate';
import type { ReportBuilder } from './report';

/** Finds the template path of a property from its keys (Globals and the resource may each hold part). */
export type Locate = (keys: readonly string[]) => string;

/** A locator under one template path: `Resources.Fn.Properties` + [`Timeout`]. */
export function locateUnder(base: string): Locate {
  return (keys) => keys.reduce<string>((path, key) => childPath(path, key), base);
}

/** How to read a value: numbers and booleans may be written as strings. */
export type Kind = 'number' | 'boolean' | 'string' | 'any';

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A value as the report quotes it. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    const text = JSON.stringify(value);
    return text.length > 120 ? `${text.slice(0, 117)}…` : text;
  } catch {
    return String(value);
  }
}

function coerce(value: unknown, kind: Kind): unknown {
  if (kind === 'number' && typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value))
    return Number(value);
  if (kind === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value; // anything else goes on as written, so validation names the field and the problem
}

/** Resolved properties of one template object, read with their paths. */
export class Props {
  private readonly used = new Set<string>();

  constructor(
    readonly values: Record<string, unknown>,
    private readonly locate: Locate,
    private readonly report: ReportBuilder,
    private readonly prefix: readonly string[] = [],
  ) {}

  /** The template path of a key of this object. */
  pathOf(key?: string): string {
    return this.locate(key === undefined ? this.prefix : [...this.prefix, key]);
  }

  has(key: string): boolean {
    return Object.hasOwn(this.values, key) && this.values[key] !== undefined;
  }

  keys(): string[] {
    return Object.keys(this.values);
  }

  /** Marks a key as handled, so `unused()` does not list it. */
  use(key: string): void {
    this.used.add(key);
  }

  /** Keys nobody read. */
  unused(): string[] {
    return this.keys().filter((k) => !this.used.has(k));
  }

  /** The value of a key, coerced to `kind` where CloudFormation would; unresolved values are reported and give undefined. */
  read(key: string, kind: Kind = 'any'): unknown {
    return this.take(key, kind, true);
  }

  /** `deep`: refuse a value with anything unresolved inside; otherwise only a value that is itself unresolved. */
  private take(key: string, kind: Kind, deep: boolean): unknown {
    this.used.add(key);
    if (!this.has(key)) return undefined;
    const value = this.values[key];
    const stuck = deep ? findUnresolved(value) : value instanceof Unresolved ? value : undefined;
    if (stuck) {
      this.report.ignored(
        this.pathOf(key),
        `${key} could not be resolved (${stuck.reason}); the simulator's default applies`,
      );
      return undefined;
    }
    return coerce(value, kind);
  }

  /** A nested object as Props, or undefined (reported when it is there but not an object). */
  object(key: string): Props | undefined {
    // Only the object itself must be resolved: an unresolved field inside is reported when it is read.
    const value = this.take(key, 'any', false);
    if (value === undefined) return undefined;
    if (!isRecord(value)) {
      this.report.ignored(this.pathOf(key), `${key} should be an object, not ${show(value)}; it is ignored`);
      return undefined;
    }
    return new Props(value, this.locate, this.report, [...this.prefix, key]);
  }

  /**
   * Copies a key into a scenario object, recording where it came from (`scenarioPath` names `into`, e.g.
   * `sources[0].mapping`) and an "understood" line. Returns the value copied, or undefined.
   */
  copy(
    key: string,
    into: Record<string, unknown>,
    scenarioPath: string,
    kind: Kind = 'any',
    as = key,
  ): unknown {
    const value = this.read(key, kind);
    if (value === undefined) return undefined;
    into[as] = value;
    this.report.origin(`${scenarioPath}.${as}`, this.pathOf(key));
    this.report.understood(this.pathOf(key), `${key} ${show(value)} → ${scenarioPath}.${as}`);
    return value;
  }

  /** Reports every key nobody read as ignored, with the reason `why(key)` gives (or a generic one). */
  ignoreRest(why: (key: string) => string | undefined, subject: string): void {
    for (const key of this.unused()) {
      this.used.add(key);
      this.report.ignored(
        this.pathOf(key),
        why(key) ?? `${key}: not something the simulator models for ${subject}`,
      );
    }
  }
}

/** Props over a resolved value, or over nothing when the value is not an object. */
export function propsOf(
  value: unknown,
  locate: Locate,
  report: ReportBuilder,
  prefix: readonly string[] = [],
): Props {
  return new Props(isRecord(value) && !(value instanceof Unresolved) ? value : {}, locate, report, prefix);
}
