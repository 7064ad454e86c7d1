/** Creating the engine state and the small operations every model module uses on it. */
import type { Scenario } from '../scenarios/schema';
import { workloadOf } from '../scenarios/workload';
import { appendEvent, appendPackedEvent, createEventLog, type DataTemplate, type EventIds } from './eventLog';
import { agendaPush, agendaPushSqsTimer, createAgenda } from './agenda';
import { createItemTable, itemRow } from './itemTable';
import { createRandom, nextUint32 } from './kernel/random';
import { createMetrics } from './model/metrics';
import type { RuleKey } from './rules';
import type { AgendaEntry, EnvState, InvocationState, ItemState, SimState } from './types';

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

/** Columns are sized up front for at most this many items; a bigger workload grows them as it arrives. */
const MAX_PRESIZED_ITEMS = 1 << 22;

/**
 * How many items the scenario's workload sends in all, and how many of them are SQS messages, each
 * capped at `MAX_PRESIZED_ITEMS`: the size the item columns start at. Sizing them once avoids copying
 * them as they grow; rows a run never reaches cost no memory until written.
 */
function workloadSize(scenario: Scenario): { items: number; messages: number } {
  let items = 0;
  let messages = 0;
  for (const source of scenario.sources) {
    for (const req of workloadOf(source)) {
      items += req.count;
      if (source.type === 'sqs') messages += req.count;
    }
  }
  return { items: Math.min(items, MAX_PRESIZED_ITEMS), messages: Math.min(messages, MAX_PRESIZED_ITEMS) };
}

