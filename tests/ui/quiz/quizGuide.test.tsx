// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { findQuizMoments } from '../../../src/quiz';
import { createSimStore } from '../../../src/store/simStore';
import { SimStoreContext } from '../../../src/store/useSimStore';
import { QuizGuide } from '../../../src/ui/quiz/QuizGuide';
import { QuizMeButton } from '../../../src/ui/quiz/QuizMeButton';
import { useReactHost } from '../../helpers/reactHost';
import { presetRun } from '../../store/fixtures';

const view = useReactHost();

function storeWith(presetId: string) {
  const store = createSimStore();
  store.getState().startRun(presetId, 1);
  store.getState().finishRun(presetRun(presetId));
  return store;
}

describe('QuizGuide', () => {
  it('§3.2 pauses the store’s player on the first moment, and "Show me" seeks to its answer', () => {
    const store = storeWith('sqs-redrive-to-dlq');
    store.getState().play();
    const { log, scenario } = presetRun('sqs-redrive-to-dlq');
    const [first] = findQuizMoments(log, scenario);
    act(() =>
      view.root.render(
        <SimStoreContext.Provider value={store}>
          <QuizGuide onExit={vi.fn()} />
        </SimStoreContext.Provider>,
      ),
    );
    expect(store.getState().playing).toBe(false);
    expect(store.getState().cursor).toBe(first!.pauseIndex);
    const radio = view.host.querySelector<HTMLInputElement>('input[type="radio"]')!;
    act(() => radio.click());
    const button = (name: string) =>
      [...view.host.querySelectorAll('button')].find((b) => b.textContent === name)!;
    act(() => button('Check').click());
    act(() => button('Show me').click());
    expect(store.getState().cursor).toBe(first!.revealIndex);
  });

  it('§2.2 with a tour: only the tour’s stretch, titled with the tour', () => {
    const store = storeWith('default');
    act(() =>
      view.root.render(
        <SimStoreContext.Provider value={store}>
          <QuizGuide tourId="async" onExit={vi.fn()} />
        </SimStoreContext.Provider>,
      ),
    );
    expect(view.host.querySelector('h2')!.textContent).toBe(
      'Quiz · Asynchronous invocation — question 1 of 3',
    );
  });

  it('waits for the run', () => {
    act(() =>
      view.root.render(
        <SimStoreContext.Provider value={createSimStore()}>
          <QuizGuide onExit={vi.fn()} />
        </SimStoreContext.Provider>,
      ),
    );
    expect(view.host.textContent).toContain('The quiz starts when the run is ready.');
  });
});

describe('QuizMeButton', () => {
  it('is a native button named for what it quizzes on', () => {
    const onStart = vi.fn();
    act(() => view.root.render(<QuizMeButton onStart={onStart} about="Asynchronous invocation" />));
    const button = view.host.querySelector('button')!;
    expect(button.textContent).toBe('Quiz me');
    expect(button.getAttribute('aria-label')).toBe('Quiz me on Asynchronous invocation');
    act(() => button.click());
    expect(onStart).toHaveBeenCalledTimes(1);
  });
});
