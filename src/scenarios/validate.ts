/**
 * The one gate every scenario passes before it reaches the engine. Errors name the field path and use
 * AWS's wording where AWS has one (aws-semantics.md §9), e.g.
 * "1 validation error detected: Value '901' at 'timeout' failed to satisfy constraint: Member must have
 * value less than or equal to 900". Nothing here throws, whatever the input.
 */
import { z } from 'zod';
import { crossFieldErrors, crossFieldWarnings } from './crossFieldRules';
import { locateJsonSyntaxError } from './jsonSyntaxError';
import { scenarioSchema, type Scenario } from './schema';

export interface ValidationIssue {
  /** Dotted path with indexes, e.g. `function.EventInvokeConfig.MaximumRetryAttempts` or `sources[0].requests[1].atMs`. */
  path: string;
  message: string;
}

export type ValidationResult =
  { ok: true; scenario: Scenario; warnings: ValidationIssue[] } | { ok: false; errors: ValidationIssue[] };

type Path = ReadonlyArray<PropertyKey>;

/** A property name that reads unambiguously after a dot: no dots, brackets, spaces or quotes, not empty. */
const PLAIN_KEY = /^[A-Za-z0-9_$-]+$/;

/**
 * Formats a path array as `a.b[0].c`. A name that is not plain (an unknown property such as `"a.b"`, `" "`
 * or `""`) is written quoted in brackets, `a["a.b"]`, so the path still names exactly one field.
 */
export function formatPath(path: Path): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (!PLAIN_KEY.test(String(key))) out += `[${JSON.stringify(String(key))}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(scenario)';
}

/** AWS API member names start lower-case: `MaximumRetryAttempts` → `maximumRetryAttempts`. */
function memberName(path: Path): string {
  const last = [...path].reverse().find((k) => typeof k === 'string');
  if (typeof last !== 'string') return 'value';
  return last.charAt(0).toLowerCase() + last.slice(1);
}

/** A value as AWS quotes it in messages; never throws (objects without toString, symbols…). */
function show(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (value === null || value === undefined) return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

function awsConstraint(input: unknown, path: Path, constraint: string): string {
  const value = input === null || input === undefined ? 'null' : `'${show(input)}'`;
  return `1 validation error detected: Value ${value} at '${memberName(path)}' failed to satisfy constraint: ${constraint}`;
}

/** AWS's text for a required member that is missing (recorded with the full stop, §9). */
function notNull(path: Path): string {
  return awsConstraint(null, path, 'Member must not be null.');
}

/** True when the member at `path` is an AWS property (PascalCase), not a simulation-only one (camelCase). */
function isAwsMember(path: Path): boolean {
  const last = [...path].reverse().find((k) => typeof k === 'string');
  return typeof last === 'string' && /^[A-Z]/.test(last);
}

const EXPECTED: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'a string',
  boolean: 'true or false',
  array: 'an array',
  tuple: 'an array',
  object: 'an object',
};

function describeValue(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  switch (typeof input) {
    case 'string':
      return `the string ${JSON.stringify(input)}`;
    case 'number':
      return Number.isNaN(input) ? 'NaN' : String(input);
    case 'boolean':
      return String(input);
    case 'object':
      return 'an object';
    default:
      return `a ${typeof input}`;
  }
}

function enumConstraint(values: ReadonlyArray<unknown>): string {
  return `Member must satisfy enum value set: [${values.map(show).join(', ')}]`;
}

function plural(n: number | bigint, one: string, many: string): string {
  return `${String(n)} ${Number(n) === 1 ? one : many}`;
}

function messageFor(
  issue: z.core.$ZodIssue,
  suggestions: (issue: z.core.$ZodIssue, key: string) => string,
): string {
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'number' || issue.origin === 'int') {
        const op = issue.inclusive === false ? 'greater than' : 'greater than or equal to';
        return awsConstraint(input, issue.path, `Member must have value ${op} ${String(issue.minimum)}`);
      }
      if (issue.origin === 'array') return `must have at least ${plural(issue.minimum, 'entry', 'entries')}`;
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? 'must not be empty'
          : `must be at least ${plural(issue.minimum, 'character', 'characters')} long`;
      }
      return issue.message;
    case 'too_big':
      if (issue.origin === 'number' || issue.origin === 'int') {
        const op = issue.inclusive === false ? 'less than' : 'less than or equal to';
        return awsConstraint(input, issue.path, `Member must have value ${op} ${String(issue.maximum)}`);
      }
      if (issue.origin === 'array') return `must have at most ${plural(issue.maximum, 'entry', 'entries')}`;
      if (issue.origin === 'string')
        return `must be at most ${plural(issue.maximum, 'character', 'characters')} long`;
      return issue.message;
    case 'invalid_type':
      if (input === undefined) {
        if (issue.path.length === 0) return 'expected a scenario (a JSON object), got nothing';
        return notNull(issue.path);
      }
      if (issue.expected === 'int') return awsConstraint(input, issue.path, 'Member must be a whole number');
      if (issue.path.length === 0) return `expected a scenario (a JSON object), got ${describeValue(input)}`;
      return `expected ${EXPECTED[issue.expected] ?? issue.expected}, got ${describeValue(input)}`;
    case 'invalid_value':
      // A missing AWS enum member (StartingPosition) gets AWS's "must not be null" (§9); a missing
      // simulation enum (caller, result) lists the values it may take, which helps more.
      if ((input === undefined || input === null) && isAwsMember(issue.path)) return notNull(issue.path);
      return awsConstraint(input, issue.path, enumConstraint(issue.values));
    case 'unrecognized_keys':
      // One issue per key (see issuesFor); `keys` then holds exactly one name.
      return `unknown property '${issue.keys[0] ?? ''}'${suggestions(issue, issue.keys[0] ?? '')} (names are case-sensitive and follow AWS's spelling)`;
    case 'invalid_union': {
      const { discriminator, options } = issue as { discriminator?: string; options?: unknown[] };
      if (discriminator !== undefined && options) {
        const value =
          input && typeof input === 'object' ? (input as Record<string, unknown>)[discriminator] : input;
        return awsConstraint(value, issue.path, enumConstraint(options));
      }
      return issue.message;
    }
    case 'invalid_format':
      return awsConstraint(input, issue.path, issue.message);
    default:
      return issue.message;
  }
}

