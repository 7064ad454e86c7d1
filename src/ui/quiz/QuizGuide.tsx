/**
 * The quiz over the page's run (or over a guided tour's stretch of it): finds the moments in the
 * store's log and drives the player — paused — from the panel. Lazy-load it; it pulls in src/quiz.
 */
import { useCallback, useMemo } from 'react';
import { findQuizMoments, quizForTour } from '../../quiz';
import { useSimStore, useSimStoreApi } from '../../store/useSimStore';
import { getTour } from '../../tours/tours';
import { QuizPanel } from './QuizPanel';

interface Props {
  /** Limit the quiz to this tour's steps (its preset must be the run shown). */
  tourId?: string;
  /** Seeds the order of the choices. */
  seed?: number;
  onExit(): void;
}

/** The quiz for the run in the nearest store. */
export function QuizGuide({ tourId, seed, onExit }: Props) {
  const store = useSimStoreApi();
  const ready = useSimStore((s) => s.status === 'ready');
  const log = useSimStore((s) => s.log);
  const scenario = useSimStore((s) => s.scenario);
  const tour = tourId === undefined ? undefined : getTour(tourId);
  const options = useMemo(() => (seed === undefined ? {} : { seed }), [seed]);
  const moments = useMemo(() => {
    if (!ready) return [];
    if (tour) return quizForTour(tour, log, scenario ?? undefined, options);
    return findQuizMoments(log, scenario ?? undefined, options);
  }, [ready, tour, log, scenario, options]);
  const onSeek = useCallback(
    (index: number) => {
      const s = store.getState();
      s.pause();
      s.seekToEvent(index);
    },
    [store],
  );
  if (!ready) return <p className="quiz-empty">The quiz starts when the run is ready.</p>;
  return (
    <QuizPanel
      key={`${tourId ?? ''}:${log.length}`}
      moments={moments}
      title={tour ? tour.title : 'this run'}
      onSeek={onSeek}
      onExit={onExit}
    />
  );
}
