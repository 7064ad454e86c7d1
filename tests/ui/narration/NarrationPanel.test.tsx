// @vitest-environment happy-dom
/**
 * The narration panel with a store loaded from real presets: the narration of the cursor's event (time,
 * step, what, why, rule link), the article's correction where it applies, the hint before the first
 * event, and the transcript (live only while paused, copied as text, or selected without a clipboard).
 */
import { act } from 'react';
import { useReactHost } from '../../helpers/reactHost';
import { describe, expect, it, vi } from 'vitest';
import { formatOffset } from '../../../src/app/format';
import { ARTICLE, buildTranscript, narrate, transcriptText } from '../../../src/app/narration';
import { RULES } from '../../../src/engine/rules';
import { createSimStore, type SimStore } from '../../../src/store/simStore';
import { SimStoreContext } from '../../../src/store/useSimStore';
import { NarrationPanel } from '../../../src/ui/narration/NarrationPanel';
import { presetRun as loggedRun } from '../../app/narrationFixtures';
import { presetRun } from '../../store/fixtures';

const view = useReactHost();

/** A store holding the preset's run with the cursor on the first event of `type` (or before the first event). */
function storeAt(id: string, type: string | null): { store: SimStore; index: number } {
  const store = createSimStore();
  store.getState().startRun(id, 1);
  store.getState().finishRun(presetRun(id), { atStart: true });
  const index = type === null ? -1 : store.getState().log.findIndex((e) => e.type === type);
  if (type !== null) {
    expect(index, type).toBeGreaterThanOrEqual(0);
    act(() => store.getState().seekToEvent(index));
  }
  return { store, index };
}

/** Lets the lazily loaded parts arrive (dynamic imports resolve over a few macrotasks). */
async function settle(until: () => boolean) {
  for (let i = 0; i < 50 && !until(); i++) {
    await act(() => new Promise<void>((resolve) => setTimeout(resolve, 10)));
  }
  expect(until()).toBe(true);
}

async function mount(store: SimStore) {
  act(() =>
    view.root.render(
      <SimStoreContext.Provider value={store}>
        <NarrationPanel />
      </SimStoreContext.Provider>,
    ),
  );
  await settle(() => view.host.querySelector('.narration-transcript') !== null);
}

const q = <T extends Element = HTMLElement>(selector: string) => view.host.querySelector<T>(selector);
const text = (selector: string) => q(selector)?.textContent ?? '';

function button(label: RegExp): HTMLButtonElement {
  const found = [...view.host.querySelectorAll('button')].find((b) => label.test(b.textContent ?? ''));
  if (!found) throw new Error(`no button ${label}`);
  return found;
}

async function openTranscript() {
  act(() => button(/^▸?\s*Transcript/).click());
  await settle(() => q('[role="log"]') !== null);
}

