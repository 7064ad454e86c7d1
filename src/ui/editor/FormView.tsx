/** The form: the scenario's settings by section, each issue shown where it belongs. */
import { useId, useMemo } from 'react';
import { catalogFor } from '../../scenarios/fieldCatalog';
import { FormSection } from './FormSection';
import { IssueList } from './IssueList';
import { indexIssues, type EditorIssue } from './issueIndex';

interface Props {
  draft: unknown;
  texts: Readonly<Record<string, string>>;
  issues: readonly EditorIssue[];
  onEdit(path: string, value: unknown, text: string | undefined, dropEmpty: number): void;
}

/** Every section of the draft's field catalog, with issues that belong to no section listed first. */
export function FormView({ draft, texts, issues, onEdit }: Props) {
  const idPrefix = useId();
  const sections = useMemo(() => catalogFor(draft), [draft]);
  const index = useMemo(() => indexIssues(issues, sections), [issues, sections]);
  return (
    <div className="editor-form">
      <p className="editor-intro muted">
        The settings AWS lets you configure, under AWS&rsquo;s names. The handler&rsquo;s behaviour and the
        workload (requests, messages, records) are edited in the JSON view.
      </p>
      {index.general.length > 0 && (
        <div className="editor-general">
          <h3>Elsewhere in the scenario</h3>
          <IssueList issues={index.general} />
        </div>
      )}
      {sections.map((section) => (
        <FormSection
          key={section.id}
          section={section}
          draft={draft}
          texts={texts}
          index={index}
          idPrefix={idPrefix}
          onEdit={onEdit}
        />
      ))}
    </div>
  );
}
