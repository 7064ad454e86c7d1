/**
 * The comparison table under the panes: per run, what happened to its items over the whole run —
 * attempts, end-to-end latency, duplicates, where failures went, what was lost, the concurrency peak
 * and the cost.
 */
import { useMemo } from 'react';
import { comparisonRow, type ComparisonRow } from '../../store/compare/comparisonRow';
import { targetName } from '../awsNames';
import { formatCount, formatDuration, formatUSD, plural } from '../format';
import type { ComparisonPane } from './useComparison';

const FAILURE_NAMES: Record<string, string> = {
  caller: 'returned to the caller',
  nowhere: 'dropped',
};

function failures(row: ComparisonRow): string {
  const parts = Object.entries(row.failuresTo).map(
    ([target, n]) => `${formatCount(n)} ${FAILURE_NAMES[target] ?? `to the ${targetName(target)}`}`,
  );
  return parts.length === 0 ? 'none' : parts.join(', ');
}

function latency(row: ComparisonRow): string {
  if (row.latencyP50Ms === null || row.latencyMaxMs === null) return '—';
  return row.latencyP50Ms === row.latencyMaxMs
    ? formatDuration(row.latencyMaxMs)
    : `${formatDuration(row.latencyP50Ms)} median, ${formatDuration(row.latencyMaxMs)} max`;
}

export function ComparisonTable({ panes }: { panes: readonly ComparisonPane[] }) {
  const rows = useMemo(() => panes.map((p) => comparisonRow(p.results)), [panes]);
  return (
    <section className="comparison-table" aria-labelledby="comparison-table-title">
      <h2 id="comparison-table-title">Side by side, over the whole run</h2>
      <div className="table-scroll">
        <table data-testid="comparison-table">
          <thead>
            <tr>
              <th scope="col">Run</th>
              <th scope="col">Items</th>
              <th scope="col">Attempts</th>
              <th scope="col">End-to-end latency</th>
              <th scope="col">Duplicates</th>
              <th scope="col">Failures went</th>
              <th scope="col">Events lost</th>
              <th scope="col">Concurrency peak</th>
              <th scope="col">Cost</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                <th scope="row">{panes[i]!.title}</th>
                <td>
                  {formatCount(row.items)} ({formatCount(row.succeeded)} succeeded)
                </td>
                <td>{formatCount(row.attempts)}</td>
                <td>{latency(row)}</td>
                <td>{row.duplicates === 0 ? 'none' : plural(row.duplicates, 'extra run')}</td>
                <td>{failures(row)}</td>
                <td className={row.lost > 0 ? 'is-bad' : undefined}>{formatCount(row.lost)}</td>
                <td>{formatCount(row.concurrencyPeak)}</td>
                <td>{formatUSD(row.costUsd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">
        Duplicates are extra successful runs of the handler for an item that had already succeeded. An event
        is lost when it failed and no destination, dead-letter queue or caller received it.
      </p>
    </section>
  );
}
