/**
 * The editor's field catalog agrees with validation: every descriptor's path is a property the schema
 * knows, its range is exactly what `validateScenario` accepts (bounds in, one step outside out, at that
 * path), its allowed values are accepted and nothing else is, and its default is what a scenario without
 * the property gets.
 */
import { describe, expect, it } from 'vitest';
import {
  catalogFor,
  FIELD_SPECS,
  parseFieldPath,
  readFieldPath,
  type FieldDescriptor,
} from '../../src/scenarios/fieldCatalog';
import { PRESET_IDS, presetSource } from '../../src/scenarios/presets/presetSources';
import { validateScenario, type ValidationIssue } from '../../src/scenarios/validate';
import { base, scenarioWith, set, unset, type Json } from './helpers';

/** Presets plus a few scenarios that reach settings no preset sets. */
function fixtures(): Array<[string, Json]> {
  const presets = PRESET_IDS.map((id): [string, Json] => [id, presetSource(id) as Json]);
  const cli = scenarioWith({
    'sources[0].caller': 'aws-cli',
    'sources[0].maxAttempts': 3,
    'sources[0].retryMode': 'standard',
    'sources[0].readTimeoutSeconds': 60,
  });
  const provisioned = scenarioWith({
    'function.ReservedConcurrentExecutions': 50,
    'function.ProvisionedConcurrencyConfig': { ProvisionedConcurrentExecutions: 5 },
  });
  const atTimestamp = scenarioWith({
    'sources[0]': {
      type: 'kinesis',
      id: 'stream',
      mapping: { StartingPosition: 'AT_TIMESTAMP', StartingPositionTimestamp: 5 },
      records: [{ id: 'r' }],
    },
  });
  return [...presets, ['aws-cli caller', cli], ['provisioned', provisioned], ['AT_TIMESTAMP', atTimestamp]];
}

const copy = (json: Json): Json => structuredClone(json);

/** Errors at the field's path or inside it (e.g. `Architectures[0]`). */
function errorsAt(json: Json, path: string): ValidationIssue[] {
  const result = validateScenario(json);
  if (result.ok) return [];
  return result.errors.filter(
    (e) => e.path === path || e.path.startsWith(`${path}.`) || e.path.startsWith(`${path}[`),
  );
}

function unknownProperties(json: Json): ValidationIssue[] {
  const result = validateScenario(json);
  return result.ok ? [] : result.errors.filter((e) => e.message.startsWith('unknown property'));
}

/** The value a field stores for a form value (`choice-list` and `flag` are arrays). */
function stored(field: FieldDescriptor, value: string | number | boolean): unknown {
  if (field.kind === 'choice-list') return [value];
  if (field.kind === 'flag') return value === true ? [field.flag] : [];
  return value;
}

/** Removes a property and then the enclosing objects this leaves empty, as far as `dropEmpty` allows (as the form does). */
function unsetPruning(json: Json, path: string, dropEmpty: number): Json {
  unset(json, path);
  const segments = parseFieldPath(path);
  for (let n = segments.length - 1; n >= segments.length - dropEmpty; n--) {
    const parent = readFieldPath(json, segments.slice(0, n));
    if (parent === null || typeof parent !== 'object' || Object.keys(parent).length > 0) break;
    const owner = readFieldPath(json, segments.slice(0, n - 1)) as Record<PropertyKey, unknown>;
    delete owner[segments[n - 1]!];
  }
  return json;
}

const everyField = fixtures().flatMap(([name, json]) =>
  catalogFor(json).flatMap((section) => section.fields.map((field) => ({ name, json, field }))),
);

