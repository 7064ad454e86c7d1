/**
 * Presenter mode: the diagram and the narration only, in large type, driven by the keyboard or a
 * presentation clicker (src/app/presenter/presenterKeys.ts), with a thin progress line and a black
 * screen on demand. A guided tour, when one is on, is stepped by the same keys.
 */
import { useEffect, useState } from 'react';
import { useSimStore, useSimStoreApi } from '../../store/useSimStore';
import { CHAPTERS, getTour } from '../../tours/tours';
import { FlowDiagram } from '../../ui/diagram/FlowDiagram';
import { NarrationPanel } from '../../ui/narration/NarrationPanel';
import { formatOffset } from '../format';
import { TourGuide } from '../tour/TourGuide';
import { usePlayback } from '../usePlayback';
import { PRESENTER_KEYS, presenterAction } from './presenterKeys';
import './presenter.css';

interface Props {
  colorMode: 'light' | 'dark' | 'system';
  tour: { tourId: string; step: number } | null;
  shown: { presetId: string; seed: number; custom: boolean };
  onStartTour(tourId: string): void;
  onStep(step: number): void;
  onExitTour(): void;
  onRun(presetId: string, seed: number): void;
  onFailTour(message: string): void;
  onExit(): void;
}

function Progress({ tour }: { tour: Props['tour'] }) {
  const cursor = useSimStore((s) => s.cursor);
  const total = useSimStore((s) => s.log.length);
  const t = useSimStore((s) => s.clockMs);
  const steps = tour ? (getTour(tour.tourId)?.steps.length ?? 0) : 0;
  const share = tour && steps > 0 ? Math.min(tour.step, steps) / steps : total > 0 ? (cursor + 1) / total : 0;
  const label =
    tour && steps > 0 ? `Step ${Math.min(tour.step, steps)} of ${steps}` : `Event ${cursor + 1} of ${total}`;
  return (
    <div className="presenter-progress" data-testid="presenter-progress">
      <span>
        {label} · {formatOffset(t)}
      </span>
      <span className="presenter-progress-bar" aria-hidden="true">
        <span style={{ width: `${share * 100}%` }} />
      </span>
    </div>
  );
}

export function PresenterView(props: Props) {
  const { colorMode, tour, shown, onStartTour, onStep, onExitTour, onRun, onFailTour, onExit } = props;
  const store = useSimStoreApi();
  const [blackout, setBlackout] = useState(false);
  const [help, setHelp] = useState(false);
  usePlayback(store);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      const action = presenterAction(event.key);
      if (!action) return;
      // While the screen is black, any key but the black-screen key brings it back first.
      if (blackout && action.kind !== 'blackout') {
        setBlackout(false);
        event.preventDefault();
        return;
      }
      const s = store.getState();
      const steps = tour ? (getTour(tour.tourId)?.steps.length ?? 0) : 0;
      switch (action.kind) {
        case 'next':
          if (tour) onStep(Math.min(steps, tour.step + 1));
          else s.stepForward();
          break;
        case 'previous':
          if (tour) onStep(Math.max(1, tour.step - 1));
          else s.stepBack();
          break;
        case 'toggle-play':
          if (target?.closest('button')) return;
          s.toggle();
          break;
        case 'blackout':
          setBlackout((b) => !b);
          break;
        case 'fullscreen':
          if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
          else void document.documentElement.requestFullscreen?.().catch(() => {});
          break;
        case 'chapter': {
          const chapter = CHAPTERS[action.index];
          if (!chapter) return;
          onStartTour(chapter.id);
          break;
        }
        case 'help':
          setHelp((h) => !h);
          break;
        case 'exit':
          if (help) setHelp(false);
          else if (!document.fullscreenElement) onExit();
          break;
      }
      event.preventDefault();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [blackout, help, tour, store, onStep, onStartTour, onExit]);

  return (
    <div className="presenter" data-testid="presenter">
      <section className="presenter-stage" aria-label="Diagram of the invocation pipeline">
        <FlowDiagram colorMode={colorMode} />
      </section>
      <aside className="presenter-side" aria-label="What happens">
        {tour && (
          <TourGuide
            tourId={tour.tourId}
            step={tour.step}
            shown={shown}
            onStep={onStep}
            onExit={onExitTour}
            onRun={onRun}
            onFail={onFailTour}
          />
        )}
        <NarrationPanel />
      </aside>
      <div className="presenter-foot">
        <Progress tour={tour} />
        <button type="button" className="presenter-exit" onClick={onExit} aria-keyshortcuts="Escape">
          Exit presenter mode
        </button>
      </div>
      {blackout && (
        <div className="presenter-blackout" data-testid="presenter-blackout" aria-label="Black screen" />
      )}
      {help && (
        <div className="presenter-help" role="dialog" aria-label="Presenter keys">
          <h2>Presenter keys</h2>
          <dl>
            {PRESENTER_KEYS.map((k) => (
              <div key={k.keys}>
                <dt>{k.keys}</dt>
                <dd>{k.action}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
    </div>
  );
}
