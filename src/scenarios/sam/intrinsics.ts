/**
 * Evaluating CloudFormation's intrinsic functions (`Ref`, `Fn::GetAtt`, `Fn::Sub`, `Fn::Join`, `Fn::If`…)
 * as far as a template alone allows. What needs a deployed stack (`Fn::ImportValue`, a parameter without a
 * default) becomes an `Unresolved` value carrying the reason, never an exception: the importer reports it
 * where the value is used.
 */
import { base64 } from '../../engine/encoding';

/** A value the template alone cannot give, and why. */
export class Unresolved {
  constructor(readonly reason: string) {}
}

/** `AWS::NoValue`: the property or list element is removed. */
class NoValue {}
export const NO_VALUE = new NoValue();

/** What intrinsic functions look up: parameters, pseudo parameters, resources, mappings and conditions. */
export interface IntrinsicScope {
  region: string;
  /** `Ref`: a parameter's value, a pseudo parameter, or a resource's Ref value. */
  ref(name: string): unknown;
  /** `Fn::GetAtt`: a resource attribute. */
  getAtt(logicalId: string, attribute: string): unknown;
  /** A value of the Mappings section, or Unresolved. */
  findInMap(map: string, top: string, second: string): unknown;
  /** A condition of the Conditions section: true, false or Unresolved. */
  condition(name: string): unknown;
}

