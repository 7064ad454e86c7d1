/**
 * Where an asynchronous event's outcome is sent: destinations (§2.5) with the invocation record AWS
 * writes, encoded for each target type, and the legacy dead-letter queue (§2.6), which receives the
 * original event with `RequestID`/`ErrorCode`/`ErrorMessage` attributes. Deliveries that cannot be made
 * (FIFO targets, missing permission, size) are counted as `DestinationDeliveryFailures` / `DeadLetterErrors`.
 */
import { addDelivery } from './attempts';
import { count } from './metrics';
import { emit, functionArn } from '../state';
import { isoTime } from '../time';
import type {
  AsyncCondition,
  Delivery,
  DeliveryTarget,
  DestinationType,
  ItemState,
  SimState,
} from '../types';

/** SNS messages are limited to 256 KB (§2.5); SQS messages to 1 MiB. */
const SNS_LIMIT_BYTES = 256 * 1024;
const SQS_LIMIT_BYTES = 1024 * 1024;
/** DLQ `ErrorMessage` holds the first 1 KB of the error message (§2.6). */
const DLQ_ERROR_MESSAGE_BYTES = 1024;

/** The target type an ARN names, or null when it is not a destination Lambda supports. */
export function destinationTypeOf(arn: string): DestinationType | null {
  const service = arn.split(':')[2];
  switch (service) {
    case 'sqs':
      return 'sqs';
    case 'sns':
      return 'sns';
    case 'lambda':
      return 'lambda';
    case 'events':
      return 'eventbridge';
    case 's3':
      return 's3';
    default:
      return null;
  }
}

function isFifo(arn: string): boolean {
  return arn.endsWith('.fifo');
}

