/**
 * The diagram's state at any cursor equals replaying the log from the start to that cursor, whatever
 * order the cursor moves in (forward, back, jumps), for every preset; and nothing is lost: every item
 * that has arrived is counted on exactly one node.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../../src/engine/types';
import { createFlowReplay, replayFromStart, type FlowState } from '../../../src/store/diagram/flowReplay';
import { PRESET_IDS } from '../../../src/scenarios/presets';
import { diagramRun } from './fixtures';

function plain(s: FlowState) {
  return {
    cursor: s.cursor,
    place: Array.from(s.place),
    counts: Array.from(s.counts),
    envPhase: Array.from(s.envPhase),
    envProvisioned: Array.from(s.envProvisioned),
    envCold: Array.from(s.envCold),
    iteratorAgeMs: Array.from(s.iteratorAgeMs),
  };
}

/** Presets small enough to check at many cursors. */
const SMALL = PRESET_IDS.filter((id) => !['sqs-scaling', 'burst-scaling'].includes(id));

describe('diagram replay: the state at a cursor is the log replayed to that cursor', () => {
  for (const id of SMALL) {
    it(`${id}: random seeks (forward, back, jumps) match a replay from the start`, () => {
      const run = diagramRun(id);
      const n = run.log.length;
      fc.assert(
        fc.property(
          fc.array(fc.integer({ min: -1, max: n - 1 }), { minLength: 1, maxLength: 12 }),
          (cursors) => {
            for (const c of cursors) {
              expect(plain(run.replay.at(c))).toEqual(plain(replayFromStart(run.index, run.log, c)));
            }
          },
        ),
        { numRuns: 15, seed: 4 },
      );
    });
  }

  // Each replay from the start walks 342,505 events: seconds on a loaded 2-core machine.
  it(
    'sqs-scaling (342,505 events): seeking back and forth matches a replay from the start',
    { timeout: 60_000 },
    () => {
      const run = diagramRun('sqs-scaling');
      const n = run.log.length;
      for (const c of [n - 1, 17, Math.floor(n / 2), 4096, n - 3, 0, -1, 100_000]) {
        expect(plain(run.replay.at(c))).toEqual(plain(replayFromStart(run.index, run.log, c)));
      }
    },
  );
});

describe('diagram replay: seeking is cheap', () => {
  it('a far seek forward starts from the nearest snapshot, not from where the replay stands', () => {
    const run = diagramRun('burst-scaling'); // 15,000 events: snapshots every 512
    const n = run.log.length;
    let reads = 0;
    const counted = new Proxy(run.log as SimEvent[], {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads += 1;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const replay = createFlowReplay(run.index, counted);
    replay.at(n - 1); // the first walk takes the snapshots
    replay.at(10);
    reads = 0;
    const state = replay.at(n - 3);
    expect(plain(state)).toEqual(plain(replayFromStart(run.index, run.log, n - 3)));
    // At most one snapshot interval of events, not the n - 13 between the two cursors.
    expect(reads).toBeLessThanOrEqual(512);
  });
});

describe('diagram replay: nothing is lost', () => {
  for (const id of PRESET_IDS) {
    it(
      `${id}: every arrived item is counted on exactly one node, at every 97th event`,
      { timeout: 30_000 },
      () => {
        const run = diagramRun(id);
        const arrivals = run.log.map((e) => (e.type === 'item/arrived' ? 1 : 0));
        let arrived = 0;
        for (let c = 0; c < run.log.length; c++) {
          arrived += arrivals[c]!;
          if (c % 97 !== 0 && c !== run.log.length - 1) continue;
          const state = run.replay.at(c);
          const counted = state.counts.reduce((a, b) => a + b, 0);
          expect(counted, `at event ${c}`).toBe(arrived);
        }
      },
    );
  }
});
