/** A list of validation issues: each with its kind in words, its field path and its message (plain text). */
import type { EditorIssue } from './issueIndex';

interface Props {
  issues: readonly EditorIssue[];
  id?: string;
  /** Leave out the path of issues whose path is this one (under a field, its own path says nothing new). */
  hidePath?: string;
  className?: string;
}

/** Issues as a list; the kind is a word as well as a colour. */
export function IssueList({ issues, id, hidePath, className }: Props) {
  return (
    <ul id={id} className={`editor-issues${className ? ` ${className}` : ''}`}>
      {issues.map((issue, i) => (
        <li
          key={`${issue.path}\u0000${issue.message}\u0000${i}`}
          className={`editor-issue editor-issue-${issue.severity}`}
        >
          <span className="editor-issue-kind">{issue.severity === 'error' ? 'Error:' : 'Warning:'}</span>{' '}
          {issue.path !== hidePath && (
            <>
              <code className="editor-issue-path">{issue.path}</code>{' '}
            </>
          )}
          <span className="editor-issue-message">{issue.message}</span>
        </li>
      ))}
    </ul>
  );
}
