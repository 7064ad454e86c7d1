/** The chosen preset: its title, what it shows, and the settings that matter for it. */
import { getPreset } from '../../scenarios/presets';
import type { Scenario } from '../../scenarios/schema';
import { arnName } from '../awsNames';
import { formatCount } from '../format';
import { findPreset, groupLabel } from '../presetCatalog';

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

export function ScenarioIntro({ presetId }: { presetId: string }) {
  const entry = findPreset(presetId);
  const scenario = getPreset(presetId);
  if (!entry || !scenario) return null;
  return (
    <section className="intro" aria-labelledby="scenario-title">
      <p className="eyebrow">{groupLabel(entry.group)}</p>
      <h2 id="scenario-title">{entry.title}</h2>
      <p className="intro-description">{entry.description}</p>
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
    </section>
  );
}
