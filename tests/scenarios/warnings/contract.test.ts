/**
 * What every warning promises, checked for every check over a set of misconfigured scenarios and over
 * every preset: a rule with an AWS page, a path that exists in the scenario's structure, a fix that
 * validates and removes the warning, and a demonstration that validates and keeps the misconfiguration.
 */
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../src/engine/rules';
import { PRESET_IDS, getPreset } from '../../../src/scenarios/presets';
import type { Scenario } from '../../../src/scenarios/schema';
import { awsFieldName, findWarnings, settingOwner, WARNING_CHECKS } from '../../../src/scenarios/warnings';
import { demoOf, expectFixRemoves, scenarioOf } from './helpers';

const DLQ = 'arn:aws:sqs:us-east-1:123456789012:dlq';

/** One scenario with many pitfalls at once: every registered check finds something in one of these. */
const FIXTURES: Record<string, () => Scenario> = {
  'sqs and a sync caller': () =>
    scenarioOf({
      function: { Timeout: 90, ReservedConcurrentExecutions: 3 },
      sources: [
        { type: 'sync', id: 'api', caller: 'api-gateway', requests: [{}] },
        { type: 'sync', id: 'cli', caller: 'aws-cli', requests: [{}] },
        { type: 'sqs', id: 'a', queue: { QueueName: 'a', VisibilityTimeout: 30 }, messages: [{}] },
        {
          type: 'sqs',
          id: 'b',
          queue: {
            QueueName: 'b',
            VisibilityTimeout: 200,
            RedrivePolicy: { deadLetterTargetArn: DLQ, maxReceiveCount: 2 },
          },
          mapping: { ScalingConfig: { MaximumConcurrency: 10 } },
          messages: [{}],
        },
      ],
    }),
  'streams and async': () =>
    scenarioOf({
      function: { EventInvokeConfig: { MaximumEventAgeInSeconds: 60 } },
      sources: [
        { type: 'async', id: 'bus', caller: 'eventbridge', requests: [{}] },
        {
          type: 'kinesis',
          id: 'k',
          stream: { StreamName: 'k' },
          mapping: { StartingPosition: 'LATEST' },
          records: [{}],
        },
        {
          type: 'dynamodb',
          id: 'd',
          stream: { StreamName: 'd' },
          mapping: { StartingPosition: 'TRIM_HORIZON', MaximumRetryAttempts: 3 },
          records: [{}],
        },
      ],
    }),
  'fifo destination and no concurrency': () =>
    scenarioOf({
      function: {
        ReservedConcurrentExecutions: 0,
        EventInvokeConfig: { DestinationConfig: { OnFailure: { Destination: `${DLQ}.fifo` } } },
      },
      sources: [{ type: 'async', id: 'uploads', caller: 's3', requests: [{}] }],
    }),
};

function checkWarnings(scenario: Scenario, where: string): void {
  for (const w of findWarnings(scenario)) {
    const at = `${where}: ${w.id}`;
    expect(RULES[w.rule as keyof typeof RULES], `${at} rule ${w.rule}`).toBeDefined();
    expect(w.title.length, at).toBeGreaterThan(0);
    const sentences = w.reason.split(/(?<=[.!?])\s+(?=[A-Z])/);
    expect(sentences.length, `${at}: 1–3 sentences: ${w.reason}`).toBeLessThanOrEqual(3);
    expect(w.path, at).toMatch(/^(function|sources\.\d+)(\.[A-Za-z]+)*$/);
    expect(awsFieldName(w.path).length, at).toBeGreaterThan(0);
    expect(settingOwner(scenario, w.path).length, at).toBeGreaterThan(0);
    if (w.sourceId !== undefined)
      expect(
        scenario.sources.map((s) => s.id),
        at,
      ).toContain(w.sourceId);
    expectFixRemoves(scenario, w);
    const demo = demoOf(w);
    expect(demo.tags, at).toContain('see-it-happen');
    expect(demo.sources, at).toHaveLength(1);
  }
}

describe('design "Scenarios" the warning contract', () => {
  it('§9 every registered check fires on at least one fixture', () => {
    const silent = WARNING_CHECKS.filter((check) =>
      Object.values(FIXTURES).every((make) => check(make()).length === 0),
    );
    expect(silent.map((c) => c.name)).toEqual([]);
  });

  for (const [name, make] of Object.entries(FIXTURES)) {
    it(`§9 ${name}: rule, path, owner, fix and demonstration of every warning`, () =>
      checkWarnings(make(), name));
  }
});

describe('design "Scenarios" warnings over the presets', () => {
  it('§9 findWarnings runs over every preset without throwing, and each warning keeps the contract', () => {
    for (const id of PRESET_IDS) {
      const scenario = getPreset(id)!;
      expect(() => findWarnings(scenario), id).not.toThrow();
      checkWarnings(scenario, id);
    }
  });

  const expected: Record<string, string[]> = {
    'sqs-visibility-too-short': ['sqs-visibility-below-function-timeout'],
    'kinesis-poison-blocks-shard': ['stream-poison-blocks-shard'],
    'dynamodb-poison-default': ['stream-poison-blocks-shard'],
    'sqs-redrive-to-dlq': ['sqs-max-receive-count-below-5'],
    'api-gateway-timeout': ['api-gateway-integration-timeout'],
    'async-max-event-age': ['async-event-age-too-short-for-retries'],
    'async-zero-reserved-concurrency': ['reserved-concurrency-zero'],
  };
  for (const [preset, ids] of Object.entries(expected)) {
    it(`§9 the preset ${preset}, misconfigured on purpose, gets ${ids.join(', ')}`, () => {
      const found = findWarnings(getPreset(preset)!).map((w) => w.id);
      for (const id of ids) expect(found).toContain(id);
    });
  }

  it('§9 presets configured the recommended way get no warning', () => {
    for (const id of ['default', 'sync-success', 'async-dlq', 'async-retries-exhausted']) {
      expect(
        findWarnings(getPreset(id)!).map((w) => w.id),
        id,
      ).toEqual([]);
    }
  });
});

describe('awsFieldName and settingOwner', () => {
  it('names settings as AWS does and the resource they belong to', () => {
    expect(awsFieldName('sources.0.queue.VisibilityTimeout')).toBe('VisibilityTimeout');
    expect(awsFieldName('sources.2.queue.RedrivePolicy.maxReceiveCount')).toBe(
      'RedrivePolicy.maxReceiveCount',
    );
    expect(awsFieldName('function.EventInvokeConfig.MaximumEventAgeInSeconds')).toBe(
      'EventInvokeConfig.MaximumEventAgeInSeconds',
    );
    expect(awsFieldName('sources.0.readTimeoutSeconds')).toContain('--cli-read-timeout');
    const s = FIXTURES['sqs and a sync caller']!();
    expect(settingOwner(s, 'sources.2.queue.VisibilityTimeout')).toBe('SQS queue a');
    expect(settingOwner(s, 'sources.3.mapping.ScalingConfig.MaximumConcurrency')).toBe(
      'event source mapping of b',
    );
    expect(settingOwner(s, 'function.Timeout')).toBe('function my-function');
    expect(settingOwner(s, 'sources.0.TimeoutInMillis')).toBe('API Gateway caller "api"');
  });
});
