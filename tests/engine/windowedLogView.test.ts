/**
 * design.md "Scale": the page holds a run's log compactly and makes event objects a window at a time
 * (src/engine/windowedLogView.ts). The view must read like the array it replaces, keep an event the same
 * object while its window is kept, and keep no more windows than it is allowed.
 */
import { describe, expect, it } from 'vitest';
import { compactLogOf } from '../../src/engine/eventLog';
import { createSimulation } from '../../src/engine/simulation';
import { windowedLogView } from '../../src/engine/windowedLogView';
import { getPreset } from '../../src/scenarios/presets';

const sim = createSimulation(getPreset('burst-scaling')!, { seed: 1 });
sim.run();
const events = sim.events();

describe('design "Scale": the page’s windowed view of the log', () => {
  it('design "Scale" reads like the array of events: indexing, length, methods, spread and JSON', () => {
    const view = windowedLogView(sim.state.log, { windowRows: 256, maxWindows: 4 });
    expect(view.length).toBe(events.length);
    expect(view[0]).toEqual(events[0]);
    expect(view[events.length - 1]).toEqual(events.at(-1));
    expect(view[events.length]).toBeUndefined();
    expect(view.at(-1)).toEqual(events.at(-1));
    expect(view.slice(1000, 1010)).toEqual(events.slice(1000, 1010));
    expect(view.findIndex((e) => e.type === 'invoke/throttled')).toBe(
      events.findIndex((e) => e.type === 'invoke/throttled'),
    );
    expect([...view].length).toBe(events.length);
    expect(JSON.stringify(view)).toBe(JSON.stringify(events));
    expect(Array.isArray(view)).toBe(true);
  });

  it('design "Scale" an event reads back as the same object while its window is kept', () => {
    const view = windowedLogView(sim.state.log, { windowRows: 256, maxWindows: 4 });
    const first = view[10];
    expect(view[300]).toBe(view[300]); // another window in between
    expect(view[10]).toBe(first);
  });

  it('design "Scale" keeps at most maxWindows windows: a window read long ago is made afresh', () => {
    const view = windowedLogView(sim.state.log, { windowRows: 256, maxWindows: 4 });
    const first = view[10];
    for (let w = 1; w <= 4; w++) void view[w * 256]; // four newer windows push the first one out
    expect(view[10]).not.toBe(first);
    expect(view[10]).toEqual(first);
  });

  it('design "Scale" a window read again counts as recent and is kept', () => {
    const view = windowedLogView(sim.state.log, { windowRows: 256, maxWindows: 2 });
    const first = view[10];
    void view[256];
    void view[10];
    void view[512]; // pushes out window 1, not window 0
    expect(view[10]).toBe(first);
  });

  it('design "Scale" names its compact log, so readers can scan the columns', () => {
    const view = windowedLogView(sim.state.log);
    expect(compactLogOf(view)).toBe(sim.state.log);
    expect(compactLogOf(events)).toBeUndefined();
  });

  it('rejects a window size that is not a power of two', () => {
    expect(() => windowedLogView(sim.state.log, { windowRows: 1000 })).toThrow(/power of two/);
  });
});
