// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { findQuizMoments } from '../../../src/quiz';
import { QuizPanel } from '../../../src/ui/quiz/QuizPanel';
import { useReactHost } from '../../helpers/reactHost';
import { presetRun } from '../../store/fixtures';

const view = useReactHost();
const { log, scenario } = presetRun('async-retries-exhausted');
const moments = findQuizMoments(log, scenario);

function mount(list = moments) {
  const onSeek = vi.fn();
  const onExit = vi.fn();
  act(() => view.root.render(<QuizPanel moments={list} onSeek={onSeek} onExit={onExit} />));
  return { onSeek, onExit };
}

const button = (name: string) => {
  const found = [...view.host.querySelectorAll('button')].find((b) => b.textContent === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found;
};

const radios = () => [...view.host.querySelectorAll<HTMLInputElement>('input[type="radio"]')];

function choose(choiceId: string) {
  const radio = radios().find((r) => r.value === choiceId)!;
  act(() => radio.click());
}

describe('QuizPanel', () => {
  it('§2.2 pauses the player on the first moment and asks its question as a radio group', () => {
    const { onSeek } = mount();
    expect(onSeek).toHaveBeenCalledWith(moments[0]!.pauseIndex);
    expect(view.host.querySelector('h2')!.textContent).toBe('Quiz · this run — question 1 of 3');
    const fieldset = view.host.querySelector('fieldset')!;
    expect(fieldset.querySelector('legend')!.textContent).toBe(moments[0]!.prompt);
    expect(radios()).toHaveLength(moments[0]!.choices.length);
    expect(new Set(radios().map((r) => r.name)).size).toBe(1);
    expect(view.host.textContent).toContain('Score: 0 of 0');
  });

  it('Check does nothing before a choice is made (and says so with aria-disabled)', () => {
    mount();
    const check = button('Check');
    expect(check.getAttribute('aria-disabled')).toBe('true');
    act(() => check.click());
    expect(view.host.querySelector('.quiz-feedback')!.textContent).toBe('');
  });

  it('a right answer: "✓ Right", its feedback and the rule link in the live region; the score goes up', () => {
    mount();
    choose(moments[0]!.correctId);
    act(() => button('Check').click());
    const live = view.host.querySelector('[aria-live="polite"]')!;
    expect(live.textContent).toContain('✓ Right');
    const link = live.querySelector('a')!;
    expect(link.getAttribute('href')).toBe(
      'https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html',
    );
    expect(link.textContent).toContain('§2.2');
    expect(view.host.textContent).toContain('Score: 1 of 1');
    expect(view.host.querySelector('[data-result="right"]')!.textContent).toContain('Right answer');
  });

  it('a wrong answer: "✗ Wrong", why, and the right answer with its rule; never colour alone', () => {
    mount();
    const wrong = moments[0]!.choices.find((c) => !c.correct)!;
    choose(wrong.id);
    act(() => button('Check').click());
    const live = view.host.querySelector('.quiz-feedback')!;
    expect(live.textContent).toContain('✗ Wrong');
    expect(live.textContent).toContain(wrong.feedback);
    expect(live.textContent).toContain(`The answer: ${moments[0]!.choices.find((c) => c.correct)!.text}`);
    expect(view.host.querySelector('[data-result="wrong"]')!.textContent).toContain('✗ Your answer');
    expect(view.host.textContent).toContain('Score: 0 of 1');
  });

  it('"Show me" moves the player to the revealing event; "Next question" to the next moment', () => {
    const { onSeek } = mount();
    choose(moments[0]!.correctId);
    act(() => button('Check').click());
    act(() => button('Show me').click());
    expect(onSeek).toHaveBeenLastCalledWith(moments[0]!.revealIndex);
    act(() => button('Next question').click());
    expect(onSeek).toHaveBeenLastCalledWith(moments[1]!.pauseIndex);
    expect(view.host.querySelector('h2')!.textContent).toBe('Quiz · this run — question 2 of 3');
    expect(document.activeElement).toBe(view.host.querySelector('legend'));
  });

  it('ends with a summary of the score, each answer marked by icon and word; Try again and Close', () => {
    const { onExit } = mount();
    for (const [i, m] of moments.entries()) {
      choose(i === 1 ? m.choices.find((c) => !c.correct)!.id : m.correctId);
      act(() => button('Check').click());
      act(() => button(i === moments.length - 1 ? 'See your score' : 'Next question').click());
    }
    const summary = view.host.querySelector('.quiz-summary')!;
    expect(summary.querySelector('h3')!.textContent).toBe('Your score: 2 of 3');
    const items = [...summary.querySelectorAll('li')].map((li) => li.textContent ?? '');
    expect(
      items.map((t) => (t.startsWith('✓ Right') ? 'right' : t.startsWith('✗ Wrong') ? 'wrong' : '?')),
    ).toEqual(['right', 'wrong', 'right']);
    act(() => button('Try again').click());
    expect(view.host.querySelector('h2')!.textContent).toBe('Quiz · this run — question 1 of 3');
    act(() => button('Leave quiz').click());
    expect(onExit).toHaveBeenCalledTimes(1);
  });

  it('a run with nothing to predict says so', () => {
    mount([]);
    expect(view.host.textContent).toContain('Nothing to predict here');
  });
});
