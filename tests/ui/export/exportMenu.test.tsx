// @vitest-environment happy-dom
/**
 * The "Download" menu with a store holding a real preset run: the keyboard (Enter and Space open it on
 * the first item, the arrows wrap, Home and End, Escape closes it and returns to the button), and a
 * download triggered with the right file name and contents through an object URL that is revoked.
 */
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chunksText, collectChunks } from '../../../src/app/export/chunks';
import { resultsJsonChunks } from '../../../src/app/export/resultsJson';
import { createSimStore, type SimStore } from '../../../src/store/simStore';
import { SimStoreContext } from '../../../src/store/useSimStore';
import { REVOKE_AFTER_MS, downloadBlob } from '../../../src/ui/export/download';
import { ExportMenu } from '../../../src/ui/export/ExportMenu';
import { useReactHost } from '../../helpers/reactHost';
import { loadedStore, presetRun } from '../../store/fixtures';

const view = useReactHost();

afterEach(() => {
  vi.useRealTimers();
});

function mount(store: SimStore) {
  act(() =>
    view.root.render(
      <SimStoreContext.Provider value={store}>
        <ExportMenu />
      </SimStoreContext.Provider>,
    ),
  );
}

/** Lets lazy imports and chunked builds finish (they resolve over a few macrotasks). */
async function settle(until: () => boolean) {
  for (let i = 0; i < 200 && !until(); i++) {
    await act(() => new Promise<void>((resolve) => setTimeout(resolve, 10)));
  }
  expect(until()).toBe(true);
}

const menuButton = () => view.host.querySelector<HTMLButtonElement>('button[aria-haspopup="menu"]')!;
const menu = () => view.host.querySelector('[role="menu"]');
const items = () => [...view.host.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')];
const focusedLabel = () => (document.activeElement as HTMLElement | null)?.textContent;
const status = () => view.host.querySelector('[role="status"]')?.textContent ?? '';

function key(target: Element, k: string) {
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
  });
}

describe('ExportMenu', () => {
  it('is a menu button: Enter opens it on the first item, the arrows wrap, Home/End, Escape closes and returns focus', () => {
    mount(loadedStore('async-dlq'));
    const button = menuButton();
    expect(button.textContent).toContain('Download');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(menu()).toBeNull();

    button.focus();
    key(button, 'Enter');
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(button.getAttribute('aria-controls')).toBe(menu()!.id);
    expect(items().map((b) => b.textContent)).toEqual([
      'Results (JSON)',
      'Event log (CSV)',
      'Items (CSV)',
      'Diagram (PNG)',
      'Diagram (SVG)',
      'Transcript (text)',
      'Copy transcript',
    ]);
    expect(focusedLabel()).toBe('Results (JSON)');

    key(document.activeElement!, 'ArrowDown');
    expect(focusedLabel()).toBe('Event log (CSV)');
    key(document.activeElement!, 'ArrowUp');
    key(document.activeElement!, 'ArrowUp');
    expect(focusedLabel()).toBe('Copy transcript');
    key(document.activeElement!, 'ArrowDown');
    expect(focusedLabel()).toBe('Results (JSON)');
    key(document.activeElement!, 'End');
    expect(focusedLabel()).toBe('Copy transcript');
    key(document.activeElement!, 'Home');
    expect(focusedLabel()).toBe('Results (JSON)');

    key(document.activeElement!, 'Escape');
    expect(menu()).toBeNull();
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(button);
  });

  it('opens with Space too, and with ArrowUp on the last item; a press outside closes it', () => {
    mount(loadedStore('async-dlq'));
    const button = menuButton();
    button.focus();
    key(button, ' ');
    expect(menu()).not.toBeNull();
    expect(focusedLabel()).toBe('Results (JSON)');
    key(document.activeElement!, 'Escape');
    key(button, 'ArrowUp');
    expect(focusedLabel()).toBe('Copy transcript');
    act(() => {
      document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    });
    expect(menu()).toBeNull();
  });

  it('is disabled until a run is ready', () => {
    const store = createSimStore();
    store.getState().startRun('async-dlq', 1);
    mount(store);
    expect(menuButton().disabled).toBe(true);
  });

  it('Results (JSON) downloads <scenario>-seed<seed>-results.json holding the run with its log', async () => {
    const blobs: Blob[] = [];
    const created = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:export-test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: Array<{ href: string; download: string }> = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.getAttribute('href') ?? '', download: this.download });
    });

    mount(loadedStore('async-dlq'));
    act(() => menuButton().click());
    act(() => items()[0]!.click());
    expect(menu()).toBeNull();
    expect(document.activeElement).toBe(menuButton());
    await settle(() => status().startsWith('Saved'));

    expect(created).toHaveBeenCalledTimes(1);
    expect(clicked).toEqual([{ href: 'blob:export-test', download: 'async-dlq-seed1-results.json' }]);
    expect(status()).toBe('Saved async-dlq-seed1-results.json.');
    expect(blobs[0]!.type).toBe('application/json');
    const { results, log } = presetRun('async-dlq');
    expect(await blobs[0]!.text()).toBe(chunksText(collectChunks(resultsJsonChunks(results, log))));
    // The temporary link is gone.
    expect(document.querySelector('a[download]')).toBeNull();
  });

  it('Event log (CSV) downloads <scenario>-seed<seed>-events.csv', async () => {
    const names: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:export-test');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    mount(loadedStore('async-dlq'));
    const button = menuButton();
    button.focus();
    key(button, 'Enter');
    key(document.activeElement!, 'ArrowDown');
    act(() => (document.activeElement as HTMLButtonElement).click());
    await settle(() => names.length > 0);
    expect(names).toEqual(['async-dlq-seed1-events.csv']);
  });
});

describe('downloadBlob', () => {
  it('revokes the object URL once the browser has had time to read the Blob', () => {
    vi.useFakeTimers();
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:later');
    const revoked = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    downloadBlob(new Blob(['x']), 'x.txt');
    expect(revoked).not.toHaveBeenCalled();
    vi.advanceTimersByTime(REVOKE_AFTER_MS);
    expect(revoked).toHaveBeenCalledWith('blob:later');
  });
});
