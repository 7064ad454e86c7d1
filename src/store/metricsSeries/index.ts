/** The metric charts' DOM-free side: series per period (src/metrics, built in the worker), summaries in words. */
export * from '../../metrics/metricsSeries';
export * from '../../metrics/period';
export * from './seriesSummary';
