// @vitest-environment happy-dom
import { act } from 'react';
import { useReactHost } from '../helpers/reactHost';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { PRESET_GROUPS } from '../../src/app/presetCatalog';
import { PRESET_DESCRIPTIONS } from '../../src/app/presetDescriptions';
import { loadPresetDescriptions } from '../../src/app/usePresetDescriptions';
import { PresetBrowser } from '../../src/ui/presets/PresetBrowser';

const view = useReactHost();

// The lessons load after the first screen; loaded once here, the dialog has them from its first render.
beforeAll(() => loadPresetDescriptions());

function mount(currentId = 'default', onChoose: (id: string) => void = () => {}) {
  act(() => view.root.render(<PresetBrowser currentId={currentId} onChoose={onChoose} />));
}

function browseButton(): HTMLButtonElement {
  const button = [...view.host.querySelectorAll('button')].find((b) => b.textContent === 'Browse scenarios');
  if (!button) throw new Error('no "Browse scenarios" button');
  return button;
}

function dialog(): HTMLDialogElement {
  const d = view.host.querySelector('dialog');
  if (!d) throw new Error('no <dialog>');
  return d;
}

function openBrowser() {
  act(() => browseButton().click());
}

const cards = () => [...view.host.querySelectorAll<HTMLButtonElement>('.preset-card')];
const cardIds = () => cards().map((c) => c.dataset.presetId);
const card = (id: string) => cards().find((c) => c.dataset.presetId === id);

