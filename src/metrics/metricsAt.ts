/**
 * CloudWatch metrics as they stood after the first `cursor + 1` events, recomputed from the log (the
 * engine keeps only the final totals). Each metric is counted at the event the engine logs with it;
 * the tests check that at every moment of every preset this equals the engine's own metrics had it
 * stopped there. A snapshot every CHECKPOINT_EVERY events makes any cursor cheap: replay from the
 * nearest snapshot.
 *
 * GB-seconds and cost are derived from billed duration with the run's own rates (memory, price per
 * request and per GB-second), read back from the final results; the cost is exact without the free tier
 * and, with it, scaled from the final cost.
 */
import type { ResultItem, ResultMetrics, Results } from '../engine/results';
import { PRICE_PER_REQUEST } from '../engine/model/billing';
import type { SimEvent } from '../engine/types';
import { builtInWorker } from './builtInWorker';

type RunResults = Omit<Results, 'log'>;

const CHECKPOINT_EVERY = 1024;

/** Running totals while replaying the log: the results' metrics before GB-seconds and cost, plus the concurrency now. */
export type Tally = Omit<ResultMetrics, 'GBSeconds' | 'CostUSD'> & { running: number };

const EMPTY: Tally = {
  Invocations: 0,
  Errors: 0,
  Throttles: 0,
  AsyncEventsReceived: 0,
  AsyncEventsDropped: 0,
  DeadLetterErrors: 0,
  DestinationDeliveryFailures: 0,
  ProvisionedConcurrencySpilloverInvocations: 0,
  running: 0,
  ConcurrentExecutionsMax: 0,
  IteratorAgeMaxMs: 0,
  DurationMaxMs: 0,
  AsyncEventAgeMaxMs: 0,
  BilledDurationMs: 0,
};

interface Context {
  /** The item of an id; its table is made on first use (few kinds of event need it). */
  item(id: string): ResultItem | undefined;
  streamInvocations: Map<string, string[]>;
  countsSpillover: boolean;
}

const INVOKE_ENDS = new Set(['invoke/succeeded', 'invoke/failed', 'invoke/timed-out']);
/** Throttles logged by one event each (CloudWatch's Throttles counts refused requests). */
const THROTTLE_EVENTS = new Set([
  'invoke/throttled',
  'esm/throttled',
  'async/zero-reserved-concurrency',
  'async/duplicate-dropped',
]);

function num(e: SimEvent, key: string): number {
  const v = e.data?.[key];
  return typeof v === 'number' ? v : 0;
}

/** Age of the newest record of a stream batch when its processing ended (the engine's IteratorAge). */
function iteratorAge(ctx: Context, e: SimEvent, itemIds: unknown): number | null {
  if (!Array.isArray(itemIds) || itemIds.length === 0) return null;
  const last = ctx.item(String(itemIds[itemIds.length - 1]));
  return last ? e.t - last.arrivedMs : null;
}

/** A backed-off async event that ran out of age: a throttle if the refused attempt then was one. */
function ageExceededAfterThrottle(ctx: Context, e: SimEvent): boolean {
  if (e.invocation !== undefined || e.item === undefined) return false;
  const item = ctx.item(e.item);
  return item?.attempts.some((a) => a.startMs === e.t && a.result === 'throttled') ?? false;
}

function isThrottle(ctx: Context, e: SimEvent): boolean {
  if (THROTTLE_EVENTS.has(e.type)) return true;
  if (e.type === 'async/rejected') return num(e, 'statusCode') === 429;
  if (e.type === 'async/throttled') return e.data?.reason !== 'ServiceException';
  if (e.type === 'async/event-age-exceeded') return ageExceededAfterThrottle(ctx, e);
  return false;
}

