import { describe, expect, it } from 'vitest';
import { events, item, req, run, scenario } from '../helpers/scenario';

function calls(...atMs: number[]) {
  return [
    {
      type: 'sync' as const,
      id: 'client',
      caller: 'direct' as const,
      requests: atMs.map((t, i) => req(`c${i + 1}`, t)),
    },
  ];
}

const fn = {
  behavior: {
    duration: { distribution: 'fixed' as const, ms: 100 },
    initDuration: { distribution: 'fixed' as const, ms: 400 },
  },
};

describe('§4 execution environments', () => {
  it('§4 the first call is a cold start (Init phase), the next reuses the same environment warm', () => {
    const r = run(scenario({ function: fn, sources: calls(0, 1000) }));
    const [first, second] = r.invocations;
    expect(first!.coldStart).toBe(true);
    expect(first!.initMs).toBe(400);
    expect(second!.coldStart).toBe(false);
    expect(second!.initMs).toBe(0);
    expect(second!.environmentId).toBe(first!.environmentId);
    expect(item(r, 'c1').attempts[0]!.coldStart).toBe(true);
    expect(item(r, 'c2').attempts[0]!.coldStart).toBe(false);
    // The cold call waits for Init; the warm one does not.
    expect(item(r, 'c1').endedMs! - item(r, 'c1').arrivedMs).toBe(500);
    expect(item(r, 'c2').endedMs! - item(r, 'c2').arrivedMs).toBe(100);
    const cold = events(r, 'env/cold-start');
    expect(cold).toHaveLength(1);
    expect(cold[0]!.rule).toBe('§4.env');
    expect(events(r, 'env/init-done')).toHaveLength(1);
  });

  it('§4 a call that arrives while the only environment is busy gets a new (cold) one', () => {
    const r = run(scenario({ function: fn, sources: calls(0, 200) }));
    const [a, b] = r.invocations;
    expect(b!.coldStart).toBe(true);
    expect(b!.environmentId).not.toBe(a!.environmentId);
  });

  it('§4 an environment idle longer than behavior.environmentIdleSeconds is reaped: the next call is cold again', () => {
    const r = run(
      scenario({
        function: { behavior: { ...fn.behavior, environmentIdleSeconds: 60 } },
        sources: calls(0, 30_000, 200_000),
      }),
    );
    const [a, b, c] = r.invocations;
    expect(a!.coldStart).toBe(true);
    expect(b!.coldStart).toBe(false);
    expect(b!.environmentId).toBe(a!.environmentId);
    expect(c!.coldStart).toBe(true);
    expect(c!.environmentId).not.toBe(a!.environmentId);
    const reaped = events(r, 'env/reaped');
    expect(reaped.length).toBeGreaterThanOrEqual(1);
    expect(reaped[0]!.env).toBe(a!.environmentId);
    // Reaped 60 s after its last use (the second call ended at ≈30.1 s), not 60 s after creation.
    expect(reaped[0]!.t).toBeGreaterThanOrEqual(90_000);
    expect(reaped[0]!.rule).toBe('§4.env');
  });

  it('§4 an environment used again before the idle period ends is kept', () => {
    const r = run(
      scenario({
        function: { behavior: { ...fn.behavior, environmentIdleSeconds: 60 } },
        sources: calls(0, 50_000, 100_000, 150_000),
      }),
    );
    expect(new Set(r.invocations.map((i) => i.environmentId)).size).toBe(1);
    expect(r.invocations.filter((i) => i.coldStart)).toHaveLength(1);
  });
});

describe('§4 provisioned concurrency', () => {
  const provisioned = (n: number, requests: number) =>
    scenario({
      function: {
        ...fn,
        Timeout: 10,
        ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: n },
        behavior: { ...fn.behavior, duration: { distribution: 'fixed', ms: 2000 } },
      },
      sources: [{ type: 'sync', id: 'client', caller: 'direct', requests: [{ id: 'r', count: requests }] }],
    });

  it('§4 the first N invocations start without a cold start on pc-* environments', () => {
    const r = run(provisioned(2, 2));
    expect(r.invocations).toHaveLength(2);
    for (const inv of r.invocations) {
      expect(inv.coldStart).toBe(false);
      expect(inv.initMs).toBe(0);
      expect(inv.environmentId).toMatch(/^pc-/);
    }
    expect(r.metrics.ProvisionedConcurrencySpilloverInvocations).toBe(0);
    expect(events(r, 'env/cold-start')).toHaveLength(0);
  });

  it('§4 spillover beyond the provisioned environments is on-demand (cold) and counted', () => {
    const r = run(provisioned(2, 5));
    const pc = r.invocations.filter((i) => i.environmentId.startsWith('pc-'));
    const spill = r.invocations.filter((i) => !i.environmentId.startsWith('pc-'));
    expect(pc).toHaveLength(2);
    expect(spill).toHaveLength(3);
    expect(spill.every((i) => i.coldStart)).toBe(true);
    expect(r.metrics.ProvisionedConcurrencySpilloverInvocations).toBe(3);
    expect(events(r, 'env/provisioned-ready')[0]!.rule).toBe('§4.provisioned');
  });

  it('§4 provisioned environments are not reaped when idle', () => {
    const r = run(
      scenario({
        function: {
          ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 1 },
          behavior: { ...fn.behavior, environmentIdleSeconds: 10 },
        },
        sources: calls(0, 100_000),
      }),
    );
    expect(r.invocations.map((i) => i.environmentId)).toEqual(['pc-1', 'pc-1']);
    expect(r.invocations.every((i) => !i.coldStart)).toBe(true);
  });
});
