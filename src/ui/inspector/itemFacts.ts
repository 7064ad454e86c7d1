/**
 * What the inspector says about one item beyond its log: the payload it arrived with (from the scenario's
 * workload, which the results do not repeat) and, per attempt, the invocation that ran it — duration,
 * cold or warm, environment, billed time.
 */
import type { ResultInvocation, ResultItem } from '../../engine/results';
import type { Scenario } from '../../scenarios/schema';
import { workloadOf } from '../../scenarios/workload';
import type { RunResults } from '../../store/runSlice';

/** The payload an item arrived with: its workload entry's (ids are the entry's id, or with "-n" appended). */
export function itemPayload(scenario: Scenario, item: ResultItem): unknown {
  const source = scenario.sources.find((s) => s.id === item.source);
  if (!source) return undefined;
  for (const [r, entry] of workloadOf(source).entries()) {
    const base = entry.id ?? `${source.id}-${r + 1}`;
    if (entry.count === 1 ? item.id === base : item.id.startsWith(`${base}-`)) {
      if (entry.count > 1 && !/^\d+$/.test(item.id.slice(base.length + 1))) continue;
      return entry.payload ?? {};
    }
  }
  return undefined;
}

const indexes = new WeakMap<RunResults, Map<string, ResultInvocation>>();

/** The run's invocations by id (built once per run: a run may hold 100,000 of them). */
export function invocationsById(results: RunResults): Map<string, ResultInvocation> {
  let index = indexes.get(results);
  if (!index) {
    index = new Map(results.invocations.map((inv) => [inv.id, inv]));
    indexes.set(results, index);
  }
  return index;
}
