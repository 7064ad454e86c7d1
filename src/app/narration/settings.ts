/**
 * The scenario settings the narration quotes ("MaximumRetryAttempts is 2"). Every reader takes the
 * scenario as optional: without it the narration falls back to AWS's defaults or to what the event
 * itself carries, and says so only where the number matters.
 */
import type { Scenario, SqsSource, StreamSource } from '../../scenarios/schema';
import type { Data } from '../eventData';
import { num, str } from '../eventData';
import { formatCount, formatDuration } from '../format';

/** AWS's defaults for asynchronous invocation (§2.2). */
export const ASYNC_DEFAULT_RETRIES = 2;
export const ASYNC_DEFAULT_MAX_AGE_S = 21_600;

/** The async `MaximumRetryAttempts` in effect (the event's own value wins over the scenario's). */
export function asyncMaxRetries(scenario: Scenario | undefined, data: Data = {}): number {
  return (
    num(data, 'maxRetries') ??
    scenario?.function.EventInvokeConfig?.MaximumRetryAttempts ??
    ASYNC_DEFAULT_RETRIES
  );
}

/** The async `MaximumEventAgeInSeconds` in effect, in milliseconds. */
export function asyncMaxAgeMs(scenario: Scenario | undefined, data: Data = {}): number {
  return (
    num(data, 'maxAgeMs') ??
    (scenario?.function.EventInvokeConfig?.MaximumEventAgeInSeconds ?? ASYNC_DEFAULT_MAX_AGE_S) * 1000
  );
}

/** `MaximumEventAgeInSeconds is 21,600 (6 h)`. */
export function maxAgeWords(ms: number): string {
  return `MaximumEventAgeInSeconds is ${formatCount(ms / 1000)} (${formatDuration(ms)})`;
}

/** The function's `Timeout` in words (`3 s`), or null without a scenario. */
export function timeoutWords(scenario: Scenario | undefined): string | null {
  return scenario ? formatDuration(scenario.function.Timeout * 1000) : null;
}

/** The poll-based source an event names in `data.source`. */
function sourceOf(scenario: Scenario | undefined, data: Data) {
  const id = str(data, 'source');
  return id === undefined ? undefined : scenario?.sources.find((s) => s.id === id);
}

/** The SQS source (queue and mapping) an event is about. */
export function sqsSourceOf(scenario: Scenario | undefined, data: Data): SqsSource | undefined {
  const source = sourceOf(scenario, data);
  return source?.type === 'sqs' ? source : undefined;
}

/** The Kinesis or DynamoDB source an event is about. */
export function streamSourceOf(scenario: Scenario | undefined, data: Data): StreamSource | undefined {
  const source = sourceOf(scenario, data);
  return source?.type === 'kinesis' || source?.type === 'dynamodb' ? source : undefined;
}

/** The queue's VisibilityTimeout in seconds, from the event or the scenario. */
export function visibilitySeconds(scenario: Scenario | undefined, data: Data): number | undefined {
  return (
    num(data, 'visibilityTimeoutSeconds') ??
    num(data, 'visibleAgainInSeconds') ??
    sqsSourceOf(scenario, data)?.queue.VisibilityTimeout
  );
}

/** `VisibilityTimeout (180 s)` or just `VisibilityTimeout` when the number is unknown. */
export function visibilityWords(scenario: Scenario | undefined, data: Data): string {
  const s = visibilitySeconds(scenario, data);
  return s === undefined ? 'the VisibilityTimeout' : `the VisibilityTimeout (${formatDuration(s * 1000)})`;
}

/** The queue's `RedrivePolicy.maxReceiveCount`, when the queue has one. */
export function maxReceiveCount(scenario: Scenario | undefined, data: Data): number | undefined {
  return num(data, 'maxReceiveCount') ?? sqsSourceOf(scenario, data)?.queue.RedrivePolicy?.maxReceiveCount;
}

/** A stream mapping's `MaximumRetryAttempts` (−1 = until the records expire). */
export function streamMaxRetries(scenario: Scenario | undefined, data: Data): number | undefined {
  return num(data, 'maximumRetryAttempts') ?? streamSourceOf(scenario, data)?.mapping.MaximumRetryAttempts;
}

/** `MaximumRetryAttempts is −1 (retry until the records expire)` / `MaximumRetryAttempts is 2`. */
export function streamRetryWords(max: number | undefined): string {
  if (max === undefined) return 'MaximumRetryAttempts (default −1: until the records expire)';
  return max < 0
    ? 'MaximumRetryAttempts is −1 (retry until the records expire)'
    : `MaximumRetryAttempts is ${formatCount(max)}`;
}

/** Whether the stream is a DynamoDB stream (polled 4 times a second, 24 h retention). */
export function isDynamoDb(scenario: Scenario | undefined, data: Data, rule: string): boolean {
  const source = streamSourceOf(scenario, data);
  return source ? source.type === 'dynamodb' : rule === '§3.5';
}