/** A fresh state at t=0 for a validated scenario. */
export function createState(scenario: Scenario, seed: number): SimState {
  const size = workloadSize(scenario);
  const state: Omit<SimState, 'items'> = {
    scenario,
    seed,
    now: 0,
    nextSeq: 0,
    agenda: createAgenda(size.messages),
    pendingWork: 0,
    rng: createRandom(seed),
    log: createEventLog(),
    itemTable: createItemTable(size.items, size.messages > 0 ? size.items : 0),
    itemIndex: new Map(),
    itemsIndexed: 0,
    invocations: [],
    envs: [],
    envIndex: new Map(),
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
  return attachItemsView(state);
}

/**
 * Gives the state its `items` view: every item's handle, made when read. The view is not enumerable,
 * so a checkpoint (a structured clone) leaves it out; a restored state gets it again here.
 */
export function attachItemsView(state: Omit<SimState, 'items'>): SimState {
  if (!Object.prototype.hasOwnProperty.call(state, 'items')) {
    Object.defineProperty(state, 'items', {
      enumerable: false,
      get: (): ItemState[] => {
        const t = state.itemTable;
        const out = new Array<ItemState>(t.length);
        for (let i = 0; i < t.length; i++) out[i] = itemRow(t, i);
        return out;
      },
    });
  }
  return state as SimState;
}

/** §4: 1,000 new execution environments per 10 s per function, refilled continuously. */
export const SCALING_BUCKET = 1000;
export const SCALING_REFILL_PER_MS = 1000 / 10_000;

/**
 * Puts something on the agenda at time `t` (never earlier than now). The entry is built per kind, so
 * entries of a kind share one shape and no copy of `body` is made.
 */
export function schedule(state: SimState, t: number, pri: number, body: EntryBody): void {
  const at = Math.max(t, state.now);
  const seq = state.nextSeq++;
  let entry: AgendaEntry;
  switch (body.kind) {
    case 'arrival':
      entry = { kind: 'arrival', source: body.source, request: body.request, n: body.n, t: at, pri, seq };
      break;
    case 'sync-attempt':
      entry = { kind: 'sync-attempt', item: body.item, t: at, pri, seq };
      break;
    case 'client-timeout':
      entry = {
        kind: 'client-timeout',
        item: body.item,
        invocation: body.invocation,
        clientAttempt: body.clientAttempt,
        t: at,
        pri,
        seq,
      };
      break;
    case 'async-dispatch':
      entry = { kind: 'async-dispatch', item: body.item, duplicate: body.duplicate, t: at, pri, seq };
      break;
    case 'init-end':
      entry = { kind: 'init-end', invocation: body.invocation, t: at, pri, seq };
      break;
    case 'invoke-end':
      entry = { kind: 'invoke-end', invocation: body.invocation, t: at, pri, seq };
      break;
    case 'env-reap':
      entry = { kind: 'env-reap', env: body.env, token: body.token, t: at, pri, seq };
      break;
    case 'sqs':
      entry = {
        kind: 'sqs',
        action: body.action,
        source: body.source,
        item: body.item,
        itemIndex: body.itemIndex,
        n: body.n,
        t: at,
        pri,
        seq,
      };
      break;
    default:
      entry = { ...body, t: at, pri, seq } as AgendaEntry;
  }
  if (entry.kind !== 'env-reap') state.pendingWork += 1;
  agendaPush(state.agenda, entry);
}

/**
 * `schedule` for an SQS message's visibility or retention timer (one per receive): the same entry, put
 * straight into the agenda's timer lane without making an object for it (agenda.ts).
 */
export function scheduleSqsTimer(
  state: SimState,
  t: number,
  pri: number,
  action: 'visible' | 'expire',
  source: string,
  item: ItemState,
  n: number,
): void {
  const at = Math.max(t, state.now);
  const seq = state.nextSeq++;
  state.pendingWork += 1;
  if (!agendaPushSqsTimer(state.agenda, at, pri, seq, action, source, item.index, n)) {
    const entry: AgendaEntry = {
      kind: 'sqs',
      action,
      source,
      item: item.id,
      itemIndex: item.index,
      n,
      t: at,
      pri,
      seq,
    };
    agendaPush(state.agenda, entry);
  }
}

/** Appends an event to the log (see eventLog.ts: no event object is kept). */
export function emit(
  state: SimState,
  type: string,
  rule: RuleKey,
  ids: EventIds,
  data?: Record<string, unknown>,
): void {
  appendEvent(state.log, state.now, type, rule, ids, data);
}

/**
 * Appends an event whose data has `template`'s keys with the values given, in order (up to seven):
 * the same event as `emit` with that object, for events logged once per message or batch, which then
 * cost the log no object.
 */
export function emitFields(
  state: SimState,
  type: string,
  rule: RuleKey,
  ids: EventIds,
  template: DataTemplate,
  v0?: unknown,
  v1?: unknown,
  v2?: unknown,
  v3?: unknown,
  v4?: unknown,
  v5?: unknown,
  v6?: unknown,
): void {
  appendPackedEvent(state.log, state.now, type, rule, ids, template, v0, v1, v2, v3, v4, v5, v6);
}

const HEX = '0123456789abcdef';
const HEX_CODES = Array.from(HEX, (c) => c.charCodeAt(0));
/** Reused buffer of a request id's 36 character codes. */
const UUID_CODES: number[] = new Array<number>(36).fill(45); // '-'

function putHex(word: number, nibbles: number, at: number): void {
  for (let k = nibbles - 1; k >= 0; k--) {
    UUID_CODES[at + k] = HEX_CODES[word & 15]!;
    word >>>= 4;
  }
}

/**
 * A UUID-shaped (version 4) id drawn from the run's "ids" stream, so request ids are reproducible: the
 * hex of four uint32 draws, with the version nibble set to 4 and the variant's top bits to 10. Built as
 * one flat string from character codes (not a concatenation of slices).
 */
export function newRequestId(state: SimState): string {
  const a = nextUint32(state.rng, 'ids');
  const b = nextUint32(state.rng, 'ids');
  const c = nextUint32(state.rng, 'ids');
  const d = nextUint32(state.rng, 'ids');
  // xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx: a | b's top 16 bits | 4, b's low 12 bits |
  // variant, c's bits 27..16 | c's low 16 bits, d.
  putHex(a, 8, 0);
  putHex(b >>> 16, 4, 9);
  UUID_CODES[14] = 52; // '4'
  putHex(b & 0xfff, 3, 15);
  UUID_CODES[19] = HEX_CODES[((c >>> 28) & 0x3) | 0x8]!;
  putHex((c >>> 16) & 0xfff, 3, 20);
  putHex(c & 0xffff, 4, 24);
  putHex(d, 8, 28);
  return String.fromCharCode.apply(null, UUID_CODES);
}

/**
 * Where the item with this id is in `state.items` (the latest one, should ids repeat), or undefined. The
 * index by id is brought up to date here, on demand: a run whose hot path never looks an item up by id
 * (an SQS queue's messages are found by index) never builds it.
 */
export function itemIndexOf(state: SimState, id: string): number | undefined {
  const t = state.itemTable;
  if (state.itemsIndexed < t.length) {
    for (let k = state.itemsIndexed; k < t.length; k++) state.itemIndex.set(t.id[k]!, k);
    state.itemsIndexed = t.length;
  }
  return state.itemIndex.get(id);
}

export function getItem(state: SimState, id: string): ItemState {
  const i = itemIndexOf(state, id);
  if (i === undefined) throw new Error(`unknown item ${id}`);
  return itemRow(state.itemTable, i);
}

/** The item at `index` in the item table. */
export function itemAt(state: SimState, index: number): ItemState {
  return itemRow(state.itemTable, index);
}

const INVOCATION_PREFIX = 'inv-';

/** Invocation `inv-n` is the n-th (at index n - 1); any other id names none. */
export function getInvocation(state: SimState, id: string): InvocationState {
  let n = 0;
  const digits = id.length - INVOCATION_PREFIX.length;
  if (digits > 0 && digits <= 15 && id.startsWith(INVOCATION_PREFIX)) {
    for (let k = INVOCATION_PREFIX.length; k < id.length; k++) {
      const d = id.charCodeAt(k) - 48;
      if (d < 0 || d > 9) {
        n = 0;
        break;
      }
      n = n * 10 + d;
    }
  }
  const inv = n > 0 ? state.invocations[n - 1] : undefined;
  if (inv === undefined || inv.id !== id) throw new Error(`unknown invocation ${id}`);
  return inv;
}

export function getEnv(state: SimState, id: string): EnvState {
  const i = state.envIndex.get(id);
  if (i === undefined) throw new Error(`unknown environment ${id}`);
  return state.envs[i]!;
}

/** The function's ARN, as destination records and DLQ messages show it. */
export function functionArn(state: SimState, qualified = false): string {
  const { Region, AccountId } = state.scenario.account;
  const arn = `arn:aws:lambda:${Region}:${AccountId}:function:${state.scenario.function.FunctionName}`;
  return qualified ? `${arn}:$LATEST` : arn;
}
