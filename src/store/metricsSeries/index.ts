/** The metric charts' DOM-free side: series per period, the period's choice, summaries in words. */
export * from './metricsSeries';
export * from './period';
export * from './seriesSummary';
