/**
 * The headless results object (design.md "Headless results"): what happened to every item, every
 * invocation, and the run's metrics and cost. Tests and tools depend on this shape.
 */
import { sliceEvents } from './eventLog';
import { attemptRecord, nextAttempt } from './attemptTable';
import { firstAttempt, itemRow, type ItemTable } from './itemTable';
import { runCost } from './model/billing';
import type {
  AttemptResult,
  Delivery,
  ItemKind,
  ItemOutcome,
  SimEvent,
  SimState,
  SyncResponse,
} from './types';

export interface ResultAttempt {
  startMs: number;
  endMs: number | null;
  result: AttemptResult | 'in-flight';
  coldStart: boolean;
  invocationId: string | null;
  reason?: string;
  duplicate?: boolean;
}

export interface ResultItem {
  id: string;
  kind: ItemKind;
  source: string;
  caller: string;
  arrivedMs: number;
  endedMs: number | null;
  outcome: ItemOutcome;
  requestId: string;
  attempts: ResultAttempt[];
  response?: SyncResponse;
  deliveries: Array<
    Pick<Delivery, 'target' | 'destinationType' | 'destination' | 'atMs' | 'delivered' | 'record'> & {
      failure?: string;
    }
  >;
}

export interface ResultInvocation {
  id: string;
  startMs: number;
  endMs: number | null;
  items: string[];
  result: 'success' | 'error' | 'timeout' | 'partial' | 'in-flight';
  coldStart: boolean;
  environmentId: string;
  requestId: string;
  initMs: number;
  billedMs: number;
  initBilledMs: number;
  /** Stream invocations: the shard the batch came from. */
  shardId?: string;
}

export interface ResultMetrics {
  Invocations: number;
  Errors: number;
  Throttles: number;
  AsyncEventsReceived: number;
  AsyncEventsDropped: number;
  DeadLetterErrors: number;
  DestinationDeliveryFailures: number;
  ProvisionedConcurrencySpilloverInvocations: number;
  ConcurrentExecutionsMax: number;
  IteratorAgeMaxMs: number;
  DurationMaxMs: number;
  AsyncEventAgeMaxMs: number;
  BilledDurationMs: number;
  GBSeconds: number;
  CostUSD: number;
}

export interface Results {
  scenario: string;
  seed: number;
  endMs: number;
  items: ResultItem[];
  invocations: ResultInvocation[];
  metrics: ResultMetrics;
  log?: SimEvent[];
}

export interface ResultsOptions {
  trace?: boolean;
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** The item's attempts, each as its record with an unfinished attempt's result as 'in-flight'. */
function resultAttempts(table: ItemTable, index: number): ResultAttempt[] {
  const out: ResultAttempt[] = [];
  const attempts = table.attempts;
  for (let k = firstAttempt(table, index); k >= 0; k = nextAttempt(attempts, k)) {
    const a = attemptRecord(attempts, k);
    out.push({ ...a, result: a.result ?? 'in-flight' });
  }
  return out;
}

/** Builds the results object from the state as it stands now. */
export function buildResults(state: SimState, options: ResultsOptions = {}): Results {
  const table = state.itemTable;
  const items = new Array<ResultItem>(table.length);
  for (let i = 0; i < table.length; i++) {
    const it = itemRow(table, i);
    const out: ResultItem = {
      id: it.id,
      kind: it.kind,
      source: it.sourceId,
      caller: it.caller,
      arrivedMs: it.arrivedMs,
      endedMs: it.endedMs,
      outcome: it.outcome,
      requestId: it.requestId,
      attempts: resultAttempts(table, i),
      deliveries: it.deliveries.map((d) => ({ ...d })),
    };
    if (it.response) out.response = it.response;
    items[i] = out;
  }
  const invocations: ResultInvocation[] = state.invocations.map((inv) => ({
    id: inv.id,
    startMs: inv.startMs,
    endMs: inv.endMs,
    items: inv.items,
    result: inv.result ?? 'in-flight',
    coldStart: inv.coldStart,
    environmentId: inv.environmentId,
    requestId: inv.requestId,
    initMs: inv.initMs,
    billedMs: inv.billedMs,
    initBilledMs: inv.initBilledMs,
    ...(inv.shard !== undefined && inv.source !== undefined
      ? { shardId: state.streams[inv.source]?.shards[inv.shard]?.shardId }
      : {}),
  }));
  const { totals, stats } = state.metrics;
  const cost = runCost(state);
  const results: Results = {
    scenario: state.scenario.id,
    seed: state.seed,
    endMs: state.now,
    items,
    invocations,
    metrics: {
      ...totals,
      ConcurrentExecutionsMax: stats.ConcurrentExecutions.max,
      IteratorAgeMaxMs: stats.IteratorAge.max,
      DurationMaxMs: stats.Duration.max,
      AsyncEventAgeMaxMs: stats.AsyncEventAge.max,
      BilledDurationMs: cost.billedDurationMs,
      GBSeconds: round(cost.gbSeconds, 6),
      CostUSD: round(cost.totalUSD, 10),
    },
  };
  if (options.trace) results.log = sliceEvents(state.log);
  return results;
}
