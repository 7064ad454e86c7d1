/**
 * A source's workload, in a module of its own with no schema code: the engine and the page read it, and
 * importing it from schema.ts would build every zod schema wherever it is imported (on the page, before
 * zod is told not to compile: docs/security.md).
 */
import type { Source, WorkloadSpec } from './schema';

/** A source's workload: its requests, messages or records. */
export function workloadOf(source: Source): ReadonlyArray<WorkloadSpec> {
  switch (source.type) {
    case 'sqs':
      return source.messages;
    case 'kinesis':
    case 'dynamodb':
      return source.records;
    default:
      return source.requests;
  }
}
