/**
 * Where each validation issue is shown in the form: under the field whose path it names (or a path inside
 * it), else at the top of the section that owns the path, else in the form's general list. Nothing is
 * dropped: every issue lands in exactly one place.
 */
import type { FieldSection } from '../../scenarios/fieldCatalog';
import type { ValidationIssue, ValidationResult } from '../../scenarios/validate';

export interface EditorIssue extends ValidationIssue {
  severity: 'error' | 'warning';
}

export interface IssueIndex {
  byField: ReadonlyMap<string, EditorIssue[]>;
  bySection: ReadonlyMap<string, EditorIssue[]>;
  general: EditorIssue[];
}

/** Errors of a rejected scenario, or warnings of an accepted one. */
export function issuesOf(result: ValidationResult): EditorIssue[] {
  return result.ok
    ? result.warnings.map((w) => ({ ...w, severity: 'warning' }))
    : result.errors.map((e) => ({ ...e, severity: 'error' }));
}

/** True when `path` is `base` or lies inside it (`base.x`, `base[0]`). */
export function isWithin(path: string, base: string): boolean {
  return path === base || path.startsWith(`${base}.`) || path.startsWith(`${base}[`);
}

function push<K>(map: Map<K, EditorIssue[]>, key: K, issue: EditorIssue) {
  const list = map.get(key);
  if (list) list.push(issue);
  else map.set(key, [issue]);
}

/** Sorts issues into fields, sections and the general list. */
export function indexIssues(issues: readonly EditorIssue[], sections: readonly FieldSection[]): IssueIndex {
  const byField = new Map<string, EditorIssue[]>();
  const bySection = new Map<string, EditorIssue[]>();
  const general: EditorIssue[] = [];
  const fields = sections.flatMap((s) => s.fields.map((f) => f.path));
  for (const issue of issues) {
    const field = fields.filter((path) => isWithin(issue.path, path)).sort((a, b) => b.length - a.length)[0];
    if (field !== undefined) {
      push(byField, field, issue);
      continue;
    }
    let owner: { id: string; length: number } | undefined;
    for (const section of sections) {
      for (const prefix of section.owns) {
        if (isWithin(issue.path, prefix) && prefix.length > (owner?.length ?? -1))
          owner = { id: section.id, length: prefix.length };
      }
    }
    if (owner) push(bySection, owner.id, issue);
    else general.push(issue);
  }
  return { byField, bySection, general };
}
