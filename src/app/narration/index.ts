/** Narration of the event log: what happened, why, the rule, the article's corrections, and the transcript. */
export { narrate, ruleOf } from './narrate';
export { ARTICLE, correctionFor } from './corrections';
export {
  TRANSCRIPT_LIMIT,
  buildTranscript,
  omittedBefore,
  transcriptLine,
  transcriptText,
} from './transcript';
export type { ArticleStep, Correction, Narration, NarrationRule } from './types';
