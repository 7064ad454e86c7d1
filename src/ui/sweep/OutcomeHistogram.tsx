/**
 * One outcome's distribution over the sweep's runs: its sentence, a small histogram (uPlot) and, as its
 * text alternative, a table of the bins on demand. Where no canvas can be drawn (component tests) the
 * sentence and the table remain.
 */
import { useEffect, useId, useRef } from 'react';
import uPlot from 'uplot';
import type { ChartPalette } from '../charts/chartPalette';
import { formatCount } from '../../app/format';
import { formatOutcome, type Outcome } from '../../store/sweep/headlines';
import { histogramData, histogramOptions } from './histogramChart';

interface Props {
  outcome: Outcome;
  palette: ChartPalette;
  drawable: boolean;
}

function BinsTable({ outcome }: { outcome: Outcome }) {
  const { histogram: h } = outcome.distribution;
  const f = (v: number) => formatOutcome(v, outcome.unit);
  return (
    <table className="sweep-bins">
      <caption>{outcome.label}: runs per range</caption>
      <thead>
        <tr>
          <th scope="col">Range</th>
          <th scope="col">Runs</th>
        </tr>
      </thead>
      <tbody>
        {h.counts.map((count, b) => {
          const start = h.starts[b]!;
          const label = h.discrete ? f(start) : `${f(start)} – ${f(start + h.width)}`;
          return (
            <tr key={b}>
              <th scope="row">{label}</th>
              <td>{formatCount(count)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function OutcomeHistogram({ outcome, palette, drawable }: Props) {
  const titleId = useId();
  const plotRef = useRef<HTMLDivElement>(null);
  const { histogram } = outcome.distribution;

  useEffect(() => {
    const host = plotRef.current;
    if (!drawable || !host) return;
    const width = Math.max(160, host.clientWidth || 240);
    const chart = new uPlot(
      histogramOptions(histogram, outcome.unit, palette, width),
      histogramData(histogram),
      host,
    );
    const resize = new ResizeObserver(() => {
      const w = host.clientWidth;
      if (w > 0 && w !== chart.width) chart.setSize({ width: w, height: chart.height });
    });
    resize.observe(host);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [drawable, histogram, outcome.unit, palette]);

  const d = outcome.distribution;
  const range = `${formatOutcome(d.min, outcome.unit)} to ${formatOutcome(d.max, outcome.unit)}`;
  return (
    <figure className="sweep-histogram" aria-labelledby={titleId}>
      <figcaption id={titleId}>
        <span className="sweep-histogram-name">{outcome.label}</span>{' '}
        <span className="sweep-histogram-range">
          over {formatCount(d.count)} runs: {range}, mean {formatOutcome(d.mean, outcome.unit)}
        </span>
      </figcaption>
      {drawable && <div ref={plotRef} className="sweep-histogram-plot" aria-hidden="true" />}
      <details className="sweep-histogram-details">
        <summary>Table</summary>
        <BinsTable outcome={outcome} />
      </details>
    </figure>
  );
}
