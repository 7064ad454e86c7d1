/**
 * Which log events are a CloudWatch `Throttles` (§4): a request refused for lack of concurrency or
 * rate, whatever the source. The same classification as `metricsAt.ts` (which keeps it private); the
 * series tests check that the series' sum equals the run's Throttles on every preset, so the two
 * cannot drift apart unnoticed.
 */
import type { ResultItem } from '../engine/results';
import type { SimEvent } from '../engine/types';

/** Throttles logged by one event each. */
const ALWAYS = new Set([
  'invoke/throttled',
  'esm/throttled',
  'async/zero-reserved-concurrency',
  'async/duplicate-dropped',
]);

/** True when the event is one throttled request. `itemOf` finds an item by id (for aged-out async events). */
export function isThrottleEvent(e: SimEvent, itemOf: (id: string) => ResultItem | undefined): boolean {
  if (ALWAYS.has(e.type)) return true;
  switch (e.type) {
    case 'async/rejected':
      return e.data?.statusCode === 429;
    case 'async/throttled':
      return e.data?.reason !== 'ServiceException';
    case 'async/event-age-exceeded': {
      // An event that backed off and then ran out of age: the refused attempt at that moment was a throttle.
      if (e.invocation !== undefined || e.item === undefined) return false;
      const item = itemOf(e.item);
      return item?.attempts.some((a) => a.startMs === e.t && a.result === 'throttled') ?? false;
    }
    default:
      return false;
  }
}
