/**
 * The one gate every scenario passes before it reaches the engine. Errors name the field path and use
 * AWS's wording where AWS has one (aws-semantics.md §9), e.g.
 * "1 validation error detected: Value '901' at 'timeout' failed to satisfy constraint: Member must have
 * value less than or equal to 900". Nothing here throws on bad input.
 */
import type { z } from 'zod';
import { crossFieldErrors, crossFieldWarnings } from './crossFieldRules';
import { scenarioSchema, type Scenario } from './schema';

export interface ValidationIssue {
  /** Dotted path with indexes, e.g. `function.EventInvokeConfig.MaximumRetryAttempts` or `sources[0].requests[1].atMs`. */
  path: string;
  message: string;
}

export type ValidationResult =
  | { ok: true; scenario: Scenario; warnings: ValidationIssue[] }
  | { ok: false; errors: ValidationIssue[] };

/** Formats a path array as `a.b[0].c`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(scenario)';
}

/** AWS API member names start lower-case: `MaximumRetryAttempts` → `maximumRetryAttempts`. */
function memberName(path: ReadonlyArray<PropertyKey>): string {
  const last = [...path].reverse().find((k) => typeof k === 'string');
  if (typeof last !== 'string') return 'value';
  return last.charAt(0).toLowerCase() + last.slice(1);
}

function awsConstraint(input: unknown, path: ReadonlyArray<PropertyKey>, constraint: string): string {
  return `1 validation error detected: Value '${String(input)}' at '${memberName(path)}' failed to satisfy constraint: ${constraint}`;
}

function describeType(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  return typeof input === 'object' ? 'an object' : `${typeof input} ${JSON.stringify(input)}`;
}

function messageFor(issue: z.core.$ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'number' || issue.origin === 'int') {
        return awsConstraint(input, issue.path, `Member must have value greater than or equal to ${String(issue.minimum)}`);
      }
      if (issue.origin === 'array') return `must have at least ${String(issue.minimum)} entr${issue.minimum === 1 ? 'y' : 'ies'}`;
      if (issue.origin === 'string') return `must not be empty`;
      return issue.message;
    case 'too_big':
      if (issue.origin === 'number' || issue.origin === 'int') {
        return awsConstraint(input, issue.path, `Member must have value less than or equal to ${String(issue.maximum)}`);
      }
      return issue.message;
    case 'invalid_type':
      if (input === undefined) {
        return `1 validation error detected: Value null at '${memberName(issue.path)}' failed to satisfy constraint: Member must not be null`;
      }
      if (issue.expected === 'int') return awsConstraint(input, issue.path, 'Member must be a whole number');
      return `expected ${issue.expected}, got ${describeType(input)}`;
    case 'invalid_value':
      return awsConstraint(input, issue.path, `Member must satisfy enum value set: [${issue.values.map(String).join(', ')}]`);
    case 'unrecognized_keys':
      return `unknown propert${issue.keys.length === 1 ? 'y' : 'ies'} ${issue.keys.map((k) => `'${k}'`).join(', ')} (names are case-sensitive and follow AWS's spelling)`;
    case 'invalid_union':
      if ((issue as { note?: string }).note === 'No matching discriminator') {
        return `unknown kind ${JSON.stringify(input)}: see docs/scenario-format.md for the allowed values`;
      }
      return issue.message;
    case 'invalid_format':
      return awsConstraint(input, issue.path, issue.message);
    default:
      return issue.message;
  }
}

function issuePaths(issue: z.core.$ZodIssue): ValidationIssue[] {
  if (issue.code === 'unrecognized_keys') {
    return [{ path: formatPath(issue.path), message: messageFor(issue) }];
  }
  return [{ path: formatPath(issue.path), message: messageFor(issue) }];
}

/** Validates anything (parsed JSON, a preset, URL state) as a scenario. */
export function validateScenario(input: unknown): ValidationResult {
  const parsed = scenarioSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.flatMap(issuePaths) };
  const errors = crossFieldErrors(parsed.data);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, scenario: parsed.data, warnings: crossFieldWarnings(parsed.data) };
}

/** Parses JSON text and validates it; a syntax error names the line and column. */
export function parseScenarioJson(text: string): ValidationResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(message);
    let where = '';
    if (pos) {
      const offset = Number(pos[1]);
      const before = text.slice(0, offset);
      const line = before.split('\n').length;
      const column = offset - before.lastIndexOf('\n');
      where = ` (line ${line}, column ${column})`;
    }
    return { ok: false, errors: [{ path: '(json)', message: `not valid JSON${where}: ${message}` }] };
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
