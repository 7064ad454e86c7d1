/**
 * The view at any moment, derived from the final results and the log, equals what the engine itself
 * reports when it is stopped at that moment: replaying the log to a point and running the simulation
 * to that point agree, for every preset.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/engine/simulation';
import type { ResultItem, ResultMetrics } from '../../src/engine/results';
import { PRESET_IDS, getPreset } from '../../src/scenarios/presets';
import { outcomeTallyAt } from '../../src/store/itemTally';
import { cursorAtTime } from '../../src/store/playback';
import { itemStatesAt, metricsAt, shownMs } from '../../src/store/selectors';

/** Up to `n` distinct event times, spread over the run, plus each one's predecessor millisecond. */
function sampleTimes(times: number[], n: number): number[] {
  const distinct = [...new Set(times)];
  const step = Math.max(1, Math.floor(distinct.length / n));
  const picked = distinct.filter((_, i) => i % step === 0);
  return [...new Set(picked.flatMap((t) => (t > 0 ? [t - 1, t] : [t])))].sort((a, b) => a - b);
}

function comparableItem(item: ResultItem) {
  return {
    id: item.id,
    outcome: item.outcome,
    endedMs: item.endedMs,
    attempts: item.attempts.map((a) => [a.startMs, a.endMs, a.result, a.invocationId]),
    deliveries: item.deliveries.map((d) => [d.target, d.atMs, d.delivered]),
  };
}

function comparableMetrics(m: ResultMetrics) {
  const { GBSeconds, CostUSD, ...counts } = m;
  return { counts, GBSeconds: Math.round(GBSeconds * 1e4), CostUSD: Math.round(CostUSD * 1e9) };
}

describe('derived state at a moment = the engine stopped at that moment', () => {
  it.each(PRESET_IDS)(
    '%s',
    (id) => {
      const scenario = getPreset(id)!;
      const full = createSimulation(scenario);
      full.run();
      const { log = [], ...results } = full.results({ trace: true });

      const partial = createSimulation(scenario);
      for (const t of sampleTimes(
        log.map((e) => e.t),
        log.length > 50_000 ? 3 : 40, // the 100,000-message preset is slow to stop and restart
      )) {
        partial.runUntil(t);
        const engine = partial.results();
        const cursor = cursorAtTime(log, t);
        const at = shownMs(log, cursor);
        expect(itemStatesAt(results.items, at).map(comparableItem), `items at ${t} ms`).toEqual(
          engine.items.filter((i) => i.arrivedMs <= at).map(comparableItem),
        );
        expect(comparableMetrics(metricsAt(results, log, cursor)), `metrics at ${t} ms`).toEqual(
          comparableMetrics(engine.metrics),
        );
        const tally = outcomeTallyAt(results.items, at);
        const counts = new Map<string, number>();
        for (const i of engine.items.filter((i) => i.arrivedMs <= at))
          counts.set(i.outcome, (counts.get(i.outcome) ?? 0) + 1);
        expect(Object.fromEntries(tally.counts), `tally at ${t} ms`).toEqual(Object.fromEntries(counts));
      }
    },
    60_000,
  );
});