// --- "Did you mean …?" for unknown property names ------------------------------------------------

type AnySchema = z.core.$ZodType;

/** The zod schema that validates the value at `path` of `root`, following the data through unions. */
function schemaAt(root: unknown, path: Path): AnySchema | undefined {
  let schema: AnySchema | undefined = scenarioSchema;
  let value: unknown = root;
  const steps = [...path, undefined];
  for (const key of steps) {
    for (;;) {
      if (!schema) return undefined;
      const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
      if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') {
        schema = def.innerType as AnySchema;
      } else if (def.type === 'union' && typeof def.discriminator === 'string') {
        const tag =
          value && typeof value === 'object'
            ? (value as Record<string, unknown>)[def.discriminator]
            : undefined;
        schema = (def.options as AnySchema[]).find((option) => {
          const shape = (option._zod.def as unknown as { shape?: Record<string, AnySchema> }).shape;
          // Literals and enums (`type: "kinesis" | "dynamodb"`) both list their values here.
          const values = (shape?.[def.discriminator as string]?._zod as { values?: Set<unknown> } | undefined)
            ?.values;
          return values?.has(tag) ?? false;
        });
      } else break;
    }
    if (key === undefined) return schema;
    const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
    if (def.type === 'object') schema = (def.shape as Record<string, AnySchema>)[String(key)];
    else if (def.type === 'array') schema = def.element as AnySchema;
    else if (def.type === 'tuple') schema = (def.items as AnySchema[])[Number(key)];
    else return undefined;
    value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return schema;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** Names the property the user probably meant, e.g. `timeout` → `Timeout`, or lists the allowed ones. */
function suggestionFor(root: unknown) {
  return (issue: z.core.$ZodIssue, key: string): string => {
    const schema = schemaAt(root, issue.path);
    const def = schema?._zod.def as unknown as { type?: string; shape?: Record<string, unknown> } | undefined;
    if (def?.type !== 'object' || !def.shape) return '';
    const known = Object.keys(def.shape);
    const close = known
      .map((name) => ({ name, d: name.toLowerCase() === key.toLowerCase() ? 0 : editDistance(name, key) }))
      .filter(({ d }) => d <= Math.max(1, Math.floor(key.length / 4)))
      .sort((a, b) => a.d - b.d);
    if (close[0]) return `: did you mean '${close[0].name}'?`;
    return `; allowed here: ${known.join(', ')}`;
  };
}

function issuesFor(issue: z.core.$ZodIssue, root: unknown): ValidationIssue[] {
  const suggest = suggestionFor(root);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      path: formatPath([...issue.path, key]),
      message: messageFor({ ...issue, keys: [key] }, suggest),
    }));
  }
  return [{ path: formatPath(issue.path), message: messageFor(issue, suggest) }];
}

/** Validates anything (parsed JSON, a preset, URL state) as a scenario. Never throws. */
export function validateScenario(input: unknown): ValidationResult {
  try {
    const parsed = scenarioSchema.safeParse(input, { reportInput: true });
    if (!parsed.success)
      return { ok: false, errors: parsed.error.issues.flatMap((issue) => issuesFor(issue, input)) };
    const errors = crossFieldErrors(parsed.data);
    if (errors.length > 0) return { ok: false, errors };
    return { ok: true, scenario: parsed.data, warnings: crossFieldWarnings(parsed.data) };
  } catch (e) {
    // Only exotic inputs get here (throwing getters, proxies, revoked objects); say so rather than crash.
    const why = e instanceof Error ? e.message : show(e);
    return {
      ok: false,
      errors: [{ path: '(scenario)', message: `could not be read as a scenario: ${why}` }],
    };
  }
}

// --- JSON syntax errors with line and column -----------------------------------------------------

/** Parses JSON text and validates it; a syntax error names the line and column. Never throws. */
export function parseScenarioJson(text: string): ValidationResult {
  if (typeof text !== 'string') {
    return {
      ok: false,
      errors: [{ path: '(json)', message: `expected JSON text, got ${describeValue(text)}` }],
    };
  }
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // editors on Windows may add a BOM
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (e) {
    const located = locateJsonSyntaxError(source);
    const message = located
      ? `not valid JSON (line ${located.line}, column ${located.column}): ${located.message}`
      : `not valid JSON: ${e instanceof Error ? e.message : show(e)}`;
    return { ok: false, errors: [{ path: '(json)', message }] };
  }
  return validateScenario(value);
}

/** Validates and throws a readable error: for presets and tests, where bad input is a bug. */
export function mustValidate(input: unknown): Scenario {
  const result = validateScenario(input);
  if (!result.ok) {
    throw new Error(`invalid scenario:\n${result.errors.map((e) => `  ${e.path}: ${e.message}`).join('\n')}`);
  }
  return result.scenario;
}
