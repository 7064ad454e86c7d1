/**
 * The misconfiguration warnings of the scenario being shown: each pitfall with why it matters (in the
 * scenario's numbers and AWS's names), the setting at fault, the rule and its AWS page, a run that shows
 * it happening and, when the shell offers forks, a run with the fix. Lazy-loaded: the first screen never
 * pays for it.
 */
import { useId, useMemo } from 'react';
import { RULES, type RuleInfo } from '../../engine/rules';
import type { Scenario } from '../../scenarios/schema';
import { awsFieldName, findWarnings, settingOwner, type ScenarioWarning } from '../../scenarios/warnings';
import './warnings.css';

export interface WarningsPanelProps {
  scenario: Scenario;
  /** Run the warning's demonstration (a raw scenario; validate it before running). */
  onSeeItHappen(scenario: unknown, title: string): void;
  /** Fork the current run with the warning's fix; without it the panel offers no fork. */
  onFix?(warning: ScenarioWarning): void;
}

function ruleOf(warning: ScenarioWarning): RuleInfo | undefined {
  return (RULES as Record<string, RuleInfo>)[warning.rule];
}

/** A warning sign drawn as a triangle, so the state is not told by colour alone. */
function WarningGlyph() {
  return (
    <svg
      className="warning-glyph"
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M8 1.5 15 14.5H1Z" fill="currentColor" />
      <path d="M8 6v4.2M8 11.8v.9" stroke="var(--surface)" strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  );
}

interface ItemProps {
  warning: ScenarioWarning;
  scenario: Scenario;
  onSeeItHappen: WarningsPanelProps['onSeeItHappen'];
  onFix: WarningsPanelProps['onFix'];
}

function WarningItem({ warning, scenario, onSeeItHappen, onFix }: ItemProps) {
  const titleId = useId();
  const rule = ruleOf(warning);
  return (
    <li className="warning" aria-labelledby={titleId}>
      <h3 id={titleId} className="warning-title">
        <WarningGlyph />
        <span>{warning.title}</span>
      </h3>
      <p className="warning-reason">{warning.reason}</p>
      <dl className="warning-facts">
        <div>
          <dt>Setting</dt>
          <dd>
            <code>{awsFieldName(warning.path)}</code>{' '}
            <span className="muted">of the {settingOwner(scenario, warning.path)}</span>
          </dd>
        </div>
        <div>
          <dt>Rule</dt>
          <dd>
            {rule ? (
              <a href={rule.url} target="_blank" rel="noreferrer">
                {rule.section} {rule.title}
                <span className="visually-hidden"> (AWS documentation, opens in a new tab)</span>
              </a>
            ) : (
              warning.rule
            )}
          </dd>
        </div>
        {onFix && (
          <div>
            <dt>Fix</dt>
            <dd>
              <ul className="warning-fix">
                {warning.fix.map((change) => (
                  <li key={change.path}>{change.label}</li>
                ))}
              </ul>
            </dd>
          </div>
        )}
      </dl>
      <div className="warning-actions">
        <button
          type="button"
          className="button-primary warning-action"
          onClick={() => onSeeItHappen(warning.seeItHappen(), warning.title)}
        >
          See it happen<span className="visually-hidden">: {warning.title}</span>
        </button>
        {onFix && (
          <button type="button" className="button-secondary warning-action" onClick={() => onFix(warning)}>
            Fork with the fix<span className="visually-hidden">: {warning.title}</span>
          </button>
        )}
      </div>
    </li>
  );
}

/** Lists the scenario's misconfigurations, or says it has none of the known ones. */
export function WarningsPanel({ scenario, onSeeItHappen, onFix }: WarningsPanelProps) {
  const headingId = useId();
  const warnings = useMemo(() => findWarnings(scenario), [scenario]);
  return (
    <section className="warnings-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Configuration pitfalls</h2>
      {warnings.length === 0 ? (
        <p className="warnings-none">This configuration has none of the known pitfalls.</p>
      ) : (
        <>
          <p className="warnings-count">
            {warnings.length === 1 ? 'One known pitfall' : `${warnings.length} known pitfalls`} in this
            configuration:
          </p>
          <ul className="warnings-list">
            {warnings.map((w, i) => (
              <WarningItem
                key={`${w.id} ${w.sourceId ?? ''} ${w.path} ${i}`}
                warning={w}
                scenario={scenario}
                onSeeItHappen={onSeeItHappen}
                onFix={onFix}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
