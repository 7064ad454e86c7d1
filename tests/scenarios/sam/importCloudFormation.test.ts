/**
 * Importing plain CloudFormation (JSON): AWS::Lambda::Function, AWS::Lambda::EventSourceMapping and
 * AWS::Lambda::EventInvokeConfig wired by Ref/GetAtt; and a SAM template whose settings come from
 * Parameters, Mappings, Conditions and Globals through !Sub, !If, !FindInMap and friends.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/engine/simulation';
import { expectLine, importFixture, linesAt } from './samHelpers';

describe('plain CloudFormation in JSON (cloudformation.json)', () => {
  const { raw, valid, report, functions } = importFixture('cloudformation.json');

  it('AWS::Lambda::Function: numbers written as strings are read as numbers', () => {
    expect(functions).toEqual(['ShipmentsFunction']);
    expect(raw.function).toMatchObject({
      FunctionName: 'ship-orders',
      Runtime: 'python3.12',
      Timeout: 30,
      MemorySize: 256,
      ReservedConcurrentExecutions: 10,
    });
    expect(
      expectLine(report, 'understood', 'Resources.ShipmentsFunction.Properties.Timeout', /Timeout 30/).line,
    ).toBe(29);
    expectLine(report, 'ignored', 'Resources.ShipmentsFunction.Properties.Code', /the code is not run/);
    expectLine(
      report,
      'ignored',
      'Resources.ShipmentsFunction.Properties.Role',
      /permissions are not simulated/,
    );
  });

  it('§3.2 AWS::Lambda::EventSourceMapping finds its function by Ref and its queue by GetAtt; a RedrivePolicy written as JSON text is read', () => {
    expect(valid.sources).toHaveLength(1);
    expect(valid.sources[0]).toMatchObject({
      type: 'sqs',
      id: 'shipments-mapping',
      queue: {
        QueueName: 'shipments',
        VisibilityTimeout: 180,
        RedrivePolicy: {
          deadLetterTargetArn: 'arn:aws:sqs:us-east-1:123456789012:shipments-dlq',
          maxReceiveCount: 4,
        },
      },
      mapping: {
        BatchSize: 20,
        MaximumBatchingWindowInSeconds: 5,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      },
    });
    expectLine(report, 'understood', 'Resources.ShipmentsMapping', /Event source mapping → sources\[0\]/);
    expectLine(report, 'assumed', 'Resources.ShipmentsMapping.Properties', /10 messages/);
  });

  it('§2.2 §2.5 AWS::Lambda::EventInvokeConfig becomes function.EventInvokeConfig (Fn::Sub ARN resolved)', () => {
    expect(raw.function.EventInvokeConfig).toEqual({
      MaximumRetryAttempts: 0,
      MaximumEventAgeInSeconds: 600,
      DestinationConfig: {
        OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:shipments-failed' },
      },
    });
    expectLine(
      report,
      'understood',
      'Resources.ShipmentsAsyncConfig.Properties.MaximumEventAgeInSeconds',
      /600 → function\.EventInvokeConfig\.MaximumEventAgeInSeconds/,
    );
  });

  it('§3.2 warnings point at the queue fields: visibility below 6 × Timeout + window, maxReceiveCount below 5', () => {
    expectLine(
      report,
      'warnings',
      'Resources.ShipmentsQueue.Properties.VisibilityTimeout',
      /6 × 30 s \+ 5 s = 185 s/,
    );
    expectLine(
      report,
      'warnings',
      'Resources.ShipmentsQueue.Properties.RedrivePolicy',
      /maxReceiveCount is 4/,
    );
  });

  it('Lambda::Permission and the IAM role are reported as not simulated', () => {
    expectLine(report, 'ignored', 'Resources.ShipmentsInvokePermission', /Permissions are not simulated/);
    expectLine(report, 'ignored', 'Resources.ShipmentsRole', /AWS::IAM::Role: permissions are not simulated/);
    expect(linesAt(report, 'ignored', 'Resources.ShipmentsQueue')).toEqual([]);
  });

  it('the scenario runs: the ten messages are processed', () => {
    const sim = createSimulation(valid);
    sim.run();
    const items = sim.results().items;
    expect(items.map((i) => i.outcome)).toEqual(Array(10).fill('succeeded'));
  });
});

describe('Globals, Parameters and intrinsics (globals-parameters.yaml)', () => {
  const { raw, report } = importFixture('globals-parameters.yaml');
  const FN = 'Resources.BillingFunction.Properties';

  it('Globals.Function fills what the function leaves out; the function’s own Timeout wins', () => {
    expect(raw.function).toMatchObject({
      Runtime: 'python3.12',
      Timeout: 30,
      MemorySize: 1024,
      Architectures: ['arm64'],
    });
    expectLine(report, 'understood', 'Globals.Function.Runtime', /"python3\.12" → function\.Runtime/);
    expectLine(report, 'understood', 'Globals.Function.MemorySize', /1024 → function\.MemorySize/);
    expectLine(report, 'understood', `${FN}.Timeout`, /Timeout 30/);
    expectLine(report, 'ignored', 'Globals.Function.Environment', /environment variables/);
    expectLine(report, 'ignored', 'Globals.Api', /only Globals\.Function is read/);
  });

  it('!Sub with ${AWS::StackName} and a parameter default; !Join of a parameter', () => {
    expect(raw.function.FunctionName).toBe('sam-app-billing-prod');
    expect(raw.sources[0].queue.QueueName).toBe('prod-invoices');
  });

  it('!If on a condition from !Equals; !FindInMap; !Select of !Split; an ARN from !Sub with pseudo parameters', () => {
    expect(raw.function.ReservedConcurrentExecutions).toBe(100);
    expect(raw.sources[0].mapping.BatchSize).toBe(25);
    expect(raw.function.EventInvokeConfig).toEqual({ MaximumRetryAttempts: 1 });
    expect(raw.function.DeadLetterConfig).toEqual({
      TargetArn: 'arn:aws:sqs:us-east-1:123456789012:billing-dlq-prod',
    });
  });

  it('!ImportValue cannot be resolved: reported where it is used, and left out', () => {
    expectLine(
      report,
      'ignored',
      `${FN}.EventInvokeConfig.DestinationConfig.OnFailure.Destination`,
      /could not be resolved \(Fn::ImportValue/,
    );
  });

  it('a resource whose Condition is false is reported as not created', () => {
    expectLine(report, 'ignored', 'Resources.DevOnlyQueue', /Condition IsDev is false/);
  });

  it('other Regions and accounts: pseudo parameters and ARNs follow the options', () => {
    const { raw: other } = importFixture('globals-parameters.yaml', {
      region: 'eu-west-1',
      accountId: '111122223333',
    });
    expect(other.function.DeadLetterConfig.TargetArn).toBe(
      'arn:aws:sqs:eu-west-1:111122223333:billing-dlq-prod',
    );
    expect(other.account).toEqual({ Region: 'eu-west-1', AccountId: '111122223333' });
  });
});

describe('several functions (two-functions.yaml)', () => {
  it('imports the first by default and lists them all', () => {
    const { raw, functions, functionLogicalId, report } = importFixture('two-functions.yaml');
    expect(functions).toEqual(['ProducerFunction', 'WorkerFunction']);
    expect(functionLogicalId).toBe('ProducerFunction');
    expect(raw.function.FunctionName).toBe('producer');
    expectLine(
      report,
      'assumed',
      'Resources',
      /2 functions \(ProducerFunction, WorkerFunction\).*ProducerFunction is imported/,
    );
    expectLine(report, 'ignored', 'Resources.WorkerFunction', /Another function/);
  });

  it('imports the one asked for, with its own event source', () => {
    const { raw, functionLogicalId, report } = importFixture('two-functions.yaml', {
      functionLogicalId: 'WorkerFunction',
    });
    expect(functionLogicalId).toBe('WorkerFunction');
    expect(raw.function).toMatchObject({ FunctionName: 'worker', Timeout: 120 });
    expect(raw.sources[0]).toMatchObject({
      type: 'sqs',
      queue: { QueueName: 'JobsQueue', VisibilityTimeout: 720 },
    });
    expectLine(report, 'ignored', 'Resources.ProducerFunction', /Another function/);
  });
});
