/**
 * The narration as a text file: a heading line (scenario, seed, how far), then the transcript's lines
 * (`transcriptText`) for the whole run or up to the player's cursor. Narrated a window at a time so a
 * run of 300,000+ events is neither one long task nor held in memory as narrations all at once.
 */
import type { SimEvent } from '../../engine/types';
import type { Scenario } from '../../scenarios/schema';
import { formatOffset } from '../format';
import { buildTranscript, transcriptText } from '../narration/transcript';

/** Events narrated per chunk. */
const WINDOW = 2_000;

export interface TranscriptExportOptions {
  /** The last event to narrate; the whole run when omitted. */
  upTo?: number;
  seed: number;
}

/** The first line: what run this is and how much of it the text covers. */
function heading(log: readonly SimEvent[], scenario: Scenario, seed: number, last: number): string {
  const extent =
    last >= log.length - 1
      ? `the whole run (${log.length} events)`
      : last < 0
        ? 'before the first event'
        : `up to ${formatOffset(log[last]!.t)} (event ${last + 1} of ${log.length})`;
  return `${scenario.title} — seed ${seed} — ${extent}\n\n`;
}

/** The transcript in chunks of text, each a window of narrated events. */
export function* transcriptChunks(
  log: readonly SimEvent[],
  scenario: Scenario,
  options: TranscriptExportOptions,
): Generator<string> {
  const last = Math.min(options.upTo ?? log.length - 1, log.length - 1);
  yield heading(log, scenario, options.seed, last);
  for (let from = 0; from <= last; from += WINDOW) {
    const end = Math.min(last, from + WINDOW - 1);
    yield `${transcriptText(buildTranscript(log, end, scenario, end - from + 1))}\n`;
  }
}
