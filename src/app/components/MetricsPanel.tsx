/** The run's CloudWatch metrics (AWS's names) and what it cost. */
import type { ResultMetrics } from '../../engine/results';
import { formatCount, formatDecimal, formatDuration, formatUSD } from '../format';

type MetricKey = keyof ResultMetrics;

interface MetricDef {
  key: MetricKey;
  /** The CloudWatch name, as a practitioner would search for it. */
  name: string;
  hint: string;
  format(value: number): string;
  /** Shown only when non-zero, or when the run has async items. */
  when?: 'nonzero' | 'async';
}

const count = (v: number) => formatCount(v);
const millis = (v: number) => `${formatCount(v)} ms`;
/** Billed time: milliseconds while they are readable, whole seconds beyond. */
const billedTime = (v: number) => (v < 100_000 ? millis(v) : `${formatCount(Math.round(v / 1000))} s`);

const METRICS: MetricDef[] = [
  {
    key: 'Invocations',
    name: 'Invocations',
    hint: 'times the handler ran (throttles excluded)',
    format: count,
  },
  { key: 'Errors', name: 'Errors', hint: 'invocations that failed or timed out', format: count },
  { key: 'Throttles', name: 'Throttles', hint: 'requests refused for lack of concurrency', format: count },
  {
    key: 'ConcurrentExecutionsMax',
    name: 'ConcurrentExecutions',
    hint: 'maximum at once',
    format: count,
  },
  {
    key: 'DurationMaxMs',
    name: 'Duration',
    hint: 'maximum, one invocation',
    format: (v) => formatDuration(v),
  },
  {
    key: 'AsyncEventsReceived',
    name: 'AsyncEventsReceived',
    hint: 'events accepted into the queue',
    format: count,
    when: 'async',
  },
  {
    key: 'AsyncEventsDropped',
    name: 'AsyncEventsDropped',
    hint: 'events Lambda gave up on',
    format: count,
    when: 'async',
  },
  {
    key: 'AsyncEventAgeMaxMs',
    name: 'AsyncEventAge',
    hint: 'maximum time in the queue before a run',
    format: (v) => formatDuration(v),
    when: 'async',
  },
  {
    key: 'DeadLetterErrors',
    name: 'DeadLetterErrors',
    hint: 'failed writes to the dead-letter queue',
    format: count,
    when: 'async',
  },
  {
    key: 'DestinationDeliveryFailures',
    name: 'DestinationDeliveryFailures',
    hint: 'failed writes to a destination',
    format: count,
    when: 'async',
  },
  {
    key: 'ProvisionedConcurrencySpilloverInvocations',
    name: 'ProvisionedConcurrencySpilloverInvocations',
    hint: 'ran on-demand because provisioned was busy',
    format: count,
    when: 'nonzero',
  },
  { key: 'IteratorAgeMaxMs', name: 'IteratorAge', hint: 'maximum', format: millis, when: 'nonzero' },
  { key: 'BilledDurationMs', name: 'Billed duration', hint: 'Invoke plus billed Init', format: billedTime },
  { key: 'GBSeconds', name: 'GB-seconds', hint: 'billed duration × memory', format: formatDecimal },
  { key: 'CostUSD', name: 'Cost', hint: 'requests + compute, USD', format: formatUSD },
];

/** Breaks long CloudWatch names between words: `DestinationDeliveryFailures` → Destination·Delivery·Failures. */
function breakable(name: string) {
  const parts = name.split(/(?<=[a-z])(?=[A-Z])/);
  return parts.map((part, i) => (
    <span key={i}>
      {i > 0 && <wbr />}
      {part}
    </span>
  ));
}

/** `$6.12 per million runs like this one`: a cost a person can compare. */
function perMillion(cost: number): string | null {
  if (cost <= 0) return null;
  return `≈ ${formatUSD(cost * 1_000_000)} per million runs like this`;
}

export function MetricsPanel({ metrics, hasAsync }: { metrics: ResultMetrics; hasAsync: boolean }) {
  const shown = METRICS.filter((m) => {
    const value = metrics[m.key];
    if (m.when === 'nonzero') return value !== 0;
    if (m.when === 'async') return hasAsync || value !== 0;
    return true;
  });
  return (
    <section className="panel" aria-labelledby="metrics-title">
      <h2 id="metrics-title">Metrics</h2>
      <dl className="metrics">
        {shown.map((m) => (
          <div key={m.key} className="metric" data-metric={m.key}>
            <dt>
              <span className="metric-name">{breakable(m.name)}</span>
              <span className="metric-hint">
                {m.key === 'CostUSD' ? (perMillion(metrics.CostUSD) ?? m.hint) : m.hint}
              </span>
            </dt>
            <dd title={String(metrics[m.key])}>{m.format(metrics[m.key])}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
