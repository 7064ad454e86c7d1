/** The import report, grouped: what was understood, assumed and ignored, and the warnings; each line with its template path. */
import { useId } from 'react';
import type { ImportReport, ReportLine } from '../../scenarios/sam';

const GROUPS: ReadonlyArray<{ key: keyof ImportReport; title: string; hint: string }> = [
  {
    key: 'warnings',
    title: 'Warnings',
    hint: 'AWS would reject this or advises against it; the simulator still runs it.',
  },
  {
    key: 'assumed',
    title: 'Assumed',
    hint: 'Not in the template: chosen by the importer. Change them in the scenario.',
  },
  { key: 'ignored', title: 'Ignored', hint: 'In the template, but not something the simulator models.' },
  { key: 'understood', title: 'Understood', hint: 'Read from the template into the scenario.' },
];

/** One report line: the path (and line number) as code, then the message, all as plain text. */
export function ReportLineItem({ line }: { line: ReportLine }) {
  return (
    <li className="sam-report-line">
      <code className="sam-report-path">{line.path}</code>
      {line.line !== undefined && <span className="sam-report-lineno">line {line.line}</span>}
      <span className="sam-report-message">{line.message}</span>
    </li>
  );
}

/** The four groups of an import report; empty groups are left out. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const idPrefix = useId();
  return (
    <div className="sam-report">
      {GROUPS.filter((g) => report[g.key].length > 0).map((g) => (
        <details key={g.key} className={`sam-report-group sam-report-${g.key}`} open={g.key !== 'understood'}>
          <summary id={`${idPrefix}-${g.key}`}>
            {g.title} <span className="sam-report-count">({report[g.key].length})</span>
          </summary>
          <p className="sam-report-hint">{g.hint}</p>
          <ul aria-labelledby={`${idPrefix}-${g.key}`}>
            {report[g.key].map((line, i) => (
              <ReportLineItem key={i} line={line} />
            ))}
          </ul>
        </details>
      ))}
    </div>
  );
}
