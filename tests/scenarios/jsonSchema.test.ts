/**
 * The committed JSON Schema (public/scenario.schema.json) is exactly what `npm run schema` generates
 * from the zod schema, and every preset satisfies it. The check uses a small structural validator for
 * the keywords the generated schema uses (it fails on any other keyword, so it cannot silently skip one).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  buildScenarioJsonSchema,
  SCENARIO_SCHEMA_PATH,
  scenarioJsonSchemaText,
} from '../../src/scenarios/jsonSchema';
import { PRESET_IDS, presetSource } from '../../src/scenarios/presets';

const committedPath = fileURLToPath(new URL(`../../${SCENARIO_SCHEMA_PATH}`, import.meta.url));
type Schema = Record<string, unknown>;

const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', 'default']);
const CHECKED = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'enum',
  'const',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'minLength',
  'maxLength',
  'pattern',
  'items',
  'prefixItems',
  'minItems',
  'maxItems',
  'oneOf',
]);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Problems of `value` against `schema`, as `path: problem` strings (empty when it conforms). */
function check(schema: Schema | boolean, value: unknown, path = '$'): string[] {
  if (schema === true) return [];
  if (schema === false) return [`${path}: no value allowed here`];
  const problems: string[] = [];
  for (const key of Object.keys(schema)) {
    if (!ANNOTATIONS.has(key) && !CHECKED.has(key))
      problems.push(`${path}: the test does not know keyword ${key}`);
  }
  const type = schema.type as string | undefined;
  if (type) {
    const actual = typeOf(value);
    if (!(actual === type || (type === 'number' && actual === 'integer')))
      return [`${path}: expected ${type}, got ${actual}`];
  }
  if ('const' in schema && value !== schema.const) problems.push(`${path}: expected ${String(schema.const)}`);
  if (schema.enum && !(schema.enum as unknown[]).includes(value))
    problems.push(`${path}: ${String(value)} not in enum`);
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < (schema.minimum as number))
      problems.push(`${path}: below minimum`);
    if (schema.maximum !== undefined && value > (schema.maximum as number))
      problems.push(`${path}: above maximum`);
    if (schema.exclusiveMinimum !== undefined && value <= (schema.exclusiveMinimum as number)) {
      problems.push(`${path}: not above exclusiveMinimum`);
    }
  }
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < (schema.minLength as number))
      problems.push(`${path}: too short`);
    if (schema.maxLength !== undefined && value.length > (schema.maxLength as number))
      problems.push(`${path}: too long`);
    if (schema.pattern !== undefined && !new RegExp(schema.pattern as string, 'u').test(value)) {
      problems.push(`${path}: does not match ${String(schema.pattern)}`);
    }
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < (schema.minItems as number))
      problems.push(`${path}: too few items`);
    if (schema.maxItems !== undefined && value.length > (schema.maxItems as number))
      problems.push(`${path}: too many items`);
    const prefix = (schema.prefixItems as Schema[] | undefined) ?? [];
    value.forEach((v, i) => {
      const itemSchema = i < prefix.length ? prefix[i]! : (schema.items as Schema | boolean | undefined);
      if (itemSchema !== undefined) problems.push(...check(itemSchema, v, `${path}[${i}]`));
    });
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    const properties = (schema.properties as Record<string, Schema> | undefined) ?? {};
    for (const key of (schema.required as string[] | undefined) ?? []) {
      if (!(key in record)) problems.push(`${path}: missing ${key}`);
    }
    for (const [key, v] of Object.entries(record)) {
      if (properties[key]) problems.push(...check(properties[key], v, `${path}.${key}`));
      else if (schema.additionalProperties === false) problems.push(`${path}: unknown property ${key}`);
    }
  }
  if (schema.oneOf) {
    const matching = (schema.oneOf as Schema[]).filter((option) => check(option, value, path).length === 0);
    if (matching.length !== 1) problems.push(`${path}: matches ${matching.length} of oneOf`);
  }
  return problems;
}