/** The UTF-8 length of a string. */
function utf8Bytes(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** The longest prefix of `text` that fits in `maxBytes` of UTF-8, never splitting a character. */
export function truncateUtf8(text: string, maxBytes: number): string {
  let bytes = 0;
  let end = 0;
  for (const ch of text) {
    bytes += utf8Bytes(ch.codePointAt(0)!);
    if (bytes > maxBytes) break;
    end += ch.length;
  }
  return text.slice(0, end);
}

function jsonSize(value: unknown): number {
  if (value === undefined) return 0;
  return JSON.stringify(value)?.length ?? 0;
}

/** The async invocation record (§2.5, §9): what a destination receives about one event. */
export function invocationRecord(
  state: SimState,
  item: ItemState,
  condition: AsyncCondition,
): Record<string, unknown> {
  const record: Record<string, unknown> = {
    version: '1.0',
    timestamp: isoTime(state.now),
    requestContext: {
      requestId: item.requestId,
      functionArn: functionArn(state, true),
      condition,
      approximateInvokeCount: item.handlerRuns,
    },
    requestPayload: item.payload ?? {},
  };
  // §9: a ZeroReservedConcurrency record, or one for an event that never ran, has no response.
  if (condition !== 'ZeroReservedConcurrency' && item.handlerRuns > 0) {
    const responseContext: Record<string, unknown> = { statusCode: 200, executedVersion: '$LATEST' };
    if (condition !== 'Success') responseContext.functionError = 'Unhandled';
    record.responseContext = responseContext;
    record.responsePayload = condition === 'Success' ? item.lastResponse : item.lastError;
  }
  return record;
}

function encodeForTarget(
  state: SimState,
  type: DestinationType,
  arn: string,
  record: Record<string, unknown>,
  success: boolean,
): unknown {
  const { Region, AccountId } = state.scenario.account;
  switch (type) {
    case 'eventbridge':
      return {
        version: '0',
        id: `${record.timestamp as string}-${(record.requestContext as { requestId: string }).requestId}`,
        'detail-type': `Lambda Function Invocation Result - ${success ? 'Success' : 'Failure'}`,
        source: 'lambda',
        account: AccountId,
        time: (record.timestamp as string).replace(/\.\d{3}Z$/, 'Z'),
        region: Region,
        resources: [arn, functionArn(state, true)],
        detail: record,
      };
    case 's3': {
      const stamp = isoTime(state.now);
      const day = stamp.slice(0, 10).replaceAll('-', '/');
      const requestId = (record.requestContext as { requestId: string }).requestId;
      return {
        bucket: arn.split(':::')[1] ?? arn,
        key: `aws/lambda/async/${state.scenario.function.FunctionName}/${day}/${stamp.slice(0, 19).replaceAll(':', '.')}-${requestId}`,
        object: record,
      };
    }
    default:
      // SQS and SNS carry the record as the message body; a Lambda destination gets it as its event.
      return record;
  }
}

function deniedOrFifo(state: SimState, arn: string): string | null {
  if (state.scenario.simulation.deniedTargets.includes(arn))
    return 'AccessDenied: the function role may not write to this target';
  if (isFifo(arn)) return 'FIFO queues and topics are not supported as destinations or dead-letter queues';
  return null;
}

function record(state: SimState, item: ItemState, delivery: Delivery, rule: '§2.5' | '§2.6'): void {
  addDelivery(item, delivery);
  const type = delivery.target === 'dlq' ? 'dlq' : 'destination';
  emit(
    state,
    delivery.delivered ? `${type}/delivered` : `${type}/delivery-failed`,
    rule,
    { item: item.id },
    {
      target: delivery.target,
      destination: delivery.destination,
      destinationType: delivery.destinationType,
      ...(delivery.failure ? { failure: delivery.failure } : {}),
    },
  );
}

/** Sends the invocation record to the OnSuccess or OnFailure destination, if one is configured. */
export function sendToDestination(
  state: SimState,
  item: ItemState,
  condition: AsyncCondition,
): Delivery | null {
  const success = condition === 'Success';
  const config = state.scenario.function.EventInvokeConfig?.DestinationConfig;
  const arn = success ? config?.OnSuccess?.Destination : config?.OnFailure?.Destination;
  if (!arn) return null;
  const type = destinationTypeOf(arn) ?? 'sqs';
  const target: DeliveryTarget = success ? 'on-success' : 'on-failure';
  const rec = invocationRecord(state, item, condition);
  let failure = deniedOrFifo(state, arn);
  // The event's declared size stands in for its real size, as at acceptance (§2.1).
  const size = Math.max(jsonSize(rec), item.payloadSizeBytes + jsonSize(rec.responsePayload));
  if (!failure && type === 'sns' && size > SNS_LIMIT_BYTES) {
    // §2.5: over SNS's limit Lambda drops the payloads rather than the record.
    delete rec.requestPayload;
    delete rec.responsePayload;
  }
  if (!failure && type === 'sqs' && size > SQS_LIMIT_BYTES)
    failure = 'The record is larger than an SQS message may be';
  const delivery: Delivery = {
    target,
    destinationType: type,
    destination: arn,
    atMs: state.now,
    delivered: failure === null,
    record: encodeForTarget(state, type, arn, rec, success),
  };
  if (failure) {
    delivery.failure = failure;
    count(state.metrics, 'DestinationDeliveryFailures', state.now);
  }
  record(state, item, delivery, '§2.5');
  return delivery;
}

/** Sends the original event to the function's dead-letter queue, if one is configured. */
export function sendToDeadLetterQueue(
  state: SimState,
  item: ItemState,
  errorCode: string,
  errorMessage: string,
): Delivery | null {
  const arn = state.scenario.function.DeadLetterConfig?.TargetArn;
  if (!arn) return null;
  const type = destinationTypeOf(arn) === 'sns' ? 'sns' : 'sqs';
  const body = JSON.stringify(item.payload ?? {});
  const message = truncateUtf8(errorMessage, DLQ_ERROR_MESSAGE_BYTES);
  const limit = type === 'sns' ? SNS_LIMIT_BYTES : SQS_LIMIT_BYTES;
  const failure =
    deniedOrFifo(state, arn) ??
    (item.payloadSizeBytes > limit
      ? `The event is larger than an ${type.toUpperCase()} message may be`
      : null);
  const rec =
    type === 'sqs'
      ? {
          Body: body,
          MessageAttributes: {
            RequestID: { DataType: 'String', StringValue: item.requestId },
            ErrorCode: { DataType: 'Number', StringValue: errorCode },
            ErrorMessage: { DataType: 'String', StringValue: message },
          },
        }
      : {
          Message: body,
          MessageAttributes: {
            RequestID: { Type: 'String', Value: item.requestId },
            ErrorCode: { Type: 'Number', Value: errorCode },
            ErrorMessage: { Type: 'String', Value: message },
          },
        };
  const delivery: Delivery = {
    target: 'dlq',
    destinationType: type,
    destination: arn,
    atMs: state.now,
    delivered: failure === null,
    record: rec,
  };
  if (failure) {
    delivery.failure = failure;
    count(state.metrics, 'DeadLetterErrors', state.now);
  }
  record(state, item, delivery, '§2.6');
  return delivery;
}
