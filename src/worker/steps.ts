/**
 * A run as a sequence of engine steps the worker can pause between. Each generator yields the simulation
 * it is advancing after every step, so the run loop can stop at its time budget and stream that
 * simulation's log; each takes exactly the steps the engine's own `run()` / `runUntil()` would, so the
 * results are the same as a run in one go.
 */
import { forkSimulation, type Simulation } from '../engine/simulation';
import type { Scenario } from '../scenarios/schema';

export type Steps = Generator<Simulation, Simulation, void>;

/** The time a run stops at: the scenario's `simulation.untilSeconds`, or never. */
export function untilMs(scenario: Scenario): number {
  const s = scenario.simulation.untilSeconds;
  return s === undefined ? Number.POSITIVE_INFINITY : s * 1000;
}

/** Steps `sim` to its end, as `Simulation.run()` does. */
export function* stepsToEnd(sim: Simulation): Steps {
  // Read once at the start, as run() does.
  const limit = untilMs(sim.state.scenario);
  while (!sim.done()) {
    sim.step();
    yield sim;
  }
  // After done() only idle bookkeeping (environment reaping) is left: bounded by the number of
  // environments, so it is done in one go.
  if (Number.isFinite(limit)) sim.runUntil(limit);
  return sim;
}

/** Steps `sim` through everything at or before `tMs`, as `Simulation.runUntil(tMs)` does. */
export function* stepsUntil(sim: Simulation, tMs: number): Steps {
  // peek() hides the agenda once done(); runUntil then takes the remaining entries ≤ tMs in the same
  // heap order, so the steps are exactly runUntil's.
  for (let next = sim.peek(); next !== undefined && next <= tMs; next = sim.peek()) {
    sim.step();
    yield sim;
  }
  sim.runUntil(tMs);
  return sim;
}

/** Steps `base` to `atMs`, then forks it with `changed` as the scenario and steps the fork to its end. */
export function* forkSteps(base: Simulation, atMs: number, changed: Scenario): Steps {
  yield* stepsUntil(base, atMs);
  // The base run is discarded here, so its live state serves as the checkpoint: forkSimulation copies
  // it, and taking base.checkpoint() first would copy the whole state (log included) twice.
  const fork = forkSimulation({ state: base.state }, () => changed);
  return yield* stepsToEnd(fork);
}
