/**
 * Event markers for the scrubber: which events stand out (retries, throttles, failures, deliveries,
 * successes), gathered into a fixed number of buckets along simulated time so a 15,000-event log draws
 * a few hundred shapes, not 15,000.
 */
import { forEachEventOfTypes } from '../engine/logScan';
import type { SimEvent } from '../engine/types';

export type MarkerKind = 'failure' | 'throttle' | 'retry' | 'delivery' | 'success';

/** Kinds in the order their lanes are drawn. */
export const MARKER_KINDS: readonly MarkerKind[] = ['failure', 'throttle', 'retry', 'delivery', 'success'];

const KIND_OF_TYPE: Record<string, MarkerKind> = {
  'invoke/succeeded': 'success',
  'invoke/failed': 'failure',
  'invoke/timed-out': 'failure',
  'sync/client-timeout': 'failure',
  'sync/service-error': 'failure',
  'apigw/integration-timeout': 'failure',
  'esm/service-error': 'failure',
  'async/retries-exhausted': 'failure',
  'async/event-age-exceeded': 'failure',
  'stream/retries-exhausted': 'failure',
  'stream/record-aged-out': 'failure',
  'stream/record-expired': 'failure',
  'sqs/expired': 'failure',
  'destination/delivery-failed': 'failure',
  'dlq/delivery-failed': 'failure',
  'invoke/throttled': 'throttle',
  // One per refused batch; sqs/ and stream/batch-throttled say the same about the same batch.
  'esm/throttled': 'throttle',
  'async/zero-reserved-concurrency': 'throttle',
  'async/duplicate-dropped': 'throttle',
  'async/retry-scheduled': 'retry',
  'sync/client-retry': 'retry',
  'stream/retry': 'retry',
  'sqs/visible-again': 'retry',
  'destination/delivered': 'delivery',
  'dlq/delivered': 'delivery',
  'sqs/moved-to-dlq': 'delivery',
};

/** Whether events of this type may get a marker (the rest never do). */
function mayBeMarked(type: string): boolean {
  return type in KIND_OF_TYPE || type === 'async/throttled' || type === 'async/rejected';
}

/** The marker an event gets, or null for the many events that are steps on the way. */
export function markerKind(event: SimEvent): MarkerKind | null {
  if (event.type === 'async/throttled')
    return event.data?.reason === 'ServiceException' ? 'failure' : 'throttle';
  if (event.type === 'async/rejected') return event.data?.statusCode === 429 ? 'throttle' : 'failure';
  return KIND_OF_TYPE[event.type] ?? null;
}

export interface MarkerBucket {
  kind: MarkerKind;
  /** Position along the run, 0…1. */
  at: number;
  /** Events of this kind in the bucket. */
  count: number;
  /** Index in the log of the first of them. */
  firstIndex: number;
}

export interface MarkerLayout {
  /** Kinds that occur in the log, in lane order. */
  kinds: MarkerKind[];
  buckets: MarkerBucket[];
  /** Events of each kind in the whole run. */
  totals: Partial<Record<MarkerKind, number>>;
}

const layouts = new WeakMap<readonly SimEvent[], Map<string, MarkerLayout>>();

/** Markers for the log over [0, endMs], at most `bucketCount` per kind. Cached per log. */
export function markerLayout(log: readonly SimEvent[], endMs: number, bucketCount = 240): MarkerLayout {
  const key = `${endMs}:${bucketCount}`;
  const cache = layouts.get(log) ?? new Map<string, MarkerLayout>();
  layouts.set(log, cache);
  const known = cache.get(key);
  if (known) return known;

  const byKey = new Map<string, MarkerBucket>();
  const totals: Partial<Record<MarkerKind, number>> = {};
  forEachEventOfTypes(log, mayBeMarked, (event, index) => {
    const kind = markerKind(event);
    if (!kind) return;
    totals[kind] = (totals[kind] ?? 0) + 1;
    const bucket = endMs > 0 ? Math.min(bucketCount - 1, Math.floor((event.t / endMs) * bucketCount)) : 0;
    const id = `${kind}:${bucket}`;
    const found = byKey.get(id);
    if (found) found.count += 1;
    else {
      // A lone event sits at its own time; a crowded bucket at the time of its first event.
      byKey.set(id, { kind, at: endMs > 0 ? event.t / endMs : 0, count: 1, firstIndex: index });
    }
  });
  const layout: MarkerLayout = {
    kinds: MARKER_KINDS.filter((k) => totals[k]),
    buckets: [...byKey.values()],
    totals,
  };
  cache.set(key, layout);
  return layout;
}
