/**
 * What a run costs and what it would cost per month (§5), DOM-free. A run's usage — billed requests,
 * billed Invoke milliseconds, billed Init milliseconds of on-demand cold starts — is read from the log's
 * invocation ends, so the cost can be shown at any cursor; prices come from the engine's billing
 * module. One run is priced at list prices (the free tier is a monthly allowance, so it only applies to
 * the monthly estimate), and a month scales the whole run's usage by a chosen rate.
 */
import { computeCost, FREE_GB_SECONDS, FREE_REQUESTS, PRICE_PER_REQUEST } from '../engine/model/billing';
import type { SimEvent } from '../engine/types';
import { forEachEventOfTypes } from '../engine/logScan';

export type Architecture = 'x86_64' | 'arm64';

/** AWS's pricing calculator counts a month as 730 hours. */
export const HOURS_PER_MONTH = 730;

export interface Usage {
  /** Billed requests: invocations that ran the code (CloudWatch's Invocations). */
  requests: number;
  /** Billed Invoke phase, 1 ms granularity. */
  invokeBilledMs: number;
  /** Billed Init phase of on-demand cold starts. */
  initBilledMs: number;
  /** On-demand cold starts whose Init was billed. */
  billedInits: number;
}

export interface Pricing {
  memoryMb: number;
  architecture: Architecture;
  freeTier: boolean;
}

/** The price of one request and of one GB-second (first tier) on an architecture. */
export function unitPrices(architecture: Architecture): { perRequest: number; perGbSecond: number } {
  return { perRequest: PRICE_PER_REQUEST, perGbSecond: computeCost(1, architecture) };
}

/** GB-seconds of `ms` billed milliseconds at `memoryMb`. */
export function gbSeconds(ms: number, memoryMb: number): number {
  return (ms / 1000) * (memoryMb / 1024);
}

interface UsageIndex {
  /** Log index of each invocation end, in order. */
  at: Int32Array;
  /** Running totals after each invocation end. */
  invokeMs: Float64Array;
  initMs: Float64Array;
  inits: Int32Array;
}

const INVOKE_ENDS = new Set(['invoke/succeeded', 'invoke/failed', 'invoke/timed-out']);
const indexes = new WeakMap<readonly SimEvent[], UsageIndex>();

function num(e: SimEvent, key: string): number {
  const v = e.data?.[key];
  return typeof v === 'number' ? v : 0;
}

function indexOf(log: readonly SimEvent[]): UsageIndex {
  const known = indexes.get(log);
  if (known) return known;
  const at: number[] = [];
  const invokeMsAt: number[] = [];
  const initMsAt: number[] = [];
  const initsAt: number[] = [];
  let invokeMs = 0;
  let initMs = 0;
  let inits = 0;
  forEachEventOfTypes(
    log,
    (type) => INVOKE_ENDS.has(type),
    (e, i) => {
      invokeMs += num(e, 'billedMs');
      const init = num(e, 'initBilledMs');
      initMs += init;
      if (init > 0) inits += 1;
      at.push(i);
      invokeMsAt.push(invokeMs);
      initMsAt.push(initMs);
      initsAt.push(inits);
    },
  );
  const index: UsageIndex = {
    at: Int32Array.from(at),
    invokeMs: Float64Array.from(invokeMsAt),
    initMs: Float64Array.from(initMsAt),
    inits: Int32Array.from(initsAt),
  };
  indexes.set(log, index);
  return index;
}

/** The usage of events 0…cursor (nothing at -1; the whole run at the last event). */
export function usageAt(log: readonly SimEvent[], cursor: number): Usage {
  const index = indexOf(log);
  // Invocation ends at or before the cursor: binary search over their log indexes.
  let lo = 0;
  let hi = index.at.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (index.at[mid]! <= cursor) lo = mid + 1;
    else hi = mid;
  }
  if (lo === 0) return { requests: 0, invokeBilledMs: 0, initBilledMs: 0, billedInits: 0 };
  return {
    requests: lo,
    invokeBilledMs: index.invokeMs[lo - 1]!,
    initBilledMs: index.initMs[lo - 1]!,
    billedInits: index.inits[lo - 1]!,
  };
}

