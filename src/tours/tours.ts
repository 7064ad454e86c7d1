/**
 * Every guided tour: three chapters that follow the source article's "Working" lists (synchronous,
 * asynchronous, poll-based) and four classic surprises. Plain data with no React and no DOM, loaded
 * lazily by the shell.
 */
import { ASYNC_CHAPTER } from './chapters/asyncChapter';
import { POLL_CHAPTER } from './chapters/pollChapter';
import { SYNC_CHAPTER } from './chapters/syncChapter';
import { BURST_THROTTLE } from './surprises/burstThrottle';
import { EVENT_AGE } from './surprises/eventAge';
import { POISON_SHARD } from './surprises/poisonShard';
import { VISIBILITY_DUPLICATES } from './surprises/visibilityDuplicates';
import type { ArticleSection } from './articleSteps';
import type { Tour } from './types';

export type { Tour, TourKind, TourMatcher, TourStep } from './types';
export { ARTICLE_STEPS, type ArticleSection, type ArticleStepName } from './articleSteps';
export { resolveTour, type TourResolution } from './resolveTour';

/** The chapters, in reading order. */
export const CHAPTERS: readonly Tour[] = [SYNC_CHAPTER, ASYNC_CHAPTER, POLL_CHAPTER];

/** The surprises. */
export const SURPRISES: readonly Tour[] = [VISIBILITY_DUPLICATES, POISON_SHARD, EVENT_AGE, BURST_THROTTLE];

/** Every tour: chapters first. */
export const TOURS: readonly Tour[] = [...CHAPTERS, ...SURPRISES];

/** Which of the article's "Working" lists each chapter follows. */
export const CHAPTER_SECTIONS: Readonly<Record<string, ArticleSection>> = {
  [SYNC_CHAPTER.id]: 'sync',
  [ASYNC_CHAPTER.id]: 'async',
  [POLL_CHAPTER.id]: 'poll',
};

/** The tour with this id, if there is one. */
export function getTour(id: string): Tour | undefined {
  return TOURS.find((tour) => tour.id === id);
}
