/**
 * The period of a run's metric charts: the shortest of CloudWatch's usual periods (1 s high resolution,
 * then 5, 10, 30 s, 1 min, 5 min, 15 min, 1 h) that keeps a chart within MAX_POINTS points, so a
 * one-second run and a day-long run both draw a readable line.
 */

/** The periods a chart may use, in milliseconds, shortest first. */
export const PERIODS_MS = [1_000, 5_000, 10_000, 30_000, 60_000, 300_000, 900_000, 3_600_000] as const;

/** At most this many points per chart (a day at 5 minutes is 288). */
export const MAX_POINTS = 300;

/** The period for a run that lasts `endMs` of simulated time. */
export function choosePeriodMs(endMs: number): number {
  for (const p of PERIODS_MS) if (bucketCount(endMs, p) <= MAX_POINTS) return p;
  return PERIODS_MS[PERIODS_MS.length - 1]!;
}

/** How many periods cover 0…endMs (an event at endMs falls in the last one). */
export function bucketCount(endMs: number, periodMs: number): number {
  return Math.max(1, Math.floor(Math.max(0, endMs) / periodMs) + 1);
}

/** `1 s`, `5 min`, `1 h`: a period as a chart title says it. */
export function formatPeriod(periodMs: number): string {
  if (periodMs >= 3_600_000 && periodMs % 3_600_000 === 0) return `${periodMs / 3_600_000} h`;
  if (periodMs >= 60_000 && periodMs % 60_000 === 0) return `${periodMs / 60_000} min`;
  return `${periodMs / 1000} s`;
}
