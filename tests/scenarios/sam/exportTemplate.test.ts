/**
 * The exported SAM template: a leading comment about what a template cannot hold, the Serverless
 * transform, the function with its asynchronous settings, and resources for the queues, streams, tables
 * and destinations it names.
 */
import { describe, expect, it } from 'vitest';
import { getPreset } from '../../../src/scenarios/presets';
import { exportSamTemplate } from '../../../src/scenarios/sam';
import { parseTemplate } from '../../../src/scenarios/sam/parseTemplate';
import { mustValidate } from '../../../src/scenarios/validate';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function exported(id: string): { yaml: string; template: Json } {
  const yaml = exportSamTemplate(getPreset(id)!);
  const parsed = parseTemplate(yaml);
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  return { yaml, template: parsed.template.value as Json };
}

describe('exportSamTemplate', () => {
  it('starts with a comment saying the workload and behaviour are not in a template', () => {
    const { yaml } = exported('default');
    const comment = yaml.split('\n').filter((l) => l.startsWith('#'));
    expect(
      yaml.startsWith(
        '# SAM template exported by the Lambda invocation visualizer from the scenario "default"',
      ),
    ).toBe(true);
    expect(comment.join('\n')).toMatch(/the workload: the 1 item/);
    expect(comment.join('\n')).toMatch(/the handler's behaviour: durations, failures and return values/);
    expect(comment.join('\n')).toMatch(/1000 concurrent executions in us-east-1/);
  });

  it('is a SAM template: the Serverless transform and one AWS::Serverless::Function', () => {
    const { template } = exported('default');
    expect(template.Transform).toBe('AWS::Serverless-2016-10-31');
    expect(template.AWSTemplateFormatVersion).toBe('2010-09-09');
    const functions = (Object.values(template.Resources) as Json[]).filter(
      (r: Json) => r.Type === 'AWS::Serverless::Function',
    );
    expect(functions).toHaveLength(1);
  });

  it('§2.2 §2.5 §2.6 EventInvokeConfig with typed destinations and the DLQ, as resources of the template', () => {
    const { template } = exported('default');
    const fn = template.Resources.ProcessOrderFunction.Properties;
    expect(fn.EventInvokeConfig.DestinationConfig).toEqual({
      OnSuccess: { Type: 'EventBridge', Destination: { 'Fn::GetAtt': ['OrdersResults', 'Arn'] } },
      OnFailure: { Type: 'SQS', Destination: { 'Fn::GetAtt': ['OrdersFailed', 'Arn'] } },
    });
    expect(fn.DeadLetterQueue).toEqual({ Type: 'SQS', TargetArn: { 'Fn::GetAtt': ['OrdersDlq', 'Arn'] } });
    expect(template.Resources.OrdersResults).toEqual({
      Type: 'AWS::Events::EventBus',
      Properties: { Name: 'orders-results' },
    });
    expect(template.Resources.OrdersFailed).toEqual({
      Type: 'AWS::SQS::Queue',
      Properties: { QueueName: 'orders-failed' },
    });
  });

  it('§3.2 an SQS event with its queue, whose RedrivePolicy names the DLQ resource', () => {
    const { template } = exported('sqs-redrive-to-dlq');
    expect(template.Resources.ProcessOrderFunction.Properties.Events.Orders).toEqual({
      Type: 'SQS',
      Properties: { Queue: { 'Fn::GetAtt': ['OrdersQueue', 'Arn'] }, BatchSize: 10 },
    });
    expect(template.Resources.OrdersQueue.Properties).toEqual({
      QueueName: 'orders-queue',
      VisibilityTimeout: 60,
      MessageRetentionPeriod: 345_600,
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': ['OrdersQueueDlq', 'Arn'] }, maxReceiveCount: 3 },
    });
  });

  it('§3.3 a FIFO queue keeps FifoQueue', () => {
    const { template } = exported('sqs-fifo-group-blocking');
    expect(template.Resources.OrdersQueueFifo.Properties).toMatchObject({
      QueueName: 'orders-queue.fifo',
      FifoQueue: true,
    });
  });

  it('§3.4 a Kinesis event with bisect, retries and the on-failure destination; its stream', () => {
    const { template } = exported('kinesis-bisect');
    expect(template.Resources.ProcessOrdersFunction.Properties.Events.Orders.Properties).toEqual({
      Stream: { 'Fn::GetAtt': ['OrdersStream', 'Arn'] },
      BatchSize: 100,
      StartingPosition: 'TRIM_HORIZON',
      MaximumRetryAttempts: 0,
      BisectBatchOnFunctionError: true,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': ['OrdersStreamFailures', 'Arn'] } } },
    });
    expect(template.Resources.OrdersStream.Properties).toEqual({
      Name: 'orders-stream',
      ShardCount: 1,
      RetentionPeriodHours: 24,
    });
  });

  it('§3.5 a DynamoDB event reads the table’s StreamArn; the table has a stream', () => {
    const { template } = exported('dynamodb-poison-default');
    const [event] = Object.values(template.Resources.SyncOrdersFunction.Properties.Events) as Json[];
    expect(event!.Properties.Stream).toEqual({ 'Fn::GetAtt': ['Orders', 'StreamArn'] });
    expect(template.Resources.Orders.Properties.StreamSpecification).toEqual({
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    });
  });

  it('§1.5 an API Gateway caller is an Api event with the method and path of its requests', () => {
    const { template } = exported('api-gateway-timeout');
    expect(template.Resources.ProcessOrderFunction.Properties.Events.Api).toEqual({
      Type: 'Api',
      Properties: { Path: '/orders', Method: 'POST' },
    });
  });

  it('callers that are not AWS services are listed in the comment, not as events', () => {
    const { yaml, template } = exported('sync-success');
    expect(template.Resources.ProcessOrderFunction.Properties.Events).toBeUndefined();
    expect(yaml).toMatch(/^# - source "[a-z-]+": synchronous calls by a client calling Invoke$/m);
  });

  it('writes no YAML anchors, and a title cannot break out of the comment', () => {
    const scenario = mustValidate({
      ...getPreset('default')!,
      title: 'Two\nlines\r\nResources: injected',
      function: {
        ...getPreset('default')!.function,
        EventInvokeConfig: {
          DestinationConfig: {
            OnSuccess: { Destination: 'arn:aws:sqs:us-east-1:123456789012:same' },
            OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:same' },
          },
        },
      },
    });
    const yaml = exportSamTemplate(scenario);
    expect(yaml).not.toMatch(/[&*]a\d/);
    expect(yaml).not.toMatch(/^Resources: injected/m);
    const parsed = parseTemplate(yaml);
    expect(parsed.ok && Object.keys((parsed.template.value as Json).Resources)).toContain('Same');
  });
});
