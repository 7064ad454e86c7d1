/**
 * Stream-mapping test helpers: a one-source Kinesis or DynamoDB scenario run to its end, a rule that
 * makes given records fail, and a record's sequence number read back from the log.
 */
import { events, run, scenario, type Run } from './scenario';

export const STREAM_FAILURES_QUEUE = 'arn:aws:sqs:us-east-1:123456789012:stream-failures';

export interface StreamRunOptions {
  type?: 'kinesis' | 'dynamodb';
  mapping?: Record<string, unknown>;
  records: Array<Record<string, unknown>>;
  rules?: unknown[];
  returns?: unknown;
  shards?: number;
  retentionHours?: number;
  fn?: Record<string, unknown>;
  durationMs?: number;
  untilSeconds?: number;
  denied?: string[];
}

/** Runs a one-source stream scenario (source id `src`, StartingPosition TRIM_HORIZON unless given). */
export function streamRun(opts: StreamRunOptions): Run {
  const simulation = {
    ...(opts.untilSeconds ? { untilSeconds: opts.untilSeconds } : {}),
    ...(opts.denied ? { deniedTargets: opts.denied } : {}),
  };
  return run(
    scenario({
      function: {
        FunctionName: 'process-orders',
        Timeout: 30,
        ...opts.fn,
        behavior: {
          duration: { distribution: 'fixed', ms: opts.durationMs ?? 100 },
          rules: opts.rules ?? [],
          ...(opts.returns === undefined ? {} : { returns: opts.returns }),
        },
      },
      sources: [
        {
          type: opts.type ?? 'kinesis',
          id: 'src',
          stream: {
            StreamName: 'orders',
            ShardCount: opts.shards ?? 1,
            RetentionPeriodHours: opts.retentionHours ?? 24,
          },
          mapping: { StartingPosition: 'TRIM_HORIZON', ...opts.mapping },
          records: opts.records,
        },
      ],
      ...(Object.keys(simulation).length > 0 ? { simulation } : {}),
    } as Parameters<typeof scenario>[0]),
  );
}

/** A behaviour rule: these records make the handler throw on every attempt. */
export const fail = (...items: string[]) => ({
  items,
  result: 'error',
  error: { errorType: 'Error', errorMessage: 'bad record' },
});

/** The sequence number the stream gave a record. */
export const seq = (r: Run, id: string) =>
  (events(r, 'stream/record-put', id)[0]!.data as { sequenceNumber: string }).sequenceNumber;
