/**
 * The thin part that talks to uPlot: a metric series as uPlot's data and options (stepped lines, since a
 * value holds for its whole period), and a check that the browser can draw on a canvas at all (component
 * tests run without one and still get the summary and the table).
 */
import uPlot from 'uplot';
import { formatDuration } from '../../app/format';
import { formatMetricValue, type MetricSeries, type MetricsSeriesSet } from '../../store/metricsSeries';
import type { ChartPalette } from './chartPalette';

export const CHART_HEIGHT = 120;

/** True when canvases can be drawn (false in DOM emulations without a 2D context). */
export function canDrawCharts(): boolean {
  try {
    return document.createElement('canvas').getContext('2d') !== null;
  } catch {
    return false;
  }
}

/** uPlot's aligned data: x in seconds of simulated time, y with null where there is no data point. */
export function plotData(series: MetricSeries, set: MetricsSeriesSet): uPlot.AlignedData {
  const xs = Array.from(set.startsMs, (ms) => ms / 1000);
  const ys = Array.from(series.values, (v) => (Number.isNaN(v) ? null : v));
  return [xs, ys];
}

/** An axis tick for simulated seconds: `0`, `30 s`, `5 min`, `2 h`. */
export function formatTimeTick(seconds: number): string {
  return seconds === 0 ? '0' : formatDuration(seconds * 1000);
}

/** The chart's options: one stepped series, shared time range 0…end, colours from the palette. */
export function chartOptions(
  series: MetricSeries,
  set: MetricsSeriesSet,
  palette: ChartPalette,
  width: number,
): uPlot.Options {
  const axis = {
    stroke: palette.text,
    grid: { stroke: palette.grid, width: 1 },
    ticks: { stroke: palette.grid, width: 1 },
    font: '11px system-ui, sans-serif',
  };
  const onePoint = set.startsMs.length < 3;
  return {
    width,
    height: CHART_HEIGHT,
    legend: { show: false },
    cursor: { show: false },
    select: { show: false, left: 0, top: 0, width: 0, height: 0 },
    scales: {
      x: { time: false, range: [0, Math.max(set.endMs, set.periodMs) / 1000] },
      y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] },
    },
    axes: [
      { ...axis, values: (_u, ticks) => ticks.map(formatTimeTick) },
      { ...axis, size: 56, values: (_u, ticks) => ticks.map((v) => formatMetricValue(v, series.unit)) },
    ],
    series: [
      {},
      {
        label: series.metric,
        stroke: palette.line,
        fill: palette.fill,
        width: 1.5,
        paths: uPlot.paths.stepped?.({ align: 1 }),
        points: { show: onePoint, size: 6 },
        spanGaps: false,
      },
    ],
  };
}
