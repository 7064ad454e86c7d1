/** One section of the form (the function, its asynchronous configuration, the account, a source): a fieldset of settings. */
import { readFieldPath, type FieldSection } from '../../scenarios/fieldCatalog';
import { FieldControl } from './FieldControl';
import { IssueList } from './IssueList';
import type { IssueIndex } from './issueIndex';

interface Props {
  section: FieldSection;
  draft: unknown;
  texts: Readonly<Record<string, string>>;
  index: IssueIndex;
  idPrefix: string;
  onEdit(path: string, value: unknown, text: string | undefined, dropEmpty: number): void;
}

/** A DOM id for a field: the prefix from useId and the path with only id-safe characters. */
export function fieldInputId(idPrefix: string, path: string): string {
  return `${idPrefix}${path.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** A fieldset with a legend, the issues that belong to the section as a whole, then its settings by group. */
export function FormSection({ section, draft, texts, index, idPrefix, onEdit }: Props) {
  const sectionIssues = index.bySection.get(section.id) ?? [];
  const groups: Array<{ name: string | undefined; fields: FieldSection['fields'] }> = [];
  for (const field of section.fields) {
    const last = groups[groups.length - 1];
    if (last && last.name === field.group) last.fields.push(field);
    else groups.push({ name: field.group, fields: [field] });
  }
  return (
    <fieldset className="editor-section" data-section={section.id}>
      <legend>{section.title}</legend>
      {sectionIssues.length > 0 && <IssueList issues={sectionIssues} className="editor-section-issues" />}
      {groups.map((group, i) => (
        <div key={`${group.name ?? ''}-${i}`} className="editor-group">
          {group.name && <h4 className="editor-group-title">{group.name}</h4>}
          <div className="editor-fields">
            {group.fields.map((field) => (
              <FieldControl
                key={field.path}
                field={field}
                value={readFieldPath(draft, field.path)}
                typed={texts[field.path]}
                issues={index.byField.get(field.path) ?? []}
                inputId={fieldInputId(idPrefix, field.path)}
                onEdit={(path, value, text) => onEdit(path, value, text, field.dropEmpty)}
              />
            ))}
          </div>
        </div>
      ))}
    </fieldset>
  );
}
