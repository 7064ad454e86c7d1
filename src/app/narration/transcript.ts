/**
 * The transcript: the narration of every event up to the player's cursor, newest last, as entries for
 * the panel and as plain text to copy. A run can log hundreds of thousands of events, so only the last
 * `limit` entries are narrated and returned; the ones before are counted, not built.
 */
import type { SimEvent } from '../../engine/types';
import type { Scenario } from '../../scenarios/schema';
import { formatCount, formatOffset } from '../format';
import { narrate } from './narrate';
import type { Narration } from './types';

/** How many entries a transcript holds at most by default. */
export const TRANSCRIPT_LIMIT = 500;

interface Memo {
  scenario: Scenario | undefined;
  byIndex: Map<number, Narration>;
}

/** Narrations already built, per log: the transcript is rebuilt at every step while it is open. */
const memos = new WeakMap<readonly SimEvent[], Memo>();

function memoFor(log: readonly SimEvent[], scenario: Scenario | undefined, limit: number): Memo {
  let memo = memos.get(log);
  // A narration quotes the scenario, so another scenario needs new ones; the memo is kept to a few windows.
  if (!memo || memo.scenario !== scenario || memo.byIndex.size > 4 * Math.max(limit, TRANSCRIPT_LIMIT)) {
    memo = { scenario, byIndex: new Map() };
    memos.set(log, memo);
  }
  return memo;
}

/** The narrations of events 0..cursor, at most the last `limit` of them (oldest first). */
export function buildTranscript(
  log: readonly SimEvent[],
  cursor: number,
  scenario?: Scenario,
  limit = TRANSCRIPT_LIMIT,
): Narration[] {
  const last = Math.min(cursor, log.length - 1);
  if (last < 0 || limit <= 0) return [];
  const first = Math.max(0, last - limit + 1);
  const memo = memoFor(log, scenario, limit);
  const entries: Narration[] = [];
  for (let i = first; i <= last; i++) {
    let entry = memo.byIndex.get(i);
    if (!entry) {
      entry = narrate(log, i, scenario);
      memo.byIndex.set(i, entry);
    }
    entries.push(entry);
  }
  return entries;
}

/** How many events up to the cursor a transcript of `entries` leaves out (the earliest ones). */
export function omittedBefore(cursor: number, entries: readonly Narration[]): number {
  return Math.max(0, cursor + 1 - entries.length);
}

/** One entry as a line: `+1 min 01.263 s  [Handling Failures] what — why (§2.2 url)`, then its correction. */
export function transcriptLine(entry: Narration): string {
  const step = entry.step ? `[${entry.step}] ` : '';
  const line = `${formatOffset(entry.t)}  ${step}${entry.what} — ${entry.why} (${entry.rule.section} ${entry.rule.url})`;
  if (!entry.correction) return line;
  return `${line}\n    Correction: the article says "${entry.correction.article}" — AWS actually: ${entry.correction.aws}`;
}

/** The transcript as plain text for copying, one entry per line, with a note of the entries left out. */
export function transcriptText(entries: readonly Narration[], omitted = 0): string {
  const lines = entries.map(transcriptLine);
  if (omitted > 0)
    lines.unshift(`(${formatCount(omitted)} earlier ${omitted === 1 ? 'event' : 'events'} not shown)`);
  return lines.join('\n');
}
