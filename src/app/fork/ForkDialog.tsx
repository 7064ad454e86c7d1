/**
 * "Fork from here": pick settings to change (with AWS's names, ranges and help), a failure from this
 * moment on, or one more event; the changes are checked as the worker will check them, and only a
 * valid fork leaves the dialog. What was chosen stays while the dialog is open.
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import type { ScenarioChange } from '../../protocol/messages';
import type { FieldDescriptor } from '../../scenarios/fieldCatalog';
import { changeScenario } from '../../scenarios/scenarioChanges';
import type { Scenario } from '../../scenarios/schema';
import { useModalDialog } from '../../ui/dialog/useModalDialog';
import { changesLabel } from '../compare/comparisonRequest';
import { formatOffset } from '../format';
import {
  FAILURE_CHOICES,
  currentValue,
  failureChange,
  fieldValue,
  forkSettingGroups,
  injectionChange,
  valueText,
  type InjectedFailure,
} from './forkChoices';
import { FieldInput } from './FieldInput';
import './fork.css';

interface Props {
  open: boolean;
  scenario: Scenario;
  atMs: number;
  onClose(): void;
  onFork(changes: ScenarioChange[], label: string): void;
}

interface SettingChange {
  field: FieldDescriptor;
  value: unknown;
}

export function ForkDialog({ open, scenario, atMs, onClose, onFork }: Props) {
  const { ref, dialogProps } = useModalDialog(open, onClose);
  const titleId = useId();
  const settingId = useId();
  const failureId = useId();
  const injectId = useId();
  const groups = useMemo(() => forkSettingGroups(scenario), [scenario]);
  const fields = useMemo(() => groups.flatMap((g) => g.fields), [groups]);
  // Numbers are what forks usually change (retries, timeouts, batch sizes): the first one is preselected.
  const [path, setPath] = useState(
    (fields.find((f) => f.kind === 'integer' || f.kind === 'number') ?? fields[0])?.path ?? '',
  );
  const field = fields.find((f) => f.path === path) ?? fields[0];
  const [input, setInput] = useState<string | boolean>('');
  const [inputError, setInputError] = useState<string | null>(null);
  const [settings, setSettings] = useState<SettingChange[]>([]);
  const [failure, setFailure] = useState<InjectedFailure | ''>('');
  const [inject, setInject] = useState(-1);
  const [issues, setIssues] = useState<{ path: string; message: string }[]>([]);

  function pick(next: string) {
    setPath(next);
    setInput('');
    setInputError(null);
  }

  function addSetting() {
    if (!field) return;
    const parsed = fieldValue(field, input);
    if ('error' in parsed) {
      setInputError(parsed.error);
      return;
    }
    setInputError(null);
    setSettings((list) => [
      ...list.filter((c) => c.field.path !== field.path),
      { field, value: parsed.value },
    ]);
  }

  function changes(): ScenarioChange[] {
    const out: ScenarioChange[] = settings.map((c) => ({ path: c.field.path, value: c.value }));
    if (failure) out.push(failureChange(scenario, failure, atMs));
    if (inject >= 0) out.push(injectionChange(scenario, inject, atMs));
    return out;
  }

  function label(): string {
    const parts =
      settings.length > 0
        ? [changesLabel(settings.map((c) => ({ path: c.field.path, value: c.value })))]
        : [];
    if (failure)
      parts.push(
        `every attempt ${failure === 'error' ? 'throws' : failure === 'timeout' ? 'times out' : 'fails with a service error'}`,
      );
    if (inject >= 0) parts.push(`one more event from ${scenario.sources[inject]!.id}`);
    return parts.join('; ');
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const list = changes();
    if (list.length === 0) {
      setIssues([{ path: '', message: 'Choose at least one change: a setting, a failure or an event.' }]);
      return;
    }
    const checked = changeScenario(scenario, list, atMs);
    if (!checked.ok) {
      setIssues(checked.issues);
      return;
    }
    setIssues([]);
    onFork(list, label());
  }

  return (
    <dialog ref={ref} className="fork-dialog" aria-labelledby={titleId} {...dialogProps}>
      <form className="fork-form" onSubmit={submit} noValidate>
        <h2 id={titleId}>Fork the run at {formatOffset(atMs)}</h2>
        <p className="panel-lead">
          Up to this moment the fork is the same run. From here it goes on with your changes, and the original
          and the fork play side by side on one clock.
        </p>

        <fieldset>
          <legend>Change a setting</legend>
          <div className="fork-row">
            <label htmlFor={settingId}>Setting</label>
            <select id={settingId} value={field?.path ?? ''} onChange={(e) => pick(e.target.value)}>
              {groups.map((g) => (
                <optgroup key={g.title} label={g.title}>
                  {g.fields.map((f) => (
                    <option key={f.path} value={f.path}>
                      {f.name} — now {valueText(currentValue(scenario, f))}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
          {field && (
            <FieldInput
              key={field.path}
              field={field}
              value={input}
              error={inputError}
              onChange={setInput}
              onAdd={addSetting}
            />
          )}
          {settings.length > 0 && (
            <ul className="fork-changes" aria-label="Settings the fork changes">
              {settings.map((c) => (
                <li key={c.field.path}>
                  <span>
                    <strong>{c.field.name}</strong>: {valueText(currentValue(scenario, c.field))} →{' '}
                    <strong>{valueText(c.value)}</strong>
                  </span>
                  <button
                    type="button"
                    className="button-secondary"
                    onClick={() => setSettings((list) => list.filter((x) => x !== c))}
                  >
                    Remove
                  </button>
                </li>
              ))}
            </ul>
          )}
        </fieldset>

        <fieldset>
          <legend>Inject</legend>
          <div className="fork-row">
            <label htmlFor={failureId}>From this moment the handler</label>
            <select
              id={failureId}
              value={failure}
              onChange={(e) => setFailure(e.target.value as InjectedFailure | '')}
            >
              <option value="">behaves as configured</option>
              {FAILURE_CHOICES.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </div>
          <div className="fork-row">
            <label htmlFor={injectId}>One more event at this moment</label>
            <select id={injectId} value={inject} onChange={(e) => setInject(Number(e.target.value))}>
              <option value={-1}>none</option>
              {scenario.sources.map((s, i) => (
                <option key={s.id} value={i}>
                  from {s.id} (a copy of its first{' '}
                  {s.type === 'sqs'
                    ? 'message'
                    : s.type === 'kinesis' || s.type === 'dynamodb'
                      ? 'record'
                      : 'request'}
                  )
                </option>
              ))}
            </select>
          </div>
        </fieldset>

        {issues.length > 0 && (
          <div className="banner banner-error" role="alert">
            <p className="banner-title">The fork cannot be made</p>
            <ul>
              {issues.map((i) => (
                <li key={`${i.path}:${i.message}`}>
                  {i.path && <code>{i.path}</code>}
                  {i.path && ': '}
                  {i.message}
                </li>
              ))}
            </ul>
          </div>
        )}

        <div className="fork-actions">
          <button type="submit" className="button-primary">
            Fork and compare
          </button>
          <button type="button" className="button-secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
