/**
 * The state of a quiz being taken, as pure functions: which question is shown, the choice selected,
 * whether it was checked, and the answers so far. The panel keeps it in React state; tests drive it
 * directly.
 */
import type { QuizMoment } from './types';

export interface QuizProgress {
  /** Index of the question shown; `moments.length` once the quiz is over. */
  index: number;
  selected: string | null;
  checked: boolean;
  /** The choice given per question id, once checked. */
  answers: Readonly<Record<string, string>>;
}

/** A quiz at its first question. */
export function startProgress(): QuizProgress {
  return { index: 0, selected: null, checked: false, answers: {} };
}

/** Selects a choice (ignored once the question is checked). */
export function selectChoice(p: QuizProgress, choiceId: string): QuizProgress {
  return p.checked ? p : { ...p, selected: choiceId };
}

/** Checks the selected choice and records it (nothing happens without a selection). */
export function checkAnswer(p: QuizProgress, moments: readonly QuizMoment[]): QuizProgress {
  const moment = moments[p.index];
  if (!moment || p.checked || p.selected === null) return p;
  return { ...p, checked: true, answers: { ...p.answers, [moment.id]: p.selected } };
}

/** Goes to the next question, or to the summary after the last one. */
export function nextQuestion(p: QuizProgress, moments: readonly QuizMoment[]): QuizProgress {
  if (!p.checked) return p;
  return { ...p, index: Math.min(p.index + 1, moments.length), selected: null, checked: false };
}

/** Right answers so far and questions answered so far. */
export function scoreOf(
  p: QuizProgress,
  moments: readonly QuizMoment[],
): { right: number; answered: number } {
  let right = 0;
  let answered = 0;
  for (const m of moments) {
    const given = p.answers[m.id];
    if (given === undefined) continue;
    answered += 1;
    if (given === m.correctId) right += 1;
  }
  return { right, answered };
}

/** Whether every question has been answered and the summary is due. */
export function isFinished(p: QuizProgress, moments: readonly QuizMoment[]): boolean {
  return p.index >= moments.length;
}
