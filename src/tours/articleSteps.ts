/**
 * The step names of the source article's "Working" lists, per invocation type, in the article's order.
 * The chapters use them as their vocabulary; where the article is wrong about AWS (aws-semantics.md §6)
 * the step's text says what AWS really does.
 */

export const ARTICLE_STEPS = {
  sync: [
    'Invocation Request',
    'Lambda Processing',
    'Function Execution',
    'Timeout Handling',
    'Response Generation',
    'Return Response',
    'Completion',
  ],
  async: [
    'Invocation Request',
    'Accepted Response',
    'Event Queuing',
    'Function Execution',
    'Handling Failures',
    'Completion',
  ],
  poll: [
    'Invocation Request',
    'Accepted Response',
    'Event Queuing',
    'Function Execution',
    'Handling Failures',
    'Completion',
  ],
} as const;

/** Which article list a chapter follows. */
export type ArticleSection = keyof typeof ARTICLE_STEPS;

/** Any step name the article uses. */
export type ArticleStepName = (typeof ARTICLE_STEPS)[ArticleSection][number];
