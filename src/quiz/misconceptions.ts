/**
 * Classic wrong answers per moment kind: the source article's errors (§6 of the semantics) and the
 * rules people carry over from one invocation type to another. Each one says why AWS does not do that,
 * cites its rule, and has a guard that keeps it out of a question when it would be true of the run.
 */
import { RULES, type RuleInfo } from '../engine/rules';
import type { MomentDraft, MomentFacts, QuizMomentKind } from './types';

export interface Misconception {
  id: string;
  text: string;
  /** Why it is wrong, in AWS's terms. */
  feedback: string;
  rule: RuleInfo;
  /** Where the misconception comes from (for docs/quiz.md). */
  source: 'article' | 'sync' | 'async' | 'sqs' | 'streams' | 'common';
  /** False when the statement would be true of this run: then it is not offered. */
  wrongHere?(facts: MomentFacts, draft: MomentDraft): boolean;
}

const delivered = (f: MomentFacts, target: string) =>
  (f.deliveries ?? []).some((d) => d.target === target && d.delivered);

const CALLER_RESENDS: Misconception = {
  id: 'caller-resends',
  text: 'Lambda returns the error to the caller, which has to send the event again.',
  feedback:
    'No: an asynchronous caller got HTTP 202 when the event was queued and is gone; function errors are never returned to it. Lambda handles retries itself.',
  rule: RULES['§2.1'],
  source: 'sync',
};

const ASYNC_TIMING: Misconception = {
  id: 'async-timing',
  text: 'Lambda retries it itself about 1 minute later, then 2 minutes later, then gives up (two retries).',
  feedback:
    'No: the ≈1 min / ≈2 min waits and the 0–2 MaximumRetryAttempts belong to asynchronous invocation only. Poll-based sources follow their own rules: the queue’s visibility timeout and redrive policy for SQS, the mapping’s retry and age settings for streams.',
  rule: RULES['§2.2'],
  source: 'article',
};

const FUNCTION_DLQ: Misconception = {
  id: 'function-dlq',
  text: 'Lambda sends it to the function’s dead-letter queue (DeadLetterConfig) or its on-failure destination.',
  feedback:
    'No: the function’s dead-letter queue is for asynchronous invocation only; for an SQS source, failed messages go to the dead-letter queue configured on the source queue, moved there by SQS.',
  rule: RULES['§2.6'],
  source: 'async',
};

