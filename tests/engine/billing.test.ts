import { describe, expect, it } from 'vitest';
import { bill, computeCost } from '../../src/engine/model/billing';
import { req, run, scenario } from '../helpers/scenario';

function oneCall(fnExtra: Record<string, unknown>, behavior: Record<string, unknown> = {}) {
  return scenario({
    function: {
      ...fnExtra,
      behavior: { initDuration: { distribution: 'fixed', ms: 300 }, ...behavior },
    },
    sources: [{ type: 'sync', id: 'c', caller: 'direct', requests: [req('a')] }],
  });
}

describe('§5 billed duration', () => {
  it('§5 billed duration is rounded up to the next 1 ms', () => {
    const r = run(oneCall({}, { rules: [{ result: 'success', durationMs: 100.2 }] }));
    expect(r.invocations[0]!.billedMs).toBe(101);
  });

  it('§5 a whole-millisecond duration is billed exactly (no 100 ms rounding)', () => {
    const r = run(oneCall({}, { duration: { distribution: 'fixed', ms: 120 } }));
    expect(r.invocations[0]!.billedMs).toBe(120);
  });

  it('§5 the Init phase is billed on on-demand cold starts', () => {
    const r = run(oneCall({}, { duration: { distribution: 'fixed', ms: 120 } }));
    const [inv] = r.invocations;
    expect(inv!.coldStart).toBe(true);
    expect(inv!.initBilledMs).toBe(300);
    expect(r.metrics.BilledDurationMs).toBe(420);
  });

  it('§5 the Init phase is not billed per invocation on provisioned environments', () => {
    const r = run(
      oneCall(
        { ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 1 } },
        { duration: { distribution: 'fixed', ms: 120 } },
      ),
    );
    expect(r.invocations[0]!.initBilledMs).toBe(0);
    expect(r.metrics.BilledDurationMs).toBe(120);
  });

  it('§5 a warm invocation bills no Init', () => {
    const r = run(
      scenario({
        function: { behavior: { duration: { distribution: 'fixed', ms: 50 } } },
        sources: [{ type: 'sync', id: 'c', caller: 'direct', requests: [req('a'), req('b', 5000)] }],
      }),
    );
    expect(r.invocations[1]!.coldStart).toBe(false);
    expect(r.invocations[1]!.initBilledMs).toBe(0);
  });

  it('§5 a timed-out invocation is billed for ≈ its Timeout', () => {
    const r = run(oneCall({ Timeout: 5 }, { duration: { distribution: 'fixed', ms: 60_000 } }));
    expect(r.invocations[0]!.billedMs).toBe(5000);
  });

  it('§5 GB-seconds = memory (GB) × billed duration; cost counts every attempt as a request', () => {
    const r = run(oneCall({ MemorySize: 1024 }, { duration: { distribution: 'fixed', ms: 1000 } }));
    // 1 GB × (1,000 ms + 300 ms init) = 1.3 GB-s.
    expect(r.metrics.GBSeconds).toBeCloseTo(1.3, 6);
    expect(r.metrics.CostUSD).toBeCloseTo(0.2 / 1e6 + 1.3 * 0.0000166667, 10);
  });

  it('§5 Arm is 20 % cheaper per GB-s than x86', () => {
    const x86 = run(oneCall({ MemorySize: 2048 }, { duration: { distribution: 'fixed', ms: 10_000 } }));
    const arm = run(
      oneCall(
        { MemorySize: 2048, Architectures: ['arm64'] },
        { duration: { distribution: 'fixed', ms: 10_000 } },
      ),
    );
    const computeX86 = x86.metrics.CostUSD - 0.2 / 1e6;
    const computeArm = arm.metrics.CostUSD - 0.2 / 1e6;
    expect(computeArm / computeX86).toBeCloseTo(0.8, 3);
  });
});

describe('§8 BILL-01 worked example', () => {
  it('§5 BILL-01 x86, 512 MB, 3,000,000 × 1,000 ms with the free tier ≈ $18.73–18.74', () => {
    const c = bill(3_000_000, 3_000_000 * 1000, 512, 'x86_64', true);
    expect(c.gbSeconds).toBe(1_500_000);
    expect(c.requestCostUSD).toBeCloseTo(0.4, 6);
    expect(c.computeCostUSD).toBeGreaterThanOrEqual(18.33);
    expect(c.computeCostUSD).toBeLessThanOrEqual(18.34);
    expect(c.totalUSD).toBeGreaterThanOrEqual(18.73);
    expect(c.totalUSD).toBeLessThanOrEqual(18.745);
  });

  it('§5 BILL-01 on Arm ≈ $14.67 compute + $0.40 requests', () => {
    const c = bill(3_000_000, 3_000_000 * 1000, 512, 'arm64', true);
    expect(c.computeCostUSD).toBeCloseTo(14.67, 2);
    expect(c.requestCostUSD).toBeCloseTo(0.4, 6);
    expect(c.totalUSD).toBeCloseTo(15.07, 2);
  });

  it('§5 without the free tier every request and GB-s is charged', () => {
    const c = bill(3_000_000, 3_000_000 * 1000, 512, 'x86_64', false);
    expect(c.requestCostUSD).toBeCloseTo(0.6, 6);
    expect(c.computeCostUSD).toBeCloseTo(1_500_000 * 0.0000166667, 4);
  });

  it('§5 tiers: GB-s above 6 B (x86) cost 10 % less, above 15 B 20 % less', () => {
    const rate = 0.0000166667;
    expect(computeCost(6e9, 'x86_64')).toBeCloseTo(6e9 * rate, 0);
    expect(computeCost(7e9, 'x86_64') - computeCost(6e9, 'x86_64')).toBeCloseTo(1e9 * rate * 0.9, 0);
    expect(computeCost(16e9, 'x86_64') - computeCost(15e9, 'x86_64')).toBeCloseTo(1e9 * rate * 0.8, 0);
    expect(computeCost(8e9, 'arm64') - computeCost(7.5e9, 'arm64')).toBeCloseTo(
      0.5e9 * 0.0000133334 * 0.9,
      0,
    );
  });
});
