/** The full-model bench's scenarios pass the scenario gate, whatever their size. */
import { describe, expect, it } from 'vitest';
import { kinesisScenario, sqsScenario } from '../../bench/model/scenarios';
import { parseScenarioJson } from '../../src/scenarios/validate';
import { workloadOf } from '../../src/scenarios/workload';

function workload(text: string) {
  const v = parseScenarioJson(text);
  if (!v.ok) throw new Error(v.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return workloadOf(v.scenario.sources[0]!);
}

describe('bench scenarios', () => {
  it('SQS: up to 1,000,000 messages is one workload entry', () => {
    expect(workload(sqsScenario(1_000_000)).map((e) => e.count)).toEqual([1_000_000]);
  });

  it('SQS: more messages are split into entries of at most 1,000,000', () => {
    const entries = workload(sqsScenario(2_940_000));
    expect(entries.map((e) => e.count)).toEqual([1_000_000, 1_000_000, 940_000]);
    expect(new Set(entries.map((e) => e.id)).size).toBe(3);
  });

  it('Kinesis: shards × records per shard, one per millisecond', () => {
    const entries = workload(kinesisScenario(100, 1_000));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ count: 100_000, everyMs: 1 });
  });
});
