/**
 * The narration's transcript: events 0..cursor, capped to the last entries for huge logs (narrating only
 * what it returns), and its plain text for copying.
 */
import { describe, expect, it } from 'vitest';
import {
  ARTICLE,
  buildTranscript,
  narrate,
  omittedBefore,
  transcriptLine,
  transcriptText,
  TRANSCRIPT_LIMIT,
} from '../../src/app/narration';
import { RULES } from '../../src/engine/rules';
import type { SimEvent } from '../../src/engine/types';
import { indexOf, presetRun, type LoggedRun } from './narrationFixtures';

/** A long log made of copies of a real one (times and seq shifted), to test the transcript's cap. */
function tiled(r: LoggedRun, copies: number): SimEvent[] {
  const span = r.log.at(-1)!.t + 1000;
  const out: SimEvent[] = [];
  for (let c = 0; c < copies; c++)
    for (const e of r.log) out.push({ ...e, seq: out.length, t: e.t + c * span });
  return out;
}

describe('transcript', () => {
  it('§2.2 holds the narration of events 0..cursor, oldest first; nothing before the first event', () => {
    const r = presetRun('async-retries-exhausted');
    expect(buildTranscript(r.log, -1, r.scenario)).toEqual([]);
    const cursor = indexOf(r, 'async/retry-scheduled');
    const entries = buildTranscript(r.log, cursor, r.scenario);
    expect(entries.map((e) => e.seq)).toEqual(r.log.slice(0, cursor + 1).map((e) => e.seq));
    expect(entries.at(-1)).toEqual(narrate(r.log, cursor, r.scenario));
    expect(omittedBefore(cursor, entries)).toBe(0);
    // A cursor past the end is the end.
    expect(buildTranscript(r.log, r.log.length + 5, r.scenario)).toHaveLength(r.log.length);
  });

  it('§3.4 is capped at the last entries, counting the omitted ones', () => {
    const r = presetRun('kinesis-in-order');
    const cursor = r.log.length - 1;
    const entries = buildTranscript(r.log, cursor, r.scenario, 50);
    expect(entries).toHaveLength(50);
    expect(entries[0]!.seq).toBe(r.log[cursor - 49]!.seq);
    expect(entries.at(-1)!.seq).toBe(r.log[cursor]!.seq);
    expect(omittedBefore(cursor, entries)).toBe(cursor + 1 - 50);
    expect(buildTranscript(r.log, cursor, r.scenario)).toHaveLength(Math.min(TRANSCRIPT_LIMIT, r.log.length));
    expect(TRANSCRIPT_LIMIT).toBe(500);
  });

  it('§3.4 with 300,000 events it narrates only the entries it returns, and fast', () => {
    const base = presetRun('kinesis-in-order');
    const log = tiled(base, Math.ceil(300_000 / base.log.length));
    expect(log.length).toBeGreaterThanOrEqual(300_000);
    const read = new Set<number>();
    const watched = new Proxy(log, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) read.add(Number(key));
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const cursor = log.length - 1;
    const started = performance.now();
    const entries = buildTranscript(watched, cursor, base.scenario);
    const ms = performance.now() - started;
    expect(entries).toHaveLength(TRANSCRIPT_LIMIT);
    expect(omittedBefore(cursor, entries)).toBe(log.length - TRANSCRIPT_LIMIT);
    expect(Math.min(...read)).toBe(cursor - TRANSCRIPT_LIMIT + 1);
    expect(ms).toBeLessThan(500);
  });

  it('§3.2 with 300,000 SQS events, finding the first receive of each queue stays fast', () => {
    const base = presetRun('sqs-redrive-to-dlq');
    const log = tiled(base, Math.ceil(300_000 / base.log.length));
    const started = performance.now();
    const entries = buildTranscript(log, log.length - 1, base.scenario);
    expect(performance.now() - started).toBeLessThan(1500);
    expect(entries).toHaveLength(TRANSCRIPT_LIMIT);
    // The copies repeat the first run's moments, so none of them is the first any more.
    expect(entries.filter((e) => e.correction)).toEqual([]);
  });

  it('§2.2 transcriptText: one line per entry with time, step, what — why (§ url), and the correction below', () => {
    const r = presetRun('async-retries-exhausted');
    const cursor = indexOf(r, 'async/retry-scheduled');
    const entries = buildTranscript(r.log, cursor, r.scenario);
    const text = transcriptText(entries);
    const lines = text.split('\n');
    expect(lines).toHaveLength(entries.length + 1);
    expect(lines[0]).toBe(`+0.000 s  ${entries[0]!.what} — ${entries[0]!.why} (§2.1 ${RULES['§2.1'].url})`);
    expect(lines.at(-2)).toBe(
      `+1.263 s  [Handling Failures] ${entries.at(-1)!.what} — MaximumRetryAttempts is 2, so Lambda retries the event up to 2 more times; the first retry comes about 60 s after the failure. (§2.2 ${RULES['§2.2'].url})`,
    );
    expect(lines.at(-1)).toBe(
      `    Correction: the article says "${ARTICLE.backoff}" — AWS actually: ${entries.at(-1)!.correction!.aws}`,
    );
    expect(transcriptLine(entries.at(-1)!)).toBe(lines.slice(-2).join('\n'));
  });

  it('§3.4 transcriptText notes the entries left out', () => {
    const r = presetRun('kinesis-in-order');
    const entries = buildTranscript(r.log, 99, r.scenario, 10);
    const text = transcriptText(entries, omittedBefore(99, entries));
    expect(text.split('\n')[0]).toBe('(90 earlier events not shown)');
    expect(text.split('\n')).toHaveLength(11);
    expect(transcriptText(buildTranscript(r.log, 1, r.scenario, 1), 1).split('\n')[0]).toBe(
      '(1 earlier event not shown)',
    );
  });
});
