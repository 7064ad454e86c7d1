/**
 * The editable settings of a scenario, as descriptors the editor's form is built from: where each lives
 * (a dot path with indexes, the same as a validation issue's path), AWS's name, a label, a unit, the range,
 * default and allowed values, and one help line that cites aws-semantics.md.
 *
 * Ranges, defaults and allowed values are read from the zod schema itself, so the form cannot disagree with
 * validation; the few that depend on other settings (reserved concurrency against the account quota, FIFO
 * batch sizes, the batching window a large SQS batch needs, a stream's record age) come from the same
 * cross-field rules `crossFieldRules.ts` enforces, evaluated against the draft being edited.
 */
import type { z } from 'zod';
import { MIN_UNRESERVED_CONCURRENCY } from './crossFieldRules';
import { FIELD_SPECS, type FieldSpec, type FieldUnit, type FieldValue, type SectionKind } from './fieldSpecs';
import { scenarioSchema } from './schema';

export { FIELD_SPECS };
export type { FieldUnit, FieldValue, SectionKind };

/** How a setting is edited and stored. */
export type FieldKind =
  /** A whole number. */
  | 'integer'
  /** Any number. */
  | 'number'
  /** One string of `values`. */
  | 'choice'
  /** One string of `values`, stored as a one-element array (`Architectures: ["arm64"]`). */
  | 'choice-list'
  | 'boolean'
  /** An array that either holds the single value `flag` or is empty (`FunctionResponseTypes`). */
  | 'flag'
  | 'text';

/** One editable setting of one scenario. */
export interface FieldDescriptor {
  /** Where the value lives, e.g. `sources[0].queue.VisibilityTimeout`; validation issues use the same paths. */
  path: string;
  /** The property as written in the scenario, relative to its AWS resource, e.g. `RedrivePolicy.maxReceiveCount`. */
  name: string;
  /** AWS's own name of the setting (`max_attempts` for the SDK's setting), or null for a simulation-only one. */
  awsName: string | null;
  label: string;
  kind: FieldKind;
  unit?: FieldUnit;
  min?: number;
  max?: number;
  step?: number;
  /** A value outside `min`–`max` that is also accepted and means something special (−1 = no limit). */
  sentinel?: { value: number; meaning: string };
  /** What applies when the property is left out. */
  default?: FieldValue;
  /** The default in words, when it depends on other settings. */
  defaultNote?: string;
  /** Allowed values of a `choice` or `choice-list`. */
  values?: readonly string[];
  /** The one value a `flag` array may hold. */
  flag?: string;
  /** True when the property may be left out (it then takes `default`, or is simply not set). */
  optional: boolean;
  /**
   * How many enclosing objects may go when clearing this property leaves them empty, from its parent
   * outwards (`DestinationConfig.OnSuccess.Destination` in EventInvokeConfig: 3); 0 when the parent is required.
   */
  dropEmpty: number;
  /** One line: what the setting does. */
  help: string;
  /** The section of aws-semantics.md the help line rests on, e.g. `§3.2`. */
  ref: string;
  /** A sub-heading inside its section (`Queue`, `Event source mapping`). */
  group?: string;
}

/** A group of settings: the function, its asynchronous configuration, the account, or one source. */
export interface FieldSection {
  id: string;
  kind: SectionKind;
  title: string;
  /** Path prefixes whose issues belong here when no field of the section matches them (longest prefix wins). */
  owns: readonly string[];
  fields: FieldDescriptor[];
}

// --- Paths ---------------------------------------------------------------------------------------

export type PathSegment = string | number;

/** Splits `sources[0].queue.VisibilityTimeout` into `['sources', 0, 'queue', 'VisibilityTimeout']`. */
export function parseFieldPath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  for (const part of path.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) throw new Error(`not a field path: ${path}`);
    if (m[1]) segments.push(m[1]);
    for (const index of m[2]!.matchAll(/\[(\d+)\]/g)) segments.push(Number(index[1]));
  }
  return segments;
}

