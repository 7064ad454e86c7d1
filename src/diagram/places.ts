/**
 * Where an item is after a log event: on which node of the diagram, and in what phase there (queued,
 * waiting for a retry, running, answered, delivered…). Each event type moves the items it concerns to a
 * place, or leaves them where they are; `placeAfter` is that table, in one function, so what the
 * diagram shows of each event is written down once.
 */
import type { SimEvent } from '../engine/types';
import { ASYNC_QUEUE_NODE, FUNCTION_NODE, LAMBDA_NODE } from './topology';

export const PHASES = [
  'arrived',
  'sending',
  'queued',
  'retry-wait',
  'backoff',
  'in-flight',
  'invisible',
  'starting',
  'initializing',
  'running',
  'success',
  'error',
  'timeout',
  'throttled',
  'rejected',
  'delivered',
  'delivery-failed',
  'dead-lettered',
  'completed',
  'deleted',
  'checkpointed',
  'dropped',
  'expired',
  'filtered',
] as const;

export type Phase = (typeof PHASES)[number];

/** Phases in which an item is no longer drawn as a token: its story ended and nothing holds it. */
export const GONE_PHASES: ReadonlySet<Phase> = new Set<Phase>([
  'completed',
  'deleted',
  'checkpointed',
  'dropped',
  'expired',
  'filtered',
]);

/** The nodes an item can be placed on, resolved per item (they depend on its source). */
export interface ItemNodes {
  /** Where it came from: its caller, or the producer of its queue or stream. */
  origin: string;
  /** SQS: its queue; streams: its shard's node. */
  store?: string;
  queueDlq?: string;
  poller?: string;
  /** Where a destination record about it lands, by target. */
  targets: Partial<Record<string, string>>;
}

/** A move: to `node` (or stay on the current node when null) in `phase`. */
export interface Move {
  node: string | null;
  phase: Phase;
}

function stay(phase: Phase): Move {
  return { node: null, phase };
}

function to(node: string | undefined, phase: Phase): Move | null {
  return node === undefined ? stay(phase) : { node, phase };
}

function syncAnswer(e: SimEvent): Phase {
  const status = e.data?.statusCode;
  if (status === 200) return e.data?.functionError ? 'error' : 'success';
  if (status === 429) return 'throttled';
  return 'error';
}

/** Where `event` puts an item whose nodes are `nodes`; null when it does not move it. */
export function placeAfter(e: SimEvent, nodes: ItemNodes): Move | null {
  const data = e.data ?? {};
  switch (e.type) {
    case 'item/arrived':
      return { node: nodes.origin, phase: 'arrived' };
    case 'sync/invoke-requested':
    case 'async/invoke-requested':
    case 'esm/batch-invoked':
      return { node: LAMBDA_NODE, phase: 'sending' };
    case 'sync/client-retry':
      return { node: nodes.origin, phase: 'retry-wait' };
    case 'sync/client-timeout':
      return { node: nodes.origin, phase: 'timeout' };
    case 'sync/rejected':
    case 'async/rejected':
      return { node: nodes.origin, phase: 'rejected' };
    case 'sync/service-error':
    case 'apigw/integration-timeout':
      return { node: nodes.origin, phase: 'error' };
    case 'sync/response':
      return { node: nodes.origin, phase: syncAnswer(e) };
    case 'async/queued':
      return { node: ASYNC_QUEUE_NODE, phase: 'queued' };
    case 'async/dequeued':
      return { node: FUNCTION_NODE, phase: 'starting' };
    case 'invoke/started':
      return { node: FUNCTION_NODE, phase: data.coldStart === true ? 'initializing' : 'running' };
    case 'env/init-done':
      return { node: FUNCTION_NODE, phase: 'running' };
    case 'invoke/succeeded':
      return { node: FUNCTION_NODE, phase: 'success' };
    case 'invoke/failed':
      return { node: FUNCTION_NODE, phase: 'error' };
    case 'invoke/timed-out':
      return { node: FUNCTION_NODE, phase: 'timeout' };
    case 'invoke/throttled':
    case 'async/zero-reserved-concurrency':
      return { node: LAMBDA_NODE, phase: 'throttled' };
    case 'async/throttled':
      return { node: ASYNC_QUEUE_NODE, phase: 'backoff' };
    case 'async/retry-scheduled':
      return { node: ASYNC_QUEUE_NODE, phase: 'retry-wait' };
    case 'async/completed':
      return stay('completed');
    case 'async/dropped':
      // Saved to a destination or DLQ first: it stays there.
      return Array.isArray(data.savedTo) && data.savedTo.length > 0 ? null : stay('dropped');
    case 'destination/delivered':
    case 'dlq/delivered':
      return to(nodes.targets[String(data.target)], 'delivered');
    case 'destination/delivery-failed':
    case 'dlq/delivery-failed':
      return to(nodes.targets[String(data.target)], 'delivery-failed');
    case 'esm/throttled':
      return to(nodes.poller, 'throttled');
    case 'esm/service-error':
      return to(nodes.poller, 'error');
    case 'sqs/sent':
    case 'sqs/visible-again':
    case 'stream/record-put':
      return to(nodes.store, 'queued');
    case 'sqs/received':
    case 'stream/batch-read':
    case 'stream/retry':
      return to(nodes.poller, 'in-flight');
    case 'sqs/deleted':
      return to(nodes.store, 'deleted');
    case 'sqs/batch-failed':
    case 'sqs/partial-batch':
    case 'sqs/batch-throttled':
      return to(nodes.store, 'invisible');
    case 'sqs/moved-to-dlq':
      return to(nodes.queueDlq, 'dead-lettered');
    case 'sqs/expired':
    case 'stream/record-expired':
      return to(nodes.store, 'expired');
    case 'sqs/filtered-out':
      return to(nodes.store, 'filtered');
    case 'stream/batch-failed':
    case 'stream/batch-bisected':
      return to(nodes.poller, 'retry-wait');
    case 'stream/batch-throttled':
      return to(nodes.poller, 'throttled');
    case 'stream/record-checkpointed':
      return to(nodes.store, 'checkpointed');
    case 'stream/record-skipped':
      // Recorded in the on-failure destination first, or discarded.
      return data.outcome === 'dead-lettered' ? null : stay('dropped');
    default:
      return null;
  }
}

/**
 * Whether an event's move applies only to items still with Lambda (at the front door, in the async
 * queue, in a poller or in the function). An invocation's end does not pull back an item whose caller
 * already gave up (API Gateway's 29 s), or an SQS message already deleted by an earlier receive.
 */
export function movesOnlyItemsWithLambda(e: SimEvent): boolean {
  return e.type.startsWith('invoke/') || e.type.startsWith('env/');
}

/** Event types whose invocation's items are the items they concern. */
function concernsInvocation(type: string): boolean {
  return type.startsWith('invoke/') || type.startsWith('env/') || type.startsWith('stream/');
}

/** The items an event concerns: a batch's items, an invocation's items, or its one item. */
export function itemsOf(
  e: SimEvent,
  invocationItems: ReadonlyMap<string, readonly string[]>,
): readonly string[] {
  const data = e.data;
  if (e.type === 'sqs/partial-batch') return stringList(data?.failed);
  if (e.type === 'stream/batch-bisected') return [...stringList(data?.first), ...stringList(data?.second)];
  // The engine lists a batch's item ids as strings.
  if (Array.isArray(data?.items)) return data.items as string[];
  if (e.invocation !== undefined && concernsInvocation(e.type)) {
    const items = invocationItems.get(e.invocation);
    if (items) return items;
  }
  return e.item === undefined ? [] : [e.item];
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
