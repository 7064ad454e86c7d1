/**
 * What the run costs (§5): $0.20 per million requests (every attempt that ran the code), and GB-seconds
 * of billed duration (1 ms granularity, Init billed on on-demand environments) at the x86 or Arm rate,
 * tiered per month, with the optional free tier of 1 M requests and 400,000 GB-s.
 */
import type { SimState } from '../types';

export const PRICE_PER_REQUEST = 0.2 / 1_000_000;
const TIERS = {
  x86_64: { rate: 0.0000166667, limits: [6e9, 15e9] },
  arm64: { rate: 0.0000133334, limits: [7.5e9, 18.75e9] },
} as const;
export const FREE_REQUESTS = 1_000_000;
export const FREE_GB_SECONDS = 400_000;

export interface Cost {
  requests: number;
  billedDurationMs: number;
  gbSeconds: number;
  requestCostUSD: number;
  computeCostUSD: number;
  totalUSD: number;
}

/** Compute cost of `gbSeconds` in one month, with the 10 % and 20 % tier discounts. */
export function computeCost(gbSeconds: number, architecture: 'x86_64' | 'arm64'): number {
  const { rate, limits } = TIERS[architecture];
  const [t1, t2] = limits;
  const first = Math.min(gbSeconds, t1);
  const second = Math.min(Math.max(gbSeconds - t1, 0), t2 - t1);
  const third = Math.max(gbSeconds - t2, 0);
  return first * rate + second * rate * 0.9 + third * rate * 0.8;
}

/** The bill for a set of invocations. */
export function bill(
  requests: number,
  billedDurationMs: number,
  memoryMb: number,
  architecture: 'x86_64' | 'arm64',
  freeTier: boolean,
): Cost {
  const gbSeconds = (billedDurationMs / 1000) * (memoryMb / 1024);
  const chargedRequests = freeTier ? Math.max(0, requests - FREE_REQUESTS) : requests;
  const chargedGbSeconds = freeTier ? Math.max(0, gbSeconds - FREE_GB_SECONDS) : gbSeconds;
  const requestCostUSD = chargedRequests * PRICE_PER_REQUEST;
  const computeCostUSD = computeCost(chargedGbSeconds, architecture);
  return {
    requests,
    billedDurationMs,
    gbSeconds,
    requestCostUSD,
    computeCostUSD,
    totalUSD: requestCostUSD + computeCostUSD,
  };
}

/** The bill for everything the run has executed so far. */
export function runCost(state: SimState): Cost {
  const fn = state.scenario.function;
  let billed = 0;
  for (const inv of state.invocations) if (inv.endMs !== null) billed += inv.billedMs + inv.initBilledMs;
  return bill(
    state.metrics.totals.Invocations,
    billed,
    fn.MemorySize,
    fn.Architectures[0],
    state.scenario.account.freeTier,
  );
}
