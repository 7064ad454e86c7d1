/**
 * What the diagram draws at one cursor: per node, how many items are there in each phase; the
 * execution environments; and, when few enough items are in play to draw one by one, a token per item
 * with its place, the node it last came from and what its label says (attempt, receive count, HTTP
 * status, the time it waits for). Pure: the same (index, log, cursor) always gives the same frame.
 */
import type { SimEvent } from '../../engine/types';
import { NO_MOVE, codeNode, codePhase, resolvePair, type FlowIndex } from '../../diagram/flowIndex';
import { ENV_PHASES, type EnvPhaseName, type FlowState } from './flowReplay';
import { GONE_PHASES, PHASES, type Phase } from '../../diagram/places';

/** More items in play than this and the diagram shows counts instead of tokens. */
export const MAX_TOKENS = 40;
/** Environments drawn one by one; beyond this the function node shows counts only. */
export const MAX_ENV_CHIPS = 12;

export interface NodeSummary {
  /** Items in each phase on this node now (only phases with any). */
  byPhase: Partial<Record<Phase, number>>;
  /** Items drawn here (phases that are not gone). */
  present: number;
}

export interface EnvChip {
  id: string;
  phase: Exclude<EnvPhaseName, 'none'>;
  provisioned: boolean;
  cold: boolean;
}

export interface TokenView {
  item: string;
  node: string;
  phase: Phase;
  /** The node the item was on before its last move (null: it just arrived). */
  from: string | null;
  /** Index of the event that last moved it: a new value means a new move to animate. */
  movedAt: number;
  /** Short text on the token: "#2", "×3", "200". */
  label: string | null;
  /** Simulated time it waits for (a retry, a backoff, the visibility timeout), if it waits. */
  untilMs: number | null;
  coldStart: boolean;
}

export interface FlowFrame {
  cursor: number;
  nodes: Record<string, NodeSummary>;
  envs: { chips: EnvChip[]; counts: Record<Exclude<EnvPhaseName, 'none'>, number> };
  /** One per item in play, in item order; null when there are more than MAX_TOKENS. */
  tokens: TokenView[] | null;
  /** Items in play (drawn or counted). */
  inPlay: number;
  /** Per poller node: IteratorAge in ms, once reported. */
  iteratorAgeMs: Record<string, number>;
  /** Edges the current event moved items along (ids as in the topology). */
  activeEdges: string[];
  /** Where the current event moved items, node to node. */
  moves: NodeMove[];
}

export interface NodeMove {
  from: string;
  to: string;
  /** How many items made this move. */
  items: number;
}

const COLD_PHASES: ReadonlySet<Phase> = new Set<Phase>(['initializing']);
const WAITING_PHASES: ReadonlySet<Phase> = new Set<Phase>(['retry-wait', 'backoff', 'invisible']);

function num(e: SimEvent, key: string): number | undefined {
  const v = e.data?.[key];
  return typeof v === 'number' ? v : undefined;
}

/**
 * The time an item waits for after event `e` (its retry, backoff or visibility timeout), if the event
 * says; undefined when the event says nothing about waiting.
 */
function waitUntil(e: SimEvent, id: string): number | null | undefined {
  // An SQS message is hidden until its receive's visibility timeout runs out, whenever its batch failed.
  if (e.type === 'sqs/received') {
    const seconds = num(e, 'visibilityTimeoutSeconds');
    return seconds === undefined ? null : e.t + seconds * 1000;
  }
  if (e.type.startsWith('sqs/')) return undefined;
  // A bisected batch retries its first half first; the second half waits for it.
  if (e.type === 'stream/batch-bisected') {
    const first = e.data?.first;
    if (Array.isArray(first) && !first.includes(id)) return null;
  }
  const at = num(e, 'retryAtMs');
  if (at !== undefined) return at;
  const inMs = num(e, 'retryInMs') ?? num(e, 'delayMs');
  return inMs === undefined ? undefined : e.t + inMs;
}

/** The item's last move at or before `cursor`: which event made it, and the place it left. */
function lastMove(index: FlowIndex, item: number, cursor: number): { movedAt: number; from: number } {
  let place = -1;
  let movedAt = -1;
  let from = -1;
  for (let k = index.itemEventStart[item]!; k < index.itemEventStart[item + 1]!; k++) {
    const e = index.itemEvents[k]!;
    if (e > cursor) break;
    for (let p = index.pairStart[e]!; p < index.pairStart[e + 1]!; p++) {
      if (index.pairItem[p] !== item) continue;
      const code = resolvePair(index, p, place);
      if (code === NO_MOVE || code === place) continue;
      from = place;
      place = code;
      movedAt = e;
    }
  }
  return { movedAt, from };
}

function tokenLabel(log: readonly SimEvent[], index: FlowIndex, item: number, cursor: number, phase: Phase) {
  let label: string | null = null;
  let untilMs: number | null = null;
  let coldStart: boolean | null = null;
  const id = index.itemIds[item]!;
  let needLabel = true;
  let needWait = WAITING_PHASES.has(phase);
  for (let k = index.itemEventStart[item + 1]! - 1; k >= index.itemEventStart[item]!; k--) {
    const e = index.itemEvents[k]!;
    if (e > cursor) continue;
    const event = log[e]!;
    if (needWait) {
      const until = waitUntil(event, id);
      if (until !== undefined) {
        untilMs = until;
        needWait = false;
      }
    }
    if (coldStart === null && event.type === 'invoke/started') coldStart = event.data?.coldStart === true;
    if (needLabel) {
      const found = labelFrom(event, id);
      if (found !== undefined) {
        label = found;
        needLabel = false;
      }
    }
    if (!needLabel && !needWait && coldStart !== null) break;
  }
  return { label, untilMs, coldStart: coldStart ?? false };
}

