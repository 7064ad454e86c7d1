import { describe, expect, it } from 'vitest';
import { createSimulation, forkSimulation, restoreSimulation } from '../../src/engine/simulation';
import { getPreset, PRESET_IDS } from '../../src/scenarios/presets';
import type { Scenario } from '../../src/scenarios/schema';

function finish(sim: ReturnType<typeof createSimulation>) {
  sim.run();
  return sim.results({ trace: true });
}

const withoutRetries = (s: Scenario): Scenario => ({
  ...s,
  function: {
    ...s.function,
    EventInvokeConfig: { ...s.function.EventInvokeConfig, MaximumRetryAttempts: 0 },
  },
});

describe('design "Interventions": checkpoints and forks', () => {
  it('design: a run restored from a mid-run checkpoint ends exactly like the uninterrupted run', () => {
    const scenario = getPreset('default')!;
    const whole = finish(createSimulation(scenario));
    const sim = createSimulation(scenario);
    sim.runUntil(70_000); // after the first retry started
    const cp = sim.checkpoint();
    expect(finish(restoreSimulation(cp))).toEqual(whole);
    // The checkpointed simulation itself also carries on to the same end.
    expect(finish(sim)).toEqual(whole);
  });

  it('design: for every preset, restoring from checkpoints taken after each of several steps gives the same results', () => {
    // The workload-sized presets (thousands of items) are left out only to keep the suite fast.
    const large = new Set([
      'burst-scaling',
      'sqs-scaling',
      'kinesis-poison-blocks-shard',
      'dynamodb-poison-default',
    ]);
    for (const id of PRESET_IDS.filter((p) => !large.has(p))) {
      const scenario = getPreset(id)!;
      const whole = finish(createSimulation(scenario));
      const sim = createSimulation(scenario);
      for (let k = 1; k <= 8 && !sim.done(); k++) {
        sim.step();
        expect(finish(restoreSimulation(sim.checkpoint())), `${id} after ${k} steps`).toEqual(whole);
      }
    }
  });

  it('design: a checkpoint is a copy: running the restored simulation does not change the checkpoint', () => {
    const sim = createSimulation(getPreset('async-retries-exhausted')!);
    sim.runUntil(10_000);
    const cp = sim.checkpoint();
    const before = structuredClone(cp);
    finish(restoreSimulation(cp));
    expect(cp).toEqual(before);
  });

  it('§2.2 forking with MaximumRetryAttempts 0 changes the outcome while the original continuation is unchanged', () => {
    const scenario = getPreset('default')!;
    const whole = finish(createSimulation(scenario));
    const sim = createSimulation(scenario);
    sim.runUntil(1); // the event is accepted and queued, no attempt yet
    const cp = sim.checkpoint();

    const forked = finish(forkSimulation(cp, withoutRetries));
    const original = finish(restoreSimulation(cp));

    expect(original).toEqual(whole);
    expect(whole.items[0]!.outcome).toBe('succeeded');
    expect(whole.items[0]!.attempts).toHaveLength(3);

    const ev = forked.items[0]!;
    expect(ev.attempts).toHaveLength(1);
    expect(ev.outcome).toBe('dead-lettered');
    const targets = ev.deliveries.map((d) => d.target).sort();
    expect(targets).toEqual(['dlq', 'on-failure']);
    const rec = ev.deliveries.find((d) => d.target === 'on-failure')!.record as {
      requestContext: { condition: string; approximateInvokeCount: number };
    };
    expect(rec.requestContext).toMatchObject({ condition: 'RetriesExhausted', approximateInvokeCount: 1 });
    // The fork shares the history before the checkpoint.
    expect(forked.log!.slice(0, cp.state.log.length)).toEqual(whole.log!.slice(0, cp.state.log.length));
  });

  it("design: forking does not change the checkpoint's scenario", () => {
    const sim = createSimulation(getPreset('default')!);
    sim.runUntil(1);
    const cp = sim.checkpoint();
    finish(forkSimulation(cp, withoutRetries));
    expect(cp.state.scenario.function.EventInvokeConfig?.MaximumRetryAttempts).toBe(2);
  });

  it('design: runUntil stops at the given time; step and peek walk the agenda in time order', () => {
    const sim = createSimulation(getPreset('async-retries-exhausted')!);
    sim.runUntil(30_000);
    expect(sim.now()).toBe(30_000);
    expect(sim.log().every((e) => e.t <= 30_000)).toBe(true);
    let last = sim.now();
    while (!sim.done()) {
      const next = sim.peek()!;
      expect(next).toBeGreaterThanOrEqual(last);
      sim.step();
      last = sim.now();
    }
    expect(sim.peek()).toBeUndefined();
  });
});

describe('design "Interventions": an event injected at a fork', () => {
  it('§2.1 a request added to the workload at the fork arrives then and is processed; the original run has no such item', () => {
    const base = getPreset('async-retries-exhausted')!;
    const sim = createSimulation(base);
    sim.runUntil(30_000);
    const source = base.sources[0]!;
    if (source.type !== 'async') throw new Error('async source expected');
    const fork = forkSimulation(sim.checkpoint(), (s) => ({
      ...s,
      sources: [
        { ...source, requests: [...source.requests, { id: 'injected', atMs: 40_000, count: 1, everyMs: 0 }] },
      ],
    }));
    fork.run();
    const injected = fork.results().items.find((i) => i.id === 'injected');
    expect(injected?.arrivedMs).toBe(40_000);
    expect(injected?.attempts.length).toBe(3);
    sim.run();
    expect(sim.results().items.some((i) => i.id === 'injected')).toBe(false);
  });
});
