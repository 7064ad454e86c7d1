/** What the parent asks a child process to measure, and what the child answers (one JSON line). */

/** Runs one scenario through `createSimulation(scenario).run()`. */
export type RunJob =
  | { kind: 'sqs'; messages: number }
  | { kind: 'kinesis'; shards: number; recordsPerShard: number }
  /** SQS sized to about `events` log events (messages calibrated on a small run first). */
  | { kind: 'sqs-events'; events: number };

/** Builds a log of about `events` events, its flow index, and seeks it at `seeks` random points. */
export interface SeekJob {
  kind: 'seek';
  events: number;
  seeks: number;
}

export type ChildJob = RunJob | SeekJob;

export interface RunMeasurement {
  kind: 'run';
  /** The scenario's workload size (messages or records). */
  items: number;
  /** Events in the log after the run. */
  events: number;
  /** `createSimulation(scenario)` plus `run()`, wall ms. */
  wallMs: number;
  /** CPU time (user + system, all of the process's threads, GC included) over the same span, ms. */
  cpuMs: number;
  /** The machine's 1-minute load average when the run started. */
  loadAverage: number;
  /** The child's peak resident set size, bytes (`process.resourceUsage().maxRSS`). */
  maxRssBytes: number;
  /** V8 heap in use right after the run, before any collection, bytes. */
  heapUsedBytes: number;
  /** V8 heap in use after a full collection with the simulation (and its log) still held, bytes. */
  heapLiveBytes: number;
  /** V8 heap committed after the run, bytes (V8 rarely gives it back, so close to its peak). */
  heapTotalBytes: number;
}

export interface SeekMeasurement {
  kind: 'seek';
  events: number;
  items: number;
  /** Wall ms of the simulation that produced the log. */
  runMs: number;
  /** `buildFlowIndex(…)` as the worker's finishPart calls it, wall ms. */
  indexMs: number;
  /** The first frame after `finishRun` (the player opens at the end: replays the whole log), wall ms. */
  openMs: number;
  /** Wall ms of each random seek (`seekToEvent` + `selectFlowFrame`), in the order made. */
  seekMs: number[];
  /** Per seek: true when the cursor moved forward (later than the one shown before). */
  forward: boolean[];
}

export type ChildResult = RunMeasurement | SeekMeasurement;

/** The prefix of the one stdout line a child answers with. */
export const RESULT_PREFIX = 'BENCH_RESULT ';
