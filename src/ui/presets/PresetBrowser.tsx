/** A "Browse scenarios" button and the modal dialog it opens: every preset, grouped, as a card to choose. */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { PRESET_GROUPS, type PresetEntry, type PresetGroup } from '../../app/presetCatalog';
import { presetSummary } from '../../app/presetSummaries';
import { usePresetDescriptions } from '../../app/usePresetDescriptions';
import './presetBrowser.css';

interface Props {
  currentId: string;
  onChoose(id: string): void;
}

interface Card extends PresetEntry {
  tags: readonly string[];
  description: string;
  /** Lower-cased id, title, description and tags, so filtering is a substring test per keystroke. */
  haystack: string;
}

interface CardGroup extends Omit<PresetGroup, 'presets'> {
  presets: Card[];
}

/** The cards, with the lessons once they have loaded (tags live only in the raw JSON, not in the catalog). */
function cardGroups(descriptions: ReadonlyMap<string, string> | null): CardGroup[] {
  return PRESET_GROUPS.map((g) => ({
    ...g,
    presets: g.presets.map((p) => {
      const tags = presetSummary(p.id)?.tags ?? [];
      const description = descriptions?.get(p.id) ?? '';
      return {
        ...p,
        tags,
        description,
        haystack: [p.id, p.title, description, ...tags].join('\n').toLowerCase(),
      };
    }),
  }));
}
const TOTAL = PRESET_GROUPS.reduce((n, g) => n + g.presets.length, 0);

/** Every whitespace-separated term must appear, so "sqs fifo" narrows rather than widens. */
function filterGroups(all: readonly CardGroup[], query: string): CardGroup[] {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return [...all];
  return all
    .map((g) => ({
      ...g,
      presets: g.presets.filter((p) => terms.every((t) => p.haystack.includes(t))),
    }))
    .filter((g) => g.presets.length > 0);
}

/** The card to move to with an arrow key, by on-screen position so Up/Down follow the grid's columns. */
function neighbour(cards: HTMLElement[], from: HTMLElement, key: string): HTMLElement | undefined {
  const i = cards.indexOf(from);
  if (key === 'Home') return cards[0];
  if (key === 'End') return cards[cards.length - 1];
  if (key === 'ArrowLeft') return cards[i - 1];
  if (key === 'ArrowRight') return cards[i + 1];
  const here = from.getBoundingClientRect();
  const down = key === 'ArrowDown';
  let best: HTMLElement | undefined;
  let bestScore = Infinity;
  for (const card of cards) {
    const r = card.getBoundingClientRect();
    const dy = down ? r.top - here.top : here.top - r.top;
    if (dy <= 1) continue;
    // Nearest row first, then the nearest column within it.
    const score = dy * 10_000 + Math.abs(r.left - here.left);
    if (score < bestScore) [best, bestScore] = [card, score];
  }
  // No geometry (e.g. a layout-less test DOM): fall back to list order.
  return best ?? cards[down ? i + 1 : i - 1];
}