/** What an item's token says after `event`, if the event decides it (undefined: look further back). */
function labelFrom(event: SimEvent, id: string): string | null | undefined {
  switch (event.type) {
    case 'sync/response':
    case 'apigw/integration-timeout':
    case 'invoke/throttled': {
      const status = num(event, 'statusCode');
      return status === undefined ? null : String(status);
    }
    case 'sqs/received': {
      const items = event.data?.items;
      const counts = event.data?.receiveCounts;
      const at = Array.isArray(items) ? items.indexOf(id) : -1;
      const count = Array.isArray(counts) && at >= 0 ? counts[at] : undefined;
      return typeof count === 'number' ? `×${count}` : null;
    }
    case 'invoke/started':
      // An SQS message's number is its receive count; a record's or an event's, the attempt.
      if (event.data?.trigger === 'sqs') return undefined;
      return attemptLabel(event);
    case 'async/dequeued':
      return attemptLabel(event);
    default:
      return undefined;
  }
}

function attemptLabel(event: SimEvent): string | null {
  const attempt = num(event, 'attempt');
  return attempt === undefined ? null : `#${attempt}`;
}

/** The moves the event at the cursor made (from one node to another, once each) and the edges they lit. */
function activeMoves(index: FlowIndex, state: FlowState): Pick<FlowFrame, 'activeEdges' | 'moves'> {
  const e = state.cursor;
  if (e < 0) return { activeEdges: [], moves: [] };
  const edges = new Set(index.topology.edges.map((x) => x.id));
  const lit = new Set<string>();
  const moves = new Map<string, NodeMove>();
  const seen = new Set<number>();
  for (let p = index.pairStart[e]!; p < index.pairStart[e + 1]! && moves.size < 4; p++) {
    const item = index.pairItem[p]!;
    if (seen.has(item)) continue; // a bisected batch lists its items twice
    seen.add(item);
    const last = lastMove(index, item, e);
    const now = state.place[item]!;
    const before = last.from;
    if (last.movedAt !== e || now < 0 || before < 0) continue;
    const from = index.nodeIds[codeNode(before)]!;
    const to = index.nodeIds[codeNode(now)]!;
    if (from === to) continue;
    const move = moves.get(`${from}->${to}`) ?? { from, to, items: 0 };
    move.items += 1;
    moves.set(`${from}->${to}`, move);
    for (const id of [`${from}->${to}`, `${to}->${from}`]) if (edges.has(id)) lit.add(id);
    if (!edges.has(`${from}->${to}`) && !edges.has(`${to}->${from}`)) {
      // No direct edge (a sync answer going back to its caller): through the Lambda service.
      for (const id of [`${from}->lambda`, `lambda->${from}`, `lambda->${to}`, `${to}->lambda`])
        if (edges.has(id)) lit.add(id);
    }
  }
  return { activeEdges: [...lit], moves: [...moves.values()] };
}

/** The frame for the replay state `state` (the state after events 0..state.cursor). */
export function flowFrame(index: FlowIndex, log: readonly SimEvent[], state: FlowState): FlowFrame {
  const nodes: Record<string, NodeSummary> = {};
  let inPlay = 0;
  index.nodeIds.forEach((id, n) => {
    const summary: NodeSummary = { byPhase: {}, present: 0 };
    PHASES.forEach((phase, p) => {
      const count = state.counts[n * PHASES.length + p]!;
      if (count <= 0) return;
      summary.byPhase[phase] = count;
      if (!GONE_PHASES.has(phase)) summary.present += count;
    });
    inPlay += summary.present;
    nodes[id] = summary;
  });

  const counts = { initializing: 0, busy: 0, idle: 0, reaped: 0 };
  const chips: EnvChip[] = [];
  for (let env = 1; env < state.envPhase.length; env++) {
    const phase = ENV_PHASES[state.envPhase[env]!]!;
    if (phase === 'none') continue;
    counts[phase] += 1;
    if (phase !== 'reaped' && chips.length < MAX_ENV_CHIPS)
      chips.push({
        id: `env-${env}`,
        phase,
        provisioned: state.envProvisioned[env] === 1,
        cold: state.envCold[env] === 1,
      });
  }

  let tokens: TokenView[] | null = null;
  if (inPlay <= MAX_TOKENS) {
    tokens = [];
    for (let item = 0; item < state.place.length; item++) {
      const code = state.place[item]!;
      if (code < 0) continue;
      const phase = codePhase(code);
      if (GONE_PHASES.has(phase)) continue;
      const { movedAt, from: before } = lastMove(index, item, state.cursor);
      tokens.push({
        item: index.itemIds[item]!,
        node: index.nodeIds[codeNode(code)]!,
        phase,
        from: before >= 0 ? index.nodeIds[codeNode(before)]! : null,
        movedAt,
        ...tokenLabel(log, index, item, state.cursor, phase),
      });
      const token = tokens[tokens.length - 1]!;
      // "Cold" describes the attempt while its environment initialises, not the item afterwards.
      if (!COLD_PHASES.has(phase)) token.coldStart = false;
    }
  }

  const iteratorAgeMs: Record<string, number> = {};
  state.iteratorAgeMs.forEach((age, n) => {
    if (!Number.isNaN(age)) iteratorAgeMs[index.nodeIds[n]!] = age;
  });

  return {
    cursor: state.cursor,
    nodes,
    envs: { chips, counts },
    tokens,
    inPlay,
    iteratorAgeMs,
    ...activeMoves(index, state),
  };
}
