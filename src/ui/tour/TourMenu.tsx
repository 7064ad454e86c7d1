/** A compact list of the guided tours, grouped as chapters and surprises, each with its summary. */
import { useId } from 'react';
import { CHAPTERS, SURPRISES } from '../../tours/tours';
import type { Tour } from '../../tours/types';
import './tour.css';

interface Props {
  onStart(tourId: string): void;
}

const GROUPS: ReadonlyArray<{ key: string; label: string; tours: readonly Tour[]; numbered: boolean }> = [
  { key: 'chapters', label: 'Chapters', tours: CHAPTERS, numbered: true },
  { key: 'surprises', label: 'Surprises', tours: SURPRISES, numbered: false },
];

/** Every tour as a button that starts it: chapters in reading order, then the surprises. */
export function TourMenu({ onStart }: Props) {
  const idPrefix = useId();
  return (
    <nav className="tour-menu" aria-label="Guided tours">
      {GROUPS.map((group) => (
        <section key={group.key} className="tour-menu-group" aria-labelledby={`${idPrefix}-${group.key}`}>
          <h3 id={`${idPrefix}-${group.key}`} className="tour-menu-heading">
            {group.label}
          </h3>
          <ul className="tour-menu-list">
            {group.tours.map((tour, i) => {
              const base = `${idPrefix}-${tour.id}`;
              return (
                <li key={tour.id}>
                  <button
                    type="button"
                    className="tour-menu-item"
                    data-tour-id={tour.id}
                    aria-labelledby={`${base}-title`}
                    aria-describedby={`${base}-summary`}
                    onClick={() => onStart(tour.id)}
                  >
                    <span className="tour-menu-item-head">
                      <strong id={`${base}-title`}>
                        {group.numbered ? `${i + 1}. ` : ''}
                        {tour.title}
                      </strong>
                      <span className="tour-menu-steps">{tour.steps.length} steps</span>
                    </span>
                    <span id={`${base}-summary`} className="tour-menu-summary">
                      {tour.summary}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </nav>
  );
}
