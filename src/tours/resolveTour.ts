/**
 * Finds, in a run's event log, the event each step of a tour points at. Matching is relative: a step's
 * event is the `nth` event of its type (and item) after the previous step's event, so the cursors are
 * strictly increasing by construction and a tour survives changes in exact timings.
 */
import type { SimEvent } from '../engine/types';
import type { Tour, TourMatcher } from './types';

export type TourResolution = { cursors: number[] } | { error: string };

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

function describeMatcher(at: TourMatcher): string {
  const nth = at.nth ?? 1;
  return `${nth === 1 ? '' : `${ordinal(nth)} `}"${at.type}" event${at.item === undefined ? '' : ` about "${at.item}"`}`;
}

/** The log index of each step's event, or an error naming the first step that has none. Never throws. */
export function resolveTour(tour: Tour, log: readonly SimEvent[]): TourResolution {
  const cursors: number[] = [];
  let from = 0;
  for (const [i, step] of tour.steps.entries()) {
    const nth = step.at.nth ?? 1;
    if (!Number.isInteger(nth) || nth < 1) {
      return { error: `Step ${i + 1} ("${step.title}"): nth must be a whole number from 1, not ${nth}.` };
    }
    let seen = 0;
    let found = -1;
    for (let k = from; k < log.length; k++) {
      const event = log[k]!;
      if (event.type !== step.at.type) continue;
      if (step.at.item !== undefined && event.item !== step.at.item) continue;
      seen += 1;
      if (seen === nth) {
        found = k;
        break;
      }
    }
    if (found < 0) {
      const after = i === 0 ? 'in the log' : `after step ${i} (log index ${cursors[i - 1]})`;
      return {
        error: `Step ${i + 1} ("${step.title}") of tour "${tour.id}": no ${describeMatcher(step.at)} ${after}.`,
      };
    }
    cursors.push(found);
    from = found + 1;
  }
  return { cursors };
}
