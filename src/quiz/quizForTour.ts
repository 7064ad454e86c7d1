/** A quiz over a guided tour: the run's moments between the tour's first and last step. */
import type { SimEvent } from '../engine/types';
import type { Scenario } from '../scenarios/schema';
import { resolveTour } from '../tours/resolveTour';
import type { Tour } from '../tours/types';
import { findQuizMoments } from './findQuizMoments';
import type { QuizMoment, QuizOptions } from './types';

/** The tour's quiz, or [] when the run is not the tour's preset or the tour does not match the log. */
export function quizForTour(
  tour: Tour,
  log: readonly SimEvent[],
  scenario: Scenario | undefined,
  options: Omit<QuizOptions, 'fromIndex' | 'toIndex'> = {},
): QuizMoment[] {
  if (scenario !== undefined && scenario.id !== tour.presetId) return [];
  const resolution = resolveTour(tour, log);
  if ('error' in resolution || resolution.cursors.length === 0) return [];
  const first = resolution.cursors[0]!;
  const last = resolution.cursors[resolution.cursors.length - 1]!;
  return findQuizMoments(log, scenario, {
    seed: tour.seed ?? 1,
    ...options,
    fromIndex: first,
    toIndex: last,
  });
}
