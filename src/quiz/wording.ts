/** Small wording helpers shared by the moment detectors: durations, lists of records, destinations. */
import type { SimEvent } from '../engine/types';

/** `1 s`, `about 1 minute`, `about 2 minutes`, `250 ms`. */
export function aboutDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) {
    const s = Math.round(ms / 100) / 10;
    return `${s} s`;
  }
  const min = Math.round(ms / 60_000);
  return `about ${min} minute${min === 1 ? '' : 's'}`;
}

/** `r-1`, `r-1 and r-2`, `r-1…r-10` (consecutive records read as a range). */
export function recordList(items: readonly string[]): string {
  if (items.length === 0) return 'no records';
  if (items.length === 1) return items[0]!;
  if (items.length === 2) return `${items[0]} and ${items[1]}`;
  return `${items[0]}…${items[items.length - 1]}`;
}

/** The last part of an ARN: `orders-failed`. */
export function arnName(arn: unknown): string {
  if (typeof arn !== 'string') return 'the destination';
  const parts = arn.split(/[:/]/);
  return parts[parts.length - 1] || arn;
}

const TYPE_NAMES: Record<string, string> = {
  sqs: 'SQS queue',
  sns: 'SNS topic',
  lambda: 'function',
  eventbridge: 'EventBridge bus',
  s3: 'S3 bucket',
};

/** `the SQS queue orders-failed`. */
export function destinationName(data: Record<string, unknown>): string {
  const type = typeof data.destinationType === 'string' ? TYPE_NAMES[data.destinationType] : undefined;
  return `${type ? `the ${type} ` : ''}${arnName(data.destination)}`;
}

/** The data of an event (never undefined). */
export function dataOf(event: SimEvent | undefined): Record<string, unknown> {
  return event?.data ?? {};
}

/** The string array at `data[key]`, or []. */
export function stringsOf(data: Record<string, unknown>, key: string): string[] {
  const value = data[key];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Whether the event is about `item`: its `item` field or its `items` list. */
export function concerns(event: SimEvent, item: string): boolean {
  return event.item === item || stringsOf(dataOf(event), 'items').includes(item);
}

/** Lookahead bound: the answer to a moment is in the events right after it, never far away. */
export const LOOKAHEAD = 400;

/** The index of the first event after `from` matching `test`, within the lookahead, or -1. */
export function findNext(
  log: readonly SimEvent[],
  from: number,
  test: (event: SimEvent) => boolean,
  limit = LOOKAHEAD,
): number {
  const end = Math.min(log.length, from + 1 + limit);
  for (let i = from + 1; i < end; i++) if (test(log[i]!)) return i;
  return -1;
}
