/**
 * Reading a template's text, YAML or JSON, into plain data. CloudFormation's short-form tags (`!Ref X`,
 * `!GetAtt A.B`, `!Sub …`) become the long forms (`{Ref: X}`, `{'Fn::GetAtt': [A, B]}`, `{'Fn::Sub': …}`),
 * so everything after this file sees one notation. Syntax errors name the line and column; the position
 * of every field is kept so the report can point into the text.
 */
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type CollectionTag,
  type Document,
  type ScalarTag,
} from 'yaml';
import { locateJsonSyntaxError } from '../jsonSyntaxError';
import type { ReportLine, SourcePosition } from './report';

/** The short-form tags CloudFormation understands, and the long form each stands for. */
const INTRINSIC_TAGS: Record<string, string> = {
  Ref: 'Ref',
  Condition: 'Condition',
  GetAtt: 'Fn::GetAtt',
  Sub: 'Fn::Sub',
  Join: 'Fn::Join',
  If: 'Fn::If',
  Select: 'Fn::Select',
  Split: 'Fn::Split',
  FindInMap: 'Fn::FindInMap',
  ImportValue: 'Fn::ImportValue',
  Equals: 'Fn::Equals',
  Not: 'Fn::Not',
  And: 'Fn::And',
  Or: 'Fn::Or',
  Base64: 'Fn::Base64',
  GetAZs: 'Fn::GetAZs',
  Cidr: 'Fn::Cidr',
  Length: 'Fn::Length',
  ToJsonString: 'Fn::ToJsonString',
};

// The tags resolve to themselves: the node keeps its tag and `toData` below turns it into the long form.
// Each tag is declared for scalars, sequences and mappings, since CloudFormation allows any of them.
const CUSTOM_TAGS: Array<ScalarTag | CollectionTag> = Object.keys(INTRINSIC_TAGS).flatMap((name) => [
  { tag: `!${name}`, resolve: (value: string) => value },
  { tag: `!${name}`, collection: 'seq' as const, resolve: (value: unknown) => value },
  { tag: `!${name}`, collection: 'map' as const, resolve: (value: unknown) => value },
]);

/** A template read from text: its data, and where each field starts. */
export interface ParsedTemplate {
  value: unknown;
  positions: Map<string, SourcePosition>;
  /** Remarks that do not stop the import (an unknown tag, say). */
  notes: ReportLine[];
}

/** The template read, or its syntax errors. */
export type ParseResult = { ok: true; template: ParsedTemplate } | { ok: false; errors: ReportLine[] };

/** Aliases deeper than this are taken to loop (an anchor inside itself). */
const MAX_ALIAS_DEPTH = 50;
/** Alias expansions allowed in one template: nested aliases can otherwise grow exponentially ("billion laughs"). */
const MAX_ALIAS_EXPANSIONS = 10_000;

/** Appends a key or index to a dotted path with indexes (`Resources.Fn` + `Properties`). */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

/** Sets a property even when its name is `__proto__`, so pasted text cannot reach an object's prototype. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

interface Walk {
  doc: Document.Parsed;
  lines: LineCounter;
  positions: Map<string, SourcePosition>;
  /** Alias expansions left; below zero the template is refused. */
  aliasBudget: number;
  anchors: Map<unknown, unknown>;
}

function remember(walk: Walk, path: string, offset: number | undefined, depth: number): void {
  // Inside an alias the text is the anchor's, written elsewhere: the alias's own position stands for it.
  if (depth > 0 || offset === undefined || walk.positions.has(path)) return;
  const { line, col } = walk.lines.linePos(offset);
  walk.positions.set(path, { line: Math.max(1, line), column: col });
}

