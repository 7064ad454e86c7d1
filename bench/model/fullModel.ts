/**
 * Figures 2 and 3: the whole engine on large scenarios, and the diagram's seek on a 1,000,000-event log.
 * Each measurement runs in a child process of its own (child.ts), so its peak RSS and heap are its own.
 */
import type { BenchRow } from '../benchRow';
import { median, quantile } from '../stats';
import type { RunJob, RunMeasurement, SeekMeasurement } from './jobs';
import { runChild, type GcTrace } from './spawnChild';

export interface ModelSizes {
  sqsMessages: number;
  kinesisShards: number;
  kinesisRecordsPerShard: number;
  /** Log events of the long run; 0 skips it. */
  longEvents: number;
  seekEvents: number;
  seeks: number;
}

export const FULL_SIZES: ModelSizes = {
  sqsMessages: 1_000_000,
  kinesisShards: 100,
  kinesisRecordsPerShard: 1_000,
  longEvents: 10_000_000,
  seekEvents: 1_000_000,
  seeks: 200,
};

export const QUICK_SIZES: ModelSizes = {
  sqsMessages: 20_000,
  kinesisShards: 100,
  kinesisRecordsPerShard: 20,
  longEvents: 200_000,
  seekEvents: 50_000,
  seeks: 50,
};

export interface PartResult {
  rows: BenchRow[];
  /** Measurements that could not be made (the bench exits 1). */
  failures: string[];
}

const MB = 2 ** 20;
const count = (n: number) => Math.round(n).toLocaleString('en-US');
const mb = (bytes: number) => Math.round((bytes / MB) * 10) / 10;
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** What a wall time was measured alongside: CPU time and the machine's load. */
function cpuNote(m: RunMeasurement): string {
  return `CPU time ${(m.cpuMs / 1000).toFixed(2)} s (all threads); load average ${m.loadAverage.toFixed(1)} at the start`;
}

/** The V8 heap's peak over the child's life: its GC trace, or the heap at the end of the run if larger. */
function peakHeapRow(group: string, label: string, m: RunMeasurement, gc: GcTrace): BenchRow {
  return {
    group,
    name: `${label}: peak heap`,
    value: mb(Math.max(gc.peakUsedBytes, m.heapUsedBytes)),
    unit: 'MB',
    note:
      `largest V8 heap in use, from the child's --trace-gc (${count(gc.collections)} collections) and at the end; ` +
      `live after the run (full GC, the log still held): ${mb(m.heapLiveBytes)} MB; ` +
      `committed at most ${mb(Math.max(gc.peakCommittedBytes, m.heapTotalBytes))} MB`,
  };
}

/** Rows common to every run: wall time, events, events/s, peak RSS, heap. */
function runRows(group: string, label: string, m: RunMeasurement, gc: GcTrace): BenchRow[] {
  return [
    {
      group,
      name: `${label}: events logged`,
      value: m.events,
      unit: 'events',
      note: `${count(m.events / (m.wallMs / 1000))} events/s`,
    },
    {
      group,
      name: `${label}: peak RSS`,
      value: mb(m.maxRssBytes),
      unit: 'MB',
      note: 'the child process’s maxRSS (Node, modules and the scenario included)',
    },
    peakHeapRow(group, label, m, gc),
  ];
}

