/**
 * The shapes AWS uses for stream records: the Kinesis and DynamoDB Streams records a function receives
 * (§3.4, §3.5), the event around a batch (with the tumbling-window fields), and the on-failure record an
 * SQS queue, SNS topic or S3 bucket receives about a discarded batch (§3.4, §9).
 */
import { functionArn } from '../../state';
import { epochMillis, isoTime } from '../../time';
import type { ItemState, SimState } from '../../types';
import { base64 } from '../../encoding';
import { fnv1a, itemOf, mix32, type StreamState } from './streamState';

/** A JSON value in DynamoDB's attribute-value notation: {"S": "o-1"}, {"N": "42"}, {"M": {…}}… */
export function toAttributeValue(value: unknown): Record<string, unknown> {
  if (value === null || value === undefined) return { NULL: true };
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number') return { N: String(value) };
  if (typeof value === 'boolean') return { BOOL: value };
  if (Array.isArray(value)) return { L: value.map(toAttributeValue) };
  return { M: toItemImage(value as Record<string, unknown>) };
}

/** An item (a JSON object) as a DynamoDB image: each attribute in attribute-value notation. */
export function toItemImage(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toAttributeValue(v)]));
}

/** The record's data as the producer put it: a string payload as is, anything else as JSON. */
function dataOf(item: ItemState): string {
  return typeof item.payload === 'string' ? item.payload : JSON.stringify(item.payload ?? {});
}

/** ISO time with whole seconds, as DynamoDB Streams shows arrival times ("2026-01-01T00:00:05Z"). */
export function isoSeconds(t: number): string {
  return `${isoTime(Math.floor(epochMillis(t) / 1000) * 1000 - epochMillis(0)).slice(0, 19)}Z`;
}

/** A Kinesis record as the function receives it (§3.4). */
export function kinesisRecord(
  state: SimState,
  stream: StreamState,
  item: ItemState,
): Record<string, unknown> {
  const rec = item.record!;
  const { Region, AccountId } = state.scenario.account;
  return {
    kinesis: {
      kinesisSchemaVersion: '1.0',
      partitionKey: rec.partitionKey,
      sequenceNumber: rec.sequenceNumber,
      data: base64(dataOf(item)),
      approximateArrivalTimestamp: epochMillis(rec.arrivalMs) / 1000,
    },
    eventSource: 'aws:kinesis',
    eventVersion: '1.0',
    eventID: `${stream.shards[rec.shard]!.shardId}:${rec.sequenceNumber}`,
    eventName: 'aws:kinesis:record',
    invokeIdentityArn: `arn:aws:iam::${AccountId}:role/${state.scenario.function.FunctionName}-role`,
    awsRegion: Region,
    eventSourceARN: stream.arn,
  };
}

/**
 * A DynamoDB stream record as the function receives it (§3.5). The payload is the item image; its key
 * is the attribute `id` (the payload's `id` if it has one, else the record's partition key). INSERT and
 * MODIFY carry the payload as `NewImage`, REMOVE as `OldImage` (the simulator knows no earlier image).
 */
