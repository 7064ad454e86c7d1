/**
 * The "Quiz me" button for the tour panel and the run's toolbar. It imports nothing from the quiz, so
 * first-screen code can render it while the quiz itself stays in a lazily loaded chunk.
 */
interface Props {
  onStart(): void;
  /** What the quiz covers, for screen readers ("Quiz me on Asynchronous invocation"). */
  about?: string;
  className?: string;
}

/** A button that starts the "predict the next step" quiz. */
export function QuizMeButton({ onStart, about, className = 'button-secondary button-small' }: Props) {
  return (
    <button
      type="button"
      className={className}
      aria-label={about ? `Quiz me on ${about}` : undefined}
      onClick={onStart}
    >
      Quiz me
    </button>
  );
}
