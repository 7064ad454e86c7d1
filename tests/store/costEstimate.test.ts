import { describe, expect, it } from 'vitest';
import { PRESET_IDS } from '../../src/scenarios/presets';
import {
  HOURS_PER_MONTH,
  monthlyCost,
  runCost,
  runsPerMonth,
  unitPrices,
  usageAt,
  type Pricing,
  type Usage,
} from '../../src/store/costEstimate';
import { presetRun } from './fixtures';

const x86: Pricing = { memoryMb: 128, architecture: 'x86_64', freeTier: false };
/** A rate of `n` requests per month, as requests per second. */
const perMonth = (n: number) => ({ per: 'second' as const, requests: n / (HOURS_PER_MONTH * 3600) });

describe('§5 prices from the engine’s billing module', () => {
  it('$0.20 per million requests; $0.0000166667 per GB-s on x86, 20 % less on Arm', () => {
    expect(unitPrices('x86_64')).toEqual({ perRequest: 0.2 / 1_000_000, perGbSecond: 0.0000166667 });
    expect(unitPrices('arm64').perGbSecond).toBeCloseTo(0.0000133334, 12);
  });
});

describe('§5 monthly cost: known numbers', () => {
  const oneRequest100ms: Usage = { requests: 1, invokeBilledMs: 100, initBilledMs: 0, billedInits: 0 };

  it('1 M requests × 128 MB × 100 ms: 12,500 GB-s, $0.2083 compute + $0.20 requests', () => {
    const m = monthlyCost(oneRequest100ms, perMonth(1_000_000), x86);
    expect(m.requests).toBeCloseTo(1_000_000, 3);
    expect(m.invokeGbSeconds).toBeCloseTo(12_500, 6);
    expect(m.computeUSD).toBeCloseTo(0.20833375, 8);
    expect(m.requestUSD).toBeCloseTo(0.2, 8);
    expect(m.totalUSD).toBeCloseTo(0.40833375, 8);
  });

  it('the same within the free tier costs nothing', () => {
    const m = monthlyCost(oneRequest100ms, perMonth(1_000_000), { ...x86, freeTier: true });
    expect(m.chargedRequests).toBeCloseTo(0, 3);
    expect(m.chargedGbSeconds).toBe(0);
    expect(m.totalUSD).toBeCloseTo(0, 10);
  });

  it('BILL-01: 3 M × 512 MB × 1 s with the free tier ≈ $18.33 + $0.40 on x86, $14.67 + $0.40 on Arm', () => {
    const usage: Usage = { requests: 1, invokeBilledMs: 1000, initBilledMs: 0, billedInits: 0 };
    const pricing: Pricing = { memoryMb: 512, architecture: 'x86_64', freeTier: true };
    const m = monthlyCost(usage, perMonth(3_000_000), pricing);
    expect(m.chargedGbSeconds).toBeCloseTo(1_100_000, 3);
    expect(m.computeUSD).toBeCloseTo(18.33337, 4);
    expect(m.requestUSD).toBeCloseTo(0.4, 6);
    const arm = monthlyCost(usage, perMonth(3_000_000), { ...pricing, architecture: 'arm64' });
    expect(arm.computeUSD).toBeCloseTo(14.66674, 4);
  });

  it('Init GB-seconds of on-demand cold starts are billed like Invoke ones (since Aug 2025)', () => {
    const usage: Usage = { requests: 1, invokeBilledMs: 100, initBilledMs: 400, billedInits: 1 };
    const m = monthlyCost(usage, perMonth(1_000_000), x86);
    expect(m.initGbSeconds).toBeCloseTo(50_000, 4);
    expect(m.computeUSD).toBeCloseTo(62_500 * 0.0000166667, 6);
  });

  it('a rate of whole runs: N per hour is N × 730 a month, N per day N × 730 / 24', () => {
    expect(runsPerMonth({ per: 'hour', runs: 2 }, 10)).toBe(1_460);
    expect(runsPerMonth({ per: 'day', runs: 24 }, 10)).toBe(730);
    expect(runsPerMonth({ per: 'second', requests: 1 }, 3_600)).toBe(730);
    expect(runsPerMonth({ per: 'second', requests: 1 }, 0)).toBe(0);
  });
});

describe('§5 a run’s usage at the cursor', () => {
  it('async-retries-exhausted: the first attempt bills 1,000 ms of Invoke and 250 ms of Init', () => {
    const { log } = presetRun('async-retries-exhausted');
    expect(usageAt(log, -1)).toEqual({ requests: 0, invokeBilledMs: 0, initBilledMs: 0, billedInits: 0 });
    const firstEnd = log.findIndex((e) => e.type === 'invoke/failed');
    expect(usageAt(log, firstEnd - 1).requests).toBe(0);
    expect(usageAt(log, firstEnd)).toEqual({
      requests: 1,
      invokeBilledMs: 1000,
      initBilledMs: 250,
      billedInits: 1,
    });
    expect(usageAt(log, log.length - 1)).toEqual({
      requests: 3,
      invokeBilledMs: 3000,
      initBilledMs: 250,
      billedInits: 1,
    });
  });

  it('async-retries-exhausted at list prices equals the engine’s cost (no free tier in the scenario)', () => {
    const { log, results, scenario } = presetRun('async-retries-exhausted');
    expect(scenario.account.freeTier).toBe(false);
    const cost = runCost(usageAt(log, log.length - 1), {
      memoryMb: scenario.function.MemorySize,
      architecture: scenario.function.Architectures[0],
      freeTier: false,
    });
    expect(cost.invokeGbSeconds + cost.initGbSeconds).toBeCloseTo(results.metrics.GBSeconds, 9);
    expect(cost.totalUSD).toBeCloseTo(results.metrics.CostUSD, 10);
  });

  it.each(PRESET_IDS)(
    '%s: the whole run’s usage equals the results’ Invocations and billed duration',
    (id) => {
      const { log, results } = presetRun(id);
      const u = usageAt(log, log.length - 1);
      expect(u.requests).toBe(results.metrics.Invocations);
      expect(u.invokeBilledMs + u.initBilledMs).toBe(results.metrics.BilledDurationMs);
    },
    60_000, // sqs-scaling simulates 100,000 messages: slow on a busy machine
  );
});
