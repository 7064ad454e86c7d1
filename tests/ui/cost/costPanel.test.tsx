// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { CostPanel } from '../../../src/ui/cost/CostPanel';
import { SimStoreContext } from '../../../src/store/useSimStore';
import type { SimStore } from '../../../src/store/simStore';
import { loadedStore } from '../../store/fixtures';
import { useReactHost } from '../../helpers/reactHost';

const view = useReactHost();

function render(store: SimStore) {
  act(() =>
    view.root.render(
      <SimStoreContext.Provider value={store}>
        <CostPanel />
      </SimStoreContext.Provider>,
    ),
  );
}

const line = (name: string) => view.host.querySelector(`[data-line="${name}"]`)!.textContent;
const cells = (row: string) =>
  [...view.host.querySelectorAll('.cost-table tbody tr')]
    .find((tr) => tr.querySelector('th')!.textContent === row)!
    .querySelectorAll('td');

/** Changes a form control as a person would (React listens to input and change events). */
function change(el: HTMLInputElement | HTMLSelectElement, value: string | boolean) {
  act(() => {
    if (typeof value === 'boolean') {
      (el as HTMLInputElement).click();
      return;
    }
    const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}

describe('§5 the cost of async-retries-exhausted (128 MB, x86, no free tier)', () => {
  it('so far and whole run: 3 requests, 3,000 ms of Invoke, one billed Init of 250 ms', () => {
    const store = loadedStore('async-retries-exhausted');
    render(store);
    expect(cells('Requests')[1]!.textContent).toBe('3 · $0.0000006000');
    expect(cells('Compute (Invoke)')[1]!.textContent).toBe('0.375 GB-s · $0.000006250');
    expect(cells('Init (on-demand cold starts)')[1]!.textContent).toBe('1 · 0.03125 GB-s · $0.0000005208');
    act(() => store.getState().seekToTime(0));
    expect(cells('Requests')[0]!.textContent).toBe('0 · $0');
    expect(cells('Requests')[1]!.textContent).toBe('3 · $0.0000006000');
  });

  it('a month at once an hour: 730 runs, 2,190 requests, the arithmetic written out', () => {
    render(loadedStore('async-retries-exhausted'));
    expect(line('runs')).toContain('1 per hour × 730 h = 730 runs');
    expect(line('requests')).toBe('Requests: 2,190 = 2,190 × $0.0000002 = $0.0004380');
    expect(line('compute')).toContain(
      '273.75 GB-s Invoke + 22.8125 GB-s Init = 296.5625 GB-s × $0.0000166667',
    );
  });

  it('the rate, the architecture and the free tier can be changed', () => {
    render(loadedStore('async-retries-exhausted'));
    change(view.host.querySelector<HTMLInputElement>('input[type="number"]')!, '2');
    expect(line('runs')).toContain('= 1,460 runs');
    change(view.host.querySelector<HTMLSelectElement>('select[aria-label="Rate unit"]')!, 'second');
    expect(line('runs')).toBe(
      'Runs per month (730 h): 2 requests/s × 3,600 s × 730 h ÷ 3 requests per run = 1,752,000 runs',
    );
    const arch = [...view.host.querySelectorAll('select')].find((s) =>
      s.querySelector('option[value="arm64"]'),
    )!;
    change(arch, 'arm64');
    expect(line('compute')).toContain('× $0.0000133334');
    change(view.host.querySelector<HTMLInputElement>('input[type="checkbox"]')!, true);
    expect(line('requests')).toContain('− 1,000,000 free');
  });

  it('within the free tier a month costs nothing', () => {
    render(loadedStore('async-retries-exhausted'));
    change(view.host.querySelector<HTMLInputElement>('input[type="checkbox"]')!, true);
    expect(line('total')).toBe('Per month: $0');
  });
});
