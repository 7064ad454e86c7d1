/**
 * The diagram's state after any prefix of the log: every item's place, how many items are in each place,
 * every execution environment's phase, and each poller's IteratorAge. Replaying forward applies events
 * one by one; going back restores the nearest snapshot and replays from there. Snapshots are taken
 * while replaying, spaced so that all of them together stay within a few megabytes however long the run.
 */
import type { SimEvent } from '../../engine/types';
import { NO_MOVE, PHASE_COUNT, resolvePair, type FlowIndex } from '../../diagram/flowIndex';

/** An execution environment's phase, as the diagram draws it. */
export const ENV_PHASES = ['none', 'initializing', 'busy', 'idle', 'reaped'] as const;
export type EnvPhaseName = (typeof ENV_PHASES)[number];
const ENV = { none: 0, initializing: 1, busy: 2, idle: 3, reaped: 4 } as const;

export interface FlowState {
  /** The last event applied (-1: none). */
  cursor: number;
  /** Per item: its place code, or -1 before it arrived. */
  place: Int32Array;
  /** Per place code: how many items are there. */
  counts: Int32Array;
  /** Per environment number: its phase (ENV_PHASES index). */
  envPhase: Uint8Array;
  /** Per environment number: 1 if provisioned. */
  envProvisioned: Uint8Array;
  /** Per environment number: 1 while its current invocation is a cold start. */
  envCold: Uint8Array;
  /** Per node: the last IteratorAge reported there (NaN: none yet). */
  iteratorAgeMs: Float64Array;
}

function emptyState(index: FlowIndex): FlowState {
  return {
    cursor: -1,
    place: new Int32Array(index.itemIds.length).fill(-1),
    counts: new Int32Array(index.nodeIds.length * PHASE_COUNT),
    envPhase: new Uint8Array(index.envCount + 1),
    envProvisioned: new Uint8Array(index.envCount + 1),
    envCold: new Uint8Array(index.envCount + 1),
    iteratorAgeMs: new Float64Array(index.nodeIds.length).fill(Number.NaN),
  };
}

function copyState(s: FlowState): FlowState {
  return {
    cursor: s.cursor,
    place: s.place.slice(),
    counts: s.counts.slice(),
    envPhase: s.envPhase.slice(),
    envProvisioned: s.envProvisioned.slice(),
    envCold: s.envCold.slice(),
    iteratorAgeMs: s.iteratorAgeMs.slice(),
  };
}

function applyEnv(s: FlowState, env: number, e: SimEvent): void {
  switch (e.type) {
    case 'env/cold-start':
      s.envPhase[env] = ENV.initializing;
      s.envCold[env] = 1;
      if (e.data?.provisioned === true) s.envProvisioned[env] = 1;
      return;
    case 'env/provisioned-ready':
      s.envPhase[env] = ENV.idle;
      s.envProvisioned[env] = 1;
      return;
    case 'invoke/started':
      if (e.data?.coldStart !== true) {
        s.envPhase[env] = ENV.busy;
        s.envCold[env] = 0;
      }
      return;
    case 'env/init-done':
      s.envPhase[env] = ENV.busy;
      return;
    case 'invoke/succeeded':
    case 'invoke/failed':
    case 'invoke/timed-out':
      s.envPhase[env] = ENV.idle;
      s.envCold[env] = 0;
      return;
    case 'env/reaped':
      s.envPhase[env] = ENV.reaped;
      return;
  }
}

/** Applies log event `e` (its index) to `s`. */
function apply(index: FlowIndex, log: readonly SimEvent[], s: FlowState, e: number): void {
  const event = log[e]!;
  for (let p = index.pairStart[e]!; p < index.pairStart[e + 1]!; p++) {
    const item = index.pairItem[p]!;
    const old = s.place[item]!;
    const code = resolvePair(index, p, old);
    if (code === NO_MOVE || code === old) continue;
    if (old >= 0) s.counts[old]! -= 1;
    s.counts[code]! += 1;
    s.place[item] = code;
  }
  const env = index.eventEnv[e]!;
  if (env > 0) applyEnv(s, env, event);
  const age = event.data?.iteratorAgeMs;
  if (typeof age === 'number') {
    const poller = index.pollerOfSource.get(String(event.data?.source));
    if (poller !== undefined) s.iteratorAgeMs[poller] = age;
  }
  s.cursor = e;
}

export interface FlowReplay {
  /** The state after events 0..cursor (cursor -1: before the first). Valid until the next call. */
  at(cursor: number): FlowState;
}

/** Bytes all snapshots together may take, roughly. */
const SNAPSHOT_BUDGET_BYTES = 24 * 1024 * 1024;

/** A replay over one run's log. */
export function createFlowReplay(index: FlowIndex, log: readonly SimEvent[]): FlowReplay {
  const stateBytes =
    index.itemIds.length * 4 + index.nodeIds.length * (PHASE_COUNT * 4 + 8) + index.envCount * 3;
  const wanted = Math.ceil((log.length * stateBytes) / SNAPSHOT_BUDGET_BYTES);
  // A power of two at least 512: replays from a snapshot stay short, memory stays bounded.
  const every = Math.max(512, 2 ** Math.ceil(Math.log2(Math.max(1, wanted))));
  /** snapshots[k]: the state after events 0..k*every-1. */
  const snapshots: FlowState[] = [emptyState(index)];
  let live = copyState(snapshots[0]!);

  return {
    at(cursor) {
      const target = Math.max(-1, Math.min(log.length - 1, cursor));
      // Start from the nearest snapshot at or before the target when it is closer than where we are:
      // always going back, and going forward past a snapshot (a far seek, not a step).
      const k = Math.min(snapshots.length - 1, Math.floor((target + 1) / every));
      if (target < live.cursor || snapshots[k]!.cursor > live.cursor) live = copyState(snapshots[k]!);
      while (live.cursor < target) {
        const next = live.cursor + 1;
        apply(index, log, live, next);
        if ((next + 1) % every === 0 && snapshots.length === (next + 1) / every)
          snapshots.push(copyState(live));
      }
      return live;
    },
  };
}

/** Same result as `createFlowReplay(…).at(cursor)`, from scratch: the reference the tests compare with. */
export function replayFromStart(index: FlowIndex, log: readonly SimEvent[], cursor: number): FlowState {
  const s = emptyState(index);
  for (let e = 0; e <= Math.min(cursor, log.length - 1); e++) apply(index, log, s, e);
  return s;
}