/** "Browse scenarios" button + modal listing every built-in preset by group; a card calls `onChoose(id)`. */
export function PresetBrowser({ currentId, onChoose }: Props) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const buttonRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const filterRef = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const filterId = useId();
  const idPrefix = useId();

  // The lessons load with the first opening; until then the cards show titles and tags.
  const descriptions = usePresetDescriptions(open);
  const all = useMemo(() => cardGroups(descriptions), [descriptions]);
  const groups = useMemo(() => filterGroups(all, query), [all, query]);
  const shown = groups.reduce((n, g) => n + g.presets.length, 0);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!open || !dialog) return;
    if (!dialog.open) {
      // Older engines and some test DOMs lack showModal; an open non-modal dialog still shows the list.
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    filterRef.current?.focus();
    // Start the list at the current preset, so a late group (Poll-based, Scaling) shows where you are.
    dialog.querySelector('[aria-current="true"]')?.scrollIntoView?.({ block: 'center' });
  }, [open]);

  // Runs on the native close event too (e.g. a platform back gesture), so it must be safe to repeat.
  const finish = () => {
    setOpen(false);
    setQuery('');
    buttonRef.current?.focus();
  };

  const close = () => {
    const dialog = dialogRef.current;
    if (dialog?.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
    finish();
  };

  const choose = (id: string) => {
    close();
    onChoose(id);
  };

  const onDialogKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    // Handled here rather than left to the browser so the fallback (non-modal) dialog closes on Escape too.
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    }
  };

  // With no padding on the <dialog> itself, a click whose target is the dialog landed on the backdrop.
  const onDialogClick = (e: MouseEvent<HTMLDialogElement>) => {
    if (e.target === e.currentTarget) close();
  };

  const onGridKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) return;
    const from = e.target as HTMLElement;
    if (!from.classList.contains('preset-card')) return;
    const cards = [...e.currentTarget.querySelectorAll<HTMLElement>('.preset-card')];
    const to = neighbour(cards, from, e.key);
    if (!to) return;
    e.preventDefault();
    to.focus();
    to.scrollIntoView?.({ block: 'nearest' });
  };

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="button-secondary"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        Browse scenarios
      </button>
      <dialog
        ref={dialogRef}
        className="preset-browser"
        aria-labelledby={titleId}
        onClose={finish}
        onKeyDown={onDialogKeyDown}
        onClick={onDialogClick}
      >
        {/* Rendered only while open: nothing to keep in sync, and the filter starts empty each time. */}
        {open && (
          <div className="preset-browser-frame">
            <header className="preset-browser-header">
              <h2 id={titleId}>Choose a scenario</h2>
              <button type="button" className="button-secondary" onClick={close}>
                Close
              </button>
            </header>
            <div className="preset-browser-filter">
              <label htmlFor={filterId}>Filter by title, description or tag</label>
              <input
                ref={filterRef}
                id={filterId}
                type="search"
                autoComplete="off"
                spellCheck={false}
                value={query}
                onChange={(e) => setQuery(e.target.value)}
              />
              <p className="preset-browser-count" role="status">
                {query.trim() ? `${shown} of ${TOTAL} scenarios` : `${TOTAL} scenarios`}
              </p>
            </div>
            <div className="preset-browser-body" onKeyDown={onGridKeyDown}>
              {shown === 0 && <p className="preset-browser-empty">No scenario matches “{query.trim()}”.</p>}
              {groups.map((g) => (
                <section key={g.group} className="preset-group" aria-labelledby={`${idPrefix}-${g.group}`}>
                  <h3 id={`${idPrefix}-${g.group}`}>{g.label}</h3>
                  <ul className="preset-grid">
                    {g.presets.map((p) => {
                      const current = p.id === currentId;
                      const base = `${idPrefix}-${p.id}`;
                      return (
                        <li key={p.id}>
                          <button
                            type="button"
                            className="preset-card"
                            data-preset-id={p.id}
                            aria-current={current ? 'true' : undefined}
                            aria-labelledby={`${base}-title`}
                            aria-describedby={`${base}-desc`}
                            onClick={() => choose(p.id)}
                          >
                            <span className="preset-card-head">
                              <strong id={`${base}-title`}>{p.title}</strong>
                              {current && <span className="preset-card-badge">Current</span>}
                            </span>
                            {/* Clamped by CSS only: the full text stays in the DOM for the accessible description. */}
                            <span id={`${base}-desc`} className="preset-card-desc">
                              {p.description}
                            </span>
                            {p.tags.length > 0 && (
                              <span className="preset-card-tags">
                                {p.tags.map((t) => (
                                  <span key={t} className="preset-card-tag">
                                    {t}
                                  </span>
                                ))}
                              </span>
                            )}
                          </button>
                        </li>
                      );
                    })}
                  </ul>
                </section>
              ))}
            </div>
          </div>
        )}
      </dialog>
    </>
  );
}
