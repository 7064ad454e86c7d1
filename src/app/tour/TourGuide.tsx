/**
 * A guided tour over the page's run: runs the tour's preset when another run is shown, finds each step's
 * event in the log (src/tours/resolveTour.ts), and moves the player there, paused, as the learner goes
 * from step to step. The step is in the address bar, so a link opens the tour at that step.
 */
import { useEffect, useMemo } from 'react';
import { useSimStore, useSimStoreApi } from '../../store/useSimStore';
import { getTour, resolveTour } from '../../tours/tours';
import { TourPanel } from '../../ui/tour/TourPanel';

interface Props {
  tourId: string;
  /** 1-based, as in the address bar. */
  step: number;
  /** The run the page shows (or is loading). */
  shown: { presetId: string; seed: number; custom: boolean };
  onStep(step: number): void;
  onExit(): void;
  /** The tour needs its own run. */
  onRun(presetId: string, seed: number): void;
  /** The tour cannot be shown: why, in words. */
  onFail(message: string): void;
}

export function TourGuide({ tourId, step, shown, onStep, onExit, onRun, onFail }: Props) {
  const tour = getTour(tourId);
  const store = useSimStoreApi();
  const seed = tour?.seed ?? 1;
  const needsRun =
    tour !== undefined && (shown.custom || shown.presetId !== tour.presetId || shown.seed !== seed);
  const ready = useSimStore((s) => s.status === 'ready' && s.scenario?.id === tour?.presetId);
  const log = useSimStore((s) => s.log);
  const resolution = useMemo(() => (tour && ready ? resolveTour(tour, log) : null), [tour, ready, log]);
  const index = tour ? Math.min(Math.max(step, 1), tour.steps.length) - 1 : 0;

  useEffect(() => {
    if (!tour) onFail(`There is no guided tour called "${tourId}".`);
    else if (needsRun) onRun(tour.presetId, seed);
  }, [tour, tourId, needsRun, seed, onRun, onFail]);

  useEffect(() => {
    if (!resolution || needsRun) return;
    if ('error' in resolution) {
      onFail(`The tour cannot follow this run: ${resolution.error}`);
      return;
    }
    const s = store.getState();
    s.pause();
    s.seekToEvent(resolution.cursors[index]!);
  }, [resolution, needsRun, index, store, onFail]);

  if (!tour) return null;
  return <TourPanel tour={tour} stepIndex={index} onStep={(i) => onStep(i + 1)} onExit={onExit} />;
}
