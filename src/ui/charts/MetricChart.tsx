/**
 * One metric over the run: its title (CloudWatch name, statistic and period, unit), the chart, a
 * sentence that says what the chart shows, and a table of its points on demand. The player's moment is a
 * vertical line written straight to the DOM on every clock change (useTransient), so playing does not
 * re-render the charts; clicking the chart, or a period in the table, moves the player there.
 */
import { useEffect, useId, useRef, useState } from 'react';
import uPlot from 'uplot';
import { formatOffset } from '../../app/format';
import {
  describeSeries,
  formatMetricValue,
  statisticLabel,
  type MetricSeries,
  type MetricsSeriesSet,
} from '../../store/metricsSeries';
import { useTransient } from '../../store/useTransient';
import type { ChartPalette } from './chartPalette';
import { chartOptions, plotData } from './uplotChart';

interface Props {
  series: MetricSeries;
  set: MetricsSeriesSet;
  palette: ChartPalette;
  /** False where no canvas can be drawn: the summary and the table remain. */
  drawable: boolean;
  onSeek(ms: number): void;
}

const UNIT_WORD: Record<MetricSeries['unit'], string> = {
  Count: 'count',
  Milliseconds: 'ms',
  Seconds: 's',
};

function PointsTable({ series, set, onSeek }: Omit<Props, 'palette' | 'drawable'>) {
  return (
    <table className="metric-chart-table">
      <caption>
        {series.metric}, {statisticLabel(series, set.periodMs)}
      </caption>
      <thead>
        <tr>
          <th scope="col">Period from</th>
          <th scope="col">
            {series.statistic} ({UNIT_WORD[series.unit]})
          </th>
        </tr>
      </thead>
      <tbody>
        {Array.from(set.startsMs, (start, b) => {
          const v = series.values[b]!;
          return (
            <tr key={b}>
              <th scope="row">
                <button type="button" className="link-button" onClick={() => onSeek(start)}>
                  {formatOffset(start)}
                </button>
              </th>
              <td>{Number.isNaN(v) ? 'no data' : formatMetricValue(v, series.unit)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function MetricChart({ series, set, palette, drawable, onSeek }: Props) {
  const titleId = useId();
  const summaryId = useId();
  const [showTable, setShowTable] = useState(false);
  const plotRef = useRef<HTMLDivElement>(null);
  const cursorRef = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const clock = useRef(0);
  const summary = describeSeries(series, set.startsMs, set.periodMs);

  /** Where the plotting area sits in the host, measured when a chart is drawn or resized (not per frame). */
  const area = useRef({ left: 0, top: 0, height: 0 });
  const placeCursor = (ms: number) => {
    clock.current = ms;
    const line = cursorRef.current;
    if (!line) return;
    const u = chart.current;
    if (u) {
      line.style.left = `${area.current.left + u.valToPos(ms / 1000, 'x')}px`;
    } else {
      const range = Math.max(set.endMs, set.periodMs);
      line.style.left = `${(100 * Math.min(ms, range)) / range}%`;
    }
  };
  const measure = (u: uPlot) => {
    area.current = { left: u.over.offsetLeft, top: u.over.offsetTop, height: u.over.offsetHeight };
    const line = cursorRef.current;
    if (line) {
      line.style.top = `${area.current.top}px`;
      line.style.height = `${area.current.height}px`;
    }
  };
  useTransient((s) => s.clockMs, placeCursor);

  useEffect(() => {
    const host = plotRef.current;
    if (!drawable || !host) return;
    const width = Math.max(200, host.clientWidth);
    const u = new uPlot(chartOptions(series, set, palette, width), plotData(series, set), host);
    chart.current = u;
    measure(u);
    placeCursor(clock.current);
    const seek = (e: MouseEvent) => onSeek(Math.max(0, u.posToVal(e.offsetX, 'x') * 1000));
    u.over.addEventListener('click', seek);
    const resize = new ResizeObserver(() => {
      const w = Math.max(200, host.clientWidth);
      if (w !== u.width) {
        u.setSize({ width: w, height: u.height });
        measure(u);
        placeCursor(clock.current);
      }
    });
    resize.observe(host);
    return () => {
      resize.disconnect();
      u.over.removeEventListener('click', seek);
      u.destroy();
      chart.current = null;
    };
    // placeCursor and measure read refs only; a new chart is made when its data, colours or drawability change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [series, set, palette, drawable, onSeek]);

  return (
    <figure className="metric-chart" aria-labelledby={titleId} aria-describedby={summaryId}>
      <figcaption id={titleId} className="metric-chart-title">
        <span className="metric-chart-name">{series.metric}</span>{' '}
        <span className="metric-chart-stat">
          {statisticLabel(series, set.periodMs)} · {UNIT_WORD[series.unit]}
        </span>
      </figcaption>
      <div ref={plotRef} className="metric-chart-plot" role="img" aria-label={summary}>
        <div ref={cursorRef} className="metric-chart-cursor" aria-hidden="true" />
      </div>
      <p id={summaryId} className="metric-chart-summary">
        {summary}
      </p>
      <button
        type="button"
        className="metric-chart-toggle"
        aria-expanded={showTable}
        onClick={() => setShowTable((v) => !v)}
      >
        {showTable ? 'Hide table' : 'Show as table'}
      </button>
      {showTable && <PointsTable series={series} set={set} onSeek={onSeek} />}
    </figure>
  );
}