/** The first Unresolved found inside a value, if any. */
export function findUnresolved(value: unknown, depth = 0): Unresolved | undefined {
  if (value instanceof Unresolved) return value;
  if (depth > 64 || value === null || typeof value !== 'object') return undefined;
  for (const inner of Array.isArray(value) ? value : Object.values(value)) {
    const found = findUnresolved(inner, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** True for `{Ref: …}` and `{'Fn::…': …}`: an object with that one key. */
export function isIntrinsic(value: unknown): value is Record<string, unknown> {
  if (!isRecord(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0]!.startsWith('Fn::'));
}

/** Text as CloudFormation joins it: strings, and numbers or booleans written as text. */
function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

const MAX_DEPTH = 100;

/** Resolves every intrinsic function inside a value; unresolvable parts become `Unresolved`. */
export function resolveIntrinsics(value: unknown, scope: IntrinsicScope): unknown {
  return resolveAt(value, scope, 0);
}

function resolveAt(value: unknown, scope: IntrinsicScope, depth: number): unknown {
  if (depth > MAX_DEPTH) return new Unresolved('intrinsic functions are nested too deeply');
  if (Array.isArray(value)) {
    return value.map((v) => resolveAt(v, scope, depth + 1)).filter((v) => v !== NO_VALUE);
  }
  if (!isRecord(value)) return value;
  if (isIntrinsic(value)) {
    const [name, arg] = Object.entries(value)[0]!;
    return call(name, arg, scope, depth + 1);
  }
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const resolved = resolveAt(inner, scope, depth + 1);
    if (resolved !== NO_VALUE) {
      Object.defineProperty(out, key, {
        value: resolved,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return out;
}

/** Resolves the arguments; the first Unresolved among them stops the function. */
function args(arg: unknown, scope: IntrinsicScope, depth: number): unknown[] | Unresolved {
  const resolved = resolveAt(arg, scope, depth);
  const stuck = findUnresolved(resolved);
  if (stuck) return stuck;
  return Array.isArray(resolved) ? resolved : [resolved];
}

function call(name: string, arg: unknown, scope: IntrinsicScope, depth: number): unknown {
  switch (name) {
    case 'Ref':
      return typeof arg === 'string'
        ? scope.ref(arg)
        : new Unresolved('Ref takes the name of a parameter or resource');
    case 'Fn::GetAtt':
      return getAtt(arg, scope, depth);
    case 'Fn::Sub':
      return sub(arg, scope, depth);
    case 'Fn::If':
      return ifThen(arg, scope, depth);
    case 'Fn::Equals':
    case 'Fn::Not':
    case 'Fn::And':
    case 'Fn::Or':
      return evaluateCondition({ [name]: arg }, scope, depth);
    case 'Fn::ImportValue':
      return new Unresolved(
        'Fn::ImportValue reads an output exported by another stack, which a template alone does not give',
      );
    case 'Fn::Cidr':
      return new Unresolved('Fn::Cidr computes network address blocks; networking is not simulated');
    default:
      return plainFunction(name, args(arg, scope, depth), scope);
  }
}

/** Functions whose arguments are plain values once resolved. */
function plainFunction(name: string, list: unknown[] | Unresolved, scope: IntrinsicScope): unknown {
  if (list instanceof Unresolved) return list;
  switch (name) {
    case 'Fn::Join': {
      const [delimiter, items] = list;
      const parts = Array.isArray(items) ? items.map(asText) : undefined;
      if (typeof delimiter !== 'string' || !parts || parts.some((p) => p === undefined)) {
        return new Unresolved('Fn::Join takes a delimiter and a list of strings');
      }
      return parts.join(delimiter);
    }
    case 'Fn::Select': {
      const [index, items] = list;
      const i = Number(index);
      if (!Array.isArray(items) || !Number.isInteger(i) || i < 0 || i >= items.length) {
        return new Unresolved(`Fn::Select index ${String(index)} is outside the list`);
      }
      return items[i];
    }
    case 'Fn::Split': {
      const [delimiter, text] = list;
      if (typeof delimiter !== 'string' || typeof text !== 'string') {
        return new Unresolved('Fn::Split takes a delimiter and a string');
      }
      return text.split(delimiter);
    }
    case 'Fn::FindInMap': {
      const [map, top, second] = list.map(asText);
      if (map === undefined || top === undefined || second === undefined) {
        return new Unresolved('Fn::FindInMap takes a map name and two keys');
      }
      const found = scope.findInMap(map, top, second);
      const fallback = list[3];
      if (found instanceof Unresolved && isRecord(fallback) && 'DefaultValue' in fallback)
        return fallback.DefaultValue;
      return found;
    }
    case 'Fn::Base64': {
      const text = asText(list[0]);
      return text === undefined ? new Unresolved('Fn::Base64 takes a string') : base64(text);
    }
    case 'Fn::GetAZs': {
      const region = asText(list[0]) || scope.region;
      return ['a', 'b', 'c'].map((zone) => `${region}${zone}`);
    }
    case 'Fn::Length':
      return Array.isArray(list[0]) ? list[0].length : list.length;
    case 'Fn::ToJsonString':
      return JSON.stringify(list.length === 1 ? list[0] : list);
    default:
      return new Unresolved(`${name} is not an intrinsic function the importer evaluates`);
  }
}

function getAtt(arg: unknown, scope: IntrinsicScope, depth: number): unknown {
  // The long form is a list; some hand-written JSON uses "Res.Attr" as one string.
  const parts =
    typeof arg === 'string' ? [arg.slice(0, arg.indexOf('.')), arg.slice(arg.indexOf('.') + 1)] : arg;
  if (!Array.isArray(parts) || parts.length !== 2) {
    return new Unresolved('Fn::GetAtt takes a resource name and an attribute name');
  }
  const [logicalId, attribute] = [parts[0], resolveAt(parts[1], scope, depth)];
  if (attribute instanceof Unresolved) return attribute;
  if (typeof logicalId !== 'string' || typeof attribute !== 'string') {
    return new Unresolved('Fn::GetAtt takes a resource name and an attribute name');
  }
  return scope.getAtt(logicalId, attribute);
}

const SUB_VARIABLE = /\$\{([^}]*)\}/g;

function sub(arg: unknown, scope: IntrinsicScope, depth: number): unknown {
  const [template, variables] = Array.isArray(arg) ? arg : [arg, {}];
  if (typeof template !== 'string')
    return new Unresolved('Fn::Sub takes a string, or a string and a map of variables');
  const vars = resolveAt(isRecord(variables) ? variables : {}, scope, depth) as Record<string, unknown>;
  let stuck: Unresolved | undefined;
  const text = template.replace(SUB_VARIABLE, (whole, inner: string) => {
    if (inner.startsWith('!')) return `\${${inner.slice(1)}}`; // ${!Literal} is written out as ${Literal}
    const name = inner.trim();
    let value: unknown;
    if (Object.hasOwn(vars, name)) value = vars[name];
    else if (name.includes('.'))
      value = scope.getAtt(name.slice(0, name.indexOf('.')), name.slice(name.indexOf('.') + 1));
    else value = scope.ref(name);
    const found = findUnresolved(value);
    if (found) {
      stuck ??= found;
      return whole;
    }
    const written = asText(value);
    if (written === undefined) {
      stuck ??= new Unresolved(`\${${name}} in Fn::Sub is not a single value`);
      return whole;
    }
    return written;
  });
  return stuck ?? text;
}

function ifThen(arg: unknown, scope: IntrinsicScope, depth: number): unknown {
  if (!Array.isArray(arg) || arg.length !== 3 || typeof arg[0] !== 'string') {
    return new Unresolved('Fn::If takes a condition name and two values');
  }
  const holds = scope.condition(arg[0]);
  if (holds instanceof Unresolved)
    return new Unresolved(`condition ${arg[0]} cannot be decided: ${holds.reason}`);
  return resolveAt(holds === true ? arg[1] : arg[2], scope, depth);
}

/** Evaluates a condition expression (`Fn::Equals`, `Fn::And`, `{Condition: Name}`…): true, false or Unresolved. */
export function evaluateCondition(
  expression: unknown,
  scope: IntrinsicScope,
  depth = 0,
): boolean | Unresolved {
  if (depth > MAX_DEPTH) return new Unresolved('conditions are nested too deeply');
  if (isRecord(expression) && Object.keys(expression).length === 1) {
    const [name, arg] = Object.entries(expression)[0]!;
    if (name === 'Condition' && typeof arg === 'string') {
      const held = scope.condition(arg);
      return typeof held === 'boolean' || held instanceof Unresolved
        ? held
        : new Unresolved(`${arg} is not a condition`);
    }
    const operands = Array.isArray(arg) ? arg : [arg];
    if (name === 'Fn::Equals') {
      const values = args(operands, scope, depth + 1);
      if (values instanceof Unresolved) return values;
      // CloudFormation compares the values as strings ("1" equals 1).
      const [a, b] = values.map((v) => asText(v) ?? JSON.stringify(v));
      return a === b;
    }
    if (name === 'Fn::Not' || name === 'Fn::And' || name === 'Fn::Or') {
      const results = operands.map((o) => evaluateCondition(o, scope, depth + 1));
      const stuck = results.find((r) => r instanceof Unresolved);
      if (stuck) return stuck;
      if (name === 'Fn::Not') return !results[0];
      return name === 'Fn::And' ? results.every((r) => r === true) : results.some((r) => r === true);
    }
  }
  const value = resolveAt(expression, scope, depth + 1);
  if (value instanceof Unresolved) return value;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return new Unresolved('a condition must be true or false');
}
