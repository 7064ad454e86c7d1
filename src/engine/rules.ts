/**
 * The rules of aws-semantics.md that the engine implements, by section. Every log event carries one of
 * these section keys in `rule`; the narration's "why?" and the fidelity table are built from this list.
 */
import type { RuleRef } from './types';

export interface RuleInfo {
  section: RuleRef;
  title: string;
  /** The AWS documentation page behind the rule. */
  url: string;
}

const DG = 'https://docs.aws.amazon.com/lambda/latest/dg/';

export const RULES = {
  '§1.1': {
    section: '§1.1',
    title: 'What a synchronous caller gets back',
    url: 'https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html',
  },
  '§1.2': { section: '§1.2', title: 'Function timeout', url: `${DG}configuration-timeout.html` },
  '§1.3': { section: '§1.3', title: 'Payload limits', url: `${DG}gettingstarted-limits.html` },
  '§1.4': {
    section: '§1.4',
    title: 'Lambda never retries synchronous calls; clients do',
    url: `${DG}invocation-retries.html`,
  },
  '§1.5': {
    section: '§1.5',
    title: 'Services that invoke synchronously (API Gateway, ALB)',
    url: `${DG}services-apigateway-errors.html`,
  },
  '§2.1': {
    section: '§2.1',
    title: 'Asynchronous acceptance (202) and the event queue',
    url: `${DG}invocation-async.html`,
  },
  '§2.2': {
    section: '§2.2',
    title: 'Function errors: two retries, ≈1 min then ≈2 min',
    url: `${DG}invocation-async-error-handling.html`,
  },
  '§2.3': {
    section: '§2.3',
    title: 'Throttles and system errors: backoff 1 s → 5 min within the event age',
    url: `${DG}invocation-async-error-handling.html`,
  },
  '§2.4': {
    section: '§2.4',
    title: 'At least once, no ordering',
    url: `${DG}invocation-async-error-handling.html`,
  },
  '§2.5': { section: '§2.5', title: 'Destinations', url: `${DG}invocation-async-retain-records.html` },
  '§2.6': { section: '§2.6', title: 'Dead-letter queue', url: `${DG}invocation-async-retain-records.html` },
  '§2.7': { section: '§2.7', title: 'Metrics', url: `${DG}monitoring-metrics-types.html` },
  '§3.1': {
    section: '§3.1',
    title: 'Event source mappings: pollers invoke synchronously with batches, at least once',
    url: `${DG}invocation-eventsourcemapping.html`,
  },
  '§3.2': {
    section: '§3.2',
    title: 'SQS: visibility timeout, deletion, partial batch responses, scaling',
    url: `${DG}with-sqs.html`,
  },
  '§3.3': { section: '§3.3', title: 'SQS FIFO: order per message group', url: `${DG}with-sqs.html` },
  '§3.4': {
    section: '§3.4',
    title: 'Kinesis: shards, retries, bisect, checkpoints, on-failure',
    url: `${DG}with-kinesis.html`,
  },
  '§3.5': { section: '§3.5', title: 'DynamoDB Streams', url: `${DG}with-ddb.html` },
  '§4': { section: '§4', title: 'Concurrency and scaling', url: `${DG}lambda-concurrency.html` },
  '§4.scaling': {
    section: '§4.scaling',
    title: 'Scaling rate: 1,000 environments per 10 s per function',
    url: `${DG}scaling-behavior.html`,
  },
  '§4.reserved': {
    section: '§4.reserved',
    title: 'Reserved concurrency',
    url: `${DG}configuration-concurrency.html`,
  },
  '§4.provisioned': {
    section: '§4.provisioned',
    title: 'Provisioned concurrency and spillover',
    url: `${DG}provisioned-concurrency.html`,
  },
  '§4.env': {
    section: '§4.env',
    title: 'Execution environments: cold start, reuse, reaping',
    url: `${DG}lambda-runtime-environment.html`,
  },
  '§5': { section: '§5', title: 'Billing', url: 'https://aws.amazon.com/lambda/pricing/' },
  '§9': {
    section: '§9',
    title: 'Behaviours recorded against AWS',
    url: `${DG}invocation-async-retain-records.html`,
  },
} as const satisfies Record<string, RuleInfo>;

export type RuleKey = keyof typeof RULES;
