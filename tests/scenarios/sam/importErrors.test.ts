/**
 * Templates that cannot become a scenario: the errors say where and why, with AWS's wording for values
 * out of range (§9), and the report of what was read so far comes with them when there is one.
 */
import { describe, expect, it } from 'vitest';
import { importTemplate } from '../../../src/scenarios/sam';
import { fixture, importOk } from './samHelpers';

function errorsOf(text: string, options?: Parameters<typeof importTemplate>[1]) {
  const result = importTemplate(text, options);
  if (result.ok) expect.fail('the import should have failed');
  return result;
}

describe('import errors', () => {
  it('bad YAML: the error names the line and column', () => {
    const { errors, functions } = errorsOf(fixture('bad-yaml.template'));
    expect(errors[0]!.path).toBe('(template)');
    expect(errors[0]!.message).toMatch(/^YAML syntax error at line (9|10), column \d+: /);
    expect(functions).toEqual([]);
  });

  it('no Resources', () => {
    const { errors } = errorsOf(fixture('no-resources.yaml'));
    expect(errors).toEqual([
      {
        path: 'Resources',
        message:
          'The template has no Resources: a SAM or CloudFormation template declares its function under Resources.',
      },
    ]);
  });

  it('no function', () => {
    const { errors } = errorsOf(fixture('no-function.yaml'));
    expect(errors[0]).toMatchObject({ path: 'Resources' });
    expect(errors[0]!.message).toMatch(
      /^No function: the template has no AWS::Serverless::Function or AWS::Lambda::Function/,
    );
  });

  it('§1.2 Timeout 901: AWS’s validation message, at the template field and its line', () => {
    const { errors, report } = errorsOf(fixture('timeout-901.yaml'));
    expect(errors).toEqual([
      {
        path: 'Resources.SlowFunction.Properties.Timeout',
        message:
          "1 validation error detected: Value '901' at 'timeout' failed to satisfy constraint: Member must have value less than or equal to 900",
        line: 11,
      },
    ]);
    expect(report?.understood.some((l) => l.path === 'Resources.SlowFunction.Properties.Timeout')).toBe(true);
  });

  it('§1.2 a Timeout from Globals is blamed on Globals.Function.Timeout', () => {
    const text =
      fixture('timeout-901.yaml').replace('      Timeout: 901\n', '') +
      'Globals:\n  Function:\n    Timeout: 0\n';
    const { errors } = errorsOf(text);
    expect(errors[0]).toMatchObject({ path: 'Globals.Function.Timeout' });
    expect(errors[0]!.message).toMatch(/Value '0' at 'timeout' .*greater than or equal to 1/);
  });

  it('§3.4 a Kinesis event without StartingPosition: AWS’s "must not be null" at the event’s Properties', () => {
    const text = fixture('kinesis-bisect.yaml').replace('            StartingPosition: TRIM_HORIZON\n', '');
    const { errors } = errorsOf(text);
    expect(errors).toContainEqual(
      expect.objectContaining({
        path: 'Resources.ClickstreamFunction.Properties.Events.Clicks.Properties',
        message:
          "1 validation error detected: Value null at 'startingPosition' failed to satisfy constraint: Member must not be null.",
      }),
    );
  });

  it('§3.5 DynamoDB with AT_TIMESTAMP: AWS’s "Unsupported starting position" at the field', () => {
    const text = fixture('dynamodb-stream.yaml').replace(
      'StartingPosition: LATEST',
      'StartingPosition: AT_TIMESTAMP',
    );
    const { errors } = errorsOf(text);
    expect(errors[0]).toMatchObject({
      path: 'Resources.IndexerFunction.Properties.Events.OrderChanges.Properties.StartingPosition',
      message: expect.stringMatching(
        /^Unsupported starting position for arn type: arn:aws:dynamodb:us-east-1:123456789012:table\/orders\/stream\//,
      ),
    });
  });

  it('§3.3 a FIFO queue with BatchSize 11 is rejected at the event’s BatchSize', () => {
    const text = fixture('fifo-queue.yaml').replace('BatchSize: 10', 'BatchSize: 11');
    const { errors } = errorsOf(text);
    expect(errors[0]!.path).toBe(
      'Resources.PaymentsFunction.Properties.Events.Payments.Properties.BatchSize',
    );
  });

  it('a function asked for that is not in the template', () => {
    const { errors, functions } = errorsOf(fixture('two-functions.yaml'), { functionLogicalId: 'Nope' });
    expect(functions).toEqual(['ProducerFunction', 'WorkerFunction']);
    expect(errors[0]!.message).toMatch(/No function Nope .* ProducerFunction, WorkerFunction/);
  });

  it('text that is not a template at all, and empty text', () => {
    expect(errorsOf('- just\n- a list').errors[0]!.message).toMatch(/not a template/);
    expect(errorsOf('').errors[0]!.message).toMatch(/empty/);
  });

  it('a function with no event source gets one direct caller, reported as assumed', () => {
    const { raw, report } = importOk(fixture('timeout-901.yaml').replace('Timeout: 901', 'Timeout: 900'));
    expect(raw.sources).toEqual([
      {
        type: 'sync',
        id: 'client',
        caller: 'direct',
        requests: [{ atMs: 0, payload: { orderId: 'order-1' } }],
      },
    ]);
    expect(
      report.assumed.some((l) =>
        /No event source: a client invokes the function synchronously/.test(l.message),
      ),
    ).toBe(true);
  });
});
