// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { MetricsCharts } from '../../../src/ui/charts/MetricsCharts';
import { withAlpha } from '../../../src/ui/charts/chartPalette';
import { formatTimeTick, plotData } from '../../../src/ui/charts/uplotChart';
import { metricsSeries } from '../../../src/store/metricsSeries';
import { SimStoreContext } from '../../../src/store/useSimStore';
import type { SimStore } from '../../../src/store/simStore';
import { loadedStore, presetRun } from '../../store/fixtures';
import { useReactHost } from '../../helpers/reactHost';

const view = useReactHost();

function render(store: SimStore) {
  act(() =>
    view.root.render(
      <SimStoreContext.Provider value={store}>
        <MetricsCharts />
      </SimStoreContext.Provider>,
    ),
  );
}

const titles = () => [...view.host.querySelectorAll('.metric-chart-name')].map((e) => e.textContent);
const chartOf = (metric: string) =>
  [...view.host.querySelectorAll('figure')].find(
    (f) => f.querySelector('.metric-chart-name')?.textContent === metric,
  )!;

describe('§2.7 the charts of an async run (async-retries-exhausted)', () => {
  it('one chart per metric that applies, titled with the statistic, period and unit', () => {
    render(loadedStore('async-retries-exhausted'));
    expect(titles()).toEqual([
      'Invocations',
      'Errors',
      'Throttles',
      'Duration',
      'ConcurrentExecutions',
      'AsyncEventAge',
      'AsyncEventsDropped',
    ]);
    expect(chartOf('Invocations').querySelector('.metric-chart-stat')!.textContent).toBe(
      'Sum per 1 s · count',
    );
    expect(chartOf('Duration').querySelector('.metric-chart-stat')!.textContent).toBe('Maximum per 1 s · ms');
  });

  it('each chart has a text alternative: the peak and when', () => {
    render(loadedStore('async-retries-exhausted'));
    const plot = chartOf('AsyncEventAge').querySelector('[role="img"]')!;
    expect(plot.getAttribute('aria-label')).toContain('peak 3 min 2 s in the period starting at 3 min 2 s');
    const figure = chartOf('Invocations');
    const summary = view.host.querySelector(`#${CSS.escape(figure.getAttribute('aria-describedby')!)}`);
    expect(summary!.textContent).toContain('peak 1 in the period starting at 1 s; 3 in all');
  });

  it('"Show as table" lists the points; a period’s button moves the player there', () => {
    const store = loadedStore('async-retries-exhausted');
    render(store);
    const figure = chartOf('Errors');
    const toggle = figure.querySelector<HTMLButtonElement>('.metric-chart-toggle')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    act(() => toggle.click());
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const rows = figure.querySelectorAll('tbody tr');
    expect(rows).toHaveLength(184);
    expect(rows[62]!.textContent).toBe('+1 min 02.000 s1');
    expect(rows[5]!.textContent).toBe('+5.000 s0');
    act(() => rows[62]!.querySelector('button')!.click());
    expect(store.getState().clockMs).toBe(62_000);
  });

  it('a period without data reads "no data" (Maximum statistics)', () => {
    render(loadedStore('async-retries-exhausted'));
    const figure = chartOf('Duration');
    act(() => figure.querySelector<HTMLButtonElement>('.metric-chart-toggle')!.click());
    expect(figure.querySelectorAll('tbody tr')[5]!.textContent).toBe('+5.000 sno data');
  });

  it('the cursor line follows the player’s clock without re-rendering the chart', () => {
    const store = loadedStore('async-retries-exhausted');
    render(store);
    const figure = chartOf('Invocations');
    const line = figure.querySelector<HTMLElement>('.metric-chart-cursor')!;
    const table = figure.querySelector('.metric-chart-summary');
    act(() => store.getState().seekToTime(91_631.5));
    expect(line.style.left).toBe('50%');
    expect(figure.querySelector('.metric-chart-summary')).toBe(table); // same node: no remount
  });
});

describe('§3.2 the charts of an SQS run', () => {
  it('adds the queue’s depth and the age of its oldest message', () => {
    render(loadedStore('sqs-batch-error'));
    expect(titles()).toContain('ApproximateNumberOfMessagesVisible');
    expect(chartOf('ApproximateAgeOfOldestMessage').querySelector('.metric-chart-stat')!.textContent).toBe(
      'Maximum per 1 s · s',
    );
    expect(titles()).not.toContain('AsyncEventAge');
  });
});

describe('the drawing’s data', () => {
  it('x in seconds, y null where CloudWatch has no data point', () => {
    const { results, log, scenario } = presetRun('async-retries-exhausted');
    const set = metricsSeries(results, log, scenario);
    const duration = set.series.find((s) => s.metric === 'Duration')!;
    const [xs, ys] = plotData(duration, set);
    expect(xs.slice(0, 3)).toEqual([0, 1, 2]);
    expect(ys!.slice(0, 3)).toEqual([null, 1000, null]);
  });

  it('axis ticks in simulated time; canvas colours with alpha', () => {
    expect(formatTimeTick(0)).toBe('0');
    expect(formatTimeTick(30)).toBe('30 s');
    expect(formatTimeTick(300)).toBe('5 min');
    expect(withAlpha('rgb(29, 78, 216)', 0.15)).toBe('rgba(29, 78, 216, 0.15)');
    expect(withAlpha('#123456', 0.15)).toBe('#123456');
  });
});
