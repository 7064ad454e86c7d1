/** Taking a quiz: select, check, next, score. */
import { describe, expect, it } from 'vitest';
import {
  checkAnswer,
  findQuizMoments,
  isFinished,
  nextQuestion,
  scoreOf,
  selectChoice,
  startProgress,
} from '../../src/quiz';
import { presetRun } from '../store/fixtures';

describe('quiz progress', () => {
  const { log, scenario } = presetRun('async-retries-exhausted');
  const moments = findQuizMoments(log, scenario);

  it('scores right and wrong answers and ends with the summary', () => {
    let p = startProgress();
    p = checkAnswer(p, moments); // nothing selected: nothing happens
    expect(p.checked).toBe(false);
    p = checkAnswer(selectChoice(p, moments[0]!.correctId), moments);
    expect(scoreOf(p, moments)).toEqual({ right: 1, answered: 1 });
    expect(selectChoice(p, 'other').selected).toBe(moments[0]!.correctId); // locked once checked
    p = nextQuestion(p, moments);
    const wrong = moments[1]!.choices.find((c) => !c.correct)!.id;
    p = nextQuestion(checkAnswer(selectChoice(p, wrong), moments), moments);
    expect(scoreOf(p, moments)).toEqual({ right: 1, answered: 2 });
    p = nextQuestion(checkAnswer(selectChoice(p, moments[2]!.correctId), moments), moments);
    expect(isFinished(p, moments)).toBe(true);
    expect(scoreOf(p, moments)).toEqual({ right: 2, answered: 3 });
  });

  it('does not move on before the answer is checked', () => {
    expect(nextQuestion(startProgress(), moments).index).toBe(0);
  });
});
