/**
 * How far simulated time may reach. The schema lets times and durations be any non-negative number, but
 * records carry dates (`2026-01-01T00:01:01.250Z`), and a date ends about 275,000 years on: a request at
 * 1e300 ms could not be written in a destination record. Ten years is far beyond every AWS limit the
 * simulation models (the longest, a Kinesis stream's retention, is one year) and far inside the dates.
 */
import type { Distribution, Scenario } from './schema';
import { workloadOf } from './workload';
import type { ValidationIssue } from './validate';

/** The latest moment, and the longest duration, a scenario may name: ten years, in milliseconds. */
export const MAX_SIMULATED_MS = 10 * 365 * 24 * 3600 * 1000;

const LIMIT = '315,360,000,000 ms (10 years of simulated time)';
const LIMIT_S = '315,360,000 s (10 years of simulated time)';

function workloadKey(source: Scenario['sources'][number]): string {
  if (source.type === 'sqs') return 'messages';
  return source.type === 'kinesis' || source.type === 'dynamodb' ? 'records' : 'requests';
}

function distributionIssues(path: string, d: Distribution, out: ValidationIssue[]): void {
  const fields: Array<[string, number]> =
    d.distribution === 'fixed'
      ? [['ms', d.ms]]
      : d.distribution === 'uniform'
        ? [
            ['minMs', d.minMs],
            ['maxMs', d.maxMs],
          ]
        : [['medianMs', d.medianMs]];
  for (const [key, value] of fields)
    if (value > MAX_SIMULATED_MS) out.push({ path: `${path}.${key}`, message: `must be at most ${LIMIT}` });
}

/** Errors for times and durations beyond MAX_SIMULATED_MS, each at its field. */
export function timeBoundErrors(scenario: Scenario): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  const { behavior } = scenario.function;
  distributionIssues('function.behavior.duration', behavior.duration, out);
  distributionIssues('function.behavior.initDuration', behavior.initDuration, out);
  distributionIssues('simulation.asyncQueueDelay', scenario.simulation.asyncQueueDelay, out);
  behavior.rules.forEach((rule, i) => {
    if (rule.durationMs !== undefined && rule.durationMs > MAX_SIMULATED_MS)
      out.push({ path: `function.behavior.rules[${i}].durationMs`, message: `must be at most ${LIMIT}` });
  });
  const until = scenario.simulation.untilSeconds;
  if (until !== undefined && until * 1000 > MAX_SIMULATED_MS)
    out.push({ path: 'simulation.untilSeconds', message: `must be at most ${LIMIT_S}` });
  scenario.sources.forEach((source, i) => {
    workloadOf(source).forEach((req, j) => {
      const at = `sources[${i}].${workloadKey(source)}[${j}]`;
      if (req.atMs > MAX_SIMULATED_MS) out.push({ path: `${at}.atMs`, message: `must be at most ${LIMIT}` });
      else if (req.atMs + (req.count - 1) * req.everyMs > MAX_SIMULATED_MS)
        out.push({
          path: `${at}.everyMs`,
          message: `the last of ${req.count} would arrive after ${LIMIT}: lower everyMs, count or atMs`,
        });
    });
    if (source.type === 'kinesis' || source.type === 'dynamodb') {
      const { createdAtMs, StartingPositionTimestamp } = source.mapping;
      if (createdAtMs > MAX_SIMULATED_MS)
        out.push({ path: `sources[${i}].mapping.createdAtMs`, message: `must be at most ${LIMIT}` });
      if (StartingPositionTimestamp !== undefined && StartingPositionTimestamp * 1000 > MAX_SIMULATED_MS)
        out.push({
          path: `sources[${i}].mapping.StartingPositionTimestamp`,
          message: `must be at most ${LIMIT_S}`,
        });
    }
  });
  return out;
}
