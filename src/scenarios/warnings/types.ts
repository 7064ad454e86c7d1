/**
 * The shape of a misconfiguration warning: a setting AWS accepts (or, for the visibility timeout, the
 * simulator runs anyway) whose consequence aws-semantics.md documents, with the settings that remove it
 * and a scenario that shows the consequence happening.
 */
import type { RuleRef } from '../../engine/types';
import type { Scenario } from '../schema';

/** One setting of a fix: a dot path into the validated scenario, as forks use (`sources.0.queue.VisibilityTimeout`). */
export interface FixChange {
  path: string;
  /** The new value; `undefined` removes the setting (its AWS default then applies). */
  value: unknown;
  /** What the change does, in AWS's names, e.g. "Set VisibilityTimeout to 180 s". */
  label: string;
}

export interface ScenarioWarning {
  /** Stable id of the kind of warning, e.g. `sqs-max-receive-count-below-5`. */
  id: string;
  title: string;
  /** One to three plain sentences with the scenario's own numbers and AWS's names. */
  reason: string;
  /** The section of aws-semantics.md that documents the consequence (a key of RULES). */
  rule: RuleRef;
  /** The setting at fault, as a dot path into the scenario, e.g. `sources.0.queue.VisibilityTimeout`. */
  path: string;
  /** The source concerned, when the warning is about one source. */
  sourceId?: string;
  /** Changes that, applied together, remove the warning. */
  fix: FixChange[];
  /** A raw scenario (it passes validateScenario) that keeps these settings and makes the consequence happen. */
  seeItHappen(): unknown;
}

/** One check: the warnings it finds in a validated scenario (none when the scenario is fine). */
export type WarningCheck = (scenario: Scenario) => ScenarioWarning[];