export function dynamodbRecord(
  state: SimState,
  stream: StreamState,
  item: ItemState,
): Record<string, unknown> {
  const rec = item.record!;
  const payload = item.payload;
  const image =
    payload !== null && typeof payload === 'object' && !Array.isArray(payload)
      ? toItemImage(payload as Record<string, unknown>)
      : { value: toAttributeValue(payload) };
  const keyValue = (payload as { id?: unknown } | null)?.id;
  const key = typeof keyValue === 'string' || typeof keyValue === 'number' ? keyValue : rec.partitionKey;
  const eventName = rec.eventName ?? 'INSERT';
  const h = [1, 2, 3, 4]
    .map((k) => mix32(fnv1a(rec.sequenceNumber, k)).toString(16).padStart(8, '0'))
    .join('');
  return {
    eventID: h,
    eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: state.scenario.account.Region,
    dynamodb: {
      ApproximateCreationDateTime: Math.floor(epochMillis(rec.arrivalMs) / 1000),
      Keys: { id: toAttributeValue(key) },
      ...(eventName === 'REMOVE' ? { OldImage: image } : { NewImage: image }),
      SequenceNumber: rec.sequenceNumber,
      SizeBytes: item.payloadSizeBytes,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
    eventSourceARN: stream.arn,
  };
}

/** One record as the function receives it. */
export function streamRecord(state: SimState, stream: StreamState, item: ItemState): Record<string, unknown> {
  return stream.type === 'kinesis' ? kinesisRecord(state, stream, item) : dynamodbRecord(state, stream, item);
}

/** The tumbling-window fields of an invocation (§3.4). */
export interface WindowFields {
  startMs: number;
  endMs: number;
  state: unknown;
  shard: number;
  final: boolean;
}

/** The event of one batch invocation: `{"Records": […]}`, plus the window fields with tumbling windows. */
export function streamEvent(
  state: SimState,
  stream: StreamState,
  itemIds: readonly string[],
  window?: WindowFields,
): Record<string, unknown> {
  const event: Record<string, unknown> = {
    Records: itemIds.map((id) => streamRecord(state, stream, itemOf(state, id))),
  };
  if (window) {
    event.window = { start: isoSeconds(window.startMs), end: isoSeconds(window.endMs) };
    event.state = window.state;
    event.shardId = stream.shards[window.shard]!.shardId;
    event.eventSourceARN = stream.arn;
    event.isFinalInvokeForWindow = window.final;
    event.isWindowTerminatedEarly = false;
  }
  return event;
}

export type StreamCondition = 'RetryAttemptsExhausted' | 'RecordAgeExceeded';

export interface FailureContext {
  condition: StreamCondition;
  requestId: string;
  approximateInvokeCount: number;
  /** RetryAttemptsExhausted only: "Unhandled" for a thrown error or timeout, null for a failed partial response. */
  functionError: 'Unhandled' | null;
}

/**
 * The on-failure record about discarded records of one shard (§3.4, §9): what SQS and SNS receive (no
 * record data). A RecordAgeExceeded record has no `responseContext` and covers only the expired records.
 */
export function onFailureRecord(
  state: SimState,
  stream: StreamState,
  items: ItemState[],
  ctx: FailureContext,
): Record<string, unknown> {
  const first = items[0]!.record!;
  const last = items[items.length - 1]!.record!;
  const arrival = (t: number) => (stream.type === 'kinesis' ? isoTime(t) : isoSeconds(t));
  const record: Record<string, unknown> = {
    requestContext: {
      requestId: ctx.requestId,
      functionArn: functionArn(state),
      condition: ctx.condition,
      approximateInvokeCount: ctx.approximateInvokeCount,
    },
  };
  if (ctx.condition === 'RetryAttemptsExhausted') {
    record.responseContext = {
      statusCode: 200,
      executedVersion: '$LATEST',
      functionError: ctx.functionError,
    };
  }
  record.version = '1.0';
  record.timestamp = isoTime(state.now);
  record[stream.type === 'kinesis' ? 'KinesisBatchInfo' : 'DDBStreamBatchInfo'] = {
    shardId: stream.shards[first.shard]!.shardId,
    startSequenceNumber: first.sequenceNumber,
    endSequenceNumber: last.sequenceNumber,
    approximateArrivalOfFirstRecord: arrival(first.arrivalMs),
    approximateArrivalOfLastRecord: arrival(last.arrivalMs),
    batchSize: items.length,
    streamArn: stream.arn,
  };
  return record;
}

/**
 * What an S3 on-failure destination stores (§9): the record plus `"payload": {"Records": […]}`, under
 * `aws/lambda/<ESM-UUID>/<shardId>/YYYY/MM/DD/YYYY-MM-DDTHH.MM.SS-<uuid>`.
 */
export function s3FailureObject(
  state: SimState,
  stream: StreamState,
  bucketArn: string,
  record: Record<string, unknown>,
  items: ItemState[],
  objectUuid: string,
): Record<string, unknown> {
  const stamp = isoTime(state.now);
  const day = stamp.slice(0, 10).replaceAll('-', '/');
  const shardId = stream.shards[items[0]!.record!.shard]!.shardId;
  return {
    bucket: bucketArn.split(':::')[1] ?? bucketArn,
    key: `aws/lambda/${stream.mappingUuid}/${shardId}/${day}/${stamp.slice(0, 19).replaceAll(':', '.')}-${objectUuid}`,
    object: {
      ...record,
      payload: streamEvent(
        state,
        stream,
        items.map((i) => i.id),
      ),
    },
  };
}
