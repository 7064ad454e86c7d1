/**
 * How stream records end (§3.4, §3.5, §9): checkpointed past after a successful invocation; skipped
 * after the retries ran out (with an on-failure record, if a destination is set); aged out past
 * `MaximumRecordAgeInSeconds`; or gone from the stream when its retention period ended. Every record
 * gets exactly one of the events `stream/record-checkpointed`, `stream/record-skipped`,
 * `stream/record-aged-out` or `stream/record-expired`.
 */
import { addDelivery } from '../attempts';
import { destinationTypeOf } from '../destinations';
import { count } from '../metrics';
import { dataTemplate } from '../../eventLog';
import { emit, emitFields, newRequestId } from '../../state';
import type { Delivery, ItemOutcome, ItemState, SimState } from '../../types';
import type { StreamSource } from '../../../scenarios/schema';
import { onFailureRecord, s3FailureObject, type FailureContext } from './streamRecords';
import { ruleOf, type StreamState } from './streamState';

const CHECKPOINTED = dataTemplate(['source', 'sequenceNumber'], (source, sequenceNumber) => ({
  source,
  sequenceNumber,
}));

function finish(state: SimState, item: ItemState, outcome: ItemOutcome): void {
  item.outcome = outcome;
  item.endedMs = state.now;
}

/** The records were processed: the mapping's checkpoint moves past them. */
export function checkpointRecords(state: SimState, stream: StreamState, items: ItemState[]): void {
  for (const item of items) {
    finish(state, item, 'succeeded');
    emitFields(
      state,
      'stream/record-checkpointed',
      ruleOf(stream),
      { item: item.id },
      CHECKPOINTED,
      stream.sourceId,
      item.record!.sequenceNumber,
    );
  }
}

/** The records left the stream (retention) before they were processed. */
export function expireRecords(state: SimState, stream: StreamState, items: ItemState[], why: string): void {
  for (const item of items) {
    finish(state, item, 'expired');
    emit(
      state,
      'stream/record-expired',
      ruleOf(stream),
      { item: item.id },
      {
        source: stream.sourceId,
        sequenceNumber: item.record!.sequenceNumber,
        retentionHours: stream.retentionMs / 3_600_000,
        leftStreamAtMs: item.record!.arrivalMs + stream.retentionMs,
        reason: why,
      },
    );
  }
}

function deliveryFailure(state: SimState, arn: string): string | null {
  if (state.scenario.simulation.deniedTargets.includes(arn))
    return 'AccessDenied: the function role may not write to this target';
  const type = destinationTypeOf(arn);
  if (type !== 'sqs' && type !== 'sns' && type !== 's3') {
    return 'Stream event source mappings send on-failure records only to an SQS queue, an SNS topic or an S3 bucket';
  }
  if (arn.endsWith('.fifo')) return 'FIFO queues and topics are not supported as on-failure destinations';
  return null;
}

/** Sends the on-failure record about these records to the mapping's OnFailure destination, if one is set. */
function sendOnFailure(
  state: SimState,
  stream: StreamState,
  source: StreamSource,
  items: ItemState[],
  ctx: FailureContext,
): Delivery | null {
  const arn = source.mapping.DestinationConfig?.OnFailure?.Destination;
  if (!arn) return null;
  const type = destinationTypeOf(arn) ?? 'sqs';
  const rec = onFailureRecord(state, stream, items, ctx);
  const failure = deliveryFailure(state, arn);
  const delivery: Delivery = {
    target: 'on-failure',
    destinationType: type,
    destination: arn,
    atMs: state.now,
    delivered: failure === null,
    // SQS and SNS get the record alone (no record data, §3.4); S3 gets the records too (§9).
    record: type === 's3' ? s3FailureObject(state, stream, arn, rec, items, newRequestId(state)) : rec,
  };
  if (failure) {
    delivery.failure = failure;
    count(state.metrics, 'DestinationDeliveryFailures', state.now);
  }
  for (const item of items) addDelivery(item, delivery);
  emit(
    state,
    failure ? 'destination/delivery-failed' : 'destination/delivered',
    '§9',
    { item: items[0]!.id },
    {
      target: 'on-failure',
      destination: arn,
      destinationType: type,
      condition: ctx.condition,
      items: items.map((i) => i.id),
      ...(failure ? { failure } : {}),
    },
  );
  return delivery;
}

/**
 * The batch's retries ran out (`RetryAttemptsExhausted`): the records are discarded and the shard goes
 * on; a destination gets the on-failure record.
 */
export function skipRecords(
  state: SimState,
  stream: StreamState,
  source: StreamSource,
  items: ItemState[],
  ctx: Omit<FailureContext, 'condition'>,
): void {
  const delivery = sendOnFailure(state, stream, source, items, {
    ...ctx,
    condition: 'RetryAttemptsExhausted',
  });
  const outcome = delivery?.delivered ? 'dead-lettered' : 'discarded';
  for (const item of items) {
    finish(state, item, outcome);
    emit(
      state,
      'stream/record-skipped',
      ruleOf(stream),
      { item: item.id },
      {
        source: stream.sourceId,
        sequenceNumber: item.record!.sequenceNumber,
        condition: 'RetryAttemptsExhausted',
        outcome,
      },
    );
  }
}

/**
 * The records are older than `MaximumRecordAgeInSeconds` (`RecordAgeExceeded`): they are not sent again;
 * the on-failure record covers only them (§9).
 */
export function ageOutRecords(
  state: SimState,
  stream: StreamState,
  source: StreamSource,
  items: ItemState[],
  requestId: string | null,
  invokeCount: number,
): void {
  const delivery = sendOnFailure(state, stream, source, items, {
    condition: 'RecordAgeExceeded',
    requestId: requestId ?? newRequestId(state),
    approximateInvokeCount: invokeCount,
    functionError: null,
  });
  const outcome = delivery?.delivered ? 'dead-lettered' : 'expired';
  for (const item of items) {
    finish(state, item, outcome);
    emit(
      state,
      'stream/record-aged-out',
      ruleOf(stream),
      { item: item.id },
      {
        source: stream.sourceId,
        sequenceNumber: item.record!.sequenceNumber,
        condition: 'RecordAgeExceeded',
        ageMs: state.now - item.record!.arrivalMs,
        maximumRecordAgeInSeconds: source.mapping.MaximumRecordAgeInSeconds,
        outcome,
      },
    );
  }
}
