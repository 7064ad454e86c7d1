/** A tour's quiz covers the tour's stretch of its own preset's run. */
import { describe, expect, it } from 'vitest';
import { quizForTour } from '../../src/quiz';
import { getTour, resolveTour } from '../../src/tours/tours';
import { presetRun } from '../store/fixtures';

describe('quizForTour', () => {
  it('§2.2 the async chapter asks about its two retries and the on-success record, within its steps', () => {
    const tour = getTour('async')!;
    const { log, scenario } = presetRun(tour.presetId);
    const moments = quizForTour(tour, log, scenario);
    expect(moments.map((m) => m.kind)).toEqual(['async-retry', 'async-retry', 'async-on-success']);
    const resolution = resolveTour(tour, log);
    if ('error' in resolution) throw new Error(resolution.error);
    const last = resolution.cursors[resolution.cursors.length - 1]!;
    for (const m of moments) {
      expect(m.pauseIndex).toBeGreaterThanOrEqual(resolution.cursors[0]!);
      expect(m.revealIndex).toBeLessThanOrEqual(last);
    }
  });

  it('§3.2 the poll chapter asks about the visibility timeout and the redrive', () => {
    const tour = getTour('poll')!;
    const { log, scenario } = presetRun(tour.presetId);
    expect(quizForTour(tour, log, scenario).map((m) => m.kind)).toEqual([
      'sqs-visibility-expired',
      'sqs-redrive',
    ]);
  });

  it('is empty over another preset’s run', () => {
    const { log, scenario } = presetRun('kinesis-bisect');
    expect(quizForTour(getTour('async')!, log, scenario)).toEqual([]);
  });
});