describe('fieldCatalog: sections of a scenario', () => {
  it('has the function, its asynchronous configuration, the account when present, and one section per source', () => {
    const sqs = presetSource('sqs-scaling') as Json;
    expect(catalogFor(sqs).map((s) => [s.id, s.kind, s.title])).toEqual([
      ['function', 'function', 'Function'],
      ['async-config', 'async-config', 'Asynchronous invocation'],
      ['account', 'account', 'Account'],
      ['source-0', 'sqs', 'SQS queue “orders”'],
    ]);
    expect(catalogFor(base()).map((s) => s.id)).toEqual(['function', 'async-config', 'source-0']);
  });

  it('every preset gets a section for each of its sources, titled with the source id', () => {
    for (const id of PRESET_IDS) {
      const json = presetSource(id) as Json;
      const sources = json.sources as Array<{ id: string }>;
      const titles = catalogFor(json)
        .filter((s) => s.id.startsWith('source-'))
        .map((s) => s.title);
      expect(titles, id).toHaveLength(sources.length);
      sources.forEach((source, i) => expect(titles[i], id).toContain(`“${source.id}”`));
    }
  });

  it('still describes a draft with wrong values or an unknown source type', () => {
    const draft = scenarioWith({ 'function.Timeout': 'abc', 'account.ConcurrentExecutions': 'many' });
    (draft.sources as unknown[]).push({ type: 'lambda-url', id: 'x' }, 42);
    const sections = catalogFor(draft);
    expect(sections.map((s) => s.id)).toEqual(['function', 'async-config', 'account', 'source-0']);
    // Without a readable account quota the default quota (1,000) bounds reserved concurrency.
    expect(sections[0]!.fields.find((f) => f.name === 'ReservedConcurrentExecutions')?.max).toBe(900);
    expect(catalogFor(null).map((s) => s.id)).toEqual(['function', 'async-config']);
  });

  it('each section owns the path prefixes whose issues it shows', () => {
    const sections = catalogFor(presetSource('default'));
    expect(sections.find((s) => s.id === 'async-config')?.owns).toEqual([
      'function.EventInvokeConfig',
      'function.DeadLetterConfig',
    ]);
    expect(sections.find((s) => s.id === 'source-0')?.owns).toEqual(['sources[0]']);
  });
});

