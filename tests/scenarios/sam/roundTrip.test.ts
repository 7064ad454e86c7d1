/**
 * Export then import: for every preset, the SAM template the exporter writes imports back to the same
 * function and event source settings. Workload and behaviour are not in a template, and callers that are
 * not AWS services (a client calling Invoke) have no SAM event, so those are left out of the comparison.
 */
import { describe, expect, it } from 'vitest';
import { getPreset, PRESET_IDS } from '../../../src/scenarios/presets';
import { exportSamTemplate } from '../../../src/scenarios/sam';
import type { Scenario, Source } from '../../../src/scenarios/schema';
import { importOk } from './samHelpers';

/** Sources a SAM template can declare: API Gateway, the AWS services that invoke asynchronously, queues and streams. */
function exportable(source: Source): boolean {
  if (source.type === 'sync') return source.caller === 'api-gateway';
  if (source.type === 'async') return source.caller !== 'direct';
  return true;
}

/** The settings a template carries, without workload, behaviour, ids or simulation-only fields. */
function settings(scenario: Scenario) {
  const { behavior: _behavior, ...fn } = scenario.function;
  const sources = scenario.sources.filter(exportable).map((source) => {
    switch (source.type) {
      case 'sync':
        return {
          type: source.type,
          caller: source.caller,
          TimeoutInMillis: source.TimeoutInMillis ?? 29_000,
        };
      case 'async':
        return { type: source.type, caller: source.caller };
      case 'sqs':
        return { type: source.type, queue: source.queue, mapping: source.mapping };
      default: {
        const { createdAtMs: _created, ...mapping } = source.mapping;
        const { ShardCount, ...stream } = source.stream;
        // DynamoDB decides a stream's shards: a template cannot say how many.
        return {
          type: source.type,
          stream: source.type === 'kinesis' ? { ...stream, ShardCount } : stream,
          mapping,
        };
      }
    }
  });
  return { function: fn, sources };
}

describe('export every preset as SAM, import it back', () => {
  it.each(PRESET_IDS)('%s: the function and event source settings survive the round trip', (id) => {
    const preset = getPreset(id)!;
    const yaml = exportSamTemplate(preset);
    const back = importOk(yaml, { region: preset.account.Region, accountId: preset.account.AccountId });
    expect(settings(back.valid)).toEqual(settings(preset));
  });

  it('the comparison is not empty: presets cover every kind of exportable source and the async settings', () => {
    const all = PRESET_IDS.map((id) => settings(getPreset(id)!));
    const kinds = new Set(all.flatMap((s) => s.sources.map((src) => src.type)));
    expect([...kinds].sort()).toEqual(['async', 'dynamodb', 'kinesis', 'sqs', 'sync']);
    expect(all.some((s) => s.function.EventInvokeConfig?.DestinationConfig?.OnSuccess)).toBe(true);
    expect(all.some((s) => s.function.DeadLetterConfig)).toBe(true);
  });

  it('a scenario in another account and Region keeps its ARNs (with the account passed to the import)', () => {
    const preset = getPreset('async-succeeds-on-third-attempt')!;
    const moved: Scenario = {
      ...preset,
      account: { ...preset.account, Region: 'eu-west-1', AccountId: '111122223333' },
      function: {
        ...preset.function,
        EventInvokeConfig: {
          DestinationConfig: {
            OnSuccess: { Destination: 'arn:aws:events:eu-west-1:111122223333:event-bus/results' },
            OnFailure: { Destination: 'arn:aws:sqs:eu-west-1:999999999999:elsewhere' },
          },
        },
      },
    };
    const yaml = exportSamTemplate(moved);
    expect(yaml).toContain('Destination: arn:aws:sqs:eu-west-1:999999999999:elsewhere'); // another account: the ARN as written
    const back = importOk(yaml, { region: 'eu-west-1', accountId: '111122223333' });
    expect(back.valid.function.EventInvokeConfig).toEqual(moved.function.EventInvokeConfig);
  });
});
