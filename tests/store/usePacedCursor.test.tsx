// @vitest-environment happy-dom
/** The cursor the run's tables follow: at once while paused, a few times a second while playing. */
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSimStore } from '../../src/store/simStore';
import { PACED_INTERVAL_MS, usePacedCursor } from '../../src/store/usePacedCursor';
import { SimStoreContext } from '../../src/store/useSimStore';
import { useReactHost } from '../helpers/reactHost';

const host = useReactHost();

afterEach(() => {
  vi.useRealTimers();
});

function mount() {
  const store = createSimStore();
  const renders: number[] = [];
  function Probe() {
    const cursor = usePacedCursor();
    renders.push(cursor);
    return <span>{cursor}</span>;
  }
  act(() =>
    host.root.render(
      <SimStoreContext.Provider value={store}>
        <Probe />
      </SimStoreContext.Provider>,
    ),
  );
  const set = (cursor: number, playing: boolean) => act(() => store.setState({ cursor, playing }));
  const shown = () => Number(host.host.textContent);
  return { set, shown, renders };
}

describe('usePacedCursor', () => {
  it('follows every step at once while the player is paused', () => {
    vi.useFakeTimers();
    const { set, shown } = mount();
    for (const c of [0, 1, 2, 1]) {
      set(c, false);
      expect(shown()).toBe(c);
    }
  });

  it(`follows the cursor at most every ${PACED_INTERVAL_MS} ms while playing, and always ends on the latest`, async () => {
    vi.useFakeTimers();
    const { set, shown, renders } = mount();
    set(0, true);
    const before = renders.length;
    for (let c = 1; c <= 40; c++) {
      set(c, true);
      await act(() => vi.advanceTimersByTimeAsync(10)); // 40 events in 400 ms
    }
    // Not one render per event: about one per interval.
    expect(renders.length - before).toBeLessThanOrEqual(Math.ceil(400 / PACED_INTERVAL_MS) + 1);
    await act(() => vi.advanceTimersByTimeAsync(PACED_INTERVAL_MS));
    expect(shown()).toBe(40);
  });

  it('shows the cursor at once when the player pauses', async () => {
    vi.useFakeTimers();
    const { set, shown } = mount();
    set(0, true);
    set(5, true);
    set(6, true);
    set(7, false);
    expect(shown()).toBe(7);
  });
});
