/**
 * Teaching moments of a Kinesis or DynamoDB stream mapping (§3.4, §9): a failed batch retried whole, a
 * batch bisected, a partial batch response setting the checkpoint, and retries running out.
 */
import { RULES } from '../../engine/rules';
import type { SimEvent } from '../../engine/types';
import type { Scenario } from '../../scenarios/schema';
import type { MomentDraft } from '../types';
import { aboutDuration, dataOf, destinationName, recordList, stringsOf } from '../wording';

function mappingOf(scenario: Scenario | undefined, source: unknown) {
  const found = scenario?.sources.find((s) => s.id === source);
  return found && (found.type === 'kinesis' || found.type === 'dynamodb') ? found.mapping : undefined;
}

/** The first index of the run of same-time events of `types` that ends just before `index`. */
function clusterStart(log: readonly SimEvent[], index: number, types: ReadonlySet<string>): number {
  let i = index;
  while (i > 0 && types.has(log[i - 1]!.type) && log[i - 1]!.t === log[index]!.t) i -= 1;
  return i;
}

const CHECKPOINTED = new Set(['stream/record-checkpointed']);
const streamName = (d: Record<string, unknown>) => (d.shard ? `shard ${String(d.shard)}` : 'the shard');

/** Every stream moment of the log, in log order (the first bisect per shard). */
export function streamMoments(log: readonly SimEvent[], scenario?: Scenario): MomentDraft[] {
  const drafts: MomentDraft[] = [];
  const bySequence = new Map<string, string>();
  const bisected = new Set<string>();
  for (let i = 0; i < log.length; i++) {
    const e = log[i]!;
    const d = dataOf(e);
    if (e.type === 'stream/record-put' && e.item && typeof d.sequenceNumber === 'string') {
      bySequence.set(d.sequenceNumber, e.item);
      continue;
    }
    const afterPartialCheckpoint =
      log[i - 1]?.type === 'stream/checkpoint' && dataOf(log[i - 1]).partial === true;
    // A retry right after a partial checkpoint is the checkpoint question's answer, not a new question.
    if (e.type === 'stream/batch-failed' && d.next !== 'discard' && !afterPartialCheckpoint) {
      // The retry of this batch is the next stream/retry of the same shard.
      let r = -1;
      for (let k = i + 1; k < log.length && k < i + 2000; k++) {
        const n = log[k]!;
        if (n.type === 'stream/retry' && dataOf(n).shard === d.shard) {
          r = k;
          break;
        }
        if (n.type.startsWith('stream/') && dataOf(n).shard === d.shard && n.type !== 'stream/record-put')
          break;
      }
      if (r < 0) continue;
      const failed = stringsOf(d, 'items');
      const retried = stringsOf(dataOf(log[r]), 'items');
      const delayMs = log[r]!.t - e.t;
      const partial = d.functionError === null;
      drafts.push({
        kind: 'stream-retry',
        pauseIndex: i - 1,
        revealIndex: r,
        item: e.item,
        prompt: `A batch of ${failed.length} record${failed.length === 1 ? '' : 's'} (${recordList(failed)}) from ${streamName(d)} has failed${partial ? '' : ' with an error'}, and MaximumRetryAttempts ${typeof d.maximumRetryAttempts === 'number' && d.maximumRetryAttempts >= 0 ? `is ${d.maximumRetryAttempts}` : 'is −1 (until the records expire)'}. What happens next?`,
        correct: {
          text: `Lambda retries the same ${retried.length === 1 ? 'record' : 'records'}, ${recordList(retried)}, on the same shard ${aboutDuration(delayMs)} later; the shard's later records wait behind them.`,
          feedback:
            'Right: a stream keeps order per shard, so Lambda retries a failed batch (from the checkpoint) before reading anything newer, until it succeeds, the records expire or reach MaximumRecordAgeInSeconds, or MaximumRetryAttempts is used up.',
          rule: RULES['§3.4'],
        },
        facts: { delayMs, retried, batchSize: failed.length },
      });
    } else if (e.type === 'stream/batch-bisected' && !bisected.has(String(d.shard))) {
      bisected.add(String(d.shard));
      const first = stringsOf(d, 'first');
      const second = stringsOf(d, 'second');
      const maxRetries = mappingOf(scenario, d.source)?.MaximumRetryAttempts;
      drafts.push({
        kind: 'stream-bisect',
        pauseIndex: i - 1,
        revealIndex: i,
        item: e.item,
        prompt: `A batch of ${first.length + second.length} records (${recordList([...first, ...second])}) has failed with an error. The mapping has BisectBatchOnFunctionError on${maxRetries === undefined ? '' : ` and MaximumRetryAttempts ${maxRetries}`}. What happens next?`,
        correct: {
          text: `Lambda splits the batch in two, ${recordList(first)} and ${recordList(second)}, and retries each half on its own; the split uses no retry attempt.`,
          feedback:
            'Right: with BisectBatchOnFunctionError Lambda halves a failing batch and retries the halves, narrowing down to the bad record; “splitting batches doesn’t consume the retry quota”.',
          rule: RULES['§3.4'],
        },
        facts: {
          batchSize: first.length + second.length,
          maxRetries,
          retried: first,
          delayMs: typeof d.retryInMs === 'number' ? d.retryInMs : undefined,
        },
      });
    } else if (e.type === 'stream/checkpoint' && d.partial === true) {
      const start = clusterStart(log, i, CHECKPOINTED);
      const checkpointed = log.slice(start, i).flatMap((n) => (n.item ? [n.item] : []));
      const reported = stringsOf(d, 'reported').map((s) => bySequence.get(s) ?? s);
      const from =
        typeof d.retryFromSequenceNumber === 'string' ? bySequence.get(d.retryFromSequenceNumber) : undefined;
      const failed = log[i + 1]?.type === 'stream/batch-failed' ? stringsOf(dataOf(log[i + 1]), 'items') : [];
      drafts.push({
        kind: 'stream-checkpoint',
        pauseIndex: start - 1,
        revealIndex: i,
        item: e.item,
        prompt: `The mapping has FunctionResponseTypes ReportBatchItemFailures. The handler returns batchItemFailures naming ${reported.join(' and ')}. What does Lambda do?`,
        correct: {
          text: `It checkpoints ${checkpointed.length ? recordList(checkpointed) : 'nothing'} (the records before the lowest reported sequence number${from ? `, ${from}` : ''}) and retries ${failed.length ? recordList(failed) : `from ${from ?? 'there'}`}.`,
          feedback:
            'Right: for a stream, Lambda uses the lowest reported sequence number as the checkpoint and retries every record from it, good ones included, so the shard stays in order.',
          rule: RULES['§3.4'],
        },
        facts: { checkpointed, reported, retried: failed },
      });
    } else if (e.type === 'stream/retries-exhausted') {
      const skipped: string[] = [];
      let delivery: Record<string, unknown> | undefined;
      let delivered = false;
      let last = i;
      for (let k = i + 1; k < log.length && log[k]!.t === e.t; k++) {
        const n = log[k]!;
        if (n.type.startsWith('destination/')) {
          delivery = dataOf(n);
          delivered = n.type === 'destination/delivered';
          last = k;
        } else if (n.type === 'stream/record-skipped' && n.item) {
          skipped.push(n.item);
          last = k;
        } else if (n.type !== 'stream/record-put' && n.type !== 'item/arrived') break;
      }
      const count = typeof d.approximateInvokeCount === 'number' ? d.approximateInvokeCount : undefined;
      const maxRetries =
        mappingOf(scenario, d.source)?.MaximumRetryAttempts ?? (count === undefined ? undefined : count - 1);
      const where = delivery
        ? `${delivered ? 'sends' : 'tries to send'} an on-failure record (condition RetryAttemptsExhausted: the shard, the range of sequence numbers and the batch size${delivery.destinationType === 's3' ? ', plus the records in S3' : ', not the records themselves'}) to ${destinationName(delivery)}${delivered ? '' : ', but the delivery fails'}, `
        : '';
      drafts.push({
        kind: 'stream-exhausted',
        pauseIndex: i - 1,
        revealIndex: i,
        item: e.item,
        prompt: `A batch of ${skipped.length} record${skipped.length === 1 ? '' : 's'} (${recordList(skipped)}) has failed${count === undefined ? '' : ` on invocation ${count}`}, and its retry attempts are used up${maxRetries === undefined ? '' : ` (MaximumRetryAttempts ${maxRetries})`}. What happens next?`,
        correct: {
          text: `Lambda ${where}skips ${skipped.length === 1 ? 'the record' : `all ${skipped.length} records of the batch (the good ones too)`} and goes on with the shard.`,
          feedback:
            'Right: when MaximumRetryAttempts is used up Lambda discards the batch and continues with the shard; an SQS or SNS on-failure destination gets metadata about the batch, not the records (S3 also gets the records).',
          rule: RULES['§9'],
        },
        facts: {
          skipped,
          batchSize: skipped.length,
          deliveries: delivery
            ? [{ target: 'on-failure', destinationType: String(delivery.destinationType ?? ''), delivered }]
            : [],
        },
      });
      i = last;
    }
  }
  return drafts;
}
