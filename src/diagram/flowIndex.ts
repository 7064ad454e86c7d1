/**
 * Everything the diagram needs to know about a run, computed once per run: for every log event, which
 * items it moves and to which place (node × phase), and for every item, the events that concern it.
 * Compact typed arrays, so a run with a million events indexes quickly and replays without allocating.
 */
import type { Results } from '../engine/results';
import type { SimEvent } from '../engine/types';
import type { Scenario, Source } from '../scenarios/schema';
import { shardIdOf } from '../engine/model/streams/streamState';
import { PHASES, itemsOf, movesOnlyItemsWithLambda, placeAfter, type ItemNodes, type Phase } from './places';
import { nodeIds, shardNodeId, type Topology } from './topology';

export const PHASE_COUNT = PHASES.length;
const PHASE_INDEX = new Map<Phase, number>(PHASES.map((p, i) => [p, i]));

/** Pair codes: ≥ 0 a place (node × PHASE_COUNT + phase); STAY_BASE - phase: same node, new phase. */
export const NO_MOVE = -1;
const STAY_BASE = -2;

export interface FlowIndex {
  topology: Topology;
  nodeIds: string[];
  nodeIndex: ReadonlyMap<string, number>;
  /** The results' item ids, in order: item i of the index is `results.items[i]`. */
  itemIds: string[];
  /** Event e moves items pairItem[p] to pairCode[p] for p in [pairStart[e], pairStart[e + 1]). */
  pairStart: Int32Array;
  pairItem: Int32Array;
  pairCode: Int32Array;
  /** 1 where the pair's move applies only to an item on a node that holds items in flight. */
  pairSoft: Uint8Array;
  /** Per node: 1 for the nodes where items are with Lambda (front door, async queue, pollers, function). */
  holdsInFlight: Uint8Array;
  /** Item i's events, ascending: itemEvents[k] for k in [itemEventStart[i], itemEventStart[i + 1]). */
  itemEventStart: Int32Array;
  itemEvents: Int32Array;
  /** Environment number of each event (env-7 → 7), or 0. */
  eventEnv: Int32Array;
  envCount: number;
  /** The poller node index each stream source's IteratorAge is shown on, by source id. */
  pollerOfSource: ReadonlyMap<string, number>;
}

/** `place` as a code: node index × PHASE_COUNT + phase index. */
export function placeCode(node: number, phase: Phase): number {
  return node * PHASE_COUNT + PHASE_INDEX.get(phase)!;
}

export function codeNode(code: number): number {
  return Math.floor(code / PHASE_COUNT);
}

export function codePhase(code: number): Phase {
  return PHASES[code % PHASE_COUNT]!;
}

/** The code a pair stores for `move`, given node indexes. */
function moveCode(move: ReturnType<typeof placeAfter>, nodeIndex: ReadonlyMap<string, number>): number {
  if (!move) return NO_MOVE;
  if (move.node === null) return STAY_BASE - PHASE_INDEX.get(move.phase)!;
  const node = nodeIndex.get(move.node);
  return node === undefined ? NO_MOVE : placeCode(node, move.phase);
}

/** The place pair `p` moves its item to from place `current`; NO_MOVE when it does not move it. */
export function resolvePair(index: FlowIndex, p: number, current: number): number {
  const code = index.pairCode[p]!;
  if (code === NO_MOVE) return NO_MOVE;
  if (index.pairSoft[p] === 1 && (current < 0 || index.holdsInFlight[codeNode(current)] !== 1))
    return NO_MOVE;
  if (code >= 0) return code;
  if (current < 0) return NO_MOVE;
  return codeNode(current) * PHASE_COUNT + (STAY_BASE - code);
}