describe('fieldCatalog: descriptors', () => {
  it('every descriptor has AWS name, label, help line ending in a full stop, and a § of aws-semantics.md', () => {
    expect(everyField.length).toBeGreaterThan(300);
    for (const { field } of everyField) {
      expect(field.name, field.path).toMatch(/^[A-Za-z.]+$/);
      expect(field.path.endsWith(field.name), field.path).toBe(true);
      expect(field.label.length, field.path).toBeGreaterThan(2);
      expect(field.help, field.path).toMatch(/^[A-Z0-9a-z"'−].*\.$/);
      expect(field.ref, field.path).toMatch(/^§\d+(\.\d+)?(, §\d+(\.\d+)?)*$/);
    }
  });

  it('AWS properties keep their AWS names; simulation-only settings say so', () => {
    const fields = catalogFor(fixtures().find(([n]) => n === 'aws-cli caller')![1]).flatMap((s) => s.fields);
    const byName = new Map(fields.map((f) => [f.name, f]));
    expect(byName.get('Timeout')?.awsName).toBe('Timeout');
    expect(byName.get('MaximumRetryAttempts')?.path).toBe('function.EventInvokeConfig.MaximumRetryAttempts');
    expect(byName.get('DestinationConfig.OnFailure.Destination')?.awsName).toBe(
      'DestinationConfig.OnFailure.Destination',
    );
    expect(byName.get('maxAttempts')?.awsName).toBe('max_attempts');
    expect(byName.get('caller')?.awsName).toBeNull();
  });

  it('units: seconds, milliseconds, MB, hours and counts', () => {
    const units = new Map(everyField.map(({ field }) => [field.name, field.unit]));
    expect(units.get('Timeout')).toBe('s');
    expect(units.get('MemorySize')).toBe('MB');
    expect(units.get('TimeoutInMillis')).toBe('ms');
    expect(units.get('RetentionPeriodHours')).toBe('h');
    expect(units.get('BatchSize')).toBe('count');
    expect(units.get('VisibilityTimeout')).toBe('s');
  });

  it('§1.2 Timeout: 1–900 s in whole seconds, default 3, from the schema', () => {
    const timeout = catalogFor(base())[0]!.fields.find((f) => f.name === 'Timeout')!;
    expect(timeout).toMatchObject({
      path: 'function.Timeout',
      kind: 'integer',
      min: 1,
      max: 900,
      step: 1,
      default: 3,
      optional: true,
      ref: '§1.2',
    });
  });

  it('§2.2 the asynchronous settings are optional, with AWS defaults 2 retries and 6 hours', () => {
    const fields = catalogFor(base())[1]!.fields;
    expect(fields.map((f) => [f.name, f.min, f.max, f.default, f.optional])).toEqual([
      ['MaximumRetryAttempts', 0, 2, 2, true],
      ['MaximumEventAgeInSeconds', 60, 21_600, 21_600, true],
      ['DestinationConfig.OnSuccess.Destination', undefined, undefined, undefined, true],
      ['DestinationConfig.OnFailure.Destination', undefined, undefined, undefined, true],
      ['DeadLetterConfig.TargetArn', undefined, undefined, undefined, true],
    ]);
  });

  it('dropEmpty counts the optional objects around a setting, up to the first required one', () => {
    const drops = (json: Json) =>
      Object.fromEntries(catalogFor(json).flatMap((s) => s.fields.map((f) => [f.name, f.dropEmpty])));
    expect(drops(presetSource('default') as Json)).toMatchObject({
      Timeout: 0,
      MaximumRetryAttempts: 1,
      'DestinationConfig.OnSuccess.Destination': 3,
      'DeadLetterConfig.TargetArn': 1,
      ProvisionedConcurrentExecutions: 1,
    });
    expect(drops(presetSource('sqs-redrive-to-dlq') as Json)).toMatchObject({
      VisibilityTimeout: 1,
      'RedrivePolicy.maxReceiveCount': 2,
      'ScalingConfig.MaximumConcurrency': 2,
    });
    expect(drops(presetSource('kinesis-bisect') as Json)).toMatchObject({
      StartingPosition: 0,
      'DestinationConfig.OnFailure.Destination': 2,
      ShardCount: 1,
    });
  });

  it('§3.4 stream retries and record age: −1 is a sentinel beside the range', () => {
    const fields = catalogFor(presetSource('kinesis-bisect'))[2]!.fields;
    const retries = fields.find((f) => f.name === 'MaximumRetryAttempts')!;
    const age = fields.find((f) => f.name === 'MaximumRecordAgeInSeconds')!;
    expect([retries.min, retries.max, retries.sentinel?.value, retries.default]).toEqual([0, 10_000, -1, -1]);
    expect([age.min, age.max, age.sentinel?.value, age.default]).toEqual([60, 604_800, -1, -1]);
  });

  it('enums list the schema values; DynamoDB has no AT_TIMESTAMP and no retention setting (§3.5)', () => {
    const kinesis = catalogFor(presetSource('kinesis-bisect'))[2]!.fields;
    const dynamo = catalogFor(presetSource('dynamodb-poison-default'))[2]!.fields;
    const position = (fields: FieldDescriptor[]) => fields.find((f) => f.name === 'StartingPosition');
    expect(position(kinesis)?.values).toEqual(['LATEST', 'AT_TIMESTAMP', 'TRIM_HORIZON']);
    expect(position(kinesis)?.optional).toBe(false);
    expect(position(dynamo)?.values).toEqual(['LATEST', 'TRIM_HORIZON']);
    expect(dynamo.some((f) => f.name === 'RetentionPeriodHours')).toBe(false);
    const arch = catalogFor(base())[0]!.fields.find((f) => f.name === 'Architectures')!;
    expect([arch.kind, arch.values, arch.default]).toEqual(['choice-list', ['x86_64', 'arm64'], 'x86_64']);
    const flag = catalogFor(presetSource('sqs-scaling'))[3]!.fields.find(
      (f) => f.name === 'FunctionResponseTypes',
    )!;
    expect([flag.kind, flag.flag, flag.default]).toEqual(['flag', 'ReportBatchItemFailures', false]);
  });

  it('§1.4 caller settings appear for the callers that use them, or when they are set', () => {
    const names = (json: Json) => catalogFor(json)[2]!.fields.map((f) => f.name);
    expect(names(base())).toEqual(['caller']);
    expect(names(scenarioWith({ 'sources[0].caller': 'aws-sdk' }))).toEqual([
      'caller',
      'retryMode',
      'maxAttempts',
      'readTimeoutSeconds',
    ]);
    expect(names(scenarioWith({ 'sources[0].caller': 'api-gateway' }))).toEqual([
      'caller',
      'TimeoutInMillis',
    ]);
    expect(names(scenarioWith({ 'sources[0].maxAttempts': 2 }))).toEqual(['caller', 'maxAttempts']);
    const stream = (position: string) =>
      catalogFor(
        scenarioWith({
          'sources[0]': { type: 'kinesis', id: 's', mapping: { StartingPosition: position }, records: [{}] },
        }),
      )[2]!.fields.map((f) => f.name);
    expect(stream('LATEST')).not.toContain('StartingPositionTimestamp');
    expect(stream('AT_TIMESTAMP')).toContain('StartingPositionTimestamp');
  });

  it('§4 ranges follow the other settings: reserved ≤ account − 100, provisioned ≤ reserved', () => {
    const fields = (json: Json) => catalogFor(json)[0]!.fields;
    const max = (json: Json, name: string) => fields(json).find((f) => f.name === name)?.max;
    expect(max(base(), 'ReservedConcurrentExecutions')).toBe(900);
    expect(max(scenarioWith({ 'account.ConcurrentExecutions': 5000 }), 'ReservedConcurrentExecutions')).toBe(
      4900,
    );
    expect(max(base(), 'ProvisionedConcurrentExecutions')).toBe(900);
    expect(
      max(scenarioWith({ 'function.ReservedConcurrentExecutions': 40 }), 'ProvisionedConcurrentExecutions'),
    ).toBe(40);
  });

  it('§3.1 §3.3 SQS batching: FIFO batches ≤ 10 without a window; a standard batch over 10 needs a window ≥ 1', () => {
    const mapping = (json: Json) => catalogFor(json).find((s) => s.kind === 'sqs')!.fields;
    const get = (json: Json, name: string) => mapping(json).find((f) => f.name === name)!;
    const fifo = presetSource('sqs-fifo-group-blocking') as Json;
    expect(get(fifo, 'BatchSize').max).toBe(10);
    expect(get(fifo, 'MaximumBatchingWindowInSeconds').max).toBe(0);
    const big = set(copy(presetSource('sqs-scaling') as Json), 'sources[0].mapping.BatchSize', 100);
    expect(get(big, 'MaximumBatchingWindowInSeconds').min).toBe(1);
    expect(get(presetSource('sqs-scaling') as Json, 'MaximumBatchingWindowInSeconds').min).toBe(0);
  });

  it('FIELD_SPECS keys are unique within each kind of section', () => {
    for (const [kind, specs] of Object.entries(FIELD_SPECS)) {
      expect(new Set(specs.map((s) => s.key)).size, kind).toBe(specs.length);
    }
  });
});

describe('fieldCatalog agrees with validateScenario', () => {
  it('every path is a property the schema knows: setting a valid value there adds no unknown-property error', () => {
    for (const { name, json, field } of everyField) {
      const value =
        field.default ??
        field.min ??
        field.values?.[0] ??
        (field.kind === 'boolean' ? true : 'arn:aws:sqs:us-east-1:123456789012:q');
      const edited = set(copy(json), field.path, stored(field, value));
      expect(unknownProperties(edited), `${name}: ${field.path}`).toEqual([]);
    }
  });

  it('numbers: min and max are accepted, one step outside is rejected at that path', () => {
    let checked = 0;
    for (const { name, json, field } of everyField) {
      if (field.kind !== 'integer' && field.kind !== 'number') continue;
      const at = `${name}: ${field.path}`;
      if (field.min !== undefined && field.max !== undefined && field.min > field.max) continue;
      if (field.min !== undefined) {
        expect(errorsAt(set(copy(json), field.path, field.min), field.path), `${at} = min`).toEqual([]);
        let below = field.min - 1;
        if (below === field.sentinel?.value) below -= 1;
        expect(
          errorsAt(set(copy(json), field.path, below), field.path).length,
          `${at} = ${below}`,
        ).toBeGreaterThan(0);
      }
      if (field.max !== undefined) {
        expect(errorsAt(set(copy(json), field.path, field.max), field.path), `${at} = max`).toEqual([]);
        expect(
          errorsAt(set(copy(json), field.path, field.max + 1), field.path).length,
          `${at} = max + 1`,
        ).toBeGreaterThan(0);
      }
      if (field.sentinel) {
        expect(
          errorsAt(set(copy(json), field.path, field.sentinel.value), field.path),
          `${at} sentinel`,
        ).toEqual([]);
      }
      if (field.kind === 'integer' && field.min !== undefined) {
        expect(errorsAt(set(copy(json), field.path, field.min + 0.5), field.path).length, at).toBeGreaterThan(
          0,
        );
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(150);
  });

  it('schema ranges are worded as AWS words them (§9)', () => {
    const timeout = errorsAt(scenarioWith({ 'function.Timeout': 901 }), 'function.Timeout');
    expect(timeout.map((e) => e.message)).toEqual([
      "1 validation error detected: Value '901' at 'timeout' failed to satisfy constraint: Member must have value less than or equal to 900",
    ]);
    const memory = errorsAt(scenarioWith({ 'function.MemorySize': 127 }), 'function.MemorySize');
    expect(memory[0]?.message).toMatch(/Member must have value greater than or equal to 128$/);
  });

  it('choices: every allowed value is accepted; any other is rejected with the enum constraint', () => {
    let checked = 0;
    for (const { name, json, field } of everyField) {
      if (field.kind !== 'choice' && field.kind !== 'choice-list') continue;
      for (const value of field.values ?? []) {
        expect(
          errorsAt(set(copy(json), field.path, stored(field, value)), field.path),
          `${name}: ${value}`,
        ).toEqual([]);
      }
      const wrong = errorsAt(set(copy(json), field.path, stored(field, 'bogus')), field.path);
      expect(wrong[0]?.message, `${name}: ${field.path}`).toMatch(/Member must satisfy enum value set: \[/);
      checked++;
    }
    expect(checked).toBeGreaterThan(30);
    // The value the DynamoDB descriptor leaves out is the one validation refuses.
    const dynamo = set(
      copy(presetSource('dynamodb-poison-default') as Json),
      'sources[0].mapping.StartingPosition',
      'AT_TIMESTAMP',
    );
    expect(errorsAt(dynamo, 'sources[0].mapping.StartingPosition')[0]?.message).toMatch(
      /^Unsupported starting position for arn type: /,
    );
  });

  it('booleans and flags: on and off are both accepted, other values are not', () => {
    for (const { name, json, field } of everyField) {
      if (field.kind !== 'boolean' && field.kind !== 'flag') continue;
      // FifoQueue must agree with the queue name's ".fifo" suffix: checked below.
      if (field.name === 'FifoQueue') continue;
      for (const on of [true, false]) {
        expect(errorsAt(set(copy(json), field.path, stored(field, on)), field.path), `${name} ${on}`).toEqual(
          [],
        );
      }
      expect(errorsAt(set(copy(json), field.path, 'yes'), field.path).length, name).toBeGreaterThan(0);
    }
  });

  it('§3.3 FifoQueue: accepted when the name agrees, refused at FifoQueue when a .fifo name says otherwise', () => {
    const fifo = presetSource('sqs-fifo-group-blocking') as Json;
    const standard = presetSource('sqs-batch-success') as Json;
    const path = 'sources[0].queue.FifoQueue';
    expect(errorsAt(copy(fifo), path)).toEqual([]);
    expect(errorsAt(set(copy(standard), path, false), path)).toEqual([]);
    expect(errorsAt(set(copy(fifo), path, false), path)[0]?.message).toMatch(
      /is a FIFO queue: set FifoQueue to true/,
    );
  });

  it('defaults: a scenario without the property gets the descriptor’s default', () => {
    let checked = 0;
    for (const { name, json, field } of everyField) {
      if (field.default === undefined) continue;
      const without = unset(copy(json), field.path);
      const result = validateScenario(without);
      if (!result.ok) continue; // e.g. an EventInvokeConfig left empty, which AWS refuses
      const got = readFieldPath(result.scenario, field.path);
      const spec = Object.values(FIELD_SPECS)
        .flat()
        .find((s) => field.path.endsWith(s.key) && s.awsDefault !== undefined);
      if (got === undefined) {
        // Left out by the schema: the default is AWS's, written in the spec with its source.
        expect(spec?.awsDefault, `${name}: ${field.path}`).toBe(field.default);
      } else {
        expect(got, `${name}: ${field.path}`).toEqual(stored(field, field.default));
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(150);
  });

  it('optional fields may be left out (with the objects that leaves empty) without an error there; required ones may not', () => {
    for (const { name, json, field } of everyField) {
      const errors = errorsAt(unsetPruning(copy(json), field.path, field.dropEmpty), field.path);
      if (field.optional) {
        if (errors.length === 0) continue;
        // Required within an optional object (RedrivePolicy needs both its properties): leaving it out
        // alone is refused, leaving the object out is not.
        expect(errors[0]?.message ?? `no error at ${name}: ${field.path}`, `${name}: ${field.path}`).toMatch(
          /Member must not be null\.$/,
        );
        const parent = field.path.slice(0, field.path.lastIndexOf('.'));
        expect(errorsAt(unset(copy(json), parent), parent), `${name}: ${parent}`).toEqual([]);
      } else
        expect(errors[0]?.message ?? `no error at ${name}: ${field.path}`, `${name}: ${field.path}`).toMatch(
          /Member must not be null\.|enum value set|must be greater than 0 if maximum batch size|must end with \.fifo suffix|is a FIFO queue|needs StartingPositionTimestamp/,
        );
    }
  });
});

describe('field paths', () => {
  it('parse and read paths with indexes', () => {
    expect(parseFieldPath('sources[0].queue.RedrivePolicy.maxReceiveCount')).toEqual([
      'sources',
      0,
      'queue',
      'RedrivePolicy',
      'maxReceiveCount',
    ]);
    expect(parseFieldPath('a[1][2].b')).toEqual(['a', 1, 2, 'b']);
    const json = { sources: [{ queue: { VisibilityTimeout: 30 } }] };
    expect(readFieldPath(json, 'sources[0].queue.VisibilityTimeout')).toBe(30);
    expect(readFieldPath(json, 'sources[1].queue')).toBeUndefined();
    expect(readFieldPath(json, 'sources.queue')).toBeUndefined();
    expect(readFieldPath(42, 'a')).toBeUndefined();
    expect(() => parseFieldPath('a]b')).toThrow(/not a field path/);
  });
});
