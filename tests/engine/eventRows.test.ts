/**
 * design.md "Scale": the worker sends its log to the page as rows of the compact log (src/engine/
 * eventRows.ts), and the page's log reads back exactly as the engine's. These tests copy real runs'
 * logs through rows in batches of several sizes (through structured clone, with the columns
 * transferred, as postMessage moves them) and compare the JSON byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { createEventLog, sliceEvents } from '../../src/engine/eventLog';
import { appendRows, copyRows, eventRowsBuffers, eventRowsProblem } from '../../src/engine/eventRows';
import { createSimulation } from '../../src/engine/simulation';
import { getPreset } from '../../src/scenarios/presets';

function run(presetId: string) {
  const sim = createSimulation(getPreset(presetId)!, { seed: 3 });
  sim.run();
  return sim;
}

/** The engine's log sent as rows of at most `batch` events, as the worker sends them. */
function received(presetId: string, batch: number) {
  const sim = run(presetId);
  const log = createEventLog();
  const sent = new Map<string, number>();
  const table: string[] = [];
  let stringsSent = 0;
  for (let from = 0; from < sim.logLength(); from += batch) {
    const rows = copyRows(sim.state.log, from, from + batch, sent);
    expect(eventRowsProblem(rows)).toBeNull();
    stringsSent += rows.newStrings.length;
    expect(rows.refs.some((v) => typeof v === 'string')).toBe(false);
    const moved = structuredClone(rows, { transfer: eventRowsBuffers(rows) });
    expect(rows.t.length).toBe(0); // transferred, not copied
    appendRows(log, moved, table);
  }
  return { sim, log, table, stringsSent };
}

describe('design "Scale": the log travels to the page as rows', () => {
  it.each([
    ['sqs-batch-error', 1],
    ['sqs-fifo-group-blocking', 7],
    ['kinesis-bisect', 2_000],
    ['async-retries-exhausted', 3],
    ['async-delivery-failures', 2_000],
    ['cold-and-warm', 64],
  ])(
    'design "Scale" %s in batches of %i reads back as the engine’s log, byte for byte',
    (presetId, batch) => {
      const { sim, log } = received(presetId, batch);
      expect(log.length).toBe(sim.logLength());
      expect(JSON.stringify(sliceEvents(log))).toBe(JSON.stringify(sim.log()));
    },
  );

  it('design "Scale" each string travels once however many events name it', () => {
    const { sim, table, stringsSent } = received('burst-scaling', 2_000);
    const ids = new Set<string>();
    for (const e of sim.log()) for (const id of [e.item, e.invocation, e.env]) if (id) ids.add(id);
    for (const id of ids) expect(table).toContain(id);
    expect(ids.size).toBeGreaterThan(1_000);
    expect(stringsSent).toBe(table.length);
    expect(new Set(table).size).toBe(table.length);
  });

  it('design "Scale" without a table, strings travel as they are', () => {
    const sim = run('async-dlq');
    const rows = copyRows(sim.state.log, 0, 40);
    expect(rows.stringAt.length).toBe(0);
    expect(rows.refs.some((v) => typeof v === 'string')).toBe(true);
    const log = createEventLog();
    appendRows(log, rows);
    expect(sliceEvents(log)).toEqual(sim.events(0, 40));
  });

  it('design "Scale" rows out of range are clamped, and an empty range is empty', () => {
    const sim = run('sync-success');
    expect(copyRows(sim.state.log, 5, 2).t.length).toBe(0);
    expect(copyRows(sim.state.log, -3, 1e9).t.length).toBe(sim.logLength());
  });
});

describe('a damaged batch is refused, and says where', () => {
  const sim = run('async-dlq');
  const rows = copyRows(sim.state.log, 0, 50, new Map());
  const damaged: Array<[string, unknown, RegExp]> = [
    ['no object', null, /object/],
    ['times as a plain array', { ...rows, t: [...rows.t] }, /^t$/],
    ['a short column', { ...rows, rule: rows.rule.slice(1) }, /^rule$/],
    ['a type code past the table', { ...rows, types: rows.types.slice(0, 1) }, /^type$/],
    ['a missing ref', { ...rows, refs: rows.refs.slice(0, -1) }, /refs/],
    ['an extra ref', { ...rows, refs: [...rows.refs, 'x'] }, /refs/],
    ['a string code that is not a number', { ...rows, refs: rows.refs.map(() => 'x') }, /stringAt/],
    ['string places out of order', { ...rows, stringAt: rows.stringAt.slice().reverse() }, /stringAt/],
  ];
  it.each(damaged)('eventRowsProblem: %s', (_name, value, problem) => {
    expect(eventRowsProblem(value)).toMatch(problem);
  });

  it('eventRowsProblem accepts the rows as copied', () => {
    expect(eventRowsProblem(rows)).toBeNull();
  });

  it('appendRows refuses a code that names no string, and a row whose refs do not fit its shape', () => {
    expect(() => appendRows(createEventLog(), { ...rows, newStrings: [] }, [])).toThrow(/names no string/);
    const plain = copyRows(sim.state.log, 0, 50);
    const packed = plain.shape.findIndex((s) => s >= 128);
    const shape = plain.shape.slice();
    shape[packed] = shape[packed]! & 63; // says "no data" where the row holds a template and values
    expect(() => appendRows(createEventLog(), { ...plain, shape })).toThrow(new RegExp(`row ${packed}`));
  });
});
