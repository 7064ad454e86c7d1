/**
 * The quiz's data: a moment of a run where the player pauses and asks "what happens next?", with
 * choices whose feedback cites the rule of aws-semantics.md and the AWS page behind it.
 */
import type { RuleInfo } from '../engine/rules';

/** The teaching moments the quiz knows, one per AWS behaviour worth predicting. */
export type QuizMomentKind =
  | 'async-retry'
  | 'async-throttle'
  | 'async-event-age'
  | 'async-exhausted'
  | 'async-on-success'
  | 'sqs-visibility-expired'
  | 'sqs-redrive'
  | 'stream-retry'
  | 'stream-bisect'
  | 'stream-checkpoint'
  | 'stream-exhausted';

/** One answer with its feedback: why it is right, or why AWS does not do that. */
export interface QuizChoice {
  /** Stable within the question: `correct` or the misconception's id. */
  id: string;
  text: string;
  correct: boolean;
  feedback: string;
  /** The section of aws-semantics.md the feedback rests on, with its AWS page. */
  rule: RuleInfo;
}

export interface QuizMoment {
  /** `<kind>@<revealIndex>`: unique within a run. */
  id: string;
  kind: QuizMomentKind;
  /** The log index to pause at: the last event shown before the teaching event. */
  pauseIndex: number;
  /** The log index of the teaching event, which shows the answer ("Show me"). */
  revealIndex: number;
  /** The item the question is about. */
  item?: string;
  prompt: string;
  /** Three or four choices, shuffled deterministically. */
  choices: QuizChoice[];
  correctId: string;
  /** The moment's main rule. */
  rule: RuleInfo;
}

export interface QuizOptions {
  /** Seeds the order of the choices (default 1). */
  seed?: number;
  /** Only moments whose pause and reveal both lie in [fromIndex, toIndex]. */
  fromIndex?: number;
  toIndex?: number;
  /** At most this many moments of one kind (default 3), so a long run does not repeat one question. */
  maxPerKind?: number;
  /** At most this many moments in all (default 12). */
  maxMoments?: number;
}

/** What a detector found: the moment before its wrong choices are added and shuffled. */
export interface MomentDraft {
  kind: QuizMomentKind;
  pauseIndex: number;
  revealIndex: number;
  item?: string;
  prompt: string;
  correct: { text: string; feedback: string; rule: RuleInfo };
  /** The facts of this run that decide which misconceptions are really wrong here. */
  facts: MomentFacts;
}

/** Facts of the run at a moment, read from the following events; each field only where it applies. */
export interface MomentFacts {
  /** Delay until the next try, in ms. */
  delayMs?: number;
  /** The throttle was on reserved concurrency. */
  reservedThrottle?: boolean;
  /** Deliveries made at the moment's end: target and whether they arrived. */
  deliveries?: { target: string; destinationType: string; delivered: boolean }[];
  /** Records (or messages) retried, skipped or checkpointed. */
  retried?: string[];
  skipped?: string[];
  checkpointed?: string[];
  reported?: string[];
  /** The batch had more than one record. */
  batchSize?: number;
  /** The mapping's MaximumRetryAttempts (streams). */
  maxRetries?: number;
  /** SQS: the handler was still running when the visibility timeout ended. */
  stillRunning?: boolean;
}
