/**
 * The thin part that talks to uPlot for a sweep's histograms: bins as bars, x at each bin's middle,
 * axis labels in the outcome's unit, colours from the theme's palette (src/ui/charts/chartPalette.ts).
 */
import uPlot from 'uplot';
import type { ChartPalette } from '../charts/chartPalette';
import type { Histogram } from '../../store/sweep/distribution';
import { formatOutcome, type OutcomeUnit } from '../../store/sweep/headlines';

export const HISTOGRAM_HEIGHT = 110;

/** uPlot's aligned data: x at each bin's middle, y the number of runs in it. */
export function histogramData(h: Histogram): uPlot.AlignedData {
  return [h.starts.map((s) => s + h.width / 2), h.counts];
}

/** The chart's options: bars filling their bins, x in the outcome's unit, y from 0. */
export function histogramOptions(
  h: Histogram,
  unit: OutcomeUnit,
  palette: ChartPalette,
  width: number,
): uPlot.Options {
  const axis = {
    stroke: palette.text,
    grid: { stroke: palette.grid, width: 1 },
    ticks: { stroke: palette.grid, width: 1 },
    font: '11px system-ui, sans-serif',
  };
  // A single bin of width 0 (every run the same) still gets a visible bar.
  const half = h.width > 0 ? h.width / 2 : Math.max(Math.abs(h.starts[0] ?? 0) * 0.05, 0.5);
  const first = (h.starts[0] ?? 0) + h.width / 2;
  const last = (h.starts.at(-1) ?? 0) + h.width / 2;
  return {
    width,
    height: HISTOGRAM_HEIGHT,
    legend: { show: false },
    cursor: { show: false },
    select: { show: false, left: 0, top: 0, width: 0, height: 0 },
    scales: {
      x: { time: false, range: [first - half, last + half] },
      y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] },
    },
    axes: [
      { ...axis, values: (_u, ticks) => ticks.map((v) => formatOutcome(v, unit)) },
      { ...axis, size: 44 },
    ],
    series: [
      {},
      {
        label: 'Runs',
        stroke: palette.line,
        fill: palette.fill,
        width: 1,
        paths: uPlot.paths.bars?.({ size: [1, Infinity], gap: 1 }),
        points: { show: false },
      },
    ],
  };
}