export async function measureModels(
  sizes: ModelSizes,
  judge: boolean,
  progress: (line: string) => void,
): Promise<PartResult> {
  const rows: BenchRow[] = [];
  const failures: string[] = [];
  const group = 'Full model';

  const attempt = async (what: string, job: RunJob, make: (m: RunMeasurement, gc: GcTrace) => BenchRow[]) => {
    progress(`  ${what}…`);
    try {
      const { result: m, gc } = await runChild(job);
      if (m.kind !== 'run') throw new Error(`unexpected answer ${m.kind}`);
      progress(
        `    ${count(m.events)} events in ${(m.wallMs / 1000).toFixed(2)} s, peak RSS ${mb(m.maxRssBytes)} MB`,
      );
      rows.push(...make(m, gc));
    } catch (e) {
      failures.push(`${what}: ${(e as Error).message}`);
    }
  };

  const sqsLabel = `SQS, ${count(sizes.sqsMessages)} messages`;
  await attempt(sqsLabel, { kind: 'sqs', messages: sizes.sqsMessages }, (m, gc) => [
    {
      group,
      name: `${sqsLabel}: wall time`,
      value: round(m.wallMs / 1000, 2),
      unit: 's',
      budget: '≤ 2 s (1,000,000 messages)',
      ...(judge ? { pass: m.wallMs <= 2000, limit: { on: 'value' as const, max: 2 } } : {}),
      note:
        'createSimulation(scenario).run(): standard queue, BatchSize 10, 50 ms handler, 1,000 concurrency; ' +
        cpuNote(m),
    },
    ...runRows(group, sqsLabel, m, gc),
  ]);

  const records = sizes.kinesisShards * sizes.kinesisRecordsPerShard;
  const kinLabel = `Kinesis, ${sizes.kinesisShards} shards, ${count(records)} records`;
  await attempt(
    kinLabel,
    { kind: 'kinesis', shards: sizes.kinesisShards, recordsPerShard: sizes.kinesisRecordsPerShard },
    (m, gc) => [
      {
        group,
        name: `${kinLabel}: wall time`,
        value: round(m.wallMs / 1000, 2),
        unit: 's',
        note: `1,000 records/s put across the shards, TRIM_HORIZON, BatchSize 100, 100 ms handler; ${cpuNote(m)}`,
      },
      ...runRows(group, kinLabel, m, gc),
    ],
  );

  if (sizes.longEvents > 0) {
    const longLabel = `Long run, ≈${count(sizes.longEvents)} events`;
    await attempt(longLabel, { kind: 'sqs-events', events: sizes.longEvents }, (m, gc) => [
      {
        group,
        name: `${longLabel}: wall time`,
        value: round(m.wallMs / 1000, 2),
        unit: 's',
        note: `the SQS scenario above with ${count(m.items)} messages; ${count(m.events / (m.wallMs / 1000))} events/s; ${cpuNote(m)}`,
      },
      { group, name: `${longLabel}: events logged`, value: m.events, unit: 'events' },
      {
        group,
        name: `${longLabel}: peak RSS`,
        value: mb(m.maxRssBytes),
        unit: 'MB',
        note: 'the child process’s maxRSS',
      },
      peakHeapRow(group, longLabel, m, gc),
      {
        group,
        name: `${longLabel}: bytes per event`,
        value: Math.round(m.heapLiveBytes / m.events),
        unit: 'B/event',
        note:
          `live heap after a full GC (${mb(m.heapLiveBytes)} MB: log, items, invocations) ÷ events; ` +
          `peak RSS ÷ events: ${count(m.maxRssBytes / m.events)} B`,
      },
    ]);
  } else progress('  long run skipped (--long-events 0)');

  return { rows, failures };
}

export async function measureSeek(
  sizes: ModelSizes,
  judge: boolean,
  progress: (line: string) => void,
): Promise<PartResult> {
  const group = 'Seek';
  progress(`  seek: a log of ≈${count(sizes.seekEvents)} events, ${sizes.seeks} random points…`);
  let m: SeekMeasurement;
  try {
    const { result: answer } = await runChild({ kind: 'seek', events: sizes.seekEvents, seeks: sizes.seeks });
    if (answer.kind !== 'seek') throw new Error(`unexpected answer ${answer.kind}`);
    m = answer;
  } catch (e) {
    return { rows: [], failures: [`seek: ${(e as Error).message}`] };
  }
  const med = median(m.seekMs);
  const p99 = quantile(m.seekMs, 0.99);
  const max = Math.max(...m.seekMs);
  progress(`    median ${med.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms, max ${max.toFixed(2)} ms`);
  const label = `${count(m.events)}-event log`;
  const judged = (value: number) =>
    judge ? { pass: value <= 50, limit: { on: 'value' as const, max: 50 } } : {};
  const split = (wanted: boolean) => {
    const ms = m.seekMs.filter((_, i) => m.forward[i] === wanted);
    return ms.length === 0
      ? 'none'
      : `${ms.length}, median ${median(ms).toFixed(1)} ms, max ${Math.max(...ms).toFixed(1)} ms`;
  };
  const how =
    `the store's seekToEvent(random cursor) + selectFlowFrame (flow replay to the cursor, then flowFrame), ` +
    `${m.seekMs.length} random cursors in a random order; forward seeks: ${split(true)}; back: ${split(false)}`;
  return {
    rows: [
      {
        group,
        name: `${label}: seek, median`,
        value: round(med, 2),
        unit: 'ms',
        budget: '≤ 50 ms',
        ...judged(med),
        note: how,
      },
      {
        group,
        name: `${label}: seek, p99`,
        value: round(p99, 2),
        unit: 'ms',
        budget: '≤ 50 ms',
        ...judged(p99),
      },
      { group, name: `${label}: seek, max`, value: round(max, 2), unit: 'ms' },
      {
        group,
        name: `${label}: first frame after the run`,
        value: round(m.openMs, 1),
        unit: 'ms',
        note: 'the player opens at the end: the replay walks the whole log once, taking its checkpoints',
      },
      {
        group,
        name: `${label}: flow index build (worker)`,
        value: round(m.indexMs, 1),
        unit: 'ms',
        note: `buildFlowIndex as finishPart calls it; ${count(m.items)} items; the run itself took ${(m.runMs / 1000).toFixed(1)} s`,
      },
    ],
    failures: [],
  };
}
