/**
 * Helpers of the misconfiguration-warning tests: find one warning, apply its fix the way a fork does, and
 * run its "see it happen" scenario through the engine.
 */
import { expect } from 'vitest';
import { run, type Run } from '../../helpers/scenario';
import type { Scenario } from '../../../src/scenarios/schema';
import { mustValidate, validateScenario } from '../../../src/scenarios/validate';
import { findWarnings, type ScenarioWarning } from '../../../src/scenarios/warnings';
import { changeScenario } from '../../../src/scenarios/scenarioChanges';

/** A validated scenario from the parts a test cares about. */
export function scenarioOf(input: Record<string, unknown>): Scenario {
  return mustValidate({ id: 'test', title: 'test', function: {}, ...input });
}

/** The ids of the warnings found. */
export function idsOf(scenario: Scenario): string[] {
  return findWarnings(scenario).map((w) => w.id);
}

/** The one warning with this id (fails the test when it is missing or there are several). */
export function warning(scenario: Scenario, id: string): ScenarioWarning {
  const found = findWarnings(scenario).filter((w) => w.id === id);
  expect(
    found.map((w) => w.id),
    `warnings: ${idsOf(scenario).join(', ')}`,
  ).toEqual([id]);
  return found[0]!;
}

/** The scenario with the warning's fix applied as a fork applies changes (validated). */
export function withFix(scenario: Scenario, w: ScenarioWarning): Scenario {
  const changed = changeScenario(
    scenario,
    w.fix.map(({ path, value }) => ({ path, value })),
  );
  if (!changed.ok) throw new Error(`the fix does not validate: ${JSON.stringify(changed.issues)}`);
  return changed.scenario;
}

/** What tells one warning from another of the same kind (another source, another setting). */
function keyOf(w: ScenarioWarning): string {
  return `${w.id} ${w.sourceId ?? ''} ${w.path}`;
}

/** The fix validates and removes the warning (the same kind may remain for another source). */
export function expectFixRemoves(scenario: Scenario, w: ScenarioWarning): Scenario {
  expect(w.fix.length, 'a fix has at least one change').toBeGreaterThan(0);
  const fixed = withFix(scenario, w);
  expect(findWarnings(fixed).map(keyOf)).not.toContain(keyOf(w));
  return fixed;
}

/** The demonstration scenario, validated; it still has the warning it demonstrates. */
export function demoOf(w: ScenarioWarning): Scenario {
  const raw = w.seeItHappen();
  const result = validateScenario(raw);
  if (!result.ok) throw new Error(`seeItHappen() does not validate: ${JSON.stringify(result.errors)}`);
  expect(idsOf(result.scenario), 'the demonstration keeps the misconfiguration').toContain(w.id);
  return result.scenario;
}

/** Runs the warning's demonstration to its end. */
export function runDemo(w: ScenarioWarning): Run {
  return run(demoOf(w));
}

/** Item attempts that ran the handler and failed in it (errors and timeouts). */
export function functionFailures(r: Run, itemId: string): number {
  const found = r.items.find((i) => i.id === itemId);
  return found ? found.attempts.filter((a) => a.result === 'error' || a.result === 'timeout').length : 0;
}

export const QUEUE_DLQ = 'arn:aws:sqs:us-east-1:123456789012:orders-dlq';
export const FAILED_QUEUE = 'arn:aws:sqs:us-east-1:123456789012:failed';
