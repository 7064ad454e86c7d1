/**
 * The worker's scheduler: drives jobs in slices of about SLICE_MS of wall time and yields between them,
 * so a newer request or a cancel is read while a long run is going. The newest job runs first (it is the
 * one the user is now waiting for); older ones resume when it is done or cancelled. The log goes out as
 * everything new at most once per FRAME_MS (in batches of at most MESSAGE_CHUNK events), a final batch,
 * the results' parts and the results when a run ends, and an empty batch after WORKER_KEEPALIVE_MS of
 * nothing, so the bridge knows the worker is alive.
 */
import type { Results } from '../engine/results';
import type { Simulation } from '../engine/simulation';
import {
  WORKER_KEEPALIVE_MS,
  type LogBatchResponse,
  type ResultsPartResponse,
  type ResultsResponse,
  type WorkerResponse,
} from '../protocol/messages';
import { createEventLog } from '../engine/eventLog';
import { copyRows, eventRowsBuffers } from '../engine/eventRows';
import { buildFlowIndex, flowIndexBuffers } from '../diagram/flowIndex';
import { postedFlowIndex } from '../diagram/postedFlowIndex';
import { buildTopology } from '../diagram/topology';
import { buildMetricsCheckpoints } from '../metrics/metricsAt';
import { buildMetricsSeries, metricsSeriesBuffers } from '../metrics/metricsSeries';
import type { Job, Part } from './jobs';

/** How long one slice computes before the worker reads its messages again. */
export const SLICE_MS = 10;
/** At most one round of log batches per animation frame: the page handles each message on its main thread. */
export const FRAME_MS = 16;
/**
 * The most log events, or results items, in one message. The page deserializes a message in one task;
 * a few thousand events take a few milliseconds, where a whole large run would take a second.
 */
export const MESSAGE_CHUNK = 2_000;

/** What an empty batch copies its (no) rows from, before a part's simulation exists. */
const EMPTY_LOG = createEventLog();

export interface RunLoopOptions {
  /** Sends a message; `transfer` lists buffers that move to the page instead of being copied. */
  post(message: WorkerResponse, transfer?: Transferable[]): void;
  /** Wall-clock milliseconds; `performance.now` unless a test passes a fake. */
  now?: () => number;
  /** Runs `slice` after pending messages; `setTimeout(…, 0)` unless a test passes a fake. */
  later?: (slice: () => void) => void;
}

export interface RunLoop {
  start(job: Job): void;
  /** Stops a job; nothing more is sent for it. Unknown or finished ids are ignored. */
  cancel(id: number): void;
}

interface Active {
  job: Job;
  /** The part being run (index into job.parts). */
  index: number;
  /** The simulation whose log is streamed, once the part has taken a step. */
  sim: Simulation | null;
  /** How many of its log events have been sent. */
  sent: number;
  /** The strings sent so far for this part's log, by the code the page knows them by. */
  strings: Map<string, number>;
}

/** Adds `part` only for a compare, so run and fork messages stay as they were. */
function tagged<T extends object>(message: T, part: number | undefined): T & { part?: number } {
  return part === undefined ? message : { ...message, part };
}

