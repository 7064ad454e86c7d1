/**
 * docs/scenario-format.md stays true to the software: its complete examples (one for callers, one per
 * poll-based source) validate without warnings, and it mentions every property the schema knows.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildScenarioJsonSchema } from '../../src/scenarios/jsonSchema';
import { parseScenarioJson } from '../../src/scenarios/validate';

const doc = readFileSync(fileURLToPath(new URL('../../docs/scenario-format.md', import.meta.url)), 'utf8');

/** Every property name anywhere in a JSON Schema. */
function propertyNames(schema: unknown): Set<string> {
  const names = new Set<string>();
  const visit = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const record = node as Record<string, unknown>;
    if (record.properties && typeof record.properties === 'object') {
      for (const [name, sub] of Object.entries(record.properties)) {
        names.add(name);
        visit(sub);
      }
    }
    for (const key of ['items', 'prefixItems', 'oneOf', 'anyOf']) visit(record[key]);
  };
  visit(schema);
  return names;
}

describe('docs/scenario-format.md', () => {
  const blocks = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!);
  /** The complete examples: every JSON block that is a whole scenario. */
  const complete = blocks.filter((text) => text.includes('"sources"'));

  it('§9 every complete example is a valid scenario with no warnings', () => {
    expect(complete.length).toBeGreaterThanOrEqual(5);
    for (const text of complete) {
      const result = parseScenarioJson(text);
      expect(result, text.slice(0, 120)).toMatchObject({ ok: true, warnings: [] });
    }
  });

  it('§3 there is a complete example for every source type, and for a FIFO queue', () => {
    const sources = complete.flatMap(
      (text) =>
        (JSON.parse(text) as { sources: Array<{ type: string; queue?: { FifoQueue?: boolean } }> }).sources,
    );
    expect(new Set(sources.map((s) => s.type))).toEqual(
      new Set(['sync', 'async', 'sqs', 'kinesis', 'dynamodb']),
    );
    expect(sources.some((s) => s.type === 'sqs' && s.queue?.FifoQueue === true)).toBe(true);
    expect(sources.some((s) => s.type === 'sqs' && !s.queue?.FifoQueue)).toBe(true);
  });

  it('documents every property of the format', () => {
    const inCode = new Set([...doc.matchAll(/`([^`\n]+)`/g)].flatMap((m) => m[1]!.split(/[^\w$]+/)));
    const missing = [...propertyNames(buildScenarioJsonSchema())].filter((name) => !inCode.has(name));
    expect(missing).toEqual([]);
  });
});
