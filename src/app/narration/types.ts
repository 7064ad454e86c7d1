/** What the narration says about one log event: what happened, why, which rule, and where the article is wrong. */
import type { SimEvent } from '../../engine/types';
import type { Scenario } from '../../scenarios/schema';
import type { ArticleStep } from '../eventData';

export type { ArticleStep } from '../eventData';

/** The rule behind an event: its section of aws-semantics.md, a title, and the AWS page it comes from. */
export interface NarrationRule {
  section: string;
  title: string;
  url: string;
}

/** The source article's claim that this event contradicts, and what AWS actually does. */
export interface Correction {
  /** What the article says, quoted. */
  article: string;
  /** What AWS actually does (one sentence). */
  aws: string;
}

/** The narration of one log event. */
export interface Narration {
  seq: number;
  t: number;
  /** The source article's step the event belongs to, when one fits. */
  step: ArticleStep | null;
  /** One sentence: what happened. */
  what: string;
  /** One sentence: why it happened, the rule in plain words, with the scenario's numbers where they matter. */
  why: string;
  rule: NarrationRule;
  /** Present only where this very event shows the article to be wrong. */
  correction?: Correction;
}

/** What a "why?" sentence may look at besides the event: the log around it and the scenario's settings. */
export interface WhyContext {
  log: readonly SimEvent[];
  index: number;
  scenario: Scenario | undefined;
}