/** Wraps a tagged value in its long form; `!GetAtt A.B.C` splits at the first dot, as CloudFormation does. */
function longForm(tag: string, value: unknown): unknown {
  const name = INTRINSIC_TAGS[tag.slice(1)];
  if (!name) return value;
  if (name === 'Fn::GetAtt' && typeof value === 'string') {
    const dot = value.indexOf('.');
    return { [name]: dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
  }
  return { [name]: value };
}

function toData(walk: Walk, node: unknown, path: string, depth: number): unknown {
  if (isAlias(node)) {
    walk.aliasBudget -= 1;
    if (depth > MAX_ALIAS_DEPTH || walk.aliasBudget < 0) return null;
    // Resolving searches the document, so each alias is looked up once however often it is expanded.
    let target = walk.anchors.get(node);
    if (target === undefined) walk.anchors.set(node, (target = node.resolve(walk.doc)));
    return toData(walk, target, path, depth + 1);
  }
  let value: unknown;
  if (isScalar(node)) {
    value = node.value;
  } else if (isMap(node)) {
    const out: Record<string, unknown> = {};
    for (const pair of node.items) {
      const keyData = isScalar(pair.key) ? pair.key.value : toData(walk, pair.key, path, depth);
      const key = String(keyData);
      const at = childPath(path, key);
      remember(walk, at, isScalar(pair.key) ? pair.key.range?.[0] : undefined, depth);
      setOwn(out, key, toData(walk, pair.value, at, depth));
    }
    value = out;
  } else if (isSeq(node)) {
    value = node.items.map((item, i) => {
      const at = childPath(path, i);
      remember(walk, at, (item as { range?: [number] } | null)?.range?.[0], depth);
      return toData(walk, item, at, depth);
    });
  } else {
    return null; // an empty value (`Key:` with nothing after it)
  }
  const tag = (node as { tag?: string }).tag;
  return tag && tag.startsWith('!') ? longForm(tag, value) : value;
}

function yamlIssue(
  lines: LineCounter,
  error: { pos: [number, number]; message: string },
  kind: string,
): ReportLine {
  const { line, col } = lines.linePos(error.pos[0]);
  const row = Math.max(1, line);
  // The parser's message may carry a source excerpt after a colon and newline; the first line says it.
  const what = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return { path: '(template)', message: `${kind} at line ${row}, column ${col}: ${what}`, line: row };
}

function parseYaml(text: string): ParseResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, {
    customTags: CUSTOM_TAGS,
    lineCounter: lines,
    prettyErrors: false,
    uniqueKeys: true,
    merge: true,
  });
  if (doc.errors.length > 0) {
    return { ok: false, errors: doc.errors.map((e) => yamlIssue(lines, e, 'YAML syntax error')) };
  }
  const walk: Walk = {
    doc,
    lines,
    positions: new Map(),
    aliasBudget: MAX_ALIAS_EXPANSIONS,
    anchors: new Map(),
  };
  const value = toData(walk, doc.contents, '', 0);
  if (walk.aliasBudget < 0) {
    return {
      ok: false,
      errors: [
        {
          path: '(template)',
          message: `The template expands YAML aliases more than ${MAX_ALIAS_EXPANSIONS} times; it is refused`,
        },
      ],
    };
  }
  const notes = doc.warnings.map((w) => {
    const note = yamlIssue(lines, w, 'YAML');
    return /Unresolved tag/.test(w.message)
      ? {
          ...note,
          message: `${note.message}; CloudFormation knows no such tag, so the value is read as plain text`,
        }
      : note;
  });
  return { ok: true, template: { value, positions: walk.positions, notes } };
}

/**
 * Reads template text (YAML, or JSON, which is YAML too) into plain data with long-form intrinsics.
 * Never throws: syntax errors come back with their line and column.
 */
export function parseTemplate(input: string): ParseResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input; // a BOM from some editors
  if (!text.trim()) {
    return {
      ok: false,
      errors: [
        {
          path: '(template)',
          message: 'The template is empty: paste or open a SAM or CloudFormation template.',
        },
      ],
    };
  }
  const first = text.trimStart()[0];
  if (first === '{' || first === '[') {
    // JSON's own grammar gives the clearer message for JSON text; YAML would accept some broken JSON.
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      const located = locateJsonSyntaxError(text);
      const message = located
        ? `JSON syntax error at line ${located.line}, column ${located.column}: ${located.message}`
        : `JSON syntax error: ${e instanceof Error ? e.message : String(e)}`;
      return {
        ok: false,
        errors: [{ path: '(template)', message, ...(located ? { line: located.line } : {}) }],
      };
    }
    const viaYaml = parseYaml(text);
    // Valid JSON that YAML refuses (duplicate keys, which JSON.parse lets the last win) keeps JSON's value, without positions.
    return viaYaml.ok ? viaYaml : { ok: true, template: { value: json, positions: new Map(), notes: [] } };
  }
  return parseYaml(text);
}
