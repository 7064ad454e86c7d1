/**
 * design.md "Scale": the engine handles a million messages without holding per-event objects it does
 * not need. These tests guard the compact event log (src/engine/eventLog.ts) by counting what it holds,
 * not by timing anything: a run of 30,000 SQS messages (≈100,000 events) must keep its log in columns
 * and shared references, and `Simulation.log()` must read exactly like the array of events it replaces.
 */
import { describe, expect, it } from 'vitest';
import { eventLogStats, sliceEvents } from '../../src/engine/eventLog';
import { createSimulation, restoreSimulation } from '../../src/engine/simulation';
import { getPreset } from '../../src/scenarios/presets';
import { sqsBatchRun } from '../helpers/scenario';

const MESSAGES = 30_000;

function sqsRun() {
  return sqsBatchRun(MESSAGES);
}

describe('design "Scale": the event log is compact', () => {
  const sim = sqsRun();
  const stats = eventLogStats(sim.state.log);

  it('design "Scale" a 30,000-message SQS run logs about 100,000 events', () => {
    // 3 per message (arrived, sent, deleted) and 4 per batch of 10 (received, batch-invoked, started, ended).
    expect(stats.events).toBeGreaterThan(3.4 * MESSAGES);
    expect(sim.logLength()).toBe(stats.events);
    expect(sim.log().length).toBe(stats.events);
  });

  it('design "Scale" the log keeps well under one object per event', () => {
    // What the log may hold besides columns and strings: the id lists of `sqs/received` and
    // `esm/batch-invoked` (three arrays per batch of 10 messages, ≈34 events) and the rare data object,
    // ≈0.09 per event. A log that kept one object per message event (`sqs/sent`, `sqs/deleted`, as
    // the event objects and their spread data once did) would hold at least 0.29 per event.
    expect(stats.objects / stats.events).toBeLessThan(0.15);
  });

  it('design "Scale" the log takes under 64 bytes per event of columns and references', () => {
    // 17 bytes of columns (t 8, type 2, rule 2, ids shape 1, refs offset 4) and ≈4.1 refs of 8 bytes
    // (the item id, and a template plus its values or a shared data object) make ≈50; the chunk and
    // the page allocated ahead add at most ≈1.2 MB in all (≈12 bytes per event here). The object log
    // it replaced took ≈176 bytes per event.
    expect(stats.columnBytes / stats.events).toBeLessThan(64);
    expect(stats.refs / stats.events).toBeLessThan(4.5);
  });

  it('design "Scale" items with no deliveries or abandoned invocations share one empty list', () => {
    const items = sim.state.items;
    expect(items).toHaveLength(MESSAGES);
    expect(new Set(items.map((i) => i.deliveries)).size).toBe(1);
    expect(new Set(items.map((i) => i.abandonedInvocations)).size).toBe(1);
    // One attempt each, in a list of its own.
    expect(items.every((i) => i.attempts.length === 1)).toBe(true);
    expect(() => (items[0]!.deliveries as unknown[]).push(1)).toThrow(TypeError);
  });

  it('design "Scale" the message timers wait in columns, not as agenda objects', () => {
    // Every message's visibility timer is still pending when the run ends (all were deleted in time).
    const lane = sim.state.agenda.sqsTimers;
    expect(lane.length - lane.head).toBe(MESSAGES);
    expect(sim.state.agenda.heap.length).toBeLessThan(100);
  });
});

describe('design "The event log": Simulation.log() reads like the array of events', () => {
  const sim = createSimulation(getPreset('sqs-partial-batch-failure')!);
  sim.run();
  const log = sim.log();
  const events = sim.events();

  it('indexes, iterates, slices and serialises exactly like a plain array of the same events', () => {
    expect(Array.isArray(log)).toBe(true);
    expect(log.length).toBe(events.length);
    expect(log[0]).toEqual(events[0]);
    expect(log[log.length - 1]).toEqual(events.at(-1));
    expect(log[log.length]).toBeUndefined();
    expect(log.at(-1)).toEqual(events.at(-1));
    expect([...log]).toEqual(events);
    expect(log.slice(3, 7)).toEqual(events.slice(3, 7));
    expect(log.slice(-2)).toEqual(events.slice(-2));
    expect(log.map((e) => e.type)).toEqual(events.map((e) => e.type));
    expect(log.filter((e) => e.item !== undefined)).toEqual(events.filter((e) => e.item !== undefined));
    expect(log.findIndex((e) => e.type === 'sqs/partial-batch')).toBe(
      events.findIndex((e) => e.type === 'sqs/partial-batch'),
    );
    expect(log.reduce((n, e) => n + e.seq, 0)).toBe(events.reduce((n, e) => n + e.seq, 0));
    expect(JSON.stringify(log)).toBe(JSON.stringify(events));
    expect(log).toEqual(events);
    expect(Object.keys(log)).toEqual(Object.keys(events));
    // Methods the view does not implement itself still work through Array.prototype.
    expect(log.concat([])).toEqual(events);
  });

  it('keeps each event key order (ids in the order the engine named them, data last)', () => {
    for (let i = 0; i < log.length; i++) {
      expect(Object.keys(log[i]!)).toEqual(Object.keys(events[i]!));
      expect(Object.keys(log[i]!).slice(0, 4)).toEqual(['seq', 't', 'type', 'rule']);
    }
    expect(sim.eventAt(5)).toEqual(events[5]);
    expect(sim.results({ trace: true }).log).toEqual(events);
  });

  it('is read-only', () => {
    expect(() => ((log as unknown[])[0] = null)).toThrow(TypeError);
    expect(() => (log as unknown[]).push(null)).toThrow(TypeError);
    expect(log.length).toBe(events.length);
  });

  it('follows the run as it goes, and step() returns the events each step logged', () => {
    const stepping = createSimulation(getPreset('sqs-partial-batch-failure')!);
    const view = stepping.log();
    const seen = [];
    while (!stepping.done()) seen.push(...stepping.step());
    expect(view.length).toBe(events.length);
    expect(seen).toEqual(events.slice(0, seen.length));
  });

  it('survives a checkpoint: a restored run has the same log and carries on alike', () => {
    const half = createSimulation(getPreset('sqs-partial-batch-failure')!);
    for (let k = 0; k < 10; k++) half.step();
    const restored = restoreSimulation(half.checkpoint());
    expect(sliceEvents(restored.state.log)).toEqual(half.events());
    restored.run();
    expect(restored.events()).toEqual(events);
  });
});
