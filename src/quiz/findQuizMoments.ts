/**
 * The quiz over a run: finds the teaching moments in the event log, adds wrong choices from the table
 * of misconceptions (only those that are really wrong for this run), and shuffles the choices with a
 * seed so the same run always asks the same questions in the same order.
 */
import type { SimEvent } from '../engine/types';
import type { Scenario } from '../scenarios/schema';
import { MISCONCEPTIONS } from './misconceptions';
import { asyncMoments } from './moments/asyncMoments';
import { sqsMoments } from './moments/sqsMoments';
import { streamMoments } from './moments/streamMoments';
import { hashString, seededShuffle } from './seededShuffle';
import type { MomentDraft, QuizChoice, QuizMoment, QuizOptions } from './types';

/** Wrong choices per question: with the right one, four choices. */
const WRONG_PER_QUESTION = 3;

/** The draft with its choices: the correct one and up to three misconceptions, shuffled. */
export function toQuestion(draft: MomentDraft, seed = 1): QuizMoment {
  const id = `${draft.kind}@${draft.revealIndex}`;
  const wrong: QuizChoice[] = MISCONCEPTIONS[draft.kind]
    .filter((m) => m.wrongHere?.(draft.facts, draft) ?? true)
    .slice(0, WRONG_PER_QUESTION)
    .map((m) => ({ id: m.id, text: m.text, correct: false, feedback: m.feedback, rule: m.rule }));
  const correct: QuizChoice = { id: 'correct', correct: true, ...draft.correct };
  const choices = seededShuffle([correct, ...wrong], (hashString(id) ^ seed) >>> 0);
  return {
    id,
    kind: draft.kind,
    pauseIndex: draft.pauseIndex,
    revealIndex: draft.revealIndex,
    ...(draft.item === undefined ? {} : { item: draft.item }),
    prompt: draft.prompt,
    choices,
    correctId: correct.id,
    rule: draft.correct.rule,
  };
}

/** The run's quiz moments in log order, each paused just before its teaching event. */
export function findQuizMoments(
  log: readonly SimEvent[],
  scenario?: Scenario,
  options: QuizOptions = {},
): QuizMoment[] {
  const { seed = 1, fromIndex = 0, toIndex = log.length - 1, maxPerKind = 3, maxMoments = 12 } = options;
  const drafts = [...asyncMoments(log), ...sqsMoments(log), ...streamMoments(log, scenario)]
    .filter((d) => d.pauseIndex >= Math.max(0, fromIndex) && d.revealIndex <= toIndex)
    .sort((a, b) => a.pauseIndex - b.pauseIndex || a.revealIndex - b.revealIndex);
  const perKind = new Map<string, number>();
  const paused = new Set<number>();
  const out: QuizMoment[] = [];
  for (const draft of drafts) {
    if (out.length >= maxMoments) break;
    const count = perKind.get(draft.kind) ?? 0;
    // Two questions cannot pause on the same event: the player would stop there once.
    if (count >= maxPerKind || paused.has(draft.pauseIndex)) continue;
    // A question needs at least two wrong answers to be worth asking.
    const question = toQuestion(draft, seed);
    if (question.choices.length < 3) continue;
    perKind.set(draft.kind, count + 1);
    paused.add(draft.pauseIndex);
    out.push(question);
  }
  return out;
}
