/**
 * Reading template text: CloudFormation's short-form tags become the long forms, JSON and YAML read the
 * same, and syntax errors name the line and column.
 */
import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../../src/scenarios/sam/parseTemplate';
import { fixture } from './samHelpers';

function read(text: string): unknown {
  const result = parseTemplate(text);
  if (!result.ok) expect.fail(result.errors.map((e) => e.message).join('\n'));
  return result.template.value;
}

describe('short-form tags → long forms', () => {
  it('!Ref and !Condition', () => {
    expect(read('A: !Ref Stage\nB: !Condition IsProd')).toEqual({
      A: { Ref: 'Stage' },
      B: { Condition: 'IsProd' },
    });
  });

  it('!GetAtt in its scalar form splits at the first dot; the sequence form is kept', () => {
    expect(
      read('A: !GetAtt Queue.Arn\nB: !GetAtt [Table, StreamArn]\nC: !GetAtt Db.Endpoint.Address'),
    ).toEqual({
      A: { 'Fn::GetAtt': ['Queue', 'Arn'] },
      B: { 'Fn::GetAtt': ['Table', 'StreamArn'] },
      C: { 'Fn::GetAtt': ['Db', 'Endpoint.Address'] },
    });
  });

  it('!Sub as a scalar and as a sequence with variables', () => {
    const text =
      "A: !Sub 'arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:q'\nB: !Sub\n  - '${Name}-x'\n  - Name: !Ref Stage";
    expect(read(text)).toEqual({
      A: { 'Fn::Sub': 'arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:q' },
      B: { 'Fn::Sub': ['${Name}-x', { Name: { Ref: 'Stage' } }] },
    });
  });

  it('every other function tag, nested in one another', () => {
    const text = [
      "J: !Join ['-', [!Ref Stage, orders]]",
      'I: !If [IsProd, 100, !Ref AWS::NoValue]',
      "S: !Select [1, !Split [',', 'a,b,c']]",
      'F: !FindInMap [Settings, !Ref Stage, BatchSize]',
      'V: !ImportValue shared-topic',
      'E: !Equals [!Ref Stage, prod]',
      'N: !Not [!Condition IsProd]',
      'A: !And [!Condition X, !Condition Y]',
      'O: !Or [!Condition X, !Condition Y]',
      "B: !Base64 'hi'",
      "Z: !GetAZs ''",
      "C: !Cidr ['10.0.0.0/16', 4, 8]",
    ].join('\n');
    expect(read(text)).toEqual({
      J: { 'Fn::Join': ['-', [{ Ref: 'Stage' }, 'orders']] },
      I: { 'Fn::If': ['IsProd', 100, { Ref: 'AWS::NoValue' }] },
      S: { 'Fn::Select': [1, { 'Fn::Split': [',', 'a,b,c'] }] },
      F: { 'Fn::FindInMap': ['Settings', { Ref: 'Stage' }, 'BatchSize'] },
      V: { 'Fn::ImportValue': 'shared-topic' },
      E: { 'Fn::Equals': [{ Ref: 'Stage' }, 'prod'] },
      N: { 'Fn::Not': [{ Condition: 'IsProd' }] },
      A: { 'Fn::And': [{ Condition: 'X' }, { Condition: 'Y' }] },
      O: { 'Fn::Or': [{ Condition: 'X' }, { Condition: 'Y' }] },
      B: { 'Fn::Base64': 'hi' },
      Z: { 'Fn::GetAZs': '' },
      C: { 'Fn::Cidr': ['10.0.0.0/16', 4, 8] },
    });
  });

  it('a tag on a mapping (!Base64 with a long-form function inside)', () => {
    expect(read("U: !Base64\n  Fn::Sub: 'echo ${Stage}'")).toEqual({
      U: { 'Fn::Base64': { 'Fn::Sub': 'echo ${Stage}' } },
    });
  });

  it('an unknown tag is read as plain text, with a note', () => {
    const result = parseTemplate('A: !Foo bar');
    expect(result.ok && result.template.value).toEqual({ A: 'bar' });
    expect(result.ok && result.template.notes[0]?.message).toMatch(
      /line 1, column 4: .*!Foo.*read as plain text/,
    );
  });

  it('YAML 1.2: a date stays a string, numbers are numbers', () => {
    expect(read("AWSTemplateFormatVersion: 2010-09-09\nT: 30\nQ: '30'")).toEqual({
      AWSTemplateFormatVersion: '2010-09-09',
      T: 30,
      Q: '30',
    });
  });

  it('keeps the line of every field', () => {
    const result = parseTemplate(
      'Resources:\n  Fn:\n    Type: X\n    Properties:\n      Timeout: 3\n      Layers:\n        - a',
    );
    if (!result.ok) throw new Error('parse failed');
    expect(result.template.positions.get('Resources.Fn.Properties.Timeout')).toEqual({ line: 5, column: 7 });
    expect(result.template.positions.get('Resources.Fn.Properties.Layers[0]')?.line).toBe(7);
  });

  it('cannot reach an object prototype through a __proto__ key', () => {
    const value = read('__proto__:\n  polluted: true') as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('JSON templates', () => {
  it('read like YAML, with positions', () => {
    const result = parseTemplate('{\n  "Resources": {\n    "Q": { "Type": "AWS::SQS::Queue" }\n  }\n}');
    if (!result.ok) throw new Error('parse failed');
    expect(result.template.value).toEqual({ Resources: { Q: { Type: 'AWS::SQS::Queue' } } });
    expect(result.template.positions.get('Resources.Q')?.line).toBe(3);
  });

  it('a JSON syntax error names the line and column', () => {
    const result = parseTemplate('{\n  "Resources": {\n    "Q": { "Type": "AWS::SQS::Queue" },\n  }\n}');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toMatchObject({ path: '(template)', line: 4 });
    expect(!result.ok && result.errors[0]!.message).toMatch(/^JSON syntax error at line 4, column 3/);
  });

  it('a byte-order mark is skipped', () => {
    expect(read('\ufeff{"A": 1}')).toEqual({ A: 1 });
  });
});

describe('YAML errors', () => {
  it('a syntax error names the line and column (bad-yaml.template)', () => {
    const result = parseTemplate(fixture('bad-yaml.template'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]!.message).toMatch(
      /^YAML syntax error at line \d+, column \d+: Flow (map|sequence)/,
    );
    expect(result.errors[0]!.line).toBeGreaterThanOrEqual(9);
  });

  it('a duplicate key is an error at its line', () => {
    const result = parseTemplate('Resources:\n  Fn:\n    Type: A\n    Type: B');
    expect(!result.ok && result.errors[0]!.message).toMatch(
      /^YAML syntax error at line 4, column 5: Map keys must be unique/,
    );
  });

  it('an empty text says so', () => {
    const result = parseTemplate('   \n');
    expect(!result.ok && result.errors[0]!.message).toMatch(/empty/);
  });

  it('refuses aliases that expand without bound', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 6; i++) {
      const prev = String.fromCharCode(97 + i);
      const next = String.fromCharCode(98 + i);
      lines.push(
        `${next}: &${next} [*${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}]`,
      );
    }
    const result = parseTemplate(lines.join('\n'));
    expect(!result.ok && result.errors[0]!.message).toMatch(/aliases/);
  });
});
