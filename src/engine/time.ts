/**
 * Simulated time as AWS shows it in records. A run starts at a fixed instant so that records are
 * reproducible; `new Date(fixed + t)` is a pure function of simulated time, never the wall clock.
 */
export const SIMULATION_EPOCH_MS = 1_767_225_600_000; // 2026-01-01T00:00:00.000Z

/** The last instant a Date holds (ms since the Unix epoch); toISOString throws beyond it. */
const LAST_DATE_MS = 8.64e15;

/** ISO-8601 with milliseconds, as in destination records ("2026-01-01T00:01:01.250Z"). */
export function isoTime(t: number): string {
  // Only a log-normal duration's far tail reaches past the last date: it is shown as that date, not thrown.
  const ms = Math.min(SIMULATION_EPOCH_MS + Math.round(t), LAST_DATE_MS);
  // eslint-disable-next-line no-restricted-globals -- deterministic: derived from simulated time only
  return new Date(ms).toISOString();
}

/** Whole seconds since the Unix epoch, as DynamoDB-style timestamps and SentTimestamp use. */
export function epochMillis(t: number): number {
  return SIMULATION_EPOCH_MS + Math.round(t);
}
