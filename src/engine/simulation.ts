/**
 * The simulation: a discrete-event loop over the agenda, dispatching each entry to the model module that
 * owns it. `createSimulation(scenario, {seed})` returns a plain object of operations; the state it works
 * on is plain data, so `checkpoint()` is a deep copy and `restoreSimulation` / `forkSimulation` resume
 * from one (a fork changes the scenario before resuming; the original run is untouched).
 */
import { eventAt, eventLogView, sliceEvents } from './eventLog';
import { agendaPeekTime, agendaPop } from './agenda';
import { onArrival, scheduleAddedArrivals, scheduleArrivals } from './model/arrivals';
import { onBatchInvocationEnd } from './model/esm/batchInvocation';
import { dispatchAsync, onAsyncAttemptEnd } from './model/asyncQueue';
import { createProvisionedEnvironments, reap } from './model/concurrency';
import { onInitEnd, onInvokeEnd } from './model/execution';
import { onSqsAgenda, onSqsBatchEnd } from './model/sqs/sqsPoller';
import { initStreams, onStreamAgenda, onStreamBatchEnd } from './model/streams/streamPoller';
import { onClientTimeout, onSyncInvocationEnd, sendSyncAttempt } from './model/syncCaller';
import { buildResults, type Results, type ResultsOptions } from './results';
import { attachItemsView, createState, getInvocation, getItem } from './state';
import type { AgendaEntry, SimEvent, SimState } from './types';
import type { Scenario } from '../scenarios/schema';

export interface Simulation {
  /** Current simulated time in ms. */
  now(): number;
  /** Time of the next thing on the agenda that is not idle bookkeeping, or undefined when the run is over. */
  peek(): number | undefined;
  /** Processes the next agenda entry; returns the events it logged. */
  step(): SimEvent[];
  /** Processes the next agenda entry as `step()` does, without building its events (`logLength()` tells how many). */
  advance(): void;
  /** Processes everything scheduled at or before `tMs`, then sets the clock to `tMs`. */
  runUntil(tMs: number): void;
  /** Runs to the end (or to the scenario's `untilSeconds`). */
  run(): void;
  done(): boolean;
  /**
   * The event log as a read-only array. It is a view of the engine's compact log: each event is built
   * when read (equal, not identical, across reads), so holding the view costs nothing per event.
   */
  log(): readonly SimEvent[];
  /** The number of events logged so far (`log().length` without the view). */
  logLength(): number;
  /** Event `seq` (0-based), built from the compact log. */
  eventAt(seq: number): SimEvent;
  /** Events `from` (inclusive) to `to` (exclusive, default: the end) as a plain array. */
  events(from?: number, to?: number): SimEvent[];
  checkpoint(): Checkpoint;
  results(options?: ResultsOptions): Results;
  /** The live state, for read-only views (inspector, tests). */
  readonly state: SimState;
}

export interface Checkpoint {
  state: SimState;
}

export interface SimulationOptions {
  seed?: number;
}

function dispatch(state: SimState, entry: AgendaEntry): void {
  switch (entry.kind) {
    case 'arrival':
      onArrival(state, entry.source, entry.request, entry.n);
      return;
    case 'sync-attempt':
      sendSyncAttempt(state, getItem(state, entry.item));
      return;
    case 'client-timeout':
      onClientTimeout(state, entry.item, entry.invocation, entry.clientAttempt);
      return;
    case 'async-dispatch':
      dispatchAsync(state, getItem(state, entry.item), entry.duplicate);
      return;
    case 'init-end':
      onInitEnd(state, getInvocation(state, entry.invocation));
      return;
    case 'invoke-end': {
      const inv = getInvocation(state, entry.invocation);
      onInvokeEnd(state, inv);
      if (inv.trigger === 'sqs' || inv.trigger === 'stream') onBatchInvocationEnd(state, inv);
      if (inv.trigger === 'sqs') onSqsBatchEnd(state, inv);
      else if (inv.trigger === 'stream') onStreamBatchEnd(state, inv);
      else if (inv.trigger === 'sync') onSyncInvocationEnd(state, getItem(state, inv.items[0]!), inv);
      else onAsyncAttemptEnd(state, getItem(state, inv.items[0]!), inv);
      return;
    }
    case 'sqs':
      onSqsAgenda(state, entry);
      return;
    case 'stream':
      onStreamAgenda(state, entry);
      return;
    case 'env-reap':
      reap(state, entry.env, entry.token);
      return;
  }
}

function wrap(restored: Omit<SimState, 'items'>): Simulation {
  const state = attachItemsView(restored);
  const view = eventLogView(() => state.log);
  const untilMs = () => {
    const s = state.scenario.simulation.untilSeconds;
    return s === undefined ? Number.POSITIVE_INFINITY : s * 1000;
  };
  // Only idle-environment reaping left means the workload is over.
  const done = () => state.pendingWork === 0 || (agendaPeekTime(state.agenda) ?? 0) > untilMs();
  const advance = (): boolean => {
    const entry = agendaPop(state.agenda, state.itemTable.id);
    if (!entry) return false;
    // SQS visibility entries release their own pending work (a deleted message's entry is moot).
    if (
      entry.kind !== 'env-reap' &&
      !(entry.kind === 'sqs' && (entry.action === 'visible' || entry.action === 'expire'))
    )
      state.pendingWork -= 1;
    state.now = entry.t;
    dispatch(state, entry);
    return true;
  };
  const step = (): SimEvent[] => {
    const from = state.log.length;
    return advance() ? sliceEvents(state.log, from) : [];
  };
  const runUntil = (tMs: number) => {
    for (;;) {
      const next = agendaPeekTime(state.agenda);
      if (next === undefined || next > tMs) break;
      advance();
    }
    state.now = Math.max(state.now, tMs);
  };
  return {
    state,
    now: () => state.now,
    peek: () => (done() ? undefined : agendaPeekTime(state.agenda)),
    step,
    advance: () => {
      advance();
    },
    runUntil,
    run: () => {
      const limit = untilMs();
      while (!done()) advance();
      if (Number.isFinite(limit)) {
        runUntil(limit);
      }
    },
    done,
    log: () => view,
    logLength: () => state.log.length,
    eventAt: (seq) => eventAt(state.log, seq),
    events: (from, to) => sliceEvents(state.log, from, to),
    checkpoint: () => ({ state: structuredClone(state) }),
    results: (options) => buildResults(state, options),
  };
}

/** Starts a run of a validated scenario. The seed defaults to the scenario's, else 1. */
export function createSimulation(scenario: Scenario, options: SimulationOptions = {}): Simulation {
  const seed = options.seed ?? scenario.seed ?? 1;
  const state = createState(scenario, seed);
  createProvisionedEnvironments(state);
  initStreams(state);
  scheduleArrivals(state);
  return wrap(state);
}

/** Resumes a run from a checkpoint (the checkpoint itself is not modified). */
export function restoreSimulation(checkpoint: Checkpoint): Simulation {
  return wrap(structuredClone(checkpoint.state));
}

/**
 * Resumes from a checkpoint with a changed scenario (a setting changed mid-run); workload entries the
 * change adds at the end of a source's list arrive as scheduled (an event injected at the fork).
 */
export function forkSimulation(checkpoint: Checkpoint, change: (scenario: Scenario) => Scenario): Simulation {
  const state = structuredClone(checkpoint.state);
  const before = state.scenario;
  state.scenario = change(before);
  scheduleAddedArrivals(state, before);
  return wrap(state);
}
