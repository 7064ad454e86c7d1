/** The value input of one setting, by its kind, with its unit, range and help line, and an Add button. */
import { useId } from 'react';
import type { FieldDescriptor } from '../../scenarios/fieldCatalog';

interface Props {
  field: FieldDescriptor;
  value: string | boolean;
  error: string | null;
  onChange(value: string | boolean): void;
  onAdd(): void;
}

function range(field: FieldDescriptor): string {
  const unit = field.unit && field.unit !== 'count' ? ` ${field.unit}` : '';
  const parts: string[] = [];
  if (field.min !== undefined && field.max !== undefined) parts.push(`${field.min}–${field.max}${unit}`);
  else if (field.min !== undefined) parts.push(`at least ${field.min}${unit}`);
  if (field.sentinel) parts.push(`${field.sentinel.value}: ${field.sentinel.meaning}`);
  return parts.join('; ');
}

export function FieldInput({ field, value, error, onChange, onAdd }: Props) {
  const id = useId();
  const helpId = useId();
  const errorId = useId();
  const described = [helpId, error ? errorId : null].filter(Boolean).join(' ');
  const checkbox = field.kind === 'boolean' || field.kind === 'flag';
  return (
    <div className="fork-value">
      <div className="fork-row">
        <label htmlFor={id}>
          New {field.name}
          {field.unit && field.unit !== 'count' ? ` (${field.unit})` : ''}
        </label>
        {checkbox ? (
          <input
            id={id}
            type="checkbox"
            checked={value === true}
            aria-describedby={described}
            onChange={(e) => onChange(e.target.checked)}
          />
        ) : field.values ? (
          <select
            id={id}
            value={String(value)}
            aria-describedby={described}
            onChange={(e) => onChange(e.target.value)}
          >
            <option value="" disabled>
              choose…
            </option>
            {field.values.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        ) : (
          <input
            id={id}
            type="text"
            inputMode={field.kind === 'text' ? 'text' : 'decimal'}
            autoComplete="off"
            value={String(value)}
            aria-invalid={error !== null}
            aria-describedby={described}
            onChange={(e) => onChange(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                onAdd();
              }
            }}
          />
        )}
        <button type="button" className="button-secondary" onClick={onAdd}>
          Add change
        </button>
      </div>
      <p id={helpId} className="fork-help">
        {range(field) && <span className="fork-range">{range(field)}. </span>}
        {field.help}
      </p>
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
