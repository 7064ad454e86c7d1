/**
 * "Run 1,000 times": the shown scenario run once per seed in the worker, from the shown run's seed on,
 * and what the runs did as a distribution — headline sentences (median, p5, p95) and a small histogram
 * with a table per outcome. The runs and their summaries happen in the worker; the page only receives
 * one row of numbers per run and reduces them once at the end, so it stays responsive throughout.
 * Lazy-loaded; the shell passes the SimulationClient it owns.
 */
import './sweep.css';
import { memo, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { SimulationClient, SweepProgress } from '../../bridge/simulationClient';
import { SimulationError } from '../../bridge/simulationClient';
import { formatCount } from '../../app/format';
import { useChartPalette } from '../charts/chartPalette';
import { canDrawCharts } from '../charts/uplotChart';
import { summariseSweep, type SweepSummary } from '../../store/sweep/headlines';
import { useSimStore } from '../../store/useSimStore';
import { OutcomeHistogram } from './OutcomeHistogram';

/** The counts offered; 1,000 is the default. */
export const SWEEP_COUNTS = [100, 1000, 10_000] as const;

const MAX_SEED = 0xffffffff;

type SweepState =
  | { phase: 'idle' }
  | { phase: 'running'; done: number; total: number }
  | { phase: 'done'; summary: SweepSummary }
  | { phase: 'failed'; message: string };

interface Props {
  client: SimulationClient;
}

function Progress({ done, total, onCancel }: SweepProgress & { onCancel(): void }) {
  const labelId = useId();
  return (
    <div className="sweep-progress">
      <span id={labelId}>
        Runs done: {formatCount(done)} of {formatCount(total)}
      </span>
      <progress aria-labelledby={labelId} max={total} value={done} />
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

function Results({ summary }: { summary: SweepSummary }) {
  const rootRef = useRef<HTMLDivElement>(null);
  const palette = useChartPalette(rootRef);
  const [drawable] = useState(canDrawCharts);
  // Outcomes that vary get a histogram; the same value in every run is said in its sentence alone.
  const varying = summary.outcomes.filter(
    (o) => o.distribution.count > 0 && o.distribution.min < o.distribution.max,
  );
  return (
    <div ref={rootRef} className="sweep-results">
      <p className="sweep-done">
        {formatCount(summary.runs)} runs done (seeds {formatCount(summary.firstSeed)} to{' '}
        {formatCount(summary.lastSeed)}). Each figure is the median over the runs, with the 5th and 95th
        percentiles.
      </p>
      <ul className="sweep-headlines">
        {summary.outcomes.map((o) => (
          <li key={o.key} data-outcome={o.key}>
            {o.text}
          </li>
        ))}
      </ul>
      {varying.length > 0 && (
        <div className="sweep-histograms">
          {varying.map((o) => (
            <OutcomeHistogram key={o.key} outcome={o} palette={palette} drawable={drawable} />
          ))}
        </div>
      )}
    </div>
  );
}

/** The many-runs panel; memoised, as the run's view re-renders it whenever the player's cursor moves. */
export const SweepPanel = memo(function SweepPanel({ client }: Props) {
  const titleId = useId();
  const countId = useId();
  const scenario = useSimStore((s) => s.scenario);
  const seed = useSimStore((s) => s.seed);
  const [count, setCount] = useState<number>(1000);
  // What was swept belongs to the scenario and seed it was started for; once another is shown it no
  // longer applies, so it reads as idle (and the effect below stops it).
  const [sweep, setSweep] = useState<{ for: unknown; seed: number; state: SweepState }>({
    for: null,
    seed: 0,
    state: { phase: 'idle' },
  });
  const state: SweepState = sweep.for === scenario && sweep.seed === seed ? sweep.state : { phase: 'idle' };
  const setState = (next: SweepState) => setSweep({ for: scenario, seed, state: next });
  const abort = useRef<AbortController | null>(null);

  useEffect(
    () => () => {
      abort.current?.abort();
      abort.current = null;
    },
    [scenario, seed],
  );

  const from = useMemo(() => Math.max(0, Math.min(seed, MAX_SEED - count + 1)), [seed, count]);

  function start(): void {
    if (!scenario) return;
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setState({ phase: 'running', done: 0, total: count });
    client
      .sweep(
        { scenario, seeds: { from, count } },
        {
          signal: controller.signal,
          onProgress: ({ done, total }) => {
            if (abort.current === controller) setState({ phase: 'running', done, total });
          },
        },
      )
      .then(
        ({ runs }) => {
          if (abort.current !== controller) return;
          abort.current = null;
          setState({ phase: 'done', summary: summariseSweep(runs) });
        },
        (e: unknown) => {
          if (abort.current !== controller) return;
          abort.current = null;
          if (e instanceof SimulationError && e.kind === 'cancelled') setState({ phase: 'idle' });
          else setState({ phase: 'failed', message: e instanceof Error ? e.message : String(e) });
        },
      );
  }

  function cancel(): void {
    abort.current?.abort();
  }

  if (!scenario) return null;
  const running = state.phase === 'running';
  return (
    <section className="panel sweep-panel" aria-labelledby={titleId}>
      <h2 id={titleId}>Many runs</h2>
      <p className="sweep-note">
        Retries, jitter and failures depend on the seed. Run this scenario with many seeds (from the shown
        run’s seed, {formatCount(seed)}, on) to see how its outcomes vary.
      </p>
      <div className="sweep-controls">
        <label htmlFor={countId}>Runs</label>
        <select
          id={countId}
          value={count}
          disabled={running}
          onChange={(e) => setCount(Number(e.currentTarget.value))}
        >
          {SWEEP_COUNTS.map((n) => (
            <option key={n} value={n}>
              {formatCount(n)}
            </option>
          ))}
        </select>
        <button type="button" className="sweep-start" onClick={start} disabled={running}>
          Run {formatCount(count)} times
        </button>
      </div>
      <div role="status" className="sweep-status">
        {state.phase === 'running' && `Running ${formatCount(state.total)} seeds…`}
        {state.phase === 'done' && `${formatCount(state.summary.runs)} runs done.`}
      </div>
      {state.phase === 'running' && <Progress done={state.done} total={state.total} onCancel={cancel} />}
      {state.phase === 'failed' && (
        <p className="sweep-error" role="alert">
          {state.message}
        </p>
      )}
      {state.phase === 'done' && <Results summary={state.summary} />}
    </section>
  );
});
