/**
 * Every rule family of aws-semantics.md (§1.1–§1.5, §2.1–§2.7, §3.1–§3.5, §4, §5) is shown by at least
 * one built-in preset. Most families are named by the `rule` of the log events they cause; metrics (§2.7)
 * and billing (§5) live in the results, so their evidence is a fact about the results.
 */
import { describe, expect, it } from 'vitest';
import type { Run } from '../helpers/scenario';
import { PRESET_IDS } from '../../src/scenarios/presets';
import { presetRun } from './presetRuns';

const FAMILIES = [
  '§1.1',
  '§1.2',
  '§1.3',
  '§1.4',
  '§1.5',
  '§2.1',
  '§2.2',
  '§2.3',
  '§2.4',
  '§2.5',
  '§2.6',
  '§2.7',
  '§3.1',
  '§3.2',
  '§3.3',
  '§3.4',
  '§3.5',
  '§4',
  '§5',
] as const;

/** Facts in the results that show a family no log event names. */
const RESULT_EVIDENCE: Record<string, (r: Run) => boolean> = {
  '§2.7': (r) => r.metrics.DestinationDeliveryFailures > 0 && r.metrics.DeadLetterErrors > 0,
  // Init billed on the on-demand environments that took the spillover, none on the provisioned ones.
  '§5': (r) =>
    r.metrics.ProvisionedConcurrencySpilloverInvocations > 0 &&
    r.invocations.some((i) => i.coldStart && i.initBilledMs > 0) &&
    r.invocations.some((i) => !i.coldStart && i.environmentId.startsWith('pc-') && i.initBilledMs === 0),
};

/** Whether an event's rule belongs to a family: `§4.reserved` is part of `§4`. */
function inFamily(rule: string, family: string): boolean {
  return rule === family || rule.startsWith(`${family}.`);
}

// The two workload-sized presets are skipped to keep the suite fast; smaller presets cover their rules.
const LARGE = new Set(['sqs-scaling', 'burst-scaling']);

describe('rule families', () => {
  const shownBy = new Map<string, string[]>(FAMILIES.map((f) => [f, []]));
  for (const id of PRESET_IDS) {
    if (LARGE.has(id)) continue;
    const r = presetRun(id);
    const rules = new Set(r.log.map((e) => e.rule));
    for (const family of FAMILIES) {
      const byLog = [...rules].some((rule) => inFamily(rule, family));
      if (byLog || RESULT_EVIDENCE[family]?.(r)) shownBy.get(family)!.push(id);
    }
  }

  it.each(FAMILIES)('%s is shown by at least one preset', (family) => {
    expect(shownBy.get(family), family).not.toEqual([]);
  });

  it('§1.3, §1.4, §2.4, §2.7, §5 and provisioned concurrency have a preset of their own', () => {
    expect(shownBy.get('§1.3')).toContain('payload-limits');
    expect(shownBy.get('§1.4')).toEqual(
      expect.arrayContaining(['cli-read-timeout-duplicates', 'sdk-retries-throttles']),
    );
    expect(shownBy.get('§2.4')).toContain('async-duplicate-delivery');
    expect(shownBy.get('§2.7')).toContain('async-delivery-failures');
    expect(shownBy.get('§5')).toContain('provisioned-concurrency-spillover');
    const provisioned = presetRun('provisioned-concurrency-spillover').log.map((e) => e.rule);
    expect(provisioned).toContain('§4.provisioned');
  });
});
