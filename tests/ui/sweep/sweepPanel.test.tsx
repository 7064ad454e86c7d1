// @vitest-environment happy-dom
/** The many-runs panel against a fake client: the request it sends, progress, cancel, the results. */
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import {
  SimulationError,
  type SimulationClient,
  type SweepInput,
  type SweepOptions,
  type SweepOutput,
} from '../../../src/bridge/simulationClient';
import { SWEEP_FIELDS, type SweepColumns, type SweepField } from '../../../src/protocol/messages';
import type { SimStore } from '../../../src/store/simStore';
import { SimStoreContext } from '../../../src/store/useSimStore';
import { SweepPanel } from '../../../src/ui/sweep/SweepPanel';
import { useReactHost } from '../../helpers/reactHost';
import { loadedStore } from '../../store/fixtures';

const view = useReactHost();

/** A client whose sweep the test settles by hand. */
function fakeClient() {
  const calls: Array<{
    input: SweepInput;
    options: SweepOptions;
    resolve(output: SweepOutput): void;
    reject(error: unknown): void;
  }> = [];
  const sweep = vi.fn(
    (input: SweepInput, options: SweepOptions = {}) =>
      new Promise<SweepOutput>((resolve, reject) => {
        calls.push({ input, options, resolve, reject });
        options.signal?.addEventListener('abort', () =>
          reject(new SimulationError('cancelled', 'The run was cancelled.')),
        );
      }),
  );
  const client = { sweep } as unknown as SimulationClient;
  return { client, sweep, calls };
}

function columns(count: number, fill: Partial<Record<SweepField, (i: number) => number>>): SweepColumns {
  return Object.fromEntries(
    SWEEP_FIELDS.map((f) => [f, Float64Array.from({ length: count }, (_, i) => fill[f]?.(i) ?? 0)]),
  ) as SweepColumns;
}

function render(store: SimStore, client: SimulationClient) {
  act(() =>
    view.root.render(
      <SimStoreContext.Provider value={store}>
        <SweepPanel client={client} />
      </SimStoreContext.Provider>,
    ),
  );
}

const q = <T extends Element>(selector: string) => view.host.querySelector<T>(selector);
const startButton = () => q<HTMLButtonElement>('.sweep-start')!;

function choose(count: string) {
  const select = q<HTMLSelectElement>('select')!;
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!.call(select, count);
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('SweepPanel', () => {
  it('offers 100, 1,000 and 10,000 runs; the button says how many', () => {
    render(loadedStore('async-retries-exhausted'), fakeClient().client);
    const options = [...view.host.querySelectorAll('option')].map((o) => o.textContent);
    expect(options).toEqual(['100', '1,000', '10,000']);
    expect(startButton().textContent).toBe('Run 1,000 times');
    choose('100');
    expect(startButton().textContent).toBe('Run 100 times');
  });

  it('sweeps the shown scenario from the shown seed, shows progress, then the headline figures', async () => {
    const store = loadedStore('async-retries-exhausted');
    const { client, calls } = fakeClient();
    render(store, client);
    choose('100');
    act(() => startButton().click());
    const { scenario, seed } = store.getState();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.input).toEqual({ scenario, seeds: { from: seed, count: 100 } });
    expect(startButton().disabled).toBe(true);
    expect(q('.sweep-progress')!.textContent).toContain('Runs done: 0 of 100');

    act(() => calls[0]!.options.onProgress!({ done: 40, total: 100 }));
    expect(q('.sweep-progress')!.textContent).toContain('Runs done: 40 of 100');
    expect(q<HTMLProgressElement>('progress')!.value).toBe(40);

    const runs = columns(100, {
      seed: (i) => seed + i,
      items: () => 1,
      toDlq: (i) => (i < 30 ? 1 : 0),
      succeeded: (i) => (i < 30 ? 0 : 1),
      attempts: () => 3,
      duplicates: (i) => i % 2,
      latencyP50Ms: () => 180_000,
      latencyP95Ms: () => 180_000,
      concurrencyPeak: () => 1,
      costUsd: () => 0.0000074,
    });
    await act(async () => calls[0]!.resolve({ scenario: scenario!, runs }));
    expect(q('.sweep-progress')).toBeNull();
    expect(q('.sweep-done')!.textContent).toContain(`100 runs done (seeds ${seed} to ${seed + 99})`);
    const headline = (key: string) => q(`[data-outcome="${key}"]`)!.textContent;
    expect(headline('failureDestinationShare')).toBe(
      'Share of events sent to a DLQ or failure destination: 0 % (p5 0 %, p95 100 %)',
    );
    expect(headline('latencyP95Ms')).toBe('End-to-end latency p95: 3 min (p5 3 min, p95 3 min)');
    expect(headline('duplicates')).toBe('Duplicate runs per run: 0 (p5 0, p95 1)');
    // Varying outcomes get a histogram with a table; constant ones only their sentence.
    const figures = [...view.host.querySelectorAll('.sweep-histogram figcaption .sweep-histogram-name')].map(
      (f) => f.textContent,
    );
    expect(figures).toEqual([
      'Share of events that succeeded',
      'Share of events sent to a DLQ or failure destination',
      'Duplicate runs per run',
    ]);
    const dupRows = [...view.host.querySelectorAll('.sweep-histogram')][2]!.querySelectorAll('tbody tr');
    expect([...dupRows].map((r) => r.textContent)).toEqual(['050', '150']);
    expect(startButton().disabled).toBe(false);
  });

  it('Cancel aborts the sweep and returns to the start', async () => {
    const { client, calls } = fakeClient();
    render(loadedStore('async-retries-exhausted'), client);
    act(() => startButton().click());
    const cancel = [...view.host.querySelectorAll('button')].find((b) => b.textContent === 'Cancel')!;
    await act(async () => cancel.click());
    expect(calls[0]!.options.signal!.aborted).toBe(true);
    expect(q('.sweep-progress')).toBeNull();
    expect(q('.sweep-results')).toBeNull();
    expect(startButton().disabled).toBe(false);
  });

  it('a failed sweep shows its message', async () => {
    const { client, calls } = fakeClient();
    render(loadedStore('async-retries-exhausted'), client);
    act(() => startButton().click());
    await act(async () => calls[0]!.reject(new SimulationError('crashed', 'The simulation worker crashed.')));
    expect(q('[role="alert"]')!.textContent).toBe('The simulation worker crashed.');
  });

  it('unmounting stops a running sweep', () => {
    const { client, calls } = fakeClient();
    render(loadedStore('async-retries-exhausted'), client);
    act(() => startButton().click());
    act(() => view.root.render(null));
    expect(calls[0]!.options.signal!.aborted).toBe(true);
  });
});