/** Creates the loop that runs `start`ed jobs and posts their messages. */
export function createRunLoop(options: RunLoopOptions): RunLoop {
  const now = options.now ?? (() => performance.now());
  const later = options.later ?? ((slice) => void setTimeout(slice, 0));
  const active: Active[] = [];
  let scheduled = false;
  let lastPost = Number.NEGATIVE_INFINITY;

  function send(message: WorkerResponse, transfer?: Transferable[]): void {
    options.post(message, transfer);
    lastPost = now();
  }

  /**
   * Sends the unsent log in batches of at most MESSAGE_CHUNK events (one empty batch as a keepalive), as
   * rows of the compact log: no event objects are made, and the rows' columns move rather than copy.
   */
  function flush(a: Active, part: Part): void {
    const log = a.sim?.state.log ?? EMPTY_LOG;
    do {
      const to = Math.min(log.length, a.sent + MESSAGE_CHUNK);
      const batch: LogBatchResponse = {
        type: 'log-batch',
        id: a.job.id,
        fromSeq: a.sent,
        rows: copyRows(log, a.sent, to, a.strings),
      };
      a.sent = to;
      send(tagged(batch, part.part), eventRowsBuffers(batch.rows));
    } while (a.sent < log.length);
  }

  /** An empty batch, when the worker has been silent for WORKER_KEEPALIVE_MS (the whole log is sent). */
  function stillAlive(a: Active, part: Part): void {
    if (now() - lastPost >= WORKER_KEEPALIVE_MS) flush(a, part);
  }

  /** Sends a big run's items and invocations ahead of its results, in parts of at most MESSAGE_CHUNK. */
  function sendResultsParts(a: Active, part: Part, runResults: Results): Results {
    const { items, invocations } = runResults;
    let i = 0;
    let j = 0;
    while (items.length - i > MESSAGE_CHUNK || invocations.length - j > MESSAGE_CHUNK) {
      const chunk: ResultsPartResponse = {
        type: 'results-part',
        id: a.job.id,
        items: items.slice(i, i + MESSAGE_CHUNK),
        invocations: invocations.slice(j, j + MESSAGE_CHUNK),
      };
      i += chunk.items.length;
      j += chunk.invocations.length;
      send(tagged(chunk, part.part));
    }
    return i === 0 && j === 0
      ? runResults
      : { ...runResults, items: items.slice(i), invocations: invocations.slice(j) };
  }

  function finishPart(a: Active, part: Part, sim: Simulation): void {
    a.sim = sim;
    if (sim.logLength() > a.sent) flush(a, part);
    const runResults = sim.results();
    // The diagram's index of the log and the metrics' series and checkpoints are built here, off the
    // page's thread (the typed arrays move to the page rather than being copied). Each takes seconds on
    // a run of millions of events, so the bridge hears from the worker between them.
    stillAlive(a, part);
    const flowIndex = postedFlowIndex(
      buildFlowIndex(part.scenario, buildTopology(part.scenario), runResults, sim.log()),
    );
    stillAlive(a, part);
    const metricsSeries = buildMetricsSeries(runResults, sim.log());
    stillAlive(a, part);
    const metricsCheckpoints = buildMetricsCheckpoints(runResults, sim.log());
    stillAlive(a, part);
    const results: ResultsResponse = {
      type: 'results',
      id: a.job.id,
      results: sendResultsParts(a, part, runResults),
      scenario: part.scenario,
      logLength: a.sent,
      flowIndex,
      metricsSeries,
      metricsCheckpoints,
    };
    send(tagged(results, part.part), [
      ...flowIndexBuffers(flowIndex),
      ...metricsSeriesBuffers(metricsSeries),
    ]);
    a.index += 1;
    a.sim = null;
    a.sent = 0;
    a.strings = new Map();
  }

  function remove(a: Active): void {
    const i = active.indexOf(a);
    if (i >= 0) active.splice(i, 1);
  }

  /** Steps the job until the deadline or its end; true when it has ended. */
  function advance(a: Active, deadline: number): boolean {
    for (;;) {
      const part = a.job.parts[a.index];
      if (!part) return true;
      const step = part.steps.next();
      if (step.done) finishPart(a, part, step.value);
      else a.sim = step.value;
      if (now() >= deadline) return a.index >= a.job.parts.length;
    }
  }

  function slice(): void {
    scheduled = false;
    const a = active.at(-1);
    if (!a) return;
    try {
      if (advance(a, now() + SLICE_MS)) remove(a);
      else {
        const part = a.job.parts[a.index]!;
        const waited = now() - lastPost;
        const unsent = (a.sim?.logLength() ?? 0) > a.sent;
        if ((unsent && waited >= FRAME_MS) || waited >= WORKER_KEEPALIVE_MS) flush(a, part);
      }
    } catch (e) {
      // A throw here is an engine bug, not bad input: report it for this request and carry on.
      remove(a);
      const message = e instanceof Error ? e.message : String(e);
      send({ type: 'error', id: a.job.id, message: `The simulation failed: ${message}` });
    }
    schedule();
  }

  function schedule(): void {
    if (scheduled || active.length === 0) return;
    scheduled = true;
    later(slice);
  }

  return {
    start(job) {
      active.push({ job, index: 0, sim: null, sent: 0, strings: new Map() });
      schedule();
    },
    cancel(id) {
      for (const a of active.filter((x) => x.job.id === id)) remove(a);
    },
  };
}
