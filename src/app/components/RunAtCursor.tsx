/**
 * The run's panels as they stood at the player's moment: items, metrics with their charts over simulated
 * time and the cost, the many-runs sweep, deliveries and the timeline.
 * It re-renders when the cursor moves (an event is shown), not every animation frame: between two events
 * nothing changes (see src/store/selectors.ts). While the player plays, it follows the cursor at most
 * every PACED_INTERVAL_MS (usePacedCursor), so the frames go to the diagram.
 */
import { Suspense, lazy, useMemo } from 'react';
import { metricsAt, shownMs } from '../../store/selectors';
import { useSimStore } from '../../store/useSimStore';
import { useSimulationClient } from '../SimulationClientContext';
import { Deliveries } from './Deliveries';
import { ItemsSummary } from './ItemsSummary';
import { MetricsPanel } from './MetricsPanel';
import { Timeline } from './Timeline';
import { usePacedCursor } from '../../store/usePacedCursor';

// The charts (uPlot) and the cost estimate load with these tables, not with the first screen.
const MetricsCharts = lazy(() =>
  import('../../ui/charts/MetricsCharts').then((m) => ({ default: m.MetricsCharts })),
);
const CostPanel = lazy(() => import('../../ui/cost/CostPanel').then((m) => ({ default: m.CostPanel })));
// The many-runs sweep: its panel, statistics and histograms load with these tables too.
const SweepPanel = lazy(() => import('../../ui/sweep/SweepPanel').then((m) => ({ default: m.SweepPanel })));

export function RunAtCursor() {
  const results = useSimStore((s) => s.results);
  const log = useSimStore((s) => s.log);
  // Paced while playing: these tables summarise the run, and the diagram needs the frames.
  const cursor = usePacedCursor();
  const playing = useSimStore((s) => s.playing);
  const selectedItem = useSimStore((s) => s.selectedItemId);
  const client = useSimulationClient();
  const atMs = shownMs(log, cursor);
  const metrics = useMemo(() => (results ? metricsAt(results, log, cursor) : null), [results, log, cursor]);
  if (!results || !metrics) return null;
  // Decided on the whole run, so the layout does not change while it plays.
  const hasAsync = results.items.some((i) => i.kind === 'async');
  return (
    <>
      <ItemsSummary items={results.items} atMs={atMs} selectedItem={selectedItem} />
      <MetricsPanel metrics={metrics} hasAsync={hasAsync} />
      <Suspense fallback={null}>
        <MetricsCharts />
        <CostPanel />
        {/* Only where the shell provides its client (not in an embed or presenter view). */}
        {client && <SweepPanel client={client} />}
      </Suspense>
      {/* Only async events have destinations or a DLQ; a sync caller gets the response itself. */}
      {hasAsync && <Deliveries items={results.items} atMs={atMs} />}
      <Timeline log={log} cursor={cursor} playing={playing} selectedItem={selectedItem} />
    </>
  );
}
