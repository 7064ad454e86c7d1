/** "Predict the next step": quiz moments found in a run's log, DOM-free. */
export type { MomentDraft, MomentFacts, QuizChoice, QuizMoment, QuizMomentKind, QuizOptions } from './types';
export { findQuizMoments, toQuestion } from './findQuizMoments';
export { quizForTour } from './quizForTour';
export { MISCONCEPTIONS, type Misconception } from './misconceptions';
export {
  checkAnswer,
  isFinished,
  nextQuestion,
  scoreOf,
  selectChoice,
  startProgress,
  type QuizProgress,
} from './quizProgress';
