/**
 * Misconfiguration warnings: settings AWS accepts (or refuses, in one case the simulator still runs) whose
 * cost aws-semantics.md documents — duplicates, blocked shards, lost events, throttles — each with the
 * settings that remove it and a scenario that shows it happening. Pure and DOM-free: it reads a validated
 * scenario and builds plain JSON.
 */
import type { Scenario } from '../schema';
import { WARNING_CHECKS } from './registry';
import type { ScenarioWarning } from './types';

export type { FixChange, ScenarioWarning, WarningCheck } from './types';
export { awsFieldName, settingOwner } from './fieldNames';
export { WARNING_CHECKS } from './registry';

/** Every known pitfall in a validated scenario, most serious first; none for a sound configuration. */
export function findWarnings(scenario: Scenario): ScenarioWarning[] {
  return WARNING_CHECKS.flatMap((check) => check(scenario));
}