function typeFilter(text: string) {
  const input = view.host.querySelector<HTMLInputElement>('input[type="search"]');
  if (!input) throw new Error('no filter input');
  // React listens for 'input' and reads the value through the native setter it tracks.
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  act(() => {
    setter?.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('PresetBrowser', () => {
  it('opens a dialog titled "Choose a scenario" listing every preset under its group heading', () => {
    const showModal = vi.spyOn(HTMLDialogElement.prototype, 'showModal');
    mount();
    expect(dialog().open).toBe(false);
    expect(cards()).toHaveLength(0);
    openBrowser();
    expect(showModal).toHaveBeenCalledTimes(1);
    expect(dialog().open).toBe(true);
    expect(document.activeElement).toBe(view.host.querySelector('input[type="search"]'));
    expect(dialog().querySelector('h2')?.textContent).toBe('Choose a scenario');

    const sections = [...view.host.querySelectorAll('section.preset-group')];
    expect(sections.map((s) => s.querySelector('h3')?.textContent)).toEqual(
      PRESET_GROUPS.map((g) => g.label),
    );
    PRESET_GROUPS.forEach((g, i) => {
      const ids = [...sections[i]!.querySelectorAll<HTMLElement>('.preset-card')].map(
        (c) => c.dataset.presetId,
      );
      expect(ids).toEqual(g.presets.map((p) => p.id));
    });
    expect(cardIds()).toHaveLength(PRESET_GROUPS.flatMap((g) => g.presets).length);
  });

  it('gives each card its title as name and its full explanation as description', () => {
    mount();
    openBrowser();
    for (const p of PRESET_GROUPS.flatMap((g) => g.presets)) {
      const c = card(p.id)!;
      const title = document.getElementById(c.getAttribute('aria-labelledby')!);
      const desc = document.getElementById(c.getAttribute('aria-describedby')!);
      expect(title?.tagName).toBe('STRONG');
      expect(title?.textContent).toBe(p.title);
      expect(desc?.textContent).toBe(PRESET_DESCRIPTIONS.get(p.id));
      expect(desc?.textContent?.length).toBeGreaterThan(40);
    }
  });

  it('filters case-insensitively: "fifo" leaves only the FIFO preset', () => {
    mount();
    openBrowser();
    typeFilter('FiFo');
    expect(cardIds()).toEqual(['sqs-fifo-group-blocking']);
    expect([...view.host.querySelectorAll('h3')].map((h) => h.textContent)).toEqual(['Poll-based']);
    expect(view.host.querySelector('[role="status"]')?.textContent).toMatch(/^1 of \d+ scenarios$/);
  });

  it('matches tags and ids, and requires every word', () => {
    mount();
    openBrowser();
    typeFilter('ordering');
    expect(cardIds()).toContain('sqs-fifo-group-blocking');
    typeFilter('sqs-redrive');
    expect(cardIds()).toEqual(['sqs-redrive-to-dlq']);
    typeFilter('kinesis bisect');
    expect(cardIds()).toEqual(['kinesis-bisect']);
  });

  it('says so when nothing matches', () => {
    mount();
    openBrowser();
    typeFilter('zzz-nothing');
    expect(cards()).toHaveLength(0);
    expect(view.host.querySelector('.preset-browser-empty')?.textContent).toBe(
      'No scenario matches “zzz-nothing”.',
    );
  });

  it('marks the current preset, and only it, with aria-current and a badge', () => {
    mount('sqs-batch-error');
    openBrowser();
    const current = cards().filter((c) => c.getAttribute('aria-current') === 'true');
    expect(current.map((c) => c.dataset.presetId)).toEqual(['sqs-batch-error']);
    expect(current[0]!.querySelector('.preset-card-badge')?.textContent).toBe('Current');
    expect(view.host.querySelectorAll('.preset-card-badge')).toHaveLength(1);
  });

  it('choosing a card calls onChoose with its id, closes and returns focus', () => {
    const onChoose = vi.fn();
    mount('default', onChoose);
    openBrowser();
    act(() => card('kinesis-bisect')!.click());
    expect(onChoose).toHaveBeenCalledWith('kinesis-bisect');
    expect(onChoose).toHaveBeenCalledTimes(1);
    expect(dialog().open).toBe(false);
    expect(cards()).toHaveLength(0);
    expect(document.activeElement).toBe(browseButton());
  });

  it('Close and Escape close without choosing, and reset the filter', () => {
    const onChoose = vi.fn();
    mount('default', onChoose);
    openBrowser();
    typeFilter('fifo');
    const close = [...view.host.querySelectorAll('button')].find((b) => b.textContent === 'Close')!;
    act(() => close.click());
    expect(dialog().open).toBe(false);
    expect(document.activeElement).toBe(browseButton());

    openBrowser();
    expect(cards().length).toBeGreaterThan(1);
    act(() => {
      dialog().dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }),
      );
    });
    expect(dialog().open).toBe(false);
    expect(document.activeElement).toBe(browseButton());
    expect(onChoose).not.toHaveBeenCalled();
  });

  it('moves between cards with the arrow keys', () => {
    mount();
    openBrowser();
    const [first, second] = cards();
    first!.focus();
    act(() => {
      first!.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true }),
      );
    });
    expect(document.activeElement).toBe(second);
  });

  it('falls back to the open attribute where showModal is missing', () => {
    // happy-dom has showModal; remove it to take the path older engines take.
    const proto = HTMLDialogElement.prototype as Partial<HTMLDialogElement>;
    const showModal = Object.getOwnPropertyDescriptor(proto, 'showModal');
    Object.defineProperty(proto, 'showModal', { value: undefined, configurable: true, writable: true });
    try {
      const onChoose = vi.fn();
      mount('default', onChoose);
      openBrowser();
      expect(dialog().hasAttribute('open')).toBe(true);
      expect(cards().length).toBeGreaterThan(0);
      act(() => {
        dialog().dispatchEvent(
          new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }),
        );
      });
      expect(dialog().hasAttribute('open')).toBe(false);
      expect(document.activeElement).toBe(browseButton());
      expect(onChoose).not.toHaveBeenCalled();
    } finally {
      if (showModal) Object.defineProperty(proto, 'showModal', showModal);
      else delete proto.showModal;
    }
  });
});
