/**
 * Fuzzing the SAM / CloudFormation importer (docs/sam-import.md): arbitrary text, the realistic templates
 * of the SAM tests damaged line by line, and template data with one field changed, written out by the
 * `yaml` package or as JSON. The importer never throws (nor hits its last-resort handler); a refusal names
 * a template path, or the whole template; an import it accepts is a valid scenario the engine runs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { createSimulation } from '../../src/engine/simulation';
import { importTemplate, type ImportResult } from '../../src/scenarios/sam';
import { parseTemplate } from '../../src/scenarios/sam/parseTemplate';
import { mustValidate } from '../../src/scenarios/validate';
import { FUZZ_TIMEOUT_MS, fuzzParams, fuzzSeed } from './fuzzConfig';
import { getAt, jsonPaths, setAt } from './fuzzHelpers';

const TEMPLATE_DIR = 'tests/scenarios/sam/templates';
const TEMPLATES: ReadonlyMap<string, string> = new Map(
  readdirSync(resolve(TEMPLATE_DIR)).map((name) => [name, readFileSync(resolve(TEMPLATE_DIR, name), 'utf8')]),
);
const NAMES = [...TEMPLATES.keys()];

/** Each fixture as data (long-form intrinsics), for the ones that parse. */
const TEMPLATE_DATA: ReadonlyMap<string, unknown> = new Map(
  NAMES.flatMap((name) => {
    const parsed = parseTemplate(TEMPLATES.get(name)!);
    return parsed.ok ? [[name, parsed.template.value] as const] : [];
  }),
);

