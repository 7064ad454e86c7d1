// @vitest-environment happy-dom
import { act } from 'react';
import { useReactHost } from '../../helpers/reactHost';
import { describe, expect, it, vi } from 'vitest';
import { CHAPTERS, SURPRISES } from '../../../src/tours/tours';
import { TourMenu } from '../../../src/ui/tour/TourMenu';

const view = useReactHost();

function mount(onStart = vi.fn()) {
  act(() => view.root.render(<TourMenu onStart={onStart} />));
  return onStart;
}

const items = () => [...view.host.querySelectorAll<HTMLButtonElement>('.tour-menu-item')];

describe('TourMenu', () => {
  it('groups the tours under "Chapters" and "Surprises", in order', () => {
    mount();
    const sections = [...view.host.querySelectorAll('section')];
    expect(sections.map((s) => s.querySelector('h3')?.textContent)).toEqual(['Chapters', 'Surprises']);
    const ids = (s: Element) =>
      [...s.querySelectorAll<HTMLElement>('.tour-menu-item')].map((b) => b.dataset.tourId);
    expect(ids(sections[0]!)).toEqual(CHAPTERS.map((t) => t.id));
    expect(ids(sections[1]!)).toEqual(SURPRISES.map((t) => t.id));
    for (const s of sections) {
      expect(document.getElementById(s.getAttribute('aria-labelledby')!)?.textContent).toBe(
        s.querySelector('h3')?.textContent,
      );
    }
    expect(view.host.querySelector('nav')?.getAttribute('aria-label')).toBe('Guided tours');
  });

  it('numbers the chapters; each item is named by its title and described by its summary', () => {
    mount();
    const all = [...CHAPTERS, ...SURPRISES];
    items().forEach((b, i) => {
      const tour = all[i]!;
      const name = document.getElementById(b.getAttribute('aria-labelledby')!)?.textContent;
      const prefix = i < CHAPTERS.length ? `${i + 1}. ` : '';
      expect(name).toBe(`${prefix}${tour.title}`);
      expect(document.getElementById(b.getAttribute('aria-describedby')!)?.textContent).toBe(tour.summary);
      expect(b.textContent).toContain(`${tour.steps.length} steps`);
    });
  });

  it('starting a tour calls onStart with its id', () => {
    const onStart = mount();
    act(() =>
      items()
        .find((b) => b.dataset.tourId === 'event-age')!
        .click(),
    );
    expect(onStart).toHaveBeenCalledWith('event-age');
    expect(onStart).toHaveBeenCalledTimes(1);
  });

  it('every tour is a native button, reachable with the keyboard', () => {
    mount();
    expect(items()).toHaveLength(CHAPTERS.length + SURPRISES.length);
    for (const b of items()) {
      expect(b.tagName).toBe('BUTTON');
      expect(b.getAttribute('type')).toBe('button');
      expect(b.hasAttribute('tabindex')).toBe(false);
    }
  });
});
