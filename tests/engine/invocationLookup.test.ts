/** Invocations are found by their number: `inv-n` is the n-th invocation of the run (state.ts getInvocation). */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/engine/simulation';
import { getInvocation } from '../../src/engine/state';
import { getPreset } from '../../src/scenarios/presets';

describe('getInvocation', () => {
  const sim = createSimulation(getPreset('sqs-batch-error')!);
  sim.run();
  const { invocations } = sim.state;

  it('finds every invocation of a run by its id', () => {
    expect(invocations.length).toBeGreaterThan(1);
    invocations.forEach((inv, i) => {
      expect(inv.id).toBe(`inv-${i + 1}`);
      expect(getInvocation(sim.state, inv.id)).toBe(inv);
    });
  });

  it('throws for an id that names no invocation', () => {
    for (const id of ['inv-0', `inv-${invocations.length + 1}`, 'inv-01', 'inv-', 'inv-1x', 'env-1', '']) {
      expect(() => getInvocation(sim.state, id)).toThrow(`unknown invocation ${id}`);
    }
  });
});
