/**
 * The workload: each request spec of each source becomes `count` items, `everyMs` apart. Arrivals are
 * chained (each one schedules the next) so a million-request workload never sits on the agenda at once.
 */
import { acceptAsync } from './asyncQueue';
import { onSqsMessage } from './sqs/sqsPoller';
import { onStreamRecord } from './streams/streamPoller';
import { sendSyncAttempt } from './syncCaller';
import { emit, newRequestId, PRIORITY, schedule } from '../state';
import type { ItemState, SimState } from '../types';
import { workloadOf, type Scenario } from '../../scenarios/schema';

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

/** An item arrives: create it, hand it to its caller, and schedule the next one of its spec. */
export function onArrival(state: SimState, s: number, r: number, n: number): void {
  const source = state.scenario.sources[s]!;
  const req = workloadOf(source)[r]!;
  const payload = req.payload ?? {};
  const id = itemId(req.id ?? `${source.id}-${r + 1}`, req.count, n);
  const item: ItemState = {
    id,
    kind: source.type,
    sourceId: source.id,
    caller: 'caller' in source ? source.caller : source.type,
    arrivedMs: state.now,
    payload,
    payloadSizeBytes: req.payloadSizeBytes ?? JSON.stringify(payload).length,
    requestId: source.type === 'async' ? newRequestId(state) : '',
    outcome: 'in-flight',
    endedMs: null,
    attempts: [],
    tries: 0,
    handlerRuns: 0,
    duplicateRuns: 0,
    response: null,
    deliveries: [],
    clientAttempt: 0,
    abandonedInvocations: [],
    queuedMs: 0,
    backoffMs: 0,
    lastError: null,
    lastResponse: null,
  };
  state.itemIndex[id] = state.items.length;
  state.items.push(item);
  const rule =
    source.type === 'sync'
      ? '§1.1'
      : source.type === 'async'
        ? '§2.1'
        : source.type === 'sqs'
          ? '§3.2'
          : source.type === 'kinesis'
            ? '§3.4'
            : '§3.5';
  emit(
    state,
    'item/arrived',
    rule,
    { item: id },
    { kind: source.type, caller: item.caller, source: source.id },
  );
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
