/**
 * Building "see it happen" scenarios. A demonstration keeps every AWS setting of the user's function,
 * account and the source concerned, and replaces what only the simulation has: the workload (which
 * messages, records or requests arrive) and the handler's behaviour (which of them fail, and how long a
 * run takes). Other sources are left out so the run shows one thing. Only types come from the schema
 * module, so this code does not pull zod into the bundle.
 */
import type { AsyncSource, Scenario, Source, SqsSource, StreamSource, SyncSource } from '../schema';

/** A behaviour rule as written in a scenario (see `outcomeRuleSchema`). */
export interface DemoRule {
  attempts?: number[];
  items?: string[];
  result: 'success' | 'error' | 'timeout' | 'service-error' | 'partial';
  error?: { errorType: string; errorMessage: string };
  returns?: unknown;
  durationMs?: number;
}

/** One entry of a demonstration workload (requests, messages or records share these fields). */
export interface DemoEntry {
  id: string;
  atMs?: number;
  count?: number;
  everyMs?: number;
  payload?: unknown;
  payloadSizeBytes?: number;
  messageGroupId?: string;
  partitionKey?: string;
  shard?: number;
}

export interface DemoSpec {
  warningId: string;
  title: string;
  /** What the run shows and what it changed, for the scenario's description. */
  description: string;
  /** The one source of the demonstration, its workload already replaced. */
  source: Source;
  /** The handler's behaviour rules, replacing the user's. */
  rules: DemoRule[];
  /** Function settings the demonstration must change (said in `description`). */
  changeFunction?: (fn: Scenario['function']) => void;
  /** Stop the run here; without it the run goes to its natural end. */
  untilSeconds?: number;
}

/** The demonstration scenario, as raw JSON for `validateScenario`. */
export function demoScenario(scenario: Scenario, spec: DemoSpec): unknown {
  const out = structuredClone(scenario);
  out.id = `${scenario.id}-${spec.warningId}`;
  out.title = `See it happen: ${spec.title}`;
  out.description = spec.description;
  out.tags = [...new Set([...scenario.tags, 'see-it-happen'])];
  out.sources = [spec.source];
  out.function.behavior.rules = spec.rules as Scenario['function']['behavior']['rules'];
  spec.changeFunction?.(out.function);
  // Duplicate deliveries that nothing caused would blur what the run is meant to show.
  out.simulation.asyncDuplicateProbability = 0;
  let until = spec.untilSeconds;
  if (until === undefined && out.function.ReservedConcurrentExecutions === 0 && isPollBased(spec.source)) {
    // Every batch is refused; without a stop the run would retry until the messages or records give
    // out, days of simulated time that show nothing more.
    until = THROTTLED_DEMO_SECONDS;
    out.description += ` With ReservedConcurrentExecutions 0 every batch is throttled, so the run stops after ${THROTTLED_DEMO_SECONDS / 60} minutes.`;
  }
  if (until === undefined) delete out.simulation.untilSeconds;
  else out.simulation.untilSeconds = until;
  return out;
}

/** How long a demonstration runs when reserved concurrency 0 refuses every batch. */
const THROTTLED_DEMO_SECONDS = 600;

function isPollBased(source: Source): boolean {
  return source.type === 'sqs' || source.type === 'kinesis' || source.type === 'dynamodb';
}

/** What a successful run returns, so that callers and mappings read it as a success. */
export function successReturns(source: Source): unknown {
  if (source.type === 'sync' && (source.caller === 'api-gateway' || source.caller === 'alb'))
    return { statusCode: 200, body: '{"ok":true}' };
  // With tumbling windows a response without `state` is a failed invocation (§3.4).
  if ((source.type === 'kinesis' || source.type === 'dynamodb') && source.mapping.TumblingWindowInSeconds > 0)
    return { state: {} };
  return null;
}

