/**
 * One setting of the form: its label (AWS's name, a plain label, the unit), the input, the range and
 * default, the help line, and the issues validation found at its path. What the user types is shown as
 * typed, valid or not.
 */
import type { FieldDescriptor } from '../../scenarios/fieldCatalog';
import { defaultText, rangeLine, textOfValue, UNIT_WORDS, unitSuffix, valueOfText } from './fieldText';
import { IssueList } from './IssueList';
import type { EditorIssue } from './issueIndex';
import { RULES } from '../../engine/rules';

interface Props {
  field: FieldDescriptor;
  /** The draft's value at the field's path. */
  value: unknown;
  /** What the user typed, when they typed in this field. */
  typed: string | undefined;
  issues: readonly EditorIssue[];
  inputId: string;
  onEdit(path: string, value: unknown, text?: string): void;
}

/** The value a select shows: a known choice, '' when not set, or the draft's (invalid) value as text. */
function choiceOf(field: FieldDescriptor, value: unknown): string {
  if (value === undefined) return '';
  if (
    field.kind === 'choice-list' &&
    Array.isArray(value) &&
    value.length === 1 &&
    typeof value[0] === 'string'
  )
    return value[0];
  return textOfValue(value);
}

function Label({ field, htmlFor }: { field: FieldDescriptor; htmlFor: string }) {
  const unit = field.unit ? UNIT_WORDS[field.unit] : '';
  const plain = field.label.toLowerCase() !== field.name.toLowerCase();
  return (
    <label className="editor-label" htmlFor={htmlFor}>
      <code className="editor-name">{field.name}</code>
      {plain && <span className="editor-plain-label">{field.label}</span>}
      {unit && <span className="editor-unit-word">({unit})</span>}
    </label>
  );
}

/** The rules behind a setting's help line, each linked to the AWS page that documents it. */
function RuleLinks({ refs }: { refs: string }) {
  const sections = refs.split(/,\s*/).filter(Boolean);
  return (
    <span className="editor-ref">
      (
      {sections.map((section, i) => {
        const rule = RULES[section as keyof typeof RULES];
        return (
          <span key={section}>
            {i > 0 && ', '}
            {rule ? (
              <a href={rule.url} target="_blank" rel="noreferrer" title={rule.title}>
                {section}
              </a>
            ) : (
              section
            )}
          </span>
        );
      })}
      )
    </span>
  );
}

/** One labelled input of the form, with its range, help line and issues. */
export function FieldControl({ field, value, typed, issues, inputId, onEdit }: Props) {
  const invalid = issues.some((i) => i.severity === 'error');
  const range = rangeLine(field);
  const ids = { range: `${inputId}-range`, help: `${inputId}-help`, issues: `${inputId}-issues` };
  const describedBy = [issues.length > 0 ? ids.issues : '', range ? ids.range : '', ids.help]
    .filter(Boolean)
    .join(' ');
  const common = {
    id: inputId,
    'data-path': field.path,
    'aria-invalid': invalid ? (true as const) : undefined,
    'aria-describedby': describedBy,
  };
  const isCheck = field.kind === 'boolean' || field.kind === 'flag';

  let control;
  if (field.kind === 'boolean' || field.kind === 'flag') {
    const on =
      value === undefined
        ? field.default === true
        : field.kind === 'flag'
          ? Array.isArray(value) && value.includes(field.flag)
          : value === true;
    control = (
      <input
        {...common}
        type="checkbox"
        checked={on}
        onChange={(e) =>
          onEdit(
            field.path,
            field.kind === 'flag' ? (e.target.checked ? [field.flag] : []) : e.target.checked,
          )
        }
      />
    );
  } else if (field.kind === 'choice' || field.kind === 'choice-list') {
    const current = choiceOf(field, value);
    const known = field.values ?? [];
    const fallback = defaultText(field);
    control = (
      <select
        {...common}
        value={current}
        onChange={(e) => {
          const picked = e.target.value;
          onEdit(field.path, picked === '' ? undefined : field.kind === 'choice-list' ? [picked] : picked);
        }}
      >
        {(field.optional || current === '') && (
          <option value="">{fallback ? `(not set: default ${fallback})` : '(not set)'}</option>
        )}
        {current !== '' && !known.includes(current) && (
          <option value={current}>{`${current} (not allowed)`}</option>
        )}
        {known.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    );
  } else {
    const numeric = field.kind === 'integer' || field.kind === 'number';
    const placeholder = defaultText(field);
    const negative = (field.min ?? 0) < 0 || (field.sentinel?.value ?? 0) < 0;
    const inputMode = !numeric || negative ? undefined : field.kind === 'integer' ? 'numeric' : 'decimal';
    control = (
      <input
        {...common}
        // Not type="number": a browser empties a number input that holds text it cannot read, and what the
        // user typed must stay visible next to the error that explains it.
        type="text"
        inputMode={inputMode}
        className={numeric ? 'editor-number' : 'editor-text'}
        spellCheck={false}
        autoComplete="off"
        value={typed ?? textOfValue(value)}
        placeholder={field.optional ? (placeholder ? `default ${placeholder}` : 'not set') : undefined}
        onChange={(e) => onEdit(field.path, valueOfText(field, e.target.value), e.target.value)}
      />
    );
  }

  const suffix = unitSuffix(field.unit);
  return (
    <div className={`editor-field editor-field-${field.kind}`}>
      {isCheck ? (
        <div className="editor-check">
          {control}
          <Label field={field} htmlFor={inputId} />
        </div>
      ) : (
        <>
          <Label field={field} htmlFor={inputId} />
          <div className="editor-control">
            {control}
            {/* Always there, empty without a unit, so inputs of one row line up. */}
            <span className="editor-unit" aria-hidden="true">
              {suffix}
            </span>
          </div>
        </>
      )}
      {range && (
        <p id={ids.range} className="editor-range">
          {range}
        </p>
      )}
      <p id={ids.help} className="editor-help">
        {field.help}{' '}
        {field.awsName === null
          ? 'Simulation only. '
          : field.awsName !== field.name
            ? `AWS: ${field.awsName}. `
            : ''}
        <RuleLinks refs={field.ref} />
      </p>
      {issues.length > 0 && (
        <IssueList id={ids.issues} issues={issues} hidePath={field.path} className="editor-field-issues" />
      )}
    </div>
  );
}