/** Adds one event to the tally (mutates it). */
function count(m: Tally, e: SimEvent, ctx: Context): void {
  if (isThrottle(ctx, e)) m.Throttles += 1;
  if (e.type === 'invoke/started') {
    m.running += 1;
    m.ConcurrentExecutionsMax = Math.max(m.ConcurrentExecutionsMax, m.running);
    if (ctx.countsSpillover && e.data?.provisioned === false)
      m.ProvisionedConcurrencySpilloverInvocations += 1;
  } else if (INVOKE_ENDS.has(e.type)) {
    m.running -= 1;
    m.Invocations += 1;
    if (e.type !== 'invoke/succeeded') m.Errors += 1;
    m.DurationMaxMs = Math.max(m.DurationMaxMs, num(e, 'durationMs'));
    m.BilledDurationMs += num(e, 'billedMs') + num(e, 'initBilledMs');
    const batch = e.invocation === undefined ? undefined : ctx.streamInvocations.get(e.invocation);
    const age = batch ? iteratorAge(ctx, e, batch) : null;
    if (age !== null) m.IteratorAgeMaxMs = Math.max(m.IteratorAgeMaxMs, age);
  } else if (e.type === 'async/accepted') m.AsyncEventsReceived += 1;
  else if (e.type === 'async/dropped') m.AsyncEventsDropped += 1;
  else if (e.type === 'async/dequeued')
    m.AsyncEventAgeMaxMs = Math.max(m.AsyncEventAgeMaxMs, num(e, 'ageMs'));
  else if (e.type === 'dlq/delivery-failed') m.DeadLetterErrors += 1;
  else if (e.type === 'destination/delivery-failed') m.DestinationDeliveryFailures += 1;
  else if (
    (e.type === 'stream/batch-throttled' || e.type === 'stream/batch-failed') &&
    e.data?.countsAsRetry === false
  ) {
    // A batch refused before it ran still samples IteratorAge (§3.4).
    const age = iteratorAge(ctx, e, e.data.items);
    if (age !== null) m.IteratorAgeMaxMs = Math.max(m.IteratorAgeMaxMs, age);
  }
}

/** checkpoints[k]: the tally after the first k × CHECKPOINT_EVERY events (plain data: the worker builds them). */
export type MetricsCheckpoints = Tally[];

interface Replay {
  ctx: Context;
  checkpoints: MetricsCheckpoints;
}

function contextOf(results: RunResults): Context {
  let byId: Map<string, ResultItem> | undefined;
  return {
    item(id) {
      byId ??= new Map(results.items.map((i) => [i.id, i]));
      return byId.get(id);
    },
    streamInvocations: new Map(results.invocations.filter((i) => i.shardId).map((i) => [i.id, i.items])),
    // Spillover counts on-demand starts only when provisioned concurrency is configured; a run without
    // any counted spillover never counts one at any moment either.
    countsSpillover: results.metrics.ProvisionedConcurrencySpilloverInvocations > 0,
  };
}

/** The tallies every CHECKPOINT_EVERY events: one walk over the log (the worker does it for the page). */
export function buildMetricsCheckpoints(results: RunResults, log: readonly SimEvent[]): MetricsCheckpoints {
  const ctx = contextOf(results);
  const checkpoints: Tally[] = [{ ...EMPTY }];
  const tally = { ...EMPTY };
  log.forEach((e, i) => {
    count(tally, e, ctx);
    if ((i + 1) % CHECKPOINT_EVERY === 0) checkpoints.push({ ...tally });
  });
  return checkpoints;
}

const replays = new WeakMap<readonly SimEvent[], Replay>();

function replayOf(results: RunResults, log: readonly SimEvent[]): Replay {
  const known = replays.get(log);
  if (known) return known;
  const replay = {
    ctx: contextOf(results),
    checkpoints: builtInWorker(log)?.metricsCheckpoints ?? buildMetricsCheckpoints(results, log),
  };
  replays.set(log, replay);
  return replay;
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** The run's metrics after events 0…cursor (all zero at -1; the final metrics at the last event). */
export function metricsAt(results: RunResults, log: readonly SimEvent[], cursor: number): ResultMetrics {
  const { ctx, checkpoints } = replayOf(results, log);
  const upTo = Math.min(cursor, log.length - 1) + 1;
  const k = Math.min(Math.floor(upTo / CHECKPOINT_EVERY), checkpoints.length - 1);
  const m = { ...checkpoints[k]! };
  for (let i = k * CHECKPOINT_EVERY; i < upTo; i++) count(m, log[i]!, ctx);

  const final = results.metrics;
  const billedShare = final.BilledDurationMs > 0 ? m.BilledDurationMs / final.BilledDurationMs : 0;
  const finalComputeUSD = final.CostUSD - final.Invocations * PRICE_PER_REQUEST;
  const costUSD =
    finalComputeUSD >= 0
      ? m.Invocations * PRICE_PER_REQUEST + finalComputeUSD * billedShare
      : final.CostUSD * billedShare; // the free tier absorbed the requests: scale the final cost
  const { running: _running, ...counted } = m;
  return {
    ...counted,
    GBSeconds: round(final.GBSeconds * billedShare, 6),
    CostUSD: round(Math.max(0, costUSD), 10),
  };
}
