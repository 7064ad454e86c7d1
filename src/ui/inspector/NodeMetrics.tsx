/**
 * A component's metrics so far, under CloudWatch's names: for the function and the Lambda service, the
 * run's metrics at the player's moment. Loaded when such a component is first selected.
 */
import { useMemo } from 'react';
import { formatCount, formatDuration, formatUSD } from '../../app/format';
import { metricsAt } from '../../store/selectors';
import { useSimStore } from '../../store/useSimStore';
import './inspector.css';
import { usePacedCursor } from '../../store/usePacedCursor';

export function NodeMetrics() {
  const results = useSimStore((s) => s.results);
  const log = useSimStore((s) => s.log);
  const cursor = usePacedCursor();
  const m = useMemo(() => (results ? metricsAt(results, log, cursor) : null), [results, log, cursor]);
  if (!m) return null;
  const rows: Array<[string, string]> = [
    ['Invocations', formatCount(m.Invocations)],
    ['Errors', formatCount(m.Errors)],
    ['Throttles', formatCount(m.Throttles)],
    ['ConcurrentExecutions (max)', formatCount(m.ConcurrentExecutionsMax)],
    ['Duration (max)', formatDuration(m.DurationMaxMs)],
    ['Billed duration', formatDuration(m.BilledDurationMs)],
    ['Cost', formatUSD(m.CostUSD)],
  ];
  if (m.AsyncEventsReceived > 0) {
    rows.push(['AsyncEventsReceived', formatCount(m.AsyncEventsReceived)]);
    rows.push(['AsyncEventsDropped', formatCount(m.AsyncEventsDropped)]);
    rows.push(['AsyncEventAge (max)', formatDuration(m.AsyncEventAgeMaxMs)]);
  }
  if (m.IteratorAgeMaxMs > 0) rows.push(['IteratorAge (max)', formatDuration(m.IteratorAgeMaxMs)]);
  return (
    <>
      <h3 className="selection-subhead">Metrics so far</h3>
      <dl className="selection-config node-metrics" aria-label="Metrics so far">
        {rows.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
