/**
 * The scenario format as a JSON Schema (draft 2020-12), generated from the zod schema so the two cannot
 * disagree. Editors use it for completion and help (`"$schema": "./scenario.schema.json"`).
 * `npm run schema` writes it to public/scenario.schema.json; a test checks the committed copy is current.
 *
 * The JSON Schema checks structure, types and ranges only; the cross-field rules (reserved concurrency
 * leaves 100 unreserved, a function is not its own destination…) are enforced by `validateScenario`.
 */
import { z } from 'zod';
import { scenarioSchema } from './schema';

/** Where the app serves the schema, relative to its root; also the schema's `$id`. */
export const SCENARIO_SCHEMA_FILE = 'scenario.schema.json';

/** The repository path `npm run schema` writes to (relative to the repository root). */
export const SCENARIO_SCHEMA_PATH = `public/${SCENARIO_SCHEMA_FILE}`;

/** zod writes ±Number.MAX_SAFE_INTEGER for `.int()` without a bound; the schema is clearer without it. */
function dropSafeIntegerBounds(json: Record<string, unknown>): void {
  if (json.maximum === Number.MAX_SAFE_INTEGER) delete json.maximum;
  if (json.minimum === Number.MIN_SAFE_INTEGER) delete json.minimum;
}

/** Builds the scenario JSON Schema (what a scenario file may contain, defaults optional). */
export function buildScenarioJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(scenarioSchema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => dropSafeIntegerBounds(ctx.jsonSchema as Record<string, unknown>),
  }) as Record<string, unknown>;
  const { $schema, description: _rootDescription, ...rest } = generated;
  return {
    $schema,
    $id: SCENARIO_SCHEMA_FILE,
    title: 'Lambda invocation visualizer scenario',
    description:
      'A scenario: a Lambda function (AWS property names), its account, who invokes it and how the handler behaves. Structure, types and ranges only; the simulator also checks cross-field rules. See docs/scenario-format.md.',
    ...rest,
  };
}

// --- Writing the file (Node only) ---------------------------------------------------------------
// This module is also type-checked with the engine's Node-free config, so Node and Prettier are
// reached through untyped dynamic imports.

type Module = Record<string, unknown>;
const untypedImport = (specifier: string): Promise<Module> => import(/* @vite-ignore */ specifier);

interface NodeApis {
  argv: string[];
  /** Absolute path of this module's file. */
  thisFile: string;
  /** Absolute path of public/scenario.schema.json. */
  schemaFile: string;
  writeFile(file: string, text: string): void;
  print(line: string): void;
}

interface Prettier {
  resolveConfig(file: string): Promise<Record<string, unknown> | null>;
  format(text: string, options: Record<string, unknown>): Promise<string>;
}

async function nodeApis(): Promise<NodeApis | null> {
  const here = (import.meta as { url?: string }).url;
  if (!here?.startsWith('file:')) return null;
  const [proc, fs, url, path] = await Promise.all(
    ['node:process', 'node:fs', 'node:url', 'node:path'].map(untypedImport),
  );
  const fileURLToPath = url!.fileURLToPath as (url: string) => string;
  const resolve = path!.resolve as (...parts: string[]) => string;
  const thisFile = fileURLToPath(here);
  return {
    argv: proc!.argv as string[],
    thisFile,
    schemaFile: resolve(thisFile, '..', '..', '..', SCENARIO_SCHEMA_PATH),
    writeFile: fs!.writeFileSync as NodeApis['writeFile'],
    print: (line) => (proc!.stdout as { write(text: string): void }).write(`${line}\n`),
  };
}

/**
 * The schema file's exact text: JSON formatted by the repository's Prettier settings (so
 * `prettier --check` and the drift test agree), with a trailing newline. Node only.
 */
export async function scenarioJsonSchemaText(): Promise<string> {
  const node = await nodeApis();
  if (!node) throw new Error('scenarioJsonSchemaText needs Node');
  const prettier = (await untypedImport('prettier')) as unknown as Prettier;
  const config = (await prettier.resolveConfig(node.schemaFile)) ?? {};
  const json = JSON.stringify(buildScenarioJsonSchema(), null, 2);
  return prettier.format(json, { ...config, parser: 'json', filepath: node.schemaFile });
}

/** `npm run schema`: writes public/scenario.schema.json. */
async function runAsScript(): Promise<void> {
  const node = await nodeApis();
  if (!node || node.argv[1] !== node.thisFile) return;
  node.writeFile(node.schemaFile, await scenarioJsonSchemaText());
  node.print(`wrote ${SCENARIO_SCHEMA_PATH}`);
}

void runAsScript();
