/**
 * Every tour resolves against the real log of its preset: one event per step, strictly increasing, of
 * the type the step names (and about its item). Chapters follow the article's "Working" lists in order.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/engine/simulation';
import type { SimEvent } from '../../src/engine/types';
import { getPreset, PRESET_IDS } from '../../src/scenarios/presets';
import {
  ARTICLE_STEPS,
  CHAPTERS,
  CHAPTER_SECTIONS,
  getTour,
  resolveTour,
  SURPRISES,
  TOURS,
} from '../../src/tours/tours';
import type { Tour } from '../../src/tours/tours';

const logs = new Map<string, readonly SimEvent[]>();
/** The tour's run, with its seed (or the preset's), to the end, as the app runs it. */
function logOf(tour: Tour): readonly SimEvent[] {
  const key = `${tour.presetId}#${tour.seed ?? ''}`;
  let log = logs.get(key);
  if (!log) {
    const sim = createSimulation(
      getPreset(tour.presetId)!,
      tour.seed === undefined ? {} : { seed: tour.seed },
    );
    sim.run();
    log = sim.log();
    logs.set(key, log);
  }
  return log;
}

function cursorsOf(tour: Tour): number[] {
  const resolved = resolveTour(tour, logOf(tour));
  if ('error' in resolved) throw new Error(resolved.error);
  return resolved.cursors;
}

describe('tours', () => {
  it('ids are unique; three chapters and four surprises; every preset exists', () => {
    expect(new Set(TOURS.map((t) => t.id)).size).toBe(TOURS.length);
    expect(CHAPTERS.map((t) => t.id)).toEqual(['sync', 'async', 'poll']);
    expect(SURPRISES.map((t) => t.id)).toEqual([
      'visibility-duplicates',
      'poison-shard',
      'event-age',
      'burst-throttle',
    ]);
    for (const tour of TOURS) expect(PRESET_IDS, tour.id).toContain(tour.presetId);
    for (const tour of CHAPTERS) expect(tour.kind).toBe('chapter');
    for (const tour of SURPRISES) expect(tour.kind).toBe('surprise');
    expect(getTour('async')).toBe(CHAPTERS[1]);
    expect(getTour('nope')).toBeUndefined();
  });

  it('each tour has 5–9 steps of 2–4 sentences, with a title', () => {
    for (const tour of TOURS) {
      expect(tour.steps.length, tour.id).toBeGreaterThanOrEqual(5);
      expect(tour.steps.length, tour.id).toBeLessThanOrEqual(9);
      expect(tour.summary.length, tour.id).toBeGreaterThan(40);
      for (const step of tour.steps) {
        expect(step.title.trim(), tour.id).not.toBe('');
        // A sentence ends with . ! or ? followed by a space and a capital, a quote or a digit.
        const sentences = step.text.split(/(?<=[.!?])\s+(?=[A-Z0-9"(])/).length;
        expect(sentences, `${tour.id}: ${step.title}`).toBeGreaterThanOrEqual(2);
        expect(sentences, `${tour.id}: ${step.title}`).toBeLessThanOrEqual(4);
      }
    }
  });

  it.each(TOURS.map((t) => [t.id, t] as const))(
    '%s resolves against its preset: increasing cursors, the claimed events',
    (_id, tour) => {
      const log = logOf(tour);
      const cursors = cursorsOf(tour);
      expect(cursors).toHaveLength(tour.steps.length);
      cursors.forEach((cursor, i) => {
        if (i > 0) expect(cursor).toBeGreaterThan(cursors[i - 1]!);
        const event = log[cursor]!;
        const at = tour.steps[i]!.at;
        expect(event.type, tour.steps[i]!.title).toBe(at.type);
        if (at.item !== undefined) expect(event.item, tour.steps[i]!.title).toBe(at.item);
      });
    },
  );

  it.each(CHAPTERS.map((t) => [t.id, t] as const))(
    "chapter %s uses the article's step names, all of them, in order",
    (id, tour) => {
      const names: readonly string[] = ARTICLE_STEPS[CHAPTER_SECTIONS[id]!];
      const used = tour.steps.map((s) => s.articleStep);
      expect(used.every((name) => name !== undefined && names.includes(name))).toBe(true);
      const positions = used.map((name) => names.indexOf(name!));
      for (let i = 1; i < positions.length; i++)
        expect(positions[i]).toBeGreaterThanOrEqual(positions[i - 1]!);
      expect(new Set(used)).toEqual(new Set(names));
    },
  );

  it('surprises carry no article step: the article does not describe them', () => {
    for (const tour of SURPRISES) for (const step of tour.steps) expect(step.articleStep).toBeUndefined();
  });

  it('§6 where the article is wrong, the chapters say what AWS does', () => {
    const text = (id: string) =>
      getTour(id)!
        .steps.map((s) => s.text)
        .join(' ');
    expect(text('async')).toMatch(/promises no order/);
    expect(text('async')).toMatch(/fixed 1 minute, then 2 minutes/);
    expect(text('poll')).toMatch(/acknowledges it; it does not/);
    expect(text('poll')).toMatch(/delete after success/);
  });
});

describe('resolveTour', () => {
  const log = logOf(getTour('async')!);
  const base = getTour('async')!;
  const withSteps = (steps: Tour['steps']): Tour => ({ ...base, steps });

  it('a matcher with no event gives an error naming the step, and does not throw', () => {
    const broken = withSteps([base.steps[0]!, { title: 'Ghost', text: 'x', at: { type: 'no/such-event' } }]);
    const result = resolveTour(broken, log);
    expect(result).toEqual({
      error: expect.stringMatching(
        /^Step 2 \("Ghost"\) of tour "async": no "no\/such-event" event after step 1/,
      ),
    });
  });

  it("a step whose event comes before the previous step's is an error (cursors only move forward)", () => {
    const backwards = withSteps([{ ...base.steps[7]! }, { ...base.steps[0]! }]);
    expect(resolveTour(backwards, log)).toHaveProperty('error');
  });

  it('nth counts matching events after the previous step; an item narrows the match', () => {
    const second = withSteps([{ title: 'b', text: 'x', at: { type: 'async/retry-scheduled', nth: 2 } }]);
    const all = log.flatMap((e, i) => (e.type === 'async/retry-scheduled' ? [i] : []));
    expect(resolveTour(second, log)).toEqual({ cursors: [all[1]] });
    const third = withSteps([{ title: 'c', text: 'x', at: { type: 'async/retry-scheduled', nth: 3 } }]);
    expect(resolveTour(third, log)).toEqual({
      error: expect.stringContaining('3rd "async/retry-scheduled" event'),
    });
    const other = withSteps([
      { title: 'd', text: 'x', at: { type: 'async/accepted', item: 'someone-else' } },
    ]);
    expect(resolveTour(other, log)).toEqual({
      error: expect.stringContaining('about "someone-else" in the log'),
    });
  });

  it('nonsense in a matcher (nth 0, an empty log) is an error, not a throw', () => {
    const zero = withSteps([{ title: 'z', text: 'x', at: { type: 'async/accepted', nth: 0 } }]);
    expect(resolveTour(zero, log)).toEqual({ error: expect.stringContaining('nth must be a whole number') });
    expect(resolveTour(base, [])).toHaveProperty('error');
    expect(resolveTour(withSteps([]), log)).toEqual({ cursors: [] });
  });
});