/** A rule that makes every attempt it matches succeed after `durationMs`. */
export function succeed(source: Source, durationMs: number, items?: string[]): DemoRule {
  return { ...(items ? { items } : {}), result: 'success', durationMs, returns: successReturns(source) };
}

/** A rule that makes these items' attempts throw (all attempts, or only those listed). */
export function fail(items: string[], durationMs: number, attempts?: number[]): DemoRule {
  return {
    items,
    ...(attempts ? { attempts } : {}),
    result: 'error',
    durationMs,
    error: { errorType: 'ValidationError', errorMessage: 'the handler cannot process this item' },
  };
}

/** The source with its SQS messages replaced; FIFO messages get a group; the filter is left out. */
export function withMessages(source: SqsSource, messages: DemoEntry[]): SqsSource {
  const copy = structuredClone(source);
  copy.messages = messages.map((m) => {
    const entry: DemoEntry = { count: 1, everyMs: 0, atMs: 0, ...m };
    if (source.queue.FifoQueue) entry.messageGroupId ??= 'group-1';
    else delete entry.messageGroupId;
    delete entry.partitionKey;
    delete entry.shard;
    return entry;
  }) as SqsSource['messages'];
  // Messages that match no filter are deleted unseen (§9); the demonstration needs them to reach the code.
  delete copy.mapping.FilterCriteria;
  return copy;
}

/** A sentence for the description when the demonstration left out the mapping's filter. */
export function filterNote(source: SqsSource): string {
  return source.mapping.FilterCriteria
    ? ' The mapping’s FilterCriteria are left out, so that every message reaches the function.'
    : '';
}

/** The source with its stream records replaced (partition keys only on Kinesis). */
export function withRecords(source: StreamSource, records: DemoEntry[]): StreamSource {
  const copy = structuredClone(source);
  copy.records = records.map((r) => {
    const entry: DemoEntry = { count: 1, everyMs: 0, ...r, atMs: startOfReadingMs(source) + (r.atMs ?? 0) };
    delete entry.messageGroupId;
    if (source.type === 'dynamodb') delete entry.partitionKey;
    return entry;
  }) as StreamSource['records'];
  return copy;
}

/**
 * The first moment a record put in the stream is read: after the mapping exists (LATEST) or after the
 * timestamp it starts at (AT_TIMESTAMP), with a second to spare.
 */
function startOfReadingMs(source: StreamSource): number {
  const { mapping } = source;
  const timestampMs =
    mapping.StartingPosition === 'AT_TIMESTAMP' ? (mapping.StartingPositionTimestamp ?? 0) * 1000 : 0;
  return Math.max(mapping.createdAtMs, timestampMs) + 1000;
}

/** The source with its requests replaced. */
export function withRequests<S extends SyncSource | AsyncSource>(source: S, requests: DemoEntry[]): S {
  const copy = structuredClone(source);
  copy.requests = requests.map((r) => {
    const entry: DemoEntry = { count: 1, everyMs: 0, atMs: 0, ...r };
    delete entry.messageGroupId;
    delete entry.partitionKey;
    delete entry.shard;
    return entry;
  }) as S['requests'];
  return copy;
}

/** §3.1: Lambda sends a batch when its payload reaches 6 MB (the engine's 6 × 1,048,576 bytes). */
const BATCH_PAYLOAD_LIMIT_BYTES = 6 * 1024 * 1024;
/** The largest batch a throttling demonstration lets form, so that a backlog needs few messages. */
const DEMO_BATCH = 10;

/** The messages of each batch in a backlog, and the payload size that keeps batches that small. */
export function backlogBatch(source: SqsSource): { perBatch: number; payloadSizeBytes?: number } {
  const size = source.mapping.BatchSize;
  if (size <= DEMO_BATCH) return { perBatch: size };
  // Larger batches would need thousands of messages for the same backlog; messages of 600 KB make
  // Lambda send the batch at 10 of them (6 MB) whatever BatchSize allows.
  return { perBatch: DEMO_BATCH, payloadSizeBytes: Math.floor(BATCH_PAYLOAD_LIMIT_BYTES / DEMO_BATCH) };
}

