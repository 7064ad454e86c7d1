/**
 * The two M/M/c simulations of the kernel benchmark, at a small size: both serve every customer, count
 * arrivals + departures the same way, and their mean wait in queue agrees with Erlang C.
 */
import { describe, expect, it } from 'vitest';
import { MMC_QUEUE, checkWq } from '../../bench/mmc/kernelBench';
import { runKernelMmc, type MmcRun } from '../../bench/mmc/kernelMmc';
import { runSimjsMmc } from '../../bench/mmc/simjsMmc';

const run: MmcRun = { ...MMC_QUEUE, customers: 300_000, warmupCustomers: 3_000, seed: 42 };

describe.each([
  ['the engine kernel', runKernelMmc],
  ['SIM.JS', runSimjsMmc],
])('M/M/4 at ρ 0.8 on %s', (_name, simulate) => {
  const outcome = simulate(run);

  it('serves every customer: one arrival and one departure each', () => {
    expect(outcome.arrivals).toBe(run.customers);
    expect(outcome.departures).toBe(run.customers);
    expect(outcome.events).toBe(2 * run.customers);
    expect(outcome.measured).toBe(run.customers - run.warmupCustomers);
  });

  it('has a mean wait in queue within 4 standard errors (and 6 %) of Erlang C', () => {
    const check = checkWq([outcome], MMC_QUEUE, 0.06);
    expect(check.relStandardError).toBeGreaterThan(0);
    expect(Math.abs(check.error)).toBeLessThan(4 * check.relStandardError);
    expect(check.ok).toBe(true);
  });
});

describe('the kernel M/M/c', () => {
  it('is deterministic for a seed', () => {
    const small: MmcRun = { ...run, customers: 20_000, warmupCustomers: 0 };
    expect(runKernelMmc(small).meanWaitInQueue).toBe(runKernelMmc(small).meanWaitInQueue);
  });

  it('notices a wrong queue: Wq of M/M/4 checked against M/M/5 is far off', () => {
    const check = checkWq([runKernelMmc(run)], { ...MMC_QUEUE, servers: 5 }, 0.02);
    expect(check.ok).toBe(false);
    expect(check.error).toBeGreaterThan(1);
  });
});
