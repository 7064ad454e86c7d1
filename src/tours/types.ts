/**
 * A guided tour: a preset, a seed, and steps that each point at one moment of the run's event log. Steps
 * find their moment with a matcher (an event type, optionally an item and an occurrence), never with a
 * log index or a time, so a tour keeps working when the engine's exact timings change.
 */
import type { ArticleStepName } from './articleSteps';

/** Which event a step shows: the `nth` event of `type` (about `item`, if given) after the previous step's. */
export interface TourMatcher {
  /** The event type, e.g. `async/retry-scheduled`. */
  type: string;
  /** 1-based: the nth matching event after the previous step's event (default 1, the next one). */
  nth?: number;
  /** Only events about this item id. */
  item?: string;
}

export interface TourStep {
  title: string;
  /** The source article's name for this moment ("Event Queuing"…), when the article has one. */
  articleStep?: ArticleStepName;
  /** Two to four plain sentences: what happens now and why, with AWS's numbers. */
  text: string;
  at: TourMatcher;
}

/** Chapters follow the article's "Working" lists; surprises show a misconfiguration's cost. */
export type TourKind = 'chapter' | 'surprise';

export interface Tour {
  id: string;
  kind: TourKind;
  title: string;
  /** One or two sentences for the tour menu. */
  summary: string;
  presetId: string;
  /** The run's seed; the preset's own seed when absent. */
  seed?: number;
  steps: readonly TourStep[];
}
