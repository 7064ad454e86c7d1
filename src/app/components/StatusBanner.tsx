/** Notices about the URL, the loading state and errors, each announced to screen readers. */
import type { ErrorIssue } from '../../protocol/messages';

export function Notices({ notices }: { notices: string[] }) {
  if (notices.length === 0) return null;
  return (
    <div className="banner banner-notice" role="status">
      {notices.map((n) => (
        <p key={n}>{n}</p>
      ))}
    </div>
  );
}

export function LoadingBanner({ hasPrevious }: { hasPrevious: boolean }) {
  return (
    <div className="banner banner-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <p>{hasPrevious ? 'Running the simulation again…' : 'Running the simulation…'}</p>
    </div>
  );
}

interface ErrorProps {
  message: string;
  issues: ErrorIssue[];
  onRetry(): void;
  /** A previous run is still on screen (the failure did not take it away). */
  previous?: boolean;
}

/** Why the run failed, and a button that restarts the simulation and asks for the run again. */
export function ErrorBanner({ message, issues, onRetry, previous = false }: ErrorProps) {
  return (
    <div className="banner banner-error" role="alert">
      <p className="banner-title">The simulation could not run</p>
      <p>{message}</p>
      {issues.length > 0 && (
        <ul>
          {issues.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              <code>{issue.path}</code>: {issue.message}
            </li>
          ))}
        </ul>
      )}
      {previous && (
        <p>
          The run below is the last one that finished, and it still plays. Try again restarts the simulation
          and comes back to the moment the player shows.
        </p>
      )}
      <button type="button" className="button-secondary" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
