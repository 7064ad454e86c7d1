// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { useReactHost } from '../../helpers/reactHost';
import { getTour } from '../../../src/tours/tours';
import { TourPanel } from '../../../src/ui/tour/TourPanel';

const tour = getTour('async')!;
const view = useReactHost();

function mount(stepIndex: number, onStep = vi.fn(), onExit = vi.fn()) {
  act(() =>
    view.root.render(<TourPanel tour={tour} stepIndex={stepIndex} onStep={onStep} onExit={onExit} />),
  );
  return { onStep, onExit };
}

const button = (name: string) => {
  const found = [...view.host.querySelectorAll('button')].find((b) => b.textContent === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found;
};

describe('TourPanel', () => {
  it('names the tour and the step: "Tour · Asynchronous invocation — step 3 of 8"', () => {
    mount(2);
    const heading = view.host.querySelector('h2')!;
    expect(heading.textContent).toBe('Tour · Asynchronous invocation — step 3 of 8');
    const section = view.host.querySelector('section')!;
    expect(document.getElementById(section.getAttribute('aria-labelledby')!)).toBe(heading);
  });

  it("shows the step's title, its article step as a chip, and its text in a polite live region", () => {
    mount(2);
    const step = tour.steps[2]!;
    const live = view.host.querySelector('[aria-live="polite"]')!;
    expect(live.querySelector('h3')?.textContent).toBe(step.title);
    expect(live.querySelector('.tour-chip')?.textContent).toBe(`Article step: ${step.articleStep}`);
    expect(live.querySelector('.tour-step-text')?.textContent).toBe(step.text);
    expect(live.getAttribute('aria-atomic')).toBe('true');
  });

  it('Previous and Next ask for the neighbouring step', () => {
    const { onStep, onExit } = mount(2);
    act(() => button('Next').click());
    expect(onStep).toHaveBeenLastCalledWith(3);
    act(() => button('Previous').click());
    expect(onStep).toHaveBeenLastCalledWith(1);
    expect(onExit).not.toHaveBeenCalled();
  });

  it('on the first step Previous is marked disabled and does nothing, but keeps focus', () => {
    const { onStep } = mount(0);
    const previous = button('Previous');
    expect(previous.getAttribute('aria-disabled')).toBe('true');
    previous.focus();
    act(() => previous.click());
    expect(onStep).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(previous);
  });

  it('on the last step Next says "Finish" and leaves the tour', () => {
    const { onStep, onExit } = mount(tour.steps.length - 1);
    expect([...view.host.querySelectorAll('button')].some((b) => b.textContent === 'Next')).toBe(false);
    act(() => button('Finish').click());
    expect(onExit).toHaveBeenCalledTimes(1);
    expect(onStep).not.toHaveBeenCalled();
  });

  it('"Leave tour" leaves at any step', () => {
    const { onExit } = mount(4);
    act(() => button('Leave tour').click());
    expect(onExit).toHaveBeenCalledTimes(1);
  });

  it('lists the steps as buttons; the current one has aria-current="step"; a click jumps there', () => {
    const { onStep } = mount(5);
    const dots = [...view.host.querySelectorAll<HTMLButtonElement>('.tour-progress-dot')];
    expect(dots).toHaveLength(tour.steps.length);
    expect(dots.map((d) => d.getAttribute('aria-current'))).toEqual(
      tour.steps.map((_, i) => (i === 5 ? 'step' : null)),
    );
    expect(dots[0]!.getAttribute('aria-label')).toBe(`Step 1: ${tour.steps[0]!.title}`);
    act(() => dots[1]!.click());
    expect(onStep).toHaveBeenLastCalledWith(1);
  });

  it('keeps the same live region and buttons when the step changes, so focus stays on Next', () => {
    const onStep = vi.fn();
    mount(1, onStep);
    const live = view.host.querySelector('[aria-live]');
    const next = button('Next');
    next.focus();
    mount(2, onStep);
    expect(view.host.querySelector('[aria-live]')).toBe(live);
    expect(document.activeElement).toBe(next);
    expect(live!.querySelector('h3')?.textContent).toBe(tour.steps[2]!.title);
  });

  it('every control is a native button reachable with Tab (no tabindex tricks)', () => {
    mount(3);
    for (const b of view.host.querySelectorAll('button')) {
      expect(b.getAttribute('type')).toBe('button');
      expect(b.hasAttribute('tabindex')).toBe(false);
      expect(b.hasAttribute('disabled')).toBe(false);
    }
  });

  it('clamps an index out of range instead of failing', () => {
    mount(99);
    expect(view.host.querySelector('h2')!.textContent).toBe('Tour · Asynchronous invocation — step 8 of 8');
    mount(-3);
    expect(view.host.querySelector('h2')!.textContent).toBe('Tour · Asynchronous invocation — step 1 of 8');
  });

  it('a step without an article step shows no chip', () => {
    const surprise = getTour('poison-shard')!;
    act(() =>
      view.root.render(<TourPanel tour={surprise} stepIndex={0} onStep={() => {}} onExit={() => {}} />),
    );
    expect(view.host.querySelector('.tour-chip')).toBeNull();
    expect(view.host.querySelector('h2')!.textContent).toBe(
      `Tour · ${surprise.title} — step 1 of ${surprise.steps.length}`,
    );
  });
});
