/**
 * The event a poller hands the function for an SQS batch (§3.2): `{"Records": [...]}` with each message in
 * AWS's shape — messageId, receiptHandle, body, attributes (ApproximateReceiveCount, SentTimestamp,
 * ApproximateFirstReceiveTimestamp, and MessageGroupId/SequenceNumber on FIFO queues), eventSource
 * "aws:sqs", eventSourceARN, awsRegion. Built on demand rather than stored per invocation.
 */
import { attemptOf } from '../attempts';
import { epochMillis } from '../../time';
import { getInvocation, getItem } from '../../state';
import type { ItemState, SimState } from '../../types';

/** One SQS record as the function receives it, for the receive the given attempt processed. */
export function sqsEventRecord(
  state: SimState,
  item: ItemState,
  receiveCount = item.sqs!.receiveCount,
): Record<string, unknown> {
  const msg = item.sqs!;
  const q = state.sqs[item.sourceId]!;
  const body = typeof item.payload === 'string' ? item.payload : JSON.stringify(item.payload ?? {});
  return {
    messageId: msg.messageId,
    receiptHandle: `${msg.messageId.slice(0, 8)}#${receiveCount}`,
    body,
    attributes: {
      ApproximateReceiveCount: String(receiveCount),
      SentTimestamp: String(epochMillis(msg.sentMs)),
      SenderId: state.scenario.account.AccountId,
      ApproximateFirstReceiveTimestamp: String(epochMillis(msg.firstReceiveMs ?? msg.sentMs)),
      ...(msg.groupId === undefined
        ? {}
        : {
            MessageGroupId: msg.groupId,
            SequenceNumber: String(18_849_496_460_467_696_000n + BigInt(msg.sequence)),
            MessageDeduplicationId: msg.messageId,
          }),
    },
    messageAttributes: {},
    eventSource: 'aws:sqs',
    eventSourceARN: q.arn,
    awsRegion: state.scenario.account.Region,
  };
}

/** The whole event of one SQS batch invocation: `{"Records": [...]}`. */
export function sqsBatchEvent(state: SimState, invocationId: string): { Records: Record<string, unknown>[] } {
  const inv = getInvocation(state, invocationId);
  return {
    Records: inv.items.map((id) => {
      const item = getItem(state, id);
      const receive = attemptOf(state, item, invocationId)?.receiveCount;
      return sqsEventRecord(state, item, receive);
    }),
  };
}
