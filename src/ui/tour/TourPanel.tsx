/**
 * The panel of a running guided tour: which tour and step, the step's title, the article's name for
 * the moment as a chip, the explanation, and Previous / Next (Finish on the last step) / Leave tour. The
 * shell owns the step index (it lives in the URL) and moves the player to the step's event.
 */
import { useId } from 'react';
import type { Tour } from '../../tours/types';
import './tour.css';

interface Props {
  tour: Tour;
  /** 0-based index of the step shown; out-of-range values are clamped. */
  stepIndex: number;
  /** Asks for another step (0-based). */
  onStep(index: number): void;
  /** Leaves the tour: "Leave tour", and "Finish" on the last step. */
  onExit(): void;
}

/** "Tour · <title> — step n of N", the step, and its navigation. */
export function TourPanel({ tour, stepIndex, onStep, onExit }: Props) {
  const headingId = useId();
  const total = tour.steps.length;
  const index = Math.min(Math.max(0, Math.trunc(stepIndex) || 0), Math.max(0, total - 1));
  const step = tour.steps[index];
  const first = index === 0;
  const last = index >= total - 1;

  return (
    <section className="tour-panel" aria-labelledby={headingId}>
      <header className="tour-panel-head">
        <h2 id={headingId} className="tour-panel-heading">
          Tour · {tour.title} — step {index + 1} of {total}
        </h2>
        <button type="button" className="button-secondary button-small" onClick={onExit}>
          Leave tour
        </button>
      </header>

      <ol className="tour-progress" aria-label="Steps">
        {tour.steps.map((s, i) => (
          <li key={i}>
            <button
              type="button"
              className="tour-progress-dot"
              aria-label={`Step ${i + 1}: ${s.title}`}
              aria-current={i === index ? 'step' : undefined}
              data-done={i < index ? 'true' : undefined}
              onClick={() => onStep(i)}
            />
          </li>
        ))}
      </ol>

      {/* Announced when the step changes; atomic so the title, chip and text are read together. */}
      <div className="tour-step" aria-live="polite" aria-atomic="true">
        {step && (
          <>
            <h3 className="tour-step-title">{step.title}</h3>
            {step.articleStep && (
              <p className="tour-chip">
                <span className="visually-hidden">Article step: </span>
                {step.articleStep}
              </p>
            )}
            <p className="tour-step-text">{step.text}</p>
          </>
        )}
      </div>

      <nav className="tour-nav" aria-label="Tour navigation">
        {/* aria-disabled rather than disabled: the button keeps focus when the first step is reached. */}
        <button
          type="button"
          className="button-secondary"
          aria-disabled={first ? 'true' : undefined}
          onClick={() => {
            if (!first) onStep(index - 1);
          }}
        >
          Previous
        </button>
        <button
          type="button"
          className="button-primary"
          onClick={() => (last ? onExit() : onStep(index + 1))}
        >
          {last ? 'Finish' : 'Next'}
        </button>
      </nav>
    </section>
  );
}
