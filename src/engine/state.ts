/** Creating the engine state and the small operations every model module uses on it. */
import type { Scenario } from '../scenarios/schema';
import { heapPush } from './kernel/eventQueue';
import { createRandom, nextUint32 } from './kernel/random';
import { createMetrics } from './model/metrics';
import type { RuleKey } from './rules';
import type { AgendaEntry, EnvState, InvocationState, ItemState, SimEvent, SimState } from './types';

/** Agenda priorities at equal times: capacity is freed before it is claimed, so ends run before starts. */
export const PRIORITY = {
  invokeEnd: 0,
  initEnd: 1,
  clientTimeout: 2,
  dispatch: 3,
  syncAttempt: 4,
  arrival: 5,
  /** Pollers look after every arrival of the same instant, so messages sent together share a batch. */
  poll: 6,
  reap: 7,
} as const;

type EntryBody = AgendaEntry extends infer E
  ? E extends AgendaEntry
    ? Omit<E, 't' | 'seq' | 'pri'>
    : never
  : never;

/** A fresh state at t=0 for a validated scenario. */
export function createState(scenario: Scenario, seed: number): SimState {
  return {
    scenario,
    seed,
    now: 0,
    nextSeq: 0,
    agenda: [],
    pendingWork: 0,
    rng: createRandom(seed),
    log: [],
    items: [],
    itemIndex: {},
    invocations: [],
    invocationIndex: {},
    envs: [],
    envIndex: {},
    idleOnDemand: [],
    idleProvisioned: [],
    inUse: 0,
    scaling: { tokens: SCALING_BUCKET, atMs: 0 },
    requestRate: { second: 0, count: 0 },
    asyncQueueDepth: 0,
    sqs: {},
    streams: {},
    mappingConcurrency: {},
    metrics: createMetrics(),
    counters: { invocation: 0, env: 0 },
  };
}

/** §4: 1,000 new execution environments per 10 s per function, refilled continuously. */
export const SCALING_BUCKET = 1000;
export const SCALING_REFILL_PER_MS = 1000 / 10_000;

/** Puts something on the agenda at time `t` (never earlier than now). */
export function schedule(state: SimState, t: number, pri: number, body: EntryBody): void {
  const entry = { ...body, t: Math.max(t, state.now), pri, seq: state.nextSeq++ } as AgendaEntry;
  if (entry.kind !== 'env-reap') state.pendingWork += 1;
  heapPush(state.agenda, entry);
}

/** Appends an event to the log. */
export function emit(
  state: SimState,
  type: string,
  rule: RuleKey,
  ids: { item?: string; invocation?: string; env?: string },
  data?: Record<string, unknown>,
): SimEvent {
  const event: SimEvent = { seq: state.log.length, t: state.now, type, rule, ...ids };
  if (data) event.data = data;
  state.log.push(event);
  return event;
}

/** A UUID-shaped (version 4) id drawn from the run's "ids" stream, so request ids are reproducible. */
export function newRequestId(state: SimState): string {
  let hex = '';
  for (let i = 0; i < 4; i++) hex += nextUint32(state.rng, 'ids').toString(16).padStart(8, '0');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function getItem(state: SimState, id: string): ItemState {
  const i = state.itemIndex[id];
  if (i === undefined) throw new Error(`unknown item ${id}`);
  return state.items[i]!;
}

export function getInvocation(state: SimState, id: string): InvocationState {
  const i = state.invocationIndex[id];
  if (i === undefined) throw new Error(`unknown invocation ${id}`);
  return state.invocations[i]!;
}

export function getEnv(state: SimState, id: string): EnvState {
  const i = state.envIndex[id];
  if (i === undefined) throw new Error(`unknown environment ${id}`);
  return state.envs[i]!;
}

/** The function's ARN, as destination records and DLQ messages show it. */
export function functionArn(state: SimState, qualified = false): string {
  const { Region, AccountId } = state.scenario.account;
  const arn = `arn:aws:lambda:${Region}:${AccountId}:function:${state.scenario.function.FunctionName}`;
  return qualified ? `${arn}:$LATEST` : arn;
}
