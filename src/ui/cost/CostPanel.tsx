/**
 * What the run costs (§5): billed requests, compute GB-seconds and billed Init of on-demand cold starts,
 * at the player's moment and for the whole run, then a month at a rate the reader chooses, with the
 * arithmetic written out. The numbers come from src/store/costEstimate.ts; this file only shows them.
 * Lazy-loaded.
 */
import './cost.css';
import { useId, useMemo, useState } from 'react';
import { formatCount, formatDecimal, formatUSD } from '../../app/format';
import {
  FREE_TIER,
  HOURS_PER_MONTH,
  monthlyCost,
  runCost,
  unitPrices,
  usageAt,
  type Architecture,
  type Pricing,
  type Rate,
  type RunCost,
  type Usage,
} from '../../store/costEstimate';
import { useSimStore } from '../../store/useSimStore';
import { usePacedCursor } from '../../store/usePacedCursor';

type RateUnit = 'hour' | 'day' | 'second';

const RATE_LABEL: Record<RateUnit, string> = {
  hour: 'runs of this workload per hour',
  day: 'runs of this workload per day',
  second: 'requests per second',
};

function toRate(unit: RateUnit, value: number): Rate {
  return unit === 'second' ? { per: 'second', requests: value } : { per: unit, runs: value };
}

const gbs = (n: number) => `${formatDecimal(n)} GB-s`;

function UsageTable({
  now,
  whole,
  nowUsage,
  wholeUsage,
}: {
  now: RunCost;
  whole: RunCost;
  nowUsage: Usage;
  wholeUsage: Usage;
}) {
  return (
    <table className="cost-table">
      <thead>
        <tr>
          <th scope="col">Billed</th>
          <th scope="col">So far</th>
          <th scope="col">Whole run</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">Requests</th>
          <td>
            {formatCount(now.requests)} · {formatUSD(now.requestUSD)}
          </td>
          <td>
            {formatCount(whole.requests)} · {formatUSD(whole.requestUSD)}
          </td>
        </tr>
        <tr>
          <th scope="row">Compute (Invoke)</th>
          <td>
            {gbs(now.invokeGbSeconds)} · {formatUSD(now.invokeUSD)}
          </td>
          <td>
            {gbs(whole.invokeGbSeconds)} · {formatUSD(whole.invokeUSD)}
          </td>
        </tr>
        <tr>
          <th scope="row">Init (on-demand cold starts)</th>
          <td>
            {formatCount(nowUsage.billedInits)} · {gbs(now.initGbSeconds)} · {formatUSD(now.initUSD)}
          </td>
          <td>
            {formatCount(wholeUsage.billedInits)} · {gbs(whole.initGbSeconds)} · {formatUSD(whole.initUSD)}
          </td>
        </tr>
        <tr className="cost-total">
          <th scope="row">Total</th>
          <td>{formatUSD(now.totalUSD)}</td>
          <td>{formatUSD(whole.totalUSD)}</td>
        </tr>
      </tbody>
    </table>
  );
}