/** A sentence for the description when `backlogBatch` had to make messages large. */
export function backlogNote(source: SqsSource): string {
  const { payloadSizeBytes } = backlogBatch(source);
  return payloadSizeBytes === undefined
    ? ''
    : ` Each message is ${Math.round(payloadSizeBytes / 1000).toLocaleString('en-US')} KB, so Lambda sends a batch at 10 messages (6 MB) although BatchSize allows ${source.mapping.BatchSize.toLocaleString('en-US')}.`;
}

/**
 * A burst of messages that fills `batches` batches, all sent at once. FIFO messages are spread over
 * many message groups, since a FIFO mapping runs at most one batch per group at a time (§3.3).
 */
export function burstMessages(source: SqsSource, batches: number): DemoEntry[] {
  const { perBatch, payloadSizeBytes } = backlogBatch(source);
  const total = batches * perBatch;
  const size = payloadSizeBytes === undefined ? {} : { payloadSizeBytes };
  if (!source.queue.FifoQueue) return [{ id: 'message', count: total, payload: { order: 'o-1' }, ...size }];
  const groups = Math.min(total, 100);
  const perGroup = Math.ceil(total / groups);
  return Array.from({ length: groups }, (_, g) => ({
    id: `group-${g + 1}-message`,
    count: perGroup,
    messageGroupId: `group-${g + 1}`,
    payload: { order: `o-${g + 1}` },
    ...size,
  }));
}

/**
 * The reserved concurrency a throttling demonstration runs with: the user's own when it is already 1 or
 * 2, else 1, so that a burst of a few hundred messages is enough to throttle.
 */
export function throttlingReserved(scenario: Scenario): number {
  const reserved = scenario.function.ReservedConcurrentExecutions;
  return reserved !== undefined && reserved >= 1 && reserved <= 2 ? reserved : 1;
}

/** Applies `throttlingReserved` to a demonstration's function (provisioned concurrency cannot exceed it). */
export function capConcurrency(fn: Scenario['function'], reserved: number): void {
  fn.ReservedConcurrentExecutions = reserved;
  const provisioned = fn.ProvisionedConcurrencyConfig?.ProvisionedConcurrentExecutions;
  if (provisioned !== undefined && provisioned > reserved)
    fn.ProvisionedConcurrencyConfig = { ProvisionedConcurrentExecutions: reserved };
}

/** A sentence for the description when the demonstration changed the reserved concurrency. */
export function reservedNote(scenario: Scenario, reserved: number): string {
  return scenario.function.ReservedConcurrentExecutions === reserved
    ? ''
    : ` To make throttling happen with a burst of this size, the run sets ReservedConcurrentExecutions to ${reserved}.`;
}

/** An ARN in the scenario's account and Region. */
export function arnOf(scenario: Scenario, service: 'sqs' | 'sns', name: string): string {
  return `arn:aws:${service}:${scenario.account.Region}:${scenario.account.AccountId}:${name}`;
}

/** `sources.<i>` — the start of a path into one source. */
export function sourcePath(index: number): string {
  return `sources.${index}`;
}

/** A number as AWS's consoles print it: 345600 → "345,600". */
export function num(n: number): string {
  return n.toLocaleString('en-US');
}

/** Seconds with a friendlier unit beside them when it helps: 345600 → "345,600 s (4 days)". */
export function seconds(s: number): string {
  const friendly =
    s >= 86_400 && s % 86_400 === 0
      ? ` (${s / 86_400} day${s === 86_400 ? '' : 's'})`
      : s >= 3600 && s % 900 === 0
        ? ` (${trim(s / 3600)} hour${s === 3600 ? '' : 's'})`
        : s >= 120 && s % 60 === 0
          ? ` (${s / 60} minutes)`
          : '';
  return `${num(s)} s${friendly}`;
}

function trim(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}