/** The wrong choices for each kind, most instructive first; a question takes the first that apply. */
export const MISCONCEPTIONS: Record<QuizMomentKind, readonly Misconception[]> = {
  'async-retry': [
    {
      id: 'same-wait',
      text: 'It retries about 1 minute later, the same wait as before.',
      feedback:
        'No: the waits are about 1 minute before the second attempt and about 2 minutes before the third.',
      rule: RULES['§2.2'],
      source: 'common',
      wrongHere: (f) => (f.delayMs ?? 0) >= 90_000,
    },
    {
      id: 'exponential-backoff',
      text: 'It retries almost at once, then backs off exponentially.',
      feedback:
        'No: the source article says retries use exponential backoff, but for function errors Lambda waits about 1 minute, then about 2 minutes. Exponential backoff (1 s → 5 min) is for throttles and system errors.',
      rule: RULES['§2.2'],
      source: 'article',
      wrongHere: (f) => (f.delayMs ?? 0) >= 30_000,
    },
    CALLER_RESENDS,
    {
      id: 'never-retries',
      text: 'Nothing more: Lambda never retries a failed invocation, so the event is discarded.',
      feedback:
        'No: that is true of synchronous calls (§1.4). An asynchronous event gets up to two retries by default (MaximumRetryAttempts 0–2).',
      rule: RULES['§2.2'],
      source: 'sync',
    },
  ],
  'async-throttle': [
    {
      id: 'caller-429',
      text: 'The caller gets HTTP 429 TooManyRequestsException and has to send the event again.',
      feedback:
        'No: a synchronous caller would get 429. This caller already has its 202: the event waits in Lambda’s queue and Lambda retries it.',
      rule: RULES['§2.1'],
      source: 'sync',
    },
    {
      id: 'throttle-uses-retry',
      text: 'The throttle counts as a failed attempt: Lambda retries in about 1 minute and drops the event after two retries.',
      feedback:
        'No: throttles do not use MaximumRetryAttempts; Lambda backs off from 1 second up to 5 minutes, bounded only by the maximum event age.',
      rule: RULES['§9'],
      source: 'common',
      wrongHere: (f) => (f.delayMs ?? 0) < 30_000,
    },
    {
      id: 'beyond-reserved',
      text: 'Lambda starts one more execution environment beyond the reserved concurrency, so the event runs at once.',
      feedback:
        'No: reserved concurrency is a cap as well as a guarantee; the function never runs more at once.',
      rule: RULES['§4.reserved'],
      source: 'common',
      wrongHere: (f) => f.reservedThrottle === true,
    },
    {
      id: 'dropped-busy',
      text: 'Lambda drops the event at once because the function is busy.',
      feedback:
        'No: a throttled event stays queued and is retried for up to the maximum event age (6 hours by default). Only reserved concurrency 0 sends events away without retries.',
      rule: RULES['§2.3'],
      source: 'common',
    },
  ],
  'async-event-age': [
    {
      id: 'retry-then-expire',
      text: 'It schedules the retry as usual and discards the event only when the retry finds it too old.',
      feedback:
        'No: Lambda checks the age before waiting. If the next retry could not start within MaximumEventAgeInSeconds, the event fails right away.',
      rule: RULES['§9'],
      source: 'common',
    },
    {
      id: 'backoff-until-age',
      text: 'It keeps retrying with exponential backoff until the maximum event age is reached.',
      feedback:
        'No: function errors are retried after fixed waits (≈1 min, ≈2 min), and the age check comes before each wait; exponential backoff is for throttles.',
      rule: RULES['§2.2'],
      source: 'article',
    },
    CALLER_RESENDS,
  ],
  'async-exhausted': [
    {
      id: 'raw-event-to-destination',
      text: 'It sends the original event, unchanged, to the on-failure destination.',
      feedback:
        'No: a destination receives an invocation record (requestContext with the condition and approximateInvokeCount, requestPayload, responseContext, responsePayload). The unchanged event is what a dead-letter queue gets.',
      rule: RULES['§2.5'],
      source: 'common',
      wrongHere: (f) => delivered(f, 'on-failure'),
    },
    {
      id: 'record-to-dlq',
      text: 'It sends an invocation record with the error details to the dead-letter queue.',
      feedback:
        'No: the dead-letter queue gets the original event as its body, with RequestID, ErrorCode and ErrorMessage message attributes; no response details.',
      rule: RULES['§2.6'],
      source: 'common',
      wrongHere: (f) => delivered(f, 'dlq'),
    },
    {
      id: 'lost-anyway',
      text: 'The event is simply discarded: Lambda keeps no copy of it.',
      feedback:
        'No: this function has somewhere to keep failed events (an on-failure destination or a dead-letter queue), and Lambda sends the event there before discarding it.',
      rule: RULES['§2.5'],
      source: 'common',
      wrongHere: (f) => (f.deliveries ?? []).length > 0,
    },
    {
      id: 'retry-until-age',
      text: 'It keeps retrying with exponential backoff until the event is 6 hours old.',
      feedback:
        'No: function errors are retried at most MaximumRetryAttempts times (0–2); the 6-hour age and the backoff apply to throttles.',
      rule: RULES['§2.2'],
      source: 'article',
    },
    CALLER_RESENDS,
  ],
  'async-on-success': [
    {
      id: 'failures-only',
      text: 'Nothing: destinations only receive failures.',
      feedback: 'No: asynchronous invocation has OnSuccess as well as OnFailure destinations.',
      rule: RULES['§2.5'],
      source: 'common',
    },
    {
      id: 'result-to-caller',
      text: 'It returns the function’s result to the caller that sent the event.',
      feedback: 'No: the caller got 202 when the event was queued and never hears about the outcome.',
      rule: RULES['§2.1'],
      source: 'sync',
    },
    {
      id: 'success-to-dlq',
      text: 'It sends a copy of the event to the dead-letter queue as a receipt.',
      feedback: 'No: a dead-letter queue only receives events that failed every attempt or expired.',
      rule: RULES['§2.6'],
      source: 'common',
    },
  ],
  'sqs-visibility-expired': [
    {
      id: 'acknowledged',
      text: 'Nothing more: SQS deleted the message when Lambda acknowledged receiving it.',
      feedback:
        'No: the source article says Lambda “acknowledges” messages, but receiving only hides a message for the visibility timeout. Lambda deletes it after the function succeeds.',
      rule: RULES['§3.2'],
      source: 'article',
    },
    {
      id: 'stopped-to-dlq',
      text: 'Lambda stops the running handler and the message goes to the dead-letter queue.',
      feedback:
        'No: the visibility timeout does not touch the running invocation; the message just becomes visible in the queue again.',
      rule: RULES['§3.2'],
      source: 'common',
      wrongHere: (f) => f.stillRunning === true,
    },
    {
      id: 'immediate-retry',
      text: 'The poller sends the failed batch to the function again right away.',
      feedback:
        'No: after an error the messages stay hidden until the visibility timeout ends; only then can a poller receive them again.',
      rule: RULES['§3.2'],
      source: 'common',
      wrongHere: (f) => f.stillRunning !== true && (f.delayMs ?? 0) >= 2000,
    },
    FUNCTION_DLQ,
  ],
  'sqs-redrive': [
    FUNCTION_DLQ,
    {
      id: 'max-retry-attempts',
      text: 'Lambda has used its two retries (MaximumRetryAttempts), so it discards the message.',
      feedback:
        'No: MaximumRetryAttempts 0–2 is asynchronous invocation’s setting (the article presents it as general). For SQS the queue’s maxReceiveCount decides, and SQS keeps the message in its DLQ.',
      rule: RULES['§2.2'],
      source: 'article',
    },
    {
      id: 'until-retention',
      text: 'It is received again and again until the queue’s retention period deletes it.',
      feedback:
        'No: that is what happens without a redrive policy. With one, SQS moves the message once maxReceiveCount receives have failed.',
      rule: RULES['§3.2'],
      source: 'sqs',
    },
  ],
  'stream-retry': [
    {
      id: 'only-failing-record',
      text: 'Lambda retries only the record that failed.',
      feedback:
        'No: a stream checkpoints only after a complete success (or at the lowest sequence number a partial batch response reports), so the retry starts from the checkpoint and includes good records.',
      rule: RULES['§3.4'],
      source: 'sqs',
      wrongHere: (f) => (f.retried ?? []).length > 1,
    },
    {
      id: 'skip-ahead',
      text: 'Lambda moves on to the shard’s next records and retries the failed batch later.',
      feedback:
        'No: Lambda keeps the shard in order; nothing newer on this shard is processed until the batch succeeds or is given up.',
      rule: RULES['§3.4'],
      source: 'async',
    },
    {
      ...ASYNC_TIMING,
      id: 'async-waits',
      wrongHere: (f) => (f.delayMs ?? 0) < 30_000,
    },
    {
      id: 'function-dlq-stream',
      text: 'Lambda sends the batch to the function’s dead-letter queue and moves on.',
      feedback:
        'No: a stream mapping has its own on-failure destination, used only when retries or the record age run out; the function’s DLQ is for asynchronous invocation.',
      rule: RULES['§2.6'],
      source: 'async',
    },
  ],
  'stream-bisect': [
    {
      id: 'whole-again',
      text: 'Lambda retries the whole batch again.',
      feedback:
        'No: with BisectBatchOnFunctionError on, a failing batch is split in two and each half is retried.',
      rule: RULES['§3.4'],
      source: 'streams',
    },
    {
      id: 'knows-bad-record',
      text: 'Lambda retries only the record that caused the error.',
      feedback:
        'No: a thrown error does not say which record failed; bisecting is how Lambda narrows it down.',
      rule: RULES['§3.4'],
      source: 'sqs',
      wrongHere: (f) => (f.retried ?? []).length > 1,
    },
    {
      id: 'split-uses-retry',
      text: 'No retries are allowed, so Lambda sends the batch to the on-failure destination and skips it.',
      feedback:
        'No: splitting a batch does not consume the retry quota, so even with MaximumRetryAttempts 0 the halves are tried.',
      rule: RULES['§3.4'],
      source: 'streams',
      wrongHere: (f) => f.maxRetries === 0,
    },
    {
      ...ASYNC_TIMING,
      id: 'async-waits',
      wrongHere: (f) => (f.delayMs ?? 0) < 30_000,
    },
  ],
  'stream-checkpoint': [
    {
      id: 'only-reported',
      text: 'Lambda retries only the records the response named, as it would for SQS.',
      feedback:
        'No: for SQS only the reported messages come back; for a stream the lowest reported sequence number becomes the checkpoint and every record from it is retried, to keep the shard in order.',
      rule: RULES['§3.4'],
      source: 'sqs',
      wrongHere: (f) => (f.retried ?? []).length !== (f.reported ?? []).length,
    },
    {
      id: 'whole-batch',
      text: 'Lambda retries the whole batch: any failure fails the whole batch.',
      feedback:
        'No: that is the rule without ReportBatchItemFailures. With it, the records before the lowest reported sequence number are checkpointed.',
      rule: RULES['§3.4'],
      source: 'streams',
      wrongHere: (f) => (f.checkpointed ?? []).length > 0,
    },
    {
      id: 'response-ignored',
      text: 'Lambda ignores the response because the handler did not throw, and checkpoints the whole batch.',
      feedback:
        'No: Lambda ignores batchItemFailures only when FunctionResponseTypes does not include ReportBatchItemFailures; here it is on.',
      rule: RULES['§3.1'],
      source: 'common',
      wrongHere: (f) => (f.retried ?? []).length > 0,
    },
  ],
  'stream-exhausted': [
    {
      id: 'records-in-destination',
      text: 'The failed records themselves are sent to the on-failure destination.',
      feedback:
        'No: an SQS or SNS on-failure destination gets metadata (shard, sequence-number range, batch size), not the records; read them from the stream while they are retained. Only an S3 destination also gets the records.',
      rule: RULES['§3.4'],
      source: 'async',
      wrongHere: (f) => (f.deliveries ?? []).some((d) => d.delivered && d.destinationType !== 's3'),
    },
    {
      id: 'only-bad-skipped',
      text: 'Only the bad record is skipped; the rest of the batch is processed.',
      feedback: 'No: Lambda gives up on the whole batch (from the checkpoint), good records included.',
      rule: RULES['§3.4'],
      source: 'sqs',
      wrongHere: (f) => (f.skipped ?? []).length > 1,
    },
    {
      id: 'blocked-until-expiry',
      text: 'The shard stays blocked until the record expires from the stream.',
      feedback:
        'No: that is the default (MaximumRetryAttempts −1). With a finite MaximumRetryAttempts, Lambda discards the batch and continues with the shard.',
      rule: RULES['§3.4'],
      source: 'streams',
    },
    {
      id: 'function-dlq-exhausted',
      text: 'Lambda sends the records to the function’s dead-letter queue (DeadLetterConfig).',
      feedback:
        'No: the function’s dead-letter queue serves asynchronous invocation only; a stream mapping has its own on-failure destination.',
      rule: RULES['§2.6'],
      source: 'async',
    },
  ],
};
