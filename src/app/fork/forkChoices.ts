/**
 * What a fork can change, read from the scenario being shown: its settings (the editor's field catalog,
 * so names, ranges and help agree), a failure from the fork on, and one more event injected at the fork.
 * Each choice becomes a `ScenarioChange`; `changeScenario` checks them as the worker will.
 */
import type { ScenarioChange } from '../../protocol/messages';
import { catalogFor, readFieldPath, type FieldDescriptor } from '../../scenarios/fieldCatalog';
import { workloadKey } from '../../scenarios/scenarioChanges';
import type { Scenario } from '../../scenarios/schema';
import { workloadOf } from '../../scenarios/workload';

export interface ForkSettingGroup {
  title: string;
  fields: FieldDescriptor[];
}

// Names are a resource's identity (ARNs and records are built from them): renaming one mid-run would
// be a different resource, not a changed setting.
const IDENTITY = /(^|\.)(FunctionName|QueueName|StreamName|TableName|id)$/;

/** The settings a fork may change, grouped as the editor groups them. */
export function forkSettingGroups(scenario: Scenario): ForkSettingGroup[] {
  return catalogFor(scenario)
    .map((section) => ({
      title: section.title,
      fields: section.fields.filter((f) => !IDENTITY.test(f.path)),
    }))
    .filter((g) => g.fields.length > 0);
}

/** A setting's value as the scenario stores it, from what was typed or picked; or why it is not one. */
export function fieldValue(
  field: FieldDescriptor,
  input: string | boolean,
): { value: unknown } | { error: string } {
  switch (field.kind) {
    case 'boolean':
      return { value: input === true };
    case 'flag':
      return { value: input === true ? [field.flag] : [] };
    case 'choice':
      return { value: String(input) };
    case 'choice-list':
      return { value: [String(input)] };
    case 'text':
      return String(input).trim() === '' ? { error: 'Enter a value.' } : { value: String(input).trim() };
    default: {
      const text = String(input).trim();
      const n = Number(text);
      if (text === '' || !Number.isFinite(n)) return { error: 'Enter a number.' };
      if (field.kind === 'integer' && !Number.isInteger(n)) return { error: 'Enter a whole number.' };
      return { value: n };
    }
  }
}

/** A value in words for the list of changes: `180`, `ReportBatchItemFailures`, `true`. */
export function valueText(value: unknown): string {
  if (value === undefined) return 'not set';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map(String).join(', ');
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

/** The current value of a setting in the shown scenario (its default when not set). */
export function currentValue(scenario: Scenario, field: FieldDescriptor): unknown {
  return readFieldPath(scenario, field.path) ?? field.default;
}

export type InjectedFailure = 'error' | 'timeout' | 'service-error';

export const FAILURE_CHOICES: ReadonlyArray<{ value: InjectedFailure; label: string }> = [
  { value: 'error', label: 'throws an error on every attempt' },
  { value: 'timeout', label: 'runs past its Timeout on every attempt' },
  { value: 'service-error', label: 'fails inside Lambda before the code runs (HTTP 500)' },
];

/** From the fork on, every attempt fails this way: an outcome rule ahead of the scenario's own. */
export function failureChange(scenario: Scenario, failure: InjectedFailure, atMs: number): ScenarioChange {
  const rule =
    failure === 'error'
      ? {
          result: 'error',
          error: { errorType: 'InjectedFailure', errorMessage: `Injected at the fork (${atMs} ms)` },
        }
      : { result: failure };
  return { path: 'function.behavior.rules', value: [rule, ...scenario.function.behavior.rules] };
}

/** One more event from source `index` at the fork: a copy of its first workload entry, arriving once at `atMs`. */
export function injectionChange(scenario: Scenario, index: number, atMs: number): ScenarioChange {
  const source = scenario.sources[index]!;
  const entries = workloadOf(source);
  const first = entries[0]!;
  const injected = {
    ...structuredClone(first),
    id: `injected-${entries.length + 1}`,
    atMs,
    count: 1,
    everyMs: 0,
  };
  return { path: `sources.${index}.${workloadKey(source)}`, value: [...structuredClone(entries), injected] };
}
