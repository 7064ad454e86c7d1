/**
 * The shown scenario's configuration pitfalls, folded under one line that says how many there are;
 * open, each has its reason, a "see it happen" run and a fork with the fix.
 */
import { useMemo } from 'react';
import type { Scenario } from '../../scenarios/schema';
import { findWarnings, type ScenarioWarning } from '../../scenarios/warnings';
import { WarningsPanel } from '../../ui/warnings/WarningsPanel';

interface Props {
  scenario: Scenario;
  onSeeItHappen(scenario: unknown, title: string): void;
  onFix(warning: ScenarioWarning): void;
}

export function RunWarnings({ scenario, onSeeItHappen, onFix }: Props) {
  const count = useMemo(() => findWarnings(scenario).length, [scenario]);
  return (
    <details className={count > 0 ? 'run-warnings has-warnings' : 'run-warnings'} data-testid="run-warnings">
      <summary>
        <span className="run-warnings-mark" aria-hidden="true">
          {count > 0 ? '⚠' : '✓'}
        </span>
        {count === 0
          ? 'No known configuration pitfalls'
          : count === 1
            ? '1 configuration pitfall'
            : `${count} configuration pitfalls`}
      </summary>
      <WarningsPanel scenario={scenario} onSeeItHappen={onSeeItHappen} onFix={onFix} />
    </details>
  );
}
