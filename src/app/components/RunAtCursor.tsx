/**
 * The run's panels as they stood at the player's moment: items, metrics, deliveries and the timeline.
 * It re-renders when the cursor moves (an event is shown), not every animation frame: between two
 * events nothing changes (see src/store/selectors.ts).
 */
import { useMemo } from 'react';
import { metricsAt, shownMs } from '../../store/selectors';
import { useSimStore } from '../../store/useSimStore';
import { Deliveries } from './Deliveries';
import { ItemsSummary } from './ItemsSummary';
import { MetricsPanel } from './MetricsPanel';
import { Timeline } from './Timeline';

export function RunAtCursor() {
  const results = useSimStore((s) => s.results);
  const log = useSimStore((s) => s.log);
  const cursor = useSimStore((s) => s.cursor);
  const playing = useSimStore((s) => s.playing);
  const selectedItem = useSimStore((s) => s.selectedItemId);
  const atMs = shownMs(log, cursor);
  const metrics = useMemo(() => (results ? metricsAt(results, log, cursor) : null), [results, log, cursor]);
  if (!results || !metrics) return null;
  // Decided on the whole run, so the layout does not change while it plays.
  const hasAsync = results.items.some((i) => i.kind === 'async');
  return (
    <>
      <ItemsSummary items={results.items} atMs={atMs} selectedItem={selectedItem} />
      <MetricsPanel metrics={metrics} hasAsync={hasAsync} />
      {/* Only async events have destinations or a DLQ; a sync caller gets the response itself. */}
      {hasAsync && <Deliveries items={results.items} atMs={atMs} />}
      <Timeline log={log} cursor={cursor} playing={playing} selectedItem={selectedItem} />
    </>
  );
}
