/**
 * How a setting is written in the form: its value as the text of an input, the text the user typed back as
 * a value, and its range as a short line. Text that is not a number stays text, so the draft (and the JSON
 * view) keeps exactly what was typed and validation says what is wrong with it.
 */
import type { FieldDescriptor, FieldUnit } from '../../scenarios/fieldCatalog';

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

/** A number as the form shows it: thousands separated, and a real minus sign. */
export function formatNumber(n: number): string {
  return count.format(n).replace('-', '−');
}

/** The text an input shows for a value of the draft ('' when the property is not set). */
export function textOfValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return String(value);
  }
}

/** The value typed text stands for: undefined when empty (not set), a number when it reads as one, else the text. */
export function valueOfText(field: FieldDescriptor, text: string): unknown {
  if (text.trim() === '') return undefined;
  if (field.kind === 'integer' || field.kind === 'number') {
    const trimmed = text.trim();
    return NUMBER.test(trimmed) ? Number(trimmed) : text;
  }
  return text;
}

/** Words for a unit in a label (`count` needs none). */
export const UNIT_WORDS: Readonly<Record<FieldUnit, string>> = {
  s: 'seconds',
  ms: 'milliseconds',
  MB: 'MB',
  h: 'hours',
  count: '',
};

/** Short form of a unit next to a value. */
export function unitSuffix(unit: FieldUnit | undefined): string {
  return unit === undefined || unit === 'count' ? '' : unit;
}

function withUnit(n: number, unit: FieldUnit | undefined): string {
  const suffix = unitSuffix(unit);
  return suffix ? `${formatNumber(n)} ${suffix}` : formatNumber(n);
}

/** The default in words, for the range line and an empty select's option. */
export function defaultText(field: FieldDescriptor): string | null {
  if (field.defaultNote) return field.defaultNote;
  if (field.default === undefined) return null;
  if (field.kind === 'flag' || field.kind === 'boolean') return field.default === true ? 'on' : 'off';
  if (typeof field.default === 'number') {
    if (field.sentinel?.value === field.default)
      return `${formatNumber(field.default)} (${field.sentinel.meaning})`;
    return withUnit(field.default, field.unit);
  }
  return String(field.default);
}

/** The accepted values and the default in one line, e.g. "1–900 s · default 3 s" ('' when there is nothing to say). */
export function rangeLine(field: FieldDescriptor): string {
  const parts: string[] = [];
  if (field.min !== undefined && field.max !== undefined) {
    parts.push(
      field.min === field.max
        ? `only ${withUnit(field.min, field.unit)}`
        : `${formatNumber(field.min)}–${withUnit(field.max, field.unit)}`,
    );
  } else if (field.min !== undefined) parts.push(`at least ${withUnit(field.min, field.unit)}`);
  else if (field.max !== undefined) parts.push(`at most ${withUnit(field.max, field.unit)}`);
  if (field.sentinel && (field.min === undefined || field.sentinel.value < field.min)) {
    parts[parts.length - 1] =
      `${parts[parts.length - 1] ?? ''}, or ${formatNumber(field.sentinel.value)} (${field.sentinel.meaning})`;
  } else if (field.sentinel) parts.push(`${formatNumber(field.sentinel.value)} = ${field.sentinel.meaning}`);
  const fallback = defaultText(field);
  if (fallback) parts.push(`default ${fallback}`);
  else if (field.optional) parts.push('optional');
  return parts.join(' · ');
}
