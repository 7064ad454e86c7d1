/**
 * One measurement in a process of its own, so peak RSS and heap are that measurement's alone:
 * `node --import tsx --expose-gc bench/model/child.ts '<job JSON>'`. Prints one line
 * `BENCH_RESULT {…}` (jobs.ts) on stdout; a failure exits non-zero with the reason on stderr.
 */
import { loadavg } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { createSimulation, type Simulation } from '../../src/engine/simulation';
import { parseScenarioJson } from '../../src/scenarios/validate';
import type { Scenario } from '../../src/scenarios/schema';
import type { SimEvent } from '../../src/engine/types';
import { buildFlowIndex } from '../../src/diagram/flowIndex';
import { buildTopology } from '../../src/diagram/topology';
import { createRandom, nextFloat } from '../../src/engine/kernel/random';
import { createSimStore } from '../../src/store/simStore';
import { selectFlowFrame } from '../../src/store/diagram/flowSelectors';
import { kinesisScenario, sqsScenario } from './scenarios';
import { RESULT_PREFIX, type ChildJob, type ChildResult, type RunJob, type SeekJob } from './jobs';

function parse(text: string): Scenario {
  const v = parseScenarioJson(text);
  if (!v.ok)
    throw new Error(`invalid scenario: ${v.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return v.scenario;
}

function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run the child with --expose-gc');
  gc();
}

/** SQS messages for about `events` log events, from the events per message of a 10,000-message run. */
function messagesFor(events: number): number {
  const probe = createSimulation(parse(sqsScenario(10_000)));
  probe.run();
  const perMessage = probe.log().length / 10_000;
  return Math.max(1, Math.round(events / perMessage));
}

function scenarioOf(job: RunJob): { scenario: Scenario; items: number } {
  switch (job.kind) {
    case 'sqs':
      return { scenario: parse(sqsScenario(job.messages)), items: job.messages };
    case 'kinesis':
      return {
        scenario: parse(kinesisScenario(job.shards, job.recordsPerShard)),
        items: job.shards * job.recordsPerShard,
      };
    case 'sqs-events': {
      const messages = messagesFor(job.events);
      return { scenario: parse(sqsScenario(messages)), items: messages };
    }
  }
}

function measureRun(job: RunJob): ChildResult {
  const { scenario, items } = scenarioOf(job);
  collect();
  const loadAverage = loadavg()[0]!;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const sim: Simulation = createSimulation(scenario);
  sim.run();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const after = getHeapStatistics();
  collect();
  const live = getHeapStatistics();
  const events = sim.log().length;
  return {
    kind: 'run',
    items,
    events,
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    loadAverage,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    heapUsedBytes: after.used_heap_size,
    heapLiveBytes: live.used_heap_size,
    heapTotalBytes: after.total_heap_size,
  };
}

/**
 * The page's seek, exactly: the run's results go into a store with `finishRun` (the player opens at the
 * end), the diagram's frame is selected once (what the page draws first), then for each random cursor
 * `seekToEvent(cursor)` (the history list's and the tours' seek; the scrubber's `seekToTime` ends in the
 * same cursor change) and `selectFlowFrame`, which brings the diagram's replay to the cursor
 * (`createFlowReplay(index, log).at(cursor)`: back to the nearest checkpoint when the cursor moves back,
 * then event by event) and derives the frame the diagram draws.
 */
function measureSeek(job: SeekJob): ChildResult {
  const scenario = parse(sqsScenario(messagesFor(job.events)));
  const t0 = performance.now();
  const sim = createSimulation(scenario);
  sim.run();
  const runMs = performance.now() - t0;
  // The store holds the log as the page does (the worker's batches, concatenated).
  const log = sim.log() as SimEvent[];
  const results = sim.results();

  const t1 = performance.now();
  const flowIndex = buildFlowIndex(scenario, buildTopology(scenario), results, log);
  const indexMs = performance.now() - t1;

  const store = createSimStore();
  store.getState().finishRun({ results, log, scenario, flowIndex });
  const t2 = performance.now();
  if (!selectFlowFrame(store.getState())) throw new Error('no diagram frame after finishRun');
  const openMs = performance.now() - t2;

  const rng = createRandom(20_240_601);
  const seekMs: number[] = [];
  const forward: boolean[] = [];
  for (let i = 0; i < job.seeks; i++) {
    const cursor = Math.floor(nextFloat(rng, 'seek') * log.length);
    forward.push(cursor > store.getState().cursor);
    const s0 = performance.now();
    store.getState().seekToEvent(cursor);
    const frame = selectFlowFrame(store.getState());
    seekMs.push(performance.now() - s0);
    if (frame?.cursor !== cursor)
      throw new Error(`seek to event ${cursor}: the frame is at ${frame?.cursor}`);
  }
  return {
    kind: 'seek',
    events: log.length,
    items: results.items.length,
    runMs,
    indexMs,
    openMs,
    seekMs,
    forward,
  };
}

function main(): void {
  const arg = process.argv[2];
  if (!arg) throw new Error('usage: child.ts <job JSON>');
  const job = JSON.parse(arg) as ChildJob;
  const result = job.kind === 'seek' ? measureSeek(job) : measureRun(job);
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}

main();