function MonthlyArithmetic({ usage, rate, pricing }: { usage: Usage; rate: Rate; pricing: Pricing }) {
  const m = monthlyCost(usage, rate, pricing);
  const { perRequest, perGbSecond } = unitPrices(pricing.architecture);
  const runsLine =
    rate.per === 'second'
      ? `${formatDecimal(rate.requests)} requests/s × 3,600 s × ${HOURS_PER_MONTH} h ÷ ${formatCount(usage.requests)} requests per run = ${formatDecimal(m.runsPerMonth)} runs`
      : `${formatDecimal(rate.runs)} per ${rate.per} × ${rate.per === 'hour' ? `${HOURS_PER_MONTH} h` : `${HOURS_PER_MONTH} h ÷ 24`} = ${formatDecimal(m.runsPerMonth)} runs`;
  const freeRequests = pricing.freeTier ? ` − ${formatCount(FREE_TIER.requests)} free` : '';
  const freeGbs = pricing.freeTier ? ` − ${formatCount(FREE_TIER.gbSeconds)} free` : '';
  const tiered = m.chargedGbSeconds > 6e9 ? ' (10 % and 20 % less above the first tiers)' : '';
  return (
    <ol className="cost-arithmetic">
      <li data-line="runs">
        Runs per month ({HOURS_PER_MONTH} h): {runsLine}
      </li>
      <li data-line="requests">
        Requests: {formatCount(Math.round(m.requests))}
        {freeRequests} = {formatCount(Math.round(m.chargedRequests))} × ${perRequest.toFixed(7)} ={' '}
        <strong>{formatUSD(m.requestUSD)}</strong>
      </li>
      <li data-line="compute">
        Compute: {gbs(m.invokeGbSeconds)} Invoke + {gbs(m.initGbSeconds)} Init{freeGbs} ={' '}
        {gbs(m.chargedGbSeconds)} × ${perGbSecond.toFixed(10)}
        {tiered} = <strong>{formatUSD(m.computeUSD)}</strong>
      </li>
      <li data-line="total">
        Per month: <strong>{formatUSD(m.totalUSD)}</strong>
      </li>
    </ol>
  );
}

export function CostPanel() {
  const scenario = useSimStore((s) => s.scenario);
  const log = useSimStore((s) => s.log);
  const cursor = usePacedCursor();
  const results = useSimStore((s) => s.results);
  const ids = useId();
  const [architecture, setArchitecture] = useState<Architecture | null>(null);
  const [freeTier, setFreeTier] = useState<boolean | null>(null);
  const [unit, setUnit] = useState<RateUnit>('hour');
  const [value, setValue] = useState('1');

  const nowUsage = useMemo(() => usageAt(log, cursor), [log, cursor]);
  const wholeUsage = useMemo(() => usageAt(log, log.length - 1), [log]);
  if (!results || !scenario) return null;

  // The scenario's own settings until the reader picks others.
  const pricing: Pricing = {
    memoryMb: scenario.function.MemorySize,
    architecture: architecture ?? scenario.function.Architectures[0],
    freeTier: freeTier ?? scenario.account.freeTier,
  };
  const listPrices = { ...pricing, freeTier: false };
  const amount = Math.max(0, Number(value) || 0);

  return (
    <section className="panel cost-panel" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>Cost</h2>
      <p className="cost-note">
        {formatCount(pricing.memoryMb)} MB, billed per 1 ms; Init of on-demand cold starts is billed too. One
        run at list prices (the free tier is a monthly allowance).
      </p>
      <UsageTable
        now={runCost(nowUsage, listPrices)}
        whole={runCost(wholeUsage, listPrices)}
        nowUsage={nowUsage}
        wholeUsage={wholeUsage}
      />
      <h3>Per month</h3>
      <div className="cost-controls">
        <label>
          <input
            type="number"
            min={0}
            step="any"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            aria-label="How often"
          />{' '}
          <select value={unit} onChange={(e) => setUnit(e.target.value as RateUnit)} aria-label="Rate unit">
            {(Object.keys(RATE_LABEL) as RateUnit[]).map((u) => (
              <option key={u} value={u}>
                {RATE_LABEL[u]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Architecture{' '}
          <select
            value={pricing.architecture}
            onChange={(e) => setArchitecture(e.target.value as Architecture)}
          >
            <option value="x86_64">x86_64</option>
            <option value="arm64">arm64 (20 % less per GB-s)</option>
          </select>
        </label>
        <label>
          <input type="checkbox" checked={pricing.freeTier} onChange={(e) => setFreeTier(e.target.checked)} />{' '}
          Free tier (1 M requests and 400,000 GB-s a month)
        </label>
      </div>
      <MonthlyArithmetic usage={wholeUsage} rate={toRate(unit, amount)} pricing={pricing} />
    </section>
  );
}
