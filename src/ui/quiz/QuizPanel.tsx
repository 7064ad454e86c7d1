/**
 * "Predict the next step": one question per teaching moment of a run. The panel asks the shell to move
 * the player to the moment (paused just before the teaching event), shows the question as a radio
 * group, and on Check says right or wrong (an icon and a word, never colour alone) with the feedback,
 * the rule and the AWS page; "Show me" moves the player to the event that answers it. A running score,
 * then a summary.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import {
  checkAnswer,
  isFinished,
  nextQuestion,
  scoreOf,
  selectChoice,
  startProgress,
  type QuizChoice,
  type QuizMoment,
} from '../../quiz';
import './quiz.css';

interface Props {
  moments: readonly QuizMoment[];
  /** What the quiz is about, e.g. a tour's title (default "this run"). */
  title?: string;
  /** Pause the player and show event `index` of the log. */
  onSeek(index: number): void;
  onExit(): void;
}

function RuleLink({ choice }: { choice: QuizChoice }) {
  return (
    <a className="quiz-rule" href={choice.rule.url} target="_blank" rel="noreferrer">
      {choice.rule.section} {choice.rule.title}
      <span className="visually-hidden"> (AWS documentation, opens in a new tab)</span>
    </a>
  );
}

function Verdict({ right }: { right: boolean }) {
  return (
    <span className={right ? 'quiz-verdict quiz-verdict-right' : 'quiz-verdict quiz-verdict-wrong'}>
      <span aria-hidden="true">{right ? '✓' : '✗'}</span> {right ? 'Right' : 'Wrong'}
    </span>
  );
}

/** The quiz over `moments`, from the first question to the score. */
export function QuizPanel({ moments, title = 'this run', onSeek, onExit }: Props) {
  const headingId = useId();
  const groupName = useId();
  const [progress, setProgress] = useState(startProgress);
  // The latest onSeek, so a new callback from the shell does not move the player again.
  const seek = useRef(onSeek);
  useEffect(() => {
    seek.current = onSeek;
  });
  const questionRef = useRef<HTMLLegendElement>(null);
  const firstShown = useRef(true);

  const finished = isFinished(progress, moments);
  const moment = finished ? undefined : moments[progress.index];
  const { right, answered } = scoreOf(progress, moments);

  // Each new question pauses the player on its moment; focus follows the question after the first.
  useEffect(() => {
    if (!moment) return;
    seek.current(moment.pauseIndex);
    if (firstShown.current) firstShown.current = false;
    else questionRef.current?.focus();
  }, [moment]);

  const heading = (
    <header className="quiz-head">
      <h2 id={headingId} className="quiz-heading">
        Quiz · {title}
        {moment ? ` — question ${progress.index + 1} of ${moments.length}` : ''}
      </h2>
      <button type="button" className="button-secondary button-small" onClick={onExit}>
        Leave quiz
      </button>
    </header>
  );

  if (moments.length === 0) {
    return (
      <section className="quiz-panel" aria-labelledby={headingId}>
        {heading}
        <p className="quiz-empty">
          Nothing to predict here: this run has no retry, throttle, redrive, checkpoint, bisect or destination
          delivery to ask about. Try an asynchronous, SQS or stream preset.
        </p>
      </section>
    );
  }

  if (!moment) {
    return (
      <section className="quiz-panel" aria-labelledby={headingId}>
        {heading}
        <div className="quiz-summary" aria-live="polite" aria-atomic="true">
          <h3>
            Your score: {right} of {moments.length}
          </h3>
          <ol className="quiz-summary-list">
            {moments.map((m) => {
              const given = progress.answers[m.id];
              const correct = m.choices.find((c) => c.correct)!;
              return (
                <li key={m.id}>
                  <Verdict right={given === m.correctId} /> {m.prompt} <em>{correct.text}</em>{' '}
                  <RuleLink choice={correct} />
                </li>
              );
            })}
          </ol>
        </div>
        <div className="quiz-actions">
          <button type="button" className="button-secondary" onClick={() => setProgress(startProgress())}>
            Try again
          </button>
          <button type="button" className="button-primary" onClick={onExit}>
            Close
          </button>
        </div>
      </section>
    );
  }

  const selected = moment.choices.find((c) => c.id === progress.selected);
  const correct = moment.choices.find((c) => c.correct)!;
  const last = progress.index === moments.length - 1;

  const onCheck = (event: FormEvent) => {
    event.preventDefault();
    setProgress((p) => checkAnswer(p, moments));
  };

  return (
    <section className="quiz-panel" aria-labelledby={headingId}>
      {heading}
      <p className="quiz-score">
        Score: {right} of {answered}
      </p>
      <form onSubmit={onCheck}>
        <fieldset className="quiz-question">
          <legend ref={questionRef} tabIndex={-1}>
            {moment.prompt}
          </legend>
          {moment.choices.map((choice) => {
            const mark = progress.checked && (choice.correct || choice.id === progress.selected);
            return (
              <label
                key={choice.id}
                className="quiz-choice"
                data-result={mark ? (choice.correct ? 'right' : 'wrong') : undefined}
              >
                <input
                  type="radio"
                  name={groupName}
                  value={choice.id}
                  checked={progress.selected === choice.id}
                  onChange={() => setProgress((p) => selectChoice(p, choice.id))}
                />
                <span className="quiz-choice-text">{choice.text}</span>
                {mark && (
                  <span className="quiz-choice-mark">
                    <span aria-hidden="true">{choice.correct ? '✓' : '✗'}</span>{' '}
                    {choice.correct ? 'Right answer' : 'Your answer'}
                  </span>
                )}
              </label>
            );
          })}
        </fieldset>

        {/* Announced on Check: the verdict, why, and the rule, read together. */}
        <div className="quiz-feedback" aria-live="polite" aria-atomic="true">
          {progress.checked && selected && (
            <>
              <p>
                <Verdict right={selected.correct} /> {selected.feedback} <RuleLink choice={selected} />
              </p>
              {!selected.correct && (
                <p>
                  The answer: {correct.text} {correct.feedback} <RuleLink choice={correct} />
                </p>
              )}
            </>
          )}
        </div>

        <div className="quiz-actions">
          {!progress.checked ? (
            // aria-disabled rather than disabled: the button stays focusable and says why it does nothing.
            <button
              type="submit"
              className="button-primary"
              aria-disabled={progress.selected === null ? 'true' : undefined}
            >
              Check
            </button>
          ) : (
            <>
              <button type="button" className="button-secondary" onClick={() => onSeek(moment.revealIndex)}>
                Show me
              </button>
              <button
                type="button"
                className="button-primary"
                onClick={() => setProgress((p) => nextQuestion(p, moments))}
              >
                {last ? 'See your score' : 'Next question'}
              </button>
            </>
          )}
        </div>
      </form>
    </section>
  );
}