function nodesOfSource(source: Source | undefined): ItemNodes {
  if (!source) return { origin: '', targets: {} };
  const asyncTargets = {
    'on-success': nodeIds.asyncTarget('on-success'),
    'on-failure': nodeIds.asyncTarget('on-failure'),
    dlq: nodeIds.asyncTarget('dlq'),
  };
  switch (source.type) {
    case 'sync':
      return { origin: nodeIds.caller(source.id), targets: {} };
    case 'async':
      return { origin: nodeIds.caller(source.id), targets: asyncTargets };
    case 'sqs':
      return {
        origin: nodeIds.producer(source.id),
        store: nodeIds.sqsQueue(source.id),
        queueDlq: nodeIds.queueDlq(source.id),
        poller: nodeIds.poller(source.id),
        targets: {},
      };
    default:
      return {
        origin: nodeIds.producer(source.id),
        poller: nodeIds.poller(source.id),
        targets: { 'on-failure': nodeIds.streamOnFailure(source.id) },
      };
  }
}

function envNumber(env: string | undefined): number {
  if (env === undefined) return 0;
  const n = Number(env.slice(env.lastIndexOf('-') + 1));
  return Number.isSafeInteger(n) && n > 0 ? n : 0;
}

/** Indexes a finished run for the diagram. */
export function buildFlowIndex(
  scenario: Scenario,
  topology: Topology,
  results: Omit<Results, 'log'>,
  log: readonly SimEvent[],
): FlowIndex {
  const nodeIdList = topology.nodes.map((n) => n.id);
  const nodeIndex = new Map(nodeIdList.map((id, i) => [id, i]));
  const itemIds = results.items.map((i) => i.id);
  const itemIndex = new Map(itemIds.map((id, i) => [id, i]));
  const sources = new Map(scenario.sources.map((s) => [s.id, s]));
  const invocationItems = new Map(results.invocations.map((inv) => [inv.id, inv.items]));

  // One shared object per source (stream records get their own once their shard is known), so an event
  // that moves a whole batch works out the move once.
  const sourceNodes = new Map(scenario.sources.map((s) => [s.id, nodesOfSource(s)]));
  const none = nodesOfSource(undefined);
  const itemNodes: ItemNodes[] = results.items.map((item) => sourceNodes.get(item.source) ?? none);

  const pairStart = new Int32Array(log.length + 1);
  let pairItem = new Int32Array(Math.max(16, log.length * 2));
  let pairCode = new Int32Array(pairItem.length);
  let pairSoft = new Uint8Array(pairItem.length);
  const shardIndex = new Map<string, number>();
  for (const source of scenario.sources) {
    if (source.type !== 'kinesis' && source.type !== 'dynamodb') continue;
    for (let shard = 0; shard < source.stream.ShardCount; shard++)
      shardIndex.set(`${source.id}/${shardIdOf(source.type, source.stream.StreamName, shard)}`, shard);
  }
  const eventEnv = new Int32Array(log.length);
  const perItemCount = new Int32Array(itemIds.length);
  const lastEventOf = new Int32Array(itemIds.length).fill(-1);
  const latestInvocation: Array<string | undefined> = new Array<string | undefined>(itemIds.length);
  let envCount = 0;
  let pairs = 0;

  for (let e = 0; e < log.length; e++) {
    const event = log[e]!;
    pairStart[e] = pairs;
    const env = envNumber(event.env);
    eventEnv[e] = env;
    if (env > envCount) envCount = env;
    const soft = movesOnlyItemsWithLambda(event) ? 1 : 0;
    let movedFor: ItemNodes | null = null;
    let move = NO_MOVE;
    for (const id of itemsOf(event, invocationItems)) {
      const i = itemIndex.get(id);
      if (i === undefined) continue;
      if (event.type === 'stream/record-put') {
        const source = sources.get(String(event.data?.source));
        const shard = shardIndex.get(`${String(event.data?.source)}/${String(event.data?.shard)}`) ?? 0;
        if (source) itemNodes[i] = { ...itemNodes[i]!, store: shardNodeId(source, shard) };
      }
      const nodes = itemNodes[i]!;
      if (nodes !== movedFor) {
        move = moveCode(placeAfter(event, nodes), nodeIndex);
        movedFor = nodes;
      }
      if (pairs === pairItem.length) {
        const grownItem = new Int32Array(pairs * 2);
        grownItem.set(pairItem);
        pairItem = grownItem;
        const grownCode = new Int32Array(pairs * 2);
        grownCode.set(pairCode);
        pairCode = grownCode;
        const grownSoft = new Uint8Array(pairs * 2);
        grownSoft.set(pairSoft);
        pairSoft = grownSoft;
      }
      pairSoft[pairs] = soft;
      pairItem[pairs] = i;
      // An invocation that is no longer the item's latest (an SQS message received again while the first
      // receive still runs) moves nothing when it ends: the token follows the newest receive.
      if (event.type === 'invoke/started' && event.invocation !== undefined)
        latestInvocation[i] = event.invocation;
      const stale = soft === 1 && event.invocation !== undefined && latestInvocation[i] !== event.invocation;
      pairCode[pairs] = stale ? NO_MOVE : move;
      pairs++;
      // An event listing an item twice (a bisected batch) is one event for that item.
      if (lastEventOf[i] !== e) perItemCount[i]! += 1;
      lastEventOf[i] = e;
    }
  }
  pairStart[log.length] = pairs;

  const itemEventStart = new Int32Array(itemIds.length + 1);
  for (let i = 0; i < itemIds.length; i++) itemEventStart[i + 1] = itemEventStart[i]! + perItemCount[i]!;
  const itemEvents = new Int32Array(pairs);
  const fill = itemEventStart.slice(0, itemIds.length);
  for (let e = 0; e < log.length; e++) {
    for (let p = pairStart[e]!; p < pairStart[e + 1]!; p++) {
      const i = pairItem[p]!;
      const last = fill[i]! - 1;
      if (last >= itemEventStart[i]! && itemEvents[last] === e) continue;
      itemEvents[fill[i]!] = e;
      fill[i]! += 1;
    }
  }

  const holdsInFlight = new Uint8Array(nodeIdList.length);
  topology.nodes.forEach((node, n) => {
    if (['lambda', 'async-queue', 'function', 'poller'].includes(node.kind)) holdsInFlight[n] = 1;
  });

  const pollerOfSource = new Map<string, number>();
  for (const source of scenario.sources) {
    const poller = nodeIndex.get(nodeIds.poller(source.id));
    if (poller !== undefined) pollerOfSource.set(source.id, poller);
  }

  return {
    topology,
    nodeIds: nodeIdList,
    nodeIndex,
    itemIds,
    pairStart,
    pairItem: pairItem.subarray(0, pairs),
    pairCode: pairCode.subarray(0, pairs),
    pairSoft: pairSoft.subarray(0, pairs),
    holdsInFlight,
    itemEventStart,
    itemEvents,
    eventEnv,
    envCount,
    pollerOfSource,
  };
}

const itemIndexes = new WeakMap<FlowIndex, Map<string, number>>();

/** Item `id`'s number in the index (undefined for an unknown id); the lookup table is made on first use. */
export function itemIndexOf(index: FlowIndex, id: string): number | undefined {
  let byId = itemIndexes.get(index);
  if (byId === undefined) {
    byId = new Map(index.itemIds.map((itemId, i) => [itemId, i]));
    itemIndexes.set(index, byId);
  }
  return byId.get(id);
}

/** The index's array buffers, to transfer (not copy) when it is posted from the worker to the page. */
export function flowIndexBuffers(index: Omit<FlowIndex, 'itemIds'>): ArrayBuffer[] {
  const arrays = [
    index.pairStart,
    index.pairItem,
    index.pairCode,
    index.pairSoft,
    index.holdsInFlight,
    index.itemEventStart,
    index.itemEvents,
    index.eventEnv,
  ];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}