/** Every subschema that describes an object property, with its path. */
function propertySchemas(schema: unknown, path = '$'): Array<[string, Schema]> {
  if (!schema || typeof schema !== 'object') return [];
  const out: Array<[string, Schema]> = [];
  const s = schema as Schema;
  for (const [key, sub] of Object.entries((s.properties as Record<string, Schema> | undefined) ?? {})) {
    out.push([`${path}.${key}`, sub], ...propertySchemas(sub, `${path}.${key}`));
  }
  for (const key of ['items', 'prefixItems', 'oneOf'] as const) {
    const value = s[key];
    for (const sub of Array.isArray(value) ? value : [value])
      out.push(...propertySchemas(sub, `${path}.${key}`));
  }
  return out;
}

describe('the scenario JSON Schema', () => {
  const schema = buildScenarioJsonSchema();
  const props = (s: unknown) => (s as { properties: Record<string, Schema> }).properties;

  it('the committed public/scenario.schema.json is what `npm run schema` generates', async () => {
    const committed = readFileSync(committedPath, 'utf8');
    expect(committed, 'public/scenario.schema.json is out of date: run `npm run schema`').toBe(
      await scenarioJsonSchemaText(),
    );
    expect(JSON.parse(committed)).toEqual(schema);
  });

  it('is draft 2020-12 with an $id, a title and a description', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('scenario.schema.json');
    expect(schema.title).toEqual(expect.any(String));
    expect(schema.description).toEqual(expect.any(String));
  });

  it('requires id, title, function and sources, and forbids unknown top-level keys', () => {
    expect(schema.required).toEqual(['id', 'title', 'function', 'sources']);
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(props(schema))).toContain('$schema');
  });

  it('§9 mirrors the zod ranges: Timeout 1–900 (default 3), MaximumRetryAttempts 0–2, MemorySize 128–10,240', () => {
    const fn = props(props(schema).function);
    expect(fn.Timeout).toMatchObject({ type: 'integer', minimum: 1, maximum: 900, default: 3 });
    expect(fn.MemorySize).toMatchObject({ type: 'integer', minimum: 128, maximum: 10_240, default: 128 });
    expect(props(fn.EventInvokeConfig).MaximumRetryAttempts).toMatchObject({
      type: 'integer',
      minimum: 0,
      maximum: 2,
    });
    expect(fn.ReservedConcurrentExecutions).toEqual(expect.objectContaining({ minimum: 0 }));
    expect(fn.ReservedConcurrentExecutions).not.toHaveProperty('maximum');
  });

  it('§1.5 lists the caller types of sync and async sources', () => {
    const [sync, async] = (props(schema).sources!.items as { oneOf: Schema[] }).oneOf;
    expect(props(sync).caller!.enum).toEqual(['direct', 'aws-cli', 'aws-sdk', 'api-gateway', 'alb']);
    expect(props(async).caller!.enum).toEqual(['direct', 's3', 'sns', 'eventbridge']);
  });

  it('describes every property, so editors can show help', () => {
    const undocumented = propertySchemas(schema)
      .filter(([, s]) => typeof s.description !== 'string' || s.description.length === 0)
      .map(([path]) => path);
    expect(undocumented).toEqual([]);
  });

  it('every preset conforms to it', () => {
    for (const id of PRESET_IDS) {
      expect(check(schema, presetSource(id)), id).toEqual([]);
    }
  });

  it('rejects what the validator rejects structurally (a sanity check of the test validator)', () => {
    const preset = structuredClone(presetSource('sync-success')) as unknown as Record<
      string,
      Record<string, unknown>
    >;
    preset.function!.Timeout = 901;
    preset.function!.timeout = 3;
    expect(check(schema, preset)).toEqual([
      '$.function.Timeout: above maximum',
      '$.function: unknown property timeout',
    ]);
  });
});
