/** The chosen preset: its title, what it shows, and the settings that matter for it. */
import { useState } from 'react';
import type { Scenario } from '../../scenarios/schema';
import { useSimStore } from '../../store/useSimStore';
import { arnName } from '../awsNames';
import { formatCount } from '../format';
import { findPreset, groupLabel } from '../presetCatalog';
import type { CustomScenario } from '../useSimulationRun';
import { usePresetDescriptions } from '../usePresetDescriptions';

function settingsOf(scenario: Scenario): Array<[string, string]> {
  const fn = scenario.function;
  const rows: Array<[string, string]> = [
    ['FunctionName', fn.FunctionName],
    ['Timeout', `${fn.Timeout} s`],
    ['MemorySize', `${formatCount(fn.MemorySize)} MB`],
  ];
  if (fn.ReservedConcurrentExecutions !== undefined) {
    rows.push(['ReservedConcurrentExecutions', formatCount(fn.ReservedConcurrentExecutions)]);
  }
  if (fn.ProvisionedConcurrencyConfig) {
    rows.push([
      'ProvisionedConcurrentExecutions',
      formatCount(fn.ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions),
    ]);
  }
  const hasAsync = scenario.sources.some((s) => s.type === 'async');
  if (hasAsync) {
    const eic = fn.EventInvokeConfig;
    rows.push(['MaximumRetryAttempts', String(eic?.MaximumRetryAttempts ?? 2)]);
    rows.push(['MaximumEventAgeInSeconds', formatCount(eic?.MaximumEventAgeInSeconds ?? 21_600)]);
    const onSuccess = eic?.DestinationConfig?.OnSuccess?.Destination;
    const onFailure = eic?.DestinationConfig?.OnFailure?.Destination;
    if (onSuccess) rows.push(['OnSuccess', arnName(onSuccess)]);
    if (onFailure) rows.push(['OnFailure', arnName(onFailure)]);
    if (fn.DeadLetterConfig) rows.push(['DeadLetterConfig', arnName(fn.DeadLetterConfig.TargetArn)]);
  }
  rows.push(['Account concurrency', formatCount(scenario.account.ConcurrentExecutions)]);
  return rows;
}

const LONG_DESCRIPTION = 200;

interface Props {
  presetId: string;
  /** The user's own scenario, shown instead of the preset. */
  custom?: CustomScenario | undefined;
}

export function ScenarioIntro({ presetId, custom }: Props) {
  const preset = findPreset(presetId);
  // A preset's lesson loads just after the first screen; the title and settings show meanwhile.
  const descriptions = usePresetDescriptions(!custom);
  const entry = custom
    ? { title: custom.title, description: custom.origin, group: 'Your scenario' }
    : preset && { title: preset.title, description: descriptions?.get(preset.id) ?? '', group: preset.group };
  // The settings come from the scenario the worker validated (defaults filled in), once it has run.
  const ran = useSimStore((s) => s.scenario);
  const scenario = custom ? ran : ran?.id === presetId ? ran : null;
  const [expanded, setExpanded] = useState(false);
  if (!entry) return null;
  // Long explanations show two lines until asked, so the diagram stays in view.
  const long = entry.description.length > LONG_DESCRIPTION;
  return (
    <section className="intro" aria-labelledby="scenario-title">
      <p className="eyebrow">{groupLabel(entry.group)}</p>
      <h2 id="scenario-title">{entry.title}</h2>
      <p className={long && !expanded ? 'intro-description is-clamped' : 'intro-description'}>
        {entry.description}
      </p>
      <div className="intro-links">
        {long && (
          <button
            type="button"
            className="intro-more"
            aria-expanded={expanded}
            onClick={() => setExpanded((e) => !e)}
          >
            {expanded ? 'Show less' : 'Read the whole explanation'}
          </button>
        )}
        {scenario && (
          <details className="intro-settings">
            <summary>Settings that matter here</summary>
            <dl className="settings" aria-label="Settings that matter here">
              {settingsOf(scenario).map(([name, value]) => (
                <div key={name}>
                  <dt>{name}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          </details>
        )}
      </div>
    </section>
  );
}
