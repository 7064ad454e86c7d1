/**
 * The workload: each request spec of each source becomes `count` items, `everyMs` apart. Arrivals are
 * chained (each one schedules the next) so a million-request workload never sits on the agenda at once.
 */
import { acceptAsync } from './asyncQueue';
import { onSqsMessage } from './sqs/sqsPoller';
import { onStreamRecord } from './streams/streamPoller';
import { sendSyncAttempt } from './syncCaller';
import { emit, newRequestId, PRIORITY, schedule } from '../state';
import { appendItem, specRow } from '../itemTable';
import type { SimState } from '../types';
import type { RuleKey } from '../rules';
import type { Scenario, Source, WorkloadSpec } from '../../scenarios/schema';
import { workloadOf } from '../../scenarios/workload';

/** Puts the first arrival of every request spec on the agenda. */
export function scheduleArrivals(state: SimState): void {
  state.scenario.sources.forEach((source, s) => {
    workloadOf(source).forEach((req, r) => {
      schedule(state, req.atMs, PRIORITY.arrival, { kind: 'arrival', source: s, request: r, n: 0 });
    });
  });
}

/** Puts on the agenda the first arrival of every request spec `scenario` has beyond `before`'s (added at a fork). */
export function scheduleAddedArrivals(state: SimState, before: Scenario): void {
  state.scenario.sources.forEach((source, s) => {
    const old = before.sources[s];
    const from = old ? workloadOf(old).length : 0;
    workloadOf(source).forEach((req, r) => {
      if (r >= from)
        schedule(state, req.atMs, PRIORITY.arrival, { kind: 'arrival', source: s, request: r, n: 0 });
    });
  });
}

function itemId(base: string, count: number, n: number): string {
  return count === 1 ? base : `${base}-${n + 1}`;
}

/** What every item of one request spec shares, worked out once per spec rather than once per item. */
interface SpecShared {
  /** The source and index the spec was worked out for. */
  source: Source;
  r: number;
  base: string;
  sourceId: string;
  caller: string;
  payload: unknown;
  payloadSizeBytes: number;
  rule: RuleKey;
  /** The `item/arrived` event's data, the same for every item of the spec (frozen: it is shared). */
  arrived: Readonly<Record<string, unknown>>;
}

const ARRIVAL_RULE: Record<Source['type'], RuleKey> = {
  sync: '§1.1',
  async: '§2.1',
  sqs: '§3.2',
  kinesis: '§3.4',
  dynamodb: '§3.5',
};

/** Keyed by the request spec object: scenarios are not changed in place (a fork makes new objects). */
const shared = new WeakMap<object, SpecShared>();

function specShared(source: Source, req: WorkloadSpec, r: number): SpecShared {
  let info = shared.get(req);
  if (info === undefined || info.source !== source || info.r !== r) {
    const payload = req.payload ?? {};
    const caller = 'caller' in source ? source.caller : source.type;
    info = {
      source,
      r,
      base: req.id ?? `${source.id}-${r + 1}`,
      sourceId: source.id,
      caller,
      payload,
      payloadSizeBytes: req.payloadSizeBytes ?? JSON.stringify(payload).length,
      rule: ARRIVAL_RULE[source.type],
      arrived: Object.freeze({ kind: source.type, caller, source: source.id }),
    };
    shared.set(req, info);
  }
  return info;
}

/** An item arrives: create it, hand it to its caller, and schedule the next one of its spec. */
export function onArrival(state: SimState, s: number, r: number, n: number): void {
  const source = state.scenario.sources[s]!;
  const req = workloadOf(source)[r]!;
  const spec = specShared(source, req, r);
  const id = itemId(spec.base, req.count, n);
  const t = state.itemTable;
  const row = specRow(t, s, r, spec);
  const requestId = source.type === 'async' ? newRequestId(state) : '';
  const item = appendItem(t, id, source.type, row, state.now, requestId);
  emit(state, 'item/arrived', spec.rule, { item: id }, spec.arrived as Record<string, unknown>);
  if (n + 1 < req.count) {
    schedule(state, req.atMs + (n + 1) * req.everyMs, PRIORITY.arrival, {
      kind: 'arrival',
      source: s,
      request: r,
      n: n + 1,
    });
  }
  switch (source.type) {
    case 'sync':
      sendSyncAttempt(state, item);
      return;
    case 'async':
      acceptAsync(state, item);
      return;
    case 'sqs':
      onSqsMessage(state, item, source, req.messageGroupId);
      return;
    default:
      onStreamRecord(state, item, source, req);
  }
}