describe('NarrationPanel', () => {
  it('§2.2 shows the cursor event’s time, article step, what and why, with the rule linking to the AWS page', async () => {
    const { store, index } = storeAt('async-retries-exhausted', 'async/retry-scheduled');
    await mount(store);
    const { log, scenario } = store.getState();
    const n = narrate(log, index, scenario!);
    const section = q('section.narration-panel')!;
    expect(view.host.querySelector(`[id="${section.getAttribute('aria-labelledby')}"]`)?.textContent).toBe(
      'What happens, and why',
    );
    expect(text('.narration-time')).toBe(formatOffset(log[index]!.t));
    expect(text('.narration-current .step')).toBe('Handling Failures');
    expect(text('.narration-what')).toBe(n.what);
    expect(text('.narration-why')).toContain('Why?');
    expect(text('.narration-why')).toContain(
      'MaximumRetryAttempts is 2, so Lambda retries the event up to 2 more times; the first retry comes about 60 s after the failure.',
    );
    const link = q<HTMLAnchorElement>('.narration-why a')!;
    expect(link.getAttribute('href')).toBe(RULES['§2.2'].url);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noreferrer');
    expect(link.textContent).toContain(`§2.2 ${RULES['§2.2'].title}`);
  });

  it('§2.2 a function-error retry shows the correction callout, labelled and set apart, with the article’s words and AWS’s', async () => {
    const { store } = storeAt('async-retries-exhausted', 'async/retry-scheduled');
    await mount(store);
    const callout = q('aside.narration-correction')!;
    expect(callout).not.toBeNull();
    expect(callout.getAttribute('aria-label')).toBe('Correction to the source article');
    expect(callout.querySelector('svg')).not.toBeNull();
    expect(callout.querySelector('.narration-correction-label')?.textContent).toBe('Correction');
    expect(callout.textContent).toContain(`The article says ${ARTICLE.backoff}`);
    expect(callout.querySelector('q')?.textContent).toBe(ARTICLE.backoff);
    expect(callout.textContent).toMatch(/AWS actually: After a function error Lambda waits a fixed time/);
  });

  it('§2.3 a throttle backoff shows no correction callout', async () => {
    const { store } = storeAt('async-throttled-waits', 'async/throttled');
    await mount(store);
    expect(text('.narration-why')).toMatch(/the article's "exponential backoff" fits/);
    expect(q('aside.narration-correction')).toBeNull();
  });

  it('§3.2 the first SQS receive shows the "acknowledges them" correction', async () => {
    const { store } = storeAt('sqs-batch-success', 'sqs/received');
    await mount(store);
    expect(text('.narration-current .step')).toBe('Accepted Response');
    expect(q('aside.narration-correction q')?.textContent).toBe(ARTICLE.acknowledge);
    expect(text('aside.narration-correction')).toMatch(/VisibilityTimeout \(3 min\)/);
    expect(q<HTMLAnchorElement>('.narration-why a')?.getAttribute('href')).toBe(RULES['§3.2'].url);
  });

  it('§2.1 before the first event it says how to start, and it follows the cursor as it steps', async () => {
    const { store } = storeAt('default', null);
    await mount(store);
    expect(text('.narration-hint')).toMatch(/Nothing has happened yet\. Press Space to play or → to step/);
    expect(q('.narration-what')).toBeNull();
    act(() => store.getState().stepForward());
    const { log, scenario } = store.getState();
    expect(text('.narration-what')).toBe(narrate(log, 0, scenario!).what);
    act(() => store.getState().stepForward());
    expect(text('.narration-what')).toBe(narrate(log, 1, scenario!).what);
    expect(text('.narration-current .step')).toBe('Invocation Request');
  });

  it('§2.1 while the first run is still being simulated it says so', async () => {
    const store = createSimStore();
    store.getState().startRun('default', 1);
    await mount(store);
    expect(text('.narration-hint')).toBe('Running the scenario…');
  });

  it('§2.2 the transcript opens to a log of every narration so far, polite while paused and silent while playing', async () => {
    const { store, index } = storeAt('async-retries-exhausted', 'async/retry-scheduled');
    await mount(store);
    const toggle = button(/Transcript/);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.textContent).toContain(`(${index + 1} so far)`);
    expect(q('[role="log"]')).toBeNull();
    await openTranscript();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const log = q('[role="log"]')!;
    expect(log.getAttribute('aria-live')).toBe('polite');
    expect(log.getAttribute('aria-label')).toBe('Transcript');
    const items = [...log.querySelectorAll('li')];
    expect(items).toHaveLength(index + 1);
    const { log: events, scenario } = store.getState();
    expect(items.at(-1)!.textContent).toContain(narrate(events, index, scenario!).why);
    expect(items.at(-1)!.querySelector('.transcript-correction')?.textContent).toContain(ARTICLE.backoff);
    expect(items.at(-1)!.querySelector('a')?.getAttribute('href')).toBe(RULES['§2.2'].url);
    act(() => store.setState({ playing: true }));
    expect(q('[role="log"]')!.getAttribute('aria-live')).toBe('off');
    act(() => store.setState({ playing: false }));
    act(() => store.getState().stepForward());
    expect(q('[role="log"]')!.getAttribute('aria-live')).toBe('polite');
    expect(q('[role="log"]')!.querySelectorAll('li')).toHaveLength(index + 2);
    act(() => button(/Transcript/).click());
    expect(button(/Transcript/).getAttribute('aria-expanded')).toBe('false');
  });

  it('§2.2 the transcript scrolls to its newest entry', async () => {
    vi.spyOn(HTMLElement.prototype, 'scrollHeight', 'get').mockReturnValue(4321);
    const { store } = storeAt('async-retries-exhausted', 'async/retry-scheduled');
    await mount(store);
    await openTranscript();
    const scroller = q('[role="log"]')!;
    const writes: number[] = [];
    const setter = vi.spyOn(scroller, 'scrollTop', 'set').mockImplementation((v: number) => {
      writes.push(v);
    });
    act(() => store.getState().stepForward());
    expect(setter).toHaveBeenCalled();
    expect(writes.at(-1)).toBe(4321);
  });

  it('§2.2 "Copy transcript" writes the transcript text to the clipboard and says "Copied"', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const { store, index } = storeAt('async-retries-exhausted', 'async/retry-scheduled');
    await mount(store);
    await openTranscript();
    await act(async () => button(/Copy transcript/).click());
    const { log, scenario } = store.getState();
    expect(writeText).toHaveBeenCalledWith(transcriptText(buildTranscript(log, index, scenario!)));
    expect(text('.transcript-status')).toBe('Copied');
    expect(q('.transcript-status')?.getAttribute('role')).toBe('status');
    // The text is the one the narration tests check line by line (same log and scenario).
    const r = loggedRun('async-retries-exhausted');
    expect(writeText.mock.calls[0]).toEqual([transcriptText(buildTranscript(r.log, index, r.scenario))]);
  });

  it('§2.2 without a clipboard the transcript is selected instead, with a hint to copy it', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: undefined });
    const { store } = storeAt('async-retries-exhausted', 'async/retry-scheduled');
    await mount(store);
    await openTranscript();
    act(() => button(/Copy transcript/).click());
    expect(text('.transcript-status')).toMatch(/^Selected: press Ctrl\+C/);
    const selection = window.getSelection()!;
    expect(selection.toString()).toContain('MaximumRetryAttempts is 2');
  });

  it('§2.2 a refused clipboard write falls back to selecting the text', async () => {
    const writeText = vi.fn(() => Promise.reject(new Error('denied')));
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const { store } = storeAt('async-retries-exhausted', 'async/retry-scheduled');
    await mount(store);
    await openTranscript();
    await act(async () => button(/Copy transcript/).click());
    expect(writeText).toHaveBeenCalledTimes(1);
    expect(text('.transcript-status')).toMatch(/^Selected/);
  });
});
