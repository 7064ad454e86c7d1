// @vitest-environment happy-dom
/** Links to a comparison, a fork or a tour: read back exactly, and bad values become notices, never throws. */
import { describe, expect, it } from 'vitest';
import { parseSetting, readUrlView, writeUrlView, type UrlView } from '../../src/app/urlView';

function read(query: string) {
  const notices: string[] = [];
  const view = readUrlView(new URLSearchParams(query), notices);
  return { view, notices };
}

describe('readUrlView', () => {
  it('reads a comparison of 2 to 4 presets', () => {
    expect(read('compare=sync-success,async-dlq').view).toEqual({
      mode: 'compare',
      presetIds: ['sync-success', 'async-dlq'],
    });
  });

  it('refuses an unknown preset or a wrong number of runs, with a notice', () => {
    const unknown = read('compare=sync-success,nope');
    expect(unknown.view).toEqual({ mode: 'run' });
    expect(unknown.notices[0]).toContain('"nope"');
    const one = read('compare=sync-success');
    expect(one.view).toEqual({ mode: 'run' });
    expect(one.notices[0]).toContain('2 to 4 runs');
  });

  it('reads a fork: its moment and the settings it changes, values as JSON where they parse', () => {
    const { view } = read('fork=61000&set=function.Timeout=10&set=sources.0.mapping.StartingPosition=LATEST');
    expect(view).toEqual({
      mode: 'fork',
      atMs: 61_000,
      changes: [
        { path: 'function.Timeout', value: 10 },
        { path: 'sources.0.mapping.StartingPosition', value: 'LATEST' },
      ],
    });
  });

  it('refuses a fork with a bad moment or no change', () => {
    expect(read('fork=soon&set=a=1').notices[0]).toContain('"soon"');
    expect(read('fork=10').notices[0]).toContain('changes no setting');
    expect(read('fork=10&set=novalue').notices[0]).toContain('path=value');
  });

  it('reads a tour and its step (from 1)', () => {
    expect(read('tour=async&step=3').view).toEqual({ mode: 'tour', tourId: 'async', step: 3 });
    expect(read('tour=async').view).toEqual({ mode: 'tour', tourId: 'async', step: 1 });
    const bad = read('tour=async&step=0');
    expect(bad.view).toEqual({ mode: 'tour', tourId: 'async', step: 1 });
    expect(bad.notices).toHaveLength(1);
  });
});

describe('writeUrlView', () => {
  it.each<UrlView>([
    { mode: 'compare', presetIds: ['sync-success', 'async-dlq', 'sqs-batch-success'] },
    {
      mode: 'fork',
      atMs: 5000,
      changes: [{ path: 'function.EventInvokeConfig.MaximumRetryAttempts', value: 0 }],
    },
    { mode: 'tour', tourId: 'poll', step: 4 },
  ])('writes %j so that reading it gives it back', (view) => {
    window.history.replaceState(null, '', '/?scenario=default&seed=1&t=500');
    writeUrlView(view);
    const params = new URLSearchParams(window.location.search);
    expect(params.get('scenario')).toBe('default');
    expect(params.get('t')).toBeNull();
    expect(readUrlView(params, [])).toEqual(view);
  });

  it('a plain run removes every view parameter', () => {
    window.history.replaceState(null, '', '/?scenario=default&compare=a,b&tour=x&step=2');
    writeUrlView({ mode: 'run' });
    expect(window.location.search).toBe('?scenario=default');
  });

  it('parseSetting keeps an equals sign inside the value', () => {
    expect(parseSetting('function.FunctionName=a=b')).toEqual({
      path: 'function.FunctionName',
      value: 'a=b',
    });
  });
});

describe('a comparison with the link’s own scenario', () => {
  it('accepts "custom" as a pane only when the link carries its own scenario', () => {
    expect(read('compare=custom,sync-success&custom=abc').view).toEqual({
      mode: 'compare',
      presetIds: ['custom', 'sync-success'],
    });
    const without = read('compare=custom,sync-success');
    expect(without.view).toEqual({ mode: 'run' });
    expect(without.notices[0]).toContain('"custom"');
  });

  it('names the shown run’s own scenario "custom" when writing the link, and puts it back when reading', async () => {
    const { initialComparison, urlViewOf } = await import('../../src/app/pageViews');
    const shown = { scenario: { id: 'mine' }, title: 'Mine', origin: 'Edited.' };
    const view = urlViewOf(
      {
        kind: 'panes',
        panes: [{ scenario: shown.scenario, title: 'Mine' }, { presetId: 'async-dlq' }],
        seed: 3,
        nonce: 0,
      },
      shown,
    );
    expect(view).toEqual({ mode: 'compare', presetIds: ['custom', 'async-dlq'] });
    const request = initialComparison({
      presetId: 'default',
      seed: 3,
      notices: [],
      testMode: false,
      present: false,
      view,
      custom: shown,
    });
    expect(request).toMatchObject({
      kind: 'panes',
      panes: [{ scenario: shown.scenario, title: 'Mine' }, { presetId: 'async-dlq' }],
    });
    // Another edited scenario than the shown one cannot be named: the link shows the plain run.
    expect(
      urlViewOf(
        {
          kind: 'panes',
          panes: [{ scenario: {}, title: 'Other' }, { presetId: 'async-dlq' }],
          seed: 3,
          nonce: 0,
        },
        shown,
      ),
    ).toEqual({ mode: 'run' });
  });
});