/** The first key of a template path: `Resources.Fn.Properties.Timeout` → `Resources`. */
function topKey(path: string): string {
  return /^[^.[]*/.exec(path)![0];
}

/** The checks every answer of the importer must pass, for template `text`. */
function expectGoodImport(text: string, result: ImportResult): void {
  const lines = text.split(/\r\n|\r|\n/).length;
  if (result.ok) {
    // What the importer accepts, the gate accepts and the engine runs.
    const scenario = mustValidate(result.scenario);
    const sim = createSimulation(scenario, { seed: 3 });
    for (let i = 0; i < 500 && !sim.done(); i++) sim.step();
    expect(result.functions).toContain(result.functionLogicalId);
    for (const group of Object.values(result.report))
      for (const line of group) expect(line.path.trim().length, line.message).toBeGreaterThan(0);
    return;
  }
  expect(result.errors.length).toBeGreaterThan(0);
  const parsed = parseTemplate(text);
  const top =
    parsed.ok && parsed.template.value !== null && typeof parsed.template.value === 'object'
      ? Object.keys(parsed.template.value)
      : [];
  for (const e of result.errors) {
    expect(e.message.trim().length, e.path).toBeGreaterThan(0);
    // Only a bug reaches the importer's last-resort handler.
    expect(e.message, e.path).not.toMatch(/could not be imported/);
    const named = e.path === '(template)' || e.path === 'Resources' || top.includes(topKey(e.path));
    expect(named, `"${e.path}" names no part of the template: ${e.message}`).toBe(true);
    if (e.line !== undefined) {
      expect(e.line).toBeGreaterThanOrEqual(1);
      expect(e.line).toBeLessThanOrEqual(lines);
    }
  }
}

/** Imports twice: never throws, and the same text gives the same answer (no state kept between imports). */
function importChecked(text: string): void {
  const before = `${text}`;
  const result = importTemplate(text);
  expect(text).toBe(before);
  expectGoodImport(text, result);
  expect(importTemplate(text)).toEqual(result);
}

/** Line-level damage to a realistic template: delete, duplicate, re-indent, or insert text. */
const damagedTemplate = fc
  .tuple(
    fc.constantFrom(...NAMES),
    fc.array(
      fc.tuple(
        fc.constantFrom('delete', 'duplicate', 'indent', 'dedent', 'insert', 'replace-value'),
        fc.nat(),
        fc.oneof(
          fc.string({ maxLength: 6 }),
          fc.constantFrom(
            ':',
            '- ',
            '!Ref',
            '!GetAtt X.Y',
            '&a',
            '*a',
            '<<: *a',
            '"',
            "'",
            '{',
            '[',
            '#',
            '\t',
            '---',
            '...',
          ),
          fc.constantFrom(
            '-1',
            '0',
            '901',
            '1e999',
            '.nan',
            'null',
            '~',
            'true',
            'yes',
            '0x10',
            '99999999999999999999',
          ),
        ),
      ),
      { minLength: 1, maxLength: 3 },
    ),
  )
  .map(([name, edits]) => {
    const lines = TEMPLATES.get(name)!.split('\n');
    for (const [kind, at, text] of edits) {
      const i = at % lines.length;
      const line = lines[i]!;
      if (kind === 'delete') lines.splice(i, 1);
      else if (kind === 'duplicate') lines.splice(i, 0, line);
      else if (kind === 'indent') lines[i] = `  ${line}`;
      else if (kind === 'dedent') lines[i] = line.replace(/^ {1,2}/, '');
      else if (kind === 'insert')
        lines[i] = line.slice(0, at % (line.length + 1)) + text + line.slice(at % (line.length + 1));
      else lines[i] = line.includes(': ') ? `${line.slice(0, line.indexOf(': ') + 2)}${text}` : line;
      if (lines.length === 0) lines.push('');
    }
    return lines.join('\n');
  });

/** Template data with one field set to a random value, deleted, or given a value of another type. */
const changedTemplateData = fc
  .tuple(
    fc.constantFrom(...TEMPLATE_DATA.keys()),
    fc.nat(),
    fc.constantFrom('set', 'delete', 'edge'),
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom(
      0,
      -1,
      1,
      901,
      10_241,
      1e21,
      0.5,
      -0,
      '',
      'x',
      [],
      {},
      null,
      true,
      { Ref: 'Missing' },
      { 'Fn::GetAtt': ['Nope', 'Arn'] },
      { 'Fn::Sub': '${AWS::Region}-${Nope}' },
      { 'Fn::If': ['Cond', 1, 2] },
    ),
  )
  .map(([name, pick, kind, random, edge]) => {
    const data = structuredClone(TEMPLATE_DATA.get(name));
    const paths = jsonPaths(data);
    if (paths.length === 0) return data;
    const path = paths[pick % paths.length]!;
    if (kind === 'delete') setAt(data, path, undefined, true);
    else setAt(data, path, kind === 'set' ? random : edge);
    return data;
  });

describe('fuzz: the SAM / CloudFormation importer', () => {
  it(
    `fuzz (seed ${fuzzSeed(71)}): arbitrary text never makes importTemplate throw; refusals name the template or a part of it`,
    () => {
      const text = fc.oneof(
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.constantFrom(
          'Resources:',
          'Resources: {}',
          'Resources: []',
          '- a',
          '{}',
          '[]',
          '\uFEFF',
          'a: &a [*a]',
          'Resources: !Ref X',
          '%YAML 1.2\n---\n',
        ),
        fc.jsonValue().map((v) => stringify(v)),
      );
      fc.assert(fc.property(text, importChecked), fuzzParams(71, 150));
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    `fuzz (seed ${fuzzSeed(72)}): the SAM tests' templates damaged line by line are imported or refused at a template path`,
    () => {
      fc.assert(fc.property(damagedTemplate, importChecked), fuzzParams(72, 120));
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    `fuzz (seed ${fuzzSeed(73)}): template data with one field changed, written by the yaml package or as JSON, is imported or refused at a template path`,
    () => {
      fc.assert(
        fc.property(changedTemplateData, fc.boolean(), (data, asJson) => {
          importChecked(asJson ? JSON.stringify(data, null, 2) : stringify(data));
        }),
        fuzzParams(73, 120),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    `fuzz (seed ${fuzzSeed(74)}): a refused field keeps its path: errors of a changed template name the changed field or the resource that holds it`,
    () => {
      // A value of the wrong type in a function's own properties is refused at that property (or ignored).
      const fnProperty = fc.tuple(
        fc.constantFrom('Timeout', 'MemorySize', 'ReservedConcurrentExecutions'),
        fc.constantFrom(-1, 0, 901, 10_241, 1.5, 'abc', true, [1]),
      );
      fc.assert(
        fc.property(fnProperty, ([key, value]) => {
          const data = structuredClone(TEMPLATE_DATA.get('sqs-with-dlq.yaml')) as Record<string, unknown>;
          const path = ['Resources', 'OrdersFunction', 'Properties', key];
          expect(getAt(data, path.slice(0, -1))).toBeDefined();
          setAt(data, path, value);
          const text = stringify(data);
          const result = importTemplate(text);
          expectGoodImport(text, result);
          if (!result.ok)
            expect(
              result.errors.some((e) => e.path.startsWith('Resources.OrdersFunction')),
              JSON.stringify(result.errors),
            ).toBe(true);
        }),
        fuzzParams(74, 40),
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});
