/**
 * The function's behaviour as the scenario declares it: for one attempt at one item, which rule applies
 * and what the handler does (how long it runs, whether it returns, throws or hangs past the timeout).
 */
import { sampleMs } from '../kernel/distributions';
import { nextFloat } from '../kernel/random';
import type { Behavior, OutcomeRule } from '../../scenarios/schema';
import type { InvocationState, ItemState, SimState } from '../types';

export type AttemptPlan = InvocationState['plan'] | { result: 'service-error' };

function ruleMatches(state: SimState, rule: OutcomeRule, items: ItemState[]): boolean {
  if (rule.items && !items.some((it) => rule.items!.includes(it.id))) return false;
  if (rule.attempts) {
    const attempt = Math.max(...items.map((it) => it.tries));
    if (!rule.attempts.includes(attempt)) return false;
  }
  if (rule.probability !== undefined && nextFloat(state.rng, 'behavior.probability') >= rule.probability)
    return false;
  return true;
}

/** The rule that decides this attempt, or undefined for the default behaviour (success). */
export function matchRule(state: SimState, items: ItemState[]): OutcomeRule | undefined {
  for (const rule of state.scenario.function.behavior.rules) if (ruleMatches(state, rule, items)) return rule;
  return undefined;
}

/** Plans an attempt: its result, handler duration, return value or error. `tries` must already count it. */
export function planAttempt(state: SimState, items: ItemState[], rule: OutcomeRule | undefined): AttemptPlan {
  const behavior: Behavior = state.scenario.function.behavior;
  const result = rule?.result ?? 'success';
  if (result === 'service-error') return { result };
  const timeoutMs = state.scenario.function.Timeout * 1000;
  const sampled = rule?.durationMs ?? sampleMs(behavior.duration, state.rng, 'behavior.duration');
  const durationMs = result === 'timeout' ? Math.max(sampled, timeoutMs + 1) : sampled;
  const error =
    result === 'error'
      ? {
          errorType: rule?.error?.errorType ?? 'Error',
          errorMessage: rule?.error?.errorMessage ?? 'Handler failed',
        }
      : null;
  return {
    result: result === 'partial' ? 'success' : result,
    failedItems: result === 'partial' ? (rule?.failedItems ?? []) : null,
    durationMs,
    returns: result === 'success' ? (rule?.returns ?? behavior.returns ?? null) : null,
    error,
    responseSizeBytes: rule?.responseSizeBytes ?? behavior.responseSizeBytes ?? 0,
  };
}

/** A cold start's init duration. */
export function sampleInitMs(state: SimState): number {
  return sampleMs(state.scenario.function.behavior.initDuration, state.rng, 'behavior.init');
}