/** The value at a path of any JSON value, or undefined when something on the way is missing. */
export function readFieldPath(root: unknown, path: string | readonly PathSegment[]): unknown {
  const segments = typeof path === 'string' ? parseFieldPath(path) : path;
  let node: unknown = root;
  for (const key of segments) {
    if (node === null || typeof node !== 'object') return undefined;
    if (Array.isArray(node) !== (typeof key === 'number')) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

// --- Reading the schema --------------------------------------------------------------------------

type AnySchema = z.core.$ZodType;
type LooseDef = Record<string, unknown> & { type: string };

const defOf = (schema: AnySchema): LooseDef => schema._zod.def as unknown as LooseDef;

/** What the schema says about one property. */
interface SchemaFacts {
  kind: FieldKind;
  optional: boolean;
  default?: unknown;
  min?: number;
  max?: number;
  values?: string[];
  flag?: string;
}

/** The values of an enum or literal schema, or undefined when it is neither. */
function choicesOf(schema: AnySchema): string[] | undefined {
  const def = defOf(schema);
  if (def.type === 'enum') return Object.values(def.entries as Record<string, string>);
  if (def.type === 'literal') return (def.values as unknown[]).map(String);
  return undefined;
}

/** Reads kind, range, default and allowed values of the schema of one property. */
function factsOf(schema: AnySchema): SchemaFacts {
  let node = schema;
  let optional = false;
  let fallback: unknown;
  for (;;) {
    const def = defOf(node);
    if (def.type === 'optional') optional = true;
    else if (def.type === 'default') {
      optional = true;
      fallback ??= def.defaultValue;
    } else break;
    node = def.innerType as AnySchema;
  }
  const def = defOf(node);
  const facts: SchemaFacts = { kind: 'text', optional, default: fallback };
  switch (def.type) {
    case 'number': {
      facts.kind = 'number';
      for (const check of (def.checks as AnySchema[] | undefined) ?? []) {
        const c = defOf(check) as LooseDef & { check?: string; value?: number; inclusive?: boolean };
        if (c.check === 'number_format' && /int/.test(String(c.format))) facts.kind = 'integer';
      }
      for (const check of (def.checks as AnySchema[] | undefined) ?? []) {
        const c = defOf(check) as LooseDef & { check?: string; value?: number; inclusive?: boolean };
        const nudge = c.inclusive === false ? (facts.kind === 'integer' ? 1 : Number.EPSILON) : 0;
        if (c.check === 'greater_than' && c.value !== undefined) facts.min = c.value + nudge;
        if (c.check === 'less_than' && c.value !== undefined) facts.max = c.value - nudge;
      }
      return facts;
    }
    case 'boolean':
      facts.kind = 'boolean';
      return facts;
    case 'string':
      return facts;
    case 'enum':
    case 'literal':
      facts.kind = 'choice';
      facts.values = choicesOf(node);
      return facts;
    case 'tuple': {
      const items = def.items as AnySchema[];
      const values = items.length === 1 ? choicesOf(items[0]!) : undefined;
      if (!values) break;
      facts.kind = 'choice-list';
      facts.values = values;
      if (Array.isArray(fallback)) facts.default = fallback[0];
      return facts;
    }
    case 'array': {
      const values = choicesOf(def.element as AnySchema);
      if (values?.length !== 1) break;
      facts.kind = 'flag';
      facts.flag = values[0];
      facts.default = Array.isArray(fallback) && fallback.length > 0;
      return facts;
    }
  }
  throw new Error(`fieldCatalog: no form control for a '${def.type}' schema`);
}

/**
 * The schema of the property at `path`, following `sources[i]` into the option for `sourceType`, and how
 * many of the objects around it are optional, counted outwards from its parent until one is not.
 */
function schemaAt(path: string, sourceType?: string): { schema: AnySchema; optionalParents: number } {
  let schema: AnySchema = scenarioSchema;
  /** For each object passed on the way (the root first): whether the schema lets it be left out. */
  const optional: boolean[] = [];
  for (const key of parseFieldPath(path)) {
    let absentOk = false;
    for (;;) {
      const def = defOf(schema);
      if (def.type === 'optional' || def.type === 'default') {
        absentOk = true;
        schema = def.innerType as AnySchema;
      } else if (def.type === 'union' && typeof def.discriminator === 'string') {
        const option = (def.options as AnySchema[]).find((o) => {
          const shape = defOf(o).shape as Record<string, AnySchema>;
          const tag = shape[def.discriminator as string];
          return tag !== undefined && (choicesOf(tag) ?? []).includes(sourceType ?? '');
        });
        if (!option) throw new Error(`fieldCatalog: no source type '${String(sourceType)}' in the schema`);
        schema = option;
      } else break;
    }
    const def = defOf(schema);
    optional.push(absentOk && def.type === 'object');
    const next =
      def.type === 'object'
        ? (def.shape as Record<string, AnySchema>)[String(key)]
        : def.type === 'array' && typeof key === 'number'
          ? (def.element as AnySchema)
          : undefined;
    if (!next) throw new Error(`fieldCatalog: '${path}' is not in the scenario schema`);
    schema = next;
  }
  let optionalParents = 0;
  while (optional[optional.length - 1 - optionalParents]) optionalParents++;
  return { schema, optionalParents };
}

// --- Ranges that depend on other settings (the cross-field rules) --------------------------------

const asInt = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isInteger(value) ? value : undefined;

/** Narrows a descriptor's range to what the cross-field rules accept given the rest of the draft. */
function applyContext(field: FieldDescriptor, key: string, kind: SectionKind, root: unknown, draft: unknown) {
  if (kind === 'function') {
    const account = asInt(readFieldPath(draft, 'account.ConcurrentExecutions')) ?? 1000;
    const unreserved = account - MIN_UNRESERVED_CONCURRENCY;
    if (key === 'ReservedConcurrentExecutions') field.max = unreserved;
    if (key === 'ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions') {
      const reserved = asInt(readFieldPath(draft, 'function.ReservedConcurrentExecutions'));
      field.max = reserved ?? unreserved;
    }
  }
  if (kind === 'sqs') {
    const fifo = readFieldPath(root, 'queue.FifoQueue') === true;
    if (key === 'mapping.BatchSize' && fifo) field.max = 10;
    // The default name has no ".fifo" suffix, which a FIFO queue's name needs (§3.3).
    if (key === 'queue.QueueName' && fifo) field.optional = false;
    const name = readFieldPath(root, 'queue.QueueName');
    if (key === 'queue.FifoQueue' && typeof name === 'string' && name.endsWith('.fifo'))
      field.optional = false;
    if (key === 'mapping.MaximumBatchingWindowInSeconds') {
      const batch = asInt(readFieldPath(root, 'mapping.BatchSize')) ?? 10;
      if (fifo) field.max = 0;
      else if (batch > 10) {
        // Leaving it out means 0, which AWS refuses for a batch over 10 (§9): it must be set.
        field.min = 1;
        field.optional = false;
      }
    }
  }
  if ((kind === 'kinesis' || kind === 'dynamodb') && key === 'mapping.MaximumRecordAgeInSeconds') {
    field.min = 60; // −1 or 60–604,800 (§3.4): the sentinel covers −1
  }
  if (kind === 'kinesis' || kind === 'dynamodb') {
    if (key === 'mapping.MaximumRetryAttempts') field.min = 0; // −1 is the sentinel
    const atTimestamp = readFieldPath(root, 'mapping.StartingPosition') === 'AT_TIMESTAMP';
    if (key === 'mapping.StartingPositionTimestamp' && atTimestamp) field.optional = false;
    if (key === 'mapping.StartingPosition' && kind === 'dynamodb') {
      field.values = field.values?.filter((v) => v !== 'AT_TIMESTAMP');
    }
  }
}

function describe(
  spec: FieldSpec,
  kind: SectionKind,
  base: string,
  draft: unknown,
  sourceType?: string,
): FieldDescriptor | null {
  const root = base ? readFieldPath(draft, base) : draft;
  const path = base ? `${base}.${spec.key}` : spec.key;
  if (spec.onlyFor && readFieldPath(root, spec.key) === undefined) {
    const gate = readFieldPath(root, spec.onlyFor.key);
    if (typeof gate !== 'string' || !spec.onlyFor.values.includes(gate)) return null;
  }
  const { schema, optionalParents } = schemaAt(path, sourceType);
  const facts = factsOf(schema);
  const name = spec.key
    .split('.')
    .slice(-(spec.nameParts ?? 1))
    .join('.');
  const field: FieldDescriptor = {
    path,
    name,
    awsName: spec.awsName === undefined ? name : spec.awsName,
    label: spec.label,
    kind: facts.kind,
    // A required property of an optional object (RedrivePolicy.maxReceiveCount) may be cleared too: the
    // object goes once nothing is left in it.
    optional: facts.optional || optionalParents > 0,
    dropEmpty: optionalParents,
    help: spec.help,
    ref: spec.ref,
  };
  if (spec.unit) field.unit = spec.unit;
  if (spec.group) field.group = spec.group;
  if (facts.min !== undefined) field.min = facts.min;
  if (facts.max !== undefined && facts.max < Number.MAX_SAFE_INTEGER) field.max = facts.max;
  if (facts.kind === 'integer') field.step = 1;
  if (spec.sentinel) field.sentinel = spec.sentinel;
  const fallback = facts.default !== undefined ? facts.default : spec.awsDefault;
  if (typeof fallback === 'string' || typeof fallback === 'number' || typeof fallback === 'boolean')
    field.default = fallback;
  if (spec.defaultNote) field.defaultNote = spec.defaultNote;
  if (facts.values) field.values = facts.values;
  if (facts.flag) field.flag = facts.flag;
  applyContext(field, spec.key, kind, root, draft);
  return field;
}

const SOURCE_TITLES: Record<string, string> = {
  sync: 'Synchronous caller',
  async: 'Asynchronous source',
  sqs: 'SQS queue',
  kinesis: 'Kinesis stream',
  dynamodb: 'DynamoDB stream',
};

function section(
  id: string,
  kind: SectionKind,
  title: string,
  owns: string[],
  base: string,
  draft: unknown,
  sourceType?: string,
): FieldSection {
  const fields = FIELD_SPECS[kind]
    .map((spec) => describe(spec, kind, base, draft, sourceType))
    .filter((f): f is FieldDescriptor => f !== null);
  return { id, kind, title, owns, fields };
}

/**
 * The form's sections for a draft scenario (which may be invalid): the function, its asynchronous
 * configuration, the account (when the draft has one), and one section per source of a known type.
 */
export function catalogFor(draft: unknown): FieldSection[] {
  const sections: FieldSection[] = [
    section('function', 'function', 'Function', ['function'], 'function', draft),
    section(
      'async-config',
      'async-config',
      'Asynchronous invocation',
      ['function.EventInvokeConfig', 'function.DeadLetterConfig'],
      'function',
      draft,
    ),
  ];
  if (readFieldPath(draft, 'account') !== undefined) {
    sections.push(section('account', 'account', 'Account', ['account'], 'account', draft));
  }
  const sources = readFieldPath(draft, 'sources');
  if (Array.isArray(sources)) {
    sources.forEach((source: unknown, i) => {
      const type = readFieldPath(source, 'type');
      if (typeof type !== 'string' || !(type in SOURCE_TITLES)) return;
      const id = readFieldPath(source, 'id');
      const title = `${SOURCE_TITLES[type]!} ${typeof id === 'string' && id ? `“${id}”` : `#${i + 1}`}`;
      const base = `sources[${i}]`;
      sections.push(section(`source-${i}`, type as SectionKind, title, [base], base, draft, type));
    });
  }
  return sections;
}
