/** The comparison table's numbers, checked against runs whose story is known (§2.2, §2.6, §3.2). */
import { describe, expect, it } from 'vitest';
import { comparisonRow } from '../../../src/store/compare/comparisonRow';
import { presetRun } from '../fixtures';

describe('comparisonRow', () => {
  it('§2.2 async retries exhausted with no destination: three attempts, and the event is lost', () => {
    const row = comparisonRow(presetRun('async-retries-exhausted').results);
    expect(row.items).toBe(1);
    expect(row.attempts).toBe(3);
    expect(row.succeeded).toBe(0);
    expect(row.lost + (row.failuresTo['on-failure'] ?? 0) + (row.failuresTo.dlq ?? 0)).toBe(1);
  });

  it('§2.6 a DLQ receives the failed event: not lost', () => {
    const row = comparisonRow(presetRun('async-dlq').results);
    expect(row.failuresTo.dlq).toBe(1);
    expect(row.lost).toBe(0);
  });

  it('§3.2 a visibility timeout shorter than the function: the message is processed twice', () => {
    const row = comparisonRow(presetRun('sqs-visibility-too-short').results);
    expect(row.duplicates).toBeGreaterThanOrEqual(1);
  });

  it('§1.1 a synchronous success: latency is the request’s, cost and concurrency come from the metrics', () => {
    const { results } = presetRun('sync-success');
    const row = comparisonRow(results);
    expect(row.succeeded).toBe(row.items);
    expect(row.latencyP50Ms).toBeGreaterThan(0);
    expect(row.concurrencyPeak).toBe(results.metrics.ConcurrentExecutionsMax);
    expect(row.costUsd).toBe(results.metrics.CostUSD);
    expect(row.failuresTo).toEqual({});
  });
});
