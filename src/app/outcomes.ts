/** What each item outcome means, in words, with the icon and tone that stand for it (never colour alone). */
import type { ItemOutcome } from '../engine/types';

export type Tone = 'good' | 'bad' | 'warn' | 'neutral';
export type IconName =
  | 'check'
  | 'cross'
  | 'stop'
  | 'ban'
  | 'inbox'
  | 'clock'
  | 'trash'
  | 'dots'
  | 'dot'
  | 'ring'
  | 'play'
  | 'retry';

export interface OutcomeInfo {
  label: string;
  icon: IconName;
  tone: Tone;
  /** One sentence for a tooltip and the legend. */
  meaning: string;
}

export const OUTCOMES: Record<ItemOutcome, OutcomeInfo> = {
  succeeded: {
    label: 'succeeded',
    icon: 'check',
    tone: 'good',
    meaning: 'The function ran and returned a result.',
  },
  failed: {
    label: 'failed',
    icon: 'cross',
    tone: 'bad',
    meaning: 'The function ran but failed or timed out, or the caller stopped waiting.',
  },
  throttled: {
    label: 'throttled',
    icon: 'stop',
    tone: 'warn',
    meaning: 'Lambda had no concurrency for it and answered HTTP 429; the code never ran.',
  },
  rejected: {
    label: 'rejected',
    icon: 'ban',
    tone: 'bad',
    meaning: 'Lambda refused the request before running it (for example, the payload was too large).',
  },
  'dead-lettered': {
    label: 'dead-lettered',
    icon: 'inbox',
    tone: 'warn',
    meaning:
      'Lambda gave up on the event and kept a copy in an on-failure destination or a dead-letter queue.',
  },
  expired: {
    label: 'expired',
    icon: 'clock',
    tone: 'bad',
    meaning: 'The event reached its maximum age and was dropped with nowhere to keep it.',
  },
  discarded: {
    label: 'discarded',
    icon: 'trash',
    tone: 'bad',
    meaning: 'Lambda gave up on the event and nothing was configured to keep it: it is lost.',
  },
  'in-flight': {
    label: 'in flight',
    icon: 'dots',
    tone: 'neutral',
    meaning: 'Still being processed when the simulation stopped.',
  },
};

/** Outcomes in the order a summary lists them. */
export const OUTCOME_ORDER: readonly ItemOutcome[] = [
  'succeeded',
  'failed',
  'throttled',
  'rejected',
  'dead-lettered',
  'expired',
  'discarded',
  'in-flight',
];

/** Info for any outcome string, including ones a newer engine might add. */
export function outcomeInfo(outcome: string): OutcomeInfo {
  return (
    (Object.hasOwn(OUTCOMES, outcome) ? (OUTCOMES as Record<string, OutcomeInfo>)[outcome] : undefined) ?? {
      label: outcome,
      icon: 'dots',
      tone: 'neutral',
      meaning: outcome,
    }
  );
}
