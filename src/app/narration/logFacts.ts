/**
 * Facts about a log that one event alone does not tell: is this the first time the run shows a given
 * thing (so a correction is said once, where it first happens, not on every repeat), did a newer async
 * event run before this one, and what started the invocation that just timed out.
 *
 * Built by one forward pass, lazily and only as far as asked, and kept per log array. The log only ever
 * grows at its end, so what was indexed stays true; entries of finished events are dropped as the pass
 * goes, so the index stays as small as the work in flight.
 */
import type { SimEvent } from '../../engine/types';

interface Facts {
  /** Events [0, scanned) are indexed. */
  scanned: number;
  /** Moment key → index of the first event with that key. */
  firstOf: Map<string, number>;
  /** Async events in flight → index of their `async/queued`. */
  queuedAt: Map<string, number>;
  /** Among async events dequeued so far, the one queued last (index and id). */
  newestRun: { queued: number; item: string };
  /** Index of an `async/dequeued` → id of an event queued after it that already ran. */
  overtakenBy: Map<number, string>;
  /** Invocations running → what started them (`sync`, `async`, `sqs`, `stream`…). */
  running: Map<string, string>;
  /** Index of an invocation's end event → what started that invocation. */
  endedTrigger: Map<number, string>;
}

const cache = new WeakMap<readonly SimEvent[], Facts>();

function source(event: SimEvent): string {
  const s = event.data?.source;
  return typeof s === 'string' ? s : '';
}

/**
 * The key of a moment whose first occurrence (per source) carries a correction, or null. Repeats of
 * the same moment in the same source say nothing new about the article.
 */
export function momentKey(event: SimEvent): string | null {
  switch (event.type) {
    case 'sqs/received':
    case 'sqs/visible-again':
    case 'sqs/batch-failed':
    case 'sqs/moved-to-dlq':
      return `${event.type}|${source(event)}`;
    case 'stream/batch-failed':
      // Only failures that use a retry attempt: a system error before the function ran uses none.
      return event.data?.countsAsRetry === true ? `${event.type}|${source(event)}` : null;
    default:
      return null;
  }
}

function index(facts: Facts, event: SimEvent, i: number): void {
  const key = momentKey(event);
  if (key !== null && !facts.firstOf.has(key)) facts.firstOf.set(key, i);
  const item = event.item;
  switch (event.type) {
    case 'async/queued':
      if (item !== undefined) facts.queuedAt.set(item, i);
      break;
    case 'async/dequeued': {
      if (item === undefined) break;
      const queued = facts.queuedAt.get(item);
      if (queued === undefined) break;
      if (facts.newestRun.queued > queued) facts.overtakenBy.set(i, facts.newestRun.item);
      else facts.newestRun = { queued, item };
      break;
    }
    case 'async/completed':
    case 'async/dropped':
      if (item !== undefined) facts.queuedAt.delete(item);
      break;
    case 'invoke/started': {
      const trigger = event.data?.trigger;
      if (event.invocation !== undefined && typeof trigger === 'string')
        facts.running.set(event.invocation, trigger);
      break;
    }
    case 'invoke/succeeded':
    case 'invoke/failed':
    case 'invoke/timed-out': {
      if (event.invocation === undefined) break;
      const trigger = facts.running.get(event.invocation);
      if (trigger !== undefined) facts.endedTrigger.set(i, trigger);
      facts.running.delete(event.invocation);
      break;
    }
    default:
      break;
  }
}

/** The log's facts, indexed at least up to event `upTo`. */
function factsUpTo(log: readonly SimEvent[], upTo: number): Facts {
  let facts = cache.get(log);
  if (!facts) {
    facts = {
      scanned: 0,
      firstOf: new Map(),
      queuedAt: new Map(),
      newestRun: { queued: -1, item: '' },
      overtakenBy: new Map(),
      running: new Map(),
      endedTrigger: new Map(),
    };
    cache.set(log, facts);
  }
  const end = Math.min(upTo + 1, log.length);
  for (let i = facts.scanned; i < end; i++) index(facts, log[i]!, i);
  facts.scanned = Math.max(facts.scanned, end);
  return facts;
}

/** True when event `i` is the first of its moment (per source) in the log; false when it has no moment. */
export function isFirstMoment(log: readonly SimEvent[], i: number): boolean {
  const key = momentKey(log[i]!);
  return key !== null && factsUpTo(log, i).firstOf.get(key) === i;
}

/**
 * For an `async/dequeued` at `i`: the id of an async event that entered the queue after this one and
 * already ran, or null when the queue has so far kept arrival order for it.
 */
export function overtakenBy(log: readonly SimEvent[], i: number): string | null {
  return factsUpTo(log, i).overtakenBy.get(i) ?? null;
}

/** For an invocation's end event at `i`: what started the invocation (`sync`, `async`, `sqs`, `stream`…). */
export function triggerOfEnd(log: readonly SimEvent[], i: number): string | null {
  return factsUpTo(log, i).endedTrigger.get(i) ?? null;
}