export interface RunCost {
  requests: number;
  invokeGbSeconds: number;
  initGbSeconds: number;
  requestUSD: number;
  /** Invoke GB-seconds at the first-tier rate. */
  invokeUSD: number;
  /** Init GB-seconds at the first-tier rate. */
  initUSD: number;
  totalUSD: number;
}

/** One run's usage at list prices (no free tier: it is a monthly allowance). */
export function runCost(usage: Usage, pricing: Pricing): RunCost {
  const { perRequest, perGbSecond } = unitPrices(pricing.architecture);
  const invokeGbSeconds = gbSeconds(usage.invokeBilledMs, pricing.memoryMb);
  const initGbSeconds = gbSeconds(usage.initBilledMs, pricing.memoryMb);
  const requestUSD = usage.requests * perRequest;
  const invokeUSD = invokeGbSeconds * perGbSecond;
  const initUSD = initGbSeconds * perGbSecond;
  return {
    requests: usage.requests,
    invokeGbSeconds,
    initGbSeconds,
    requestUSD,
    invokeUSD,
    initUSD,
    totalUSD: requestUSD + invokeUSD + initUSD,
  };
}

/** How often the workload runs: the whole run N times per hour or day, or a steady request rate. */
export type Rate = { per: 'hour' | 'day'; runs: number } | { per: 'second'; requests: number };

export interface MonthlyCost {
  /** How many times the run's usage fits in a month at the rate. */
  runsPerMonth: number;
  requests: number;
  invokeGbSeconds: number;
  initGbSeconds: number;
  /** After the free tier (equal to the totals without it). */
  chargedRequests: number;
  chargedGbSeconds: number;
  requestUSD: number;
  /** Compute (Invoke + Init GB-seconds), with the tier discounts above 6 B (x86) or 7.5 B (Arm) GB-s. */
  computeUSD: number;
  totalUSD: number;
}

/** Runs of the workload per month at a rate (a request rate is turned into whole-run equivalents). */
export function runsPerMonth(rate: Rate, requestsPerRun: number): number {
  if (rate.per === 'second') {
    if (requestsPerRun <= 0) return 0;
    return (Math.max(0, rate.requests) * HOURS_PER_MONTH * 3600) / requestsPerRun;
  }
  const perHour = rate.per === 'hour' ? rate.runs : rate.runs / 24;
  return Math.max(0, perHour) * HOURS_PER_MONTH;
}

/** The monthly bill if the whole run's usage repeats at `rate`. */
export function monthlyCost(usage: Usage, rate: Rate, pricing: Pricing): MonthlyCost {
  const runs = runsPerMonth(rate, usage.requests);
  const requests = usage.requests * runs;
  const invokeGbSeconds = gbSeconds(usage.invokeBilledMs, pricing.memoryMb) * runs;
  const initGbSeconds = gbSeconds(usage.initBilledMs, pricing.memoryMb) * runs;
  const chargedRequests = pricing.freeTier ? Math.max(0, requests - FREE_REQUESTS) : requests;
  const total = invokeGbSeconds + initGbSeconds;
  const chargedGbSeconds = pricing.freeTier ? Math.max(0, total - FREE_GB_SECONDS) : total;
  const requestUSD = chargedRequests * PRICE_PER_REQUEST;
  const computeUSD = computeCost(chargedGbSeconds, pricing.architecture);
  return {
    runsPerMonth: runs,
    requests,
    invokeGbSeconds,
    initGbSeconds,
    chargedRequests,
    chargedGbSeconds,
    requestUSD,
    computeUSD,
    totalUSD: requestUSD + computeUSD,
  };
}

/** The free tier's monthly allowance, for showing the arithmetic. */
export const FREE_TIER = { requests: FREE_REQUESTS, gbSeconds: FREE_GB_SECONDS } as const;
