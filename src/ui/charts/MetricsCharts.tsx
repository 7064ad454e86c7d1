/**
 * The run's CloudWatch metrics over simulated time, one small chart per metric that applies to the
 * scenario (no queue chart without an SQS source, no IteratorAge without a stream). Lazy-loaded: uPlot
 * and these styles stay out of the first bundle.
 */
import 'uplot/dist/uPlot.min.css';
import './charts.css';
import { useCallback, useMemo, useRef } from 'react';
import { formatPeriod, metricsSeries } from '../../store/metricsSeries';
import { useSimStore } from '../../store/useSimStore';
import { useChartPalette } from './chartPalette';
import { MetricChart } from './MetricChart';
import { canDrawCharts } from './uplotChart';

export function MetricsCharts() {
  const results = useSimStore((s) => s.results);
  const log = useSimStore((s) => s.log);
  const scenario = useSimStore((s) => s.scenario);
  const seekToTime = useSimStore((s) => s.seekToTime);
  const rootRef = useRef<HTMLElement>(null);
  const palette = useChartPalette(rootRef);
  const drawable = useMemo(() => canDrawCharts(), []);
  const set = useMemo(
    () => (results ? metricsSeries(results, log, scenario) : null),
    [results, log, scenario],
  );
  const onSeek = useCallback((ms: number) => seekToTime(ms), [seekToTime]);
  return (
    <section ref={rootRef} className="panel metrics-charts" aria-labelledby="metrics-charts-title">
      <h2 id="metrics-charts-title">Metrics over time</h2>
      {set && (
        <>
          <p className="metrics-charts-note">
            As CloudWatch aggregates them, per {formatPeriod(set.periodMs)}: Sum for counts, Maximum for
            durations, ages, concurrency and queue depth. The line marks the player’s moment; click a chart to
            move there.
          </p>
          <div className="metrics-charts-grid">
            {set.series.map((series) => (
              <MetricChart
                key={series.metric}
                series={series}
                set={set}
                palette={palette}
                drawable={drawable}
                onSeek={onSeek}
              />
            ))}
          </div>
        </>
      )}
    </section>
  );
}
