/**
 * §3.2 / §4 An SQS mapping allowed to run more batches at once than the function may run. The pollers do
 * not look at reserved concurrency: they start five batches at once and add up to 300 more per minute
 * while messages wait, up to `ScalingConfig.MaximumConcurrency` when it is set ("Don't set maximum
 * concurrency higher than the function's reserved concurrency"). Batches beyond the reserved concurrency
 * are throttled; their messages return after the visibility timeout, with one more receive counted.
 */
import type { Scenario, SqsSource } from '../schema';
import {
  backlogNote,
  burstMessages,
  capConcurrency,
  demoScenario,
  filterNote,
  num,
  sourcePath,
  succeed,
  withMessages,
} from './demo';
import type { FixChange, ScenarioWarning } from './types';

/** §3.2: the pollers start with five concurrent batches. */
const INITIAL_BATCHES = 5;
/** ScalingConfig.MaximumConcurrency cannot be below 2. */
const MIN_MAXIMUM_CONCURRENCY = 2;
/** The demonstration's burst never exceeds this many batches. */
const MAX_DEMO_BATCHES = 2000;

function fixFor(i: number, reserved: number): FixChange[] {
  const maximum = {
    path: `${sourcePath(i)}.mapping.ScalingConfig`,
    value: { MaximumConcurrency: Math.max(MIN_MAXIMUM_CONCURRENCY, reserved) },
    label: `Set ScalingConfig.MaximumConcurrency to ${num(Math.max(MIN_MAXIMUM_CONCURRENCY, reserved))}`,
  };
  if (reserved >= MIN_MAXIMUM_CONCURRENCY) return [maximum];
  // MaximumConcurrency has a minimum of 2, so a function limited to 1 needs a little more room.
  return [
    {
      path: 'function.ReservedConcurrentExecutions',
      value: 2,
      label: 'Raise ReservedConcurrentExecutions to 2',
    },
    maximum,
  ];
}

/** Handler run time for a throttling burst: as long as the timeouts allow, so fewer messages suffice. */
function burstDurationMs(scenario: Scenario, source: SqsSource): number {
  const limitMs = Math.min(scenario.function.Timeout, Math.max(1, source.queue.VisibilityTimeout)) * 1000;
  return Math.max(100, Math.min(limitMs * 0.8, limitMs - 500));
}

/**
 * Batches in a burst that makes the mapping throttle: at once when the five starting batches outnumber
 * the reserved concurrency, else only after the pollers scaled up, which takes a backlog of over a minute.
 */
function burstBatches(reserved: number, maximum: number | undefined, durationMs: number): number {
  const startsWith = Math.min(INITIAL_BATCHES, maximum ?? INITIAL_BATCHES);
  return startsWith > reserved ? 20 : reserved * Math.ceil(90_000 / durationMs) + 20;
}

/** The mapping may run more concurrent batches than the function's reserved concurrency. */
export function mappingConcurrencyAboveReserved(scenario: Scenario): ScenarioWarning[] {
  const reserved = scenario.function.ReservedConcurrentExecutions;
  if (reserved === undefined || reserved === 0) return [];
  return scenario.sources.flatMap((source, i) => {
    if (source.type !== 'sqs') return [];
    const maximum = source.mapping.ScalingConfig?.MaximumConcurrency;
    // The five starting batches are documented for standard queues; a FIFO mapping runs one batch per
    // active message group (§3.3), so without a maximum there is no number to compare with.
    if (maximum === undefined && (source.queue.FifoQueue || reserved >= INITIAL_BATCHES)) return [];
    if (maximum !== undefined && maximum <= reserved) return [];
    const title =
      maximum === undefined
        ? 'Reserved concurrency below the five batches SQS pollers start with'
        : 'MaximumConcurrency above the reserved concurrency';
    const reason =
      maximum === undefined
        ? `The function's ReservedConcurrentExecutions is ${num(reserved)}, but the pollers of ${source.queue.QueueName} start five batches at once and add more while messages wait, since the mapping has no ScalingConfig.MaximumConcurrency. Batches beyond ${num(reserved)} are throttled; their messages come back after the visibility timeout with one more receive counted.`
        : `ScalingConfig.MaximumConcurrency is ${num(maximum)} but the function's ReservedConcurrentExecutions is ${num(reserved)}; AWS advises not to set maximum concurrency higher than reserved concurrency. Batches beyond ${num(reserved)} are throttled, and their messages come back after the visibility timeout with one more receive counted.`;
    return [
      {
        id: 'sqs-mapping-concurrency-above-reserved',
        title,
        reason,
        rule: '§3.2',
        path:
          maximum === undefined
            ? 'function.ReservedConcurrentExecutions'
            : `${sourcePath(i)}.mapping.ScalingConfig.MaximumConcurrency`,
        sourceId: source.id,
        fix: fixFor(i, reserved),
        seeItHappen: () => {
          const durationMs = burstDurationMs(scenario, source);
          let demoReserved = reserved;
          let demoMaximum = maximum;
          let batches = burstBatches(reserved, maximum, durationMs);
          let note = '';
          if (batches > MAX_DEMO_BATCHES) {
            // Showing it at this scale would take tens of thousands of messages; the same relation at a
            // smaller scale shows the same throttles.
            demoReserved = 2;
            demoMaximum = 4;
            batches = burstBatches(demoReserved, demoMaximum, durationMs);
            note = ` At ReservedConcurrentExecutions ${num(reserved)} this would take a backlog of tens of thousands of messages, so the run keeps the relation at a smaller scale: ReservedConcurrentExecutions ${demoReserved} and MaximumConcurrency ${demoMaximum}.`;
          }
          const demoSource = withMessages(source, burstMessages(source, batches));
          if (demoMaximum !== maximum)
            demoSource.mapping.ScalingConfig = { MaximumConcurrency: demoMaximum! };
          return demoScenario(scenario, {
            warningId: 'sqs-mapping-concurrency-above-reserved',
            title,
            description: `A burst of ${num(batches)} batches of messages arrives at once and the handler never fails (each batch takes ${num(durationMs / 1000)} s). Watch the pollers start more batches than the ${num(demoReserved)} the function may run: the extra ones are throttled (Throttles), and their messages wait for the visibility timeout before they are received again.${note}${filterNote(source)}${backlogNote(source)}`,
            source: demoSource,
            rules: [succeed(source, durationMs)],
            changeFunction: (fn) => {
              if (demoReserved !== reserved) capConcurrency(fn, demoReserved);
            },
          });
        },
      },
    ];
  });
}
