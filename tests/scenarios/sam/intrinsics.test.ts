/**
 * Resolving intrinsic functions as far as a template alone allows: parameters with defaults, pseudo
 * parameters, Ref and GetAtt of resources in AWS's name and ARN formats, and the string and condition
 * functions. What needs a deployed stack comes back as Unresolved with its reason.
 */
import { describe, expect, it } from 'vitest';
import { Unresolved } from '../../../src/scenarios/sam/intrinsics';
import { parseTemplate } from '../../../src/scenarios/sam/parseTemplate';
import { createTemplateContext } from '../../../src/scenarios/sam/templateContext';

const TEMPLATE = `
Parameters:
  Stage: { Type: String, Default: prod }
  Subnets: { Type: CommaDelimitedList, Default: 'subnet-a, subnet-b' }
  NoDefault: { Type: String }
  FromSsm: { Type: 'AWS::SSM::Parameter::Value<String>', Default: /config/stage }
Mappings:
  Sizes:
    prod: { Memory: 1024 }
Conditions:
  IsProd: !Equals [!Ref Stage, prod]
  IsDev: !Not [!Condition IsProd]
  Both: !And [!Condition IsProd, !Equals ['1', 1]]
  Either: !Or [!Condition IsDev, !Condition IsProd]
Resources:
  Queue: { Type: AWS::SQS::Queue, Properties: { QueueName: !Sub '\${Stage}-orders' } }
  FifoQueue: { Type: AWS::SQS::Queue, Properties: { FifoQueue: true } }
  Topic: { Type: AWS::SNS::Topic, Properties: { TopicName: alerts } }
  Stream: { Type: AWS::Kinesis::Stream, Properties: { Name: clicks, ShardCount: 1 } }
  Table: { Type: AWS::DynamoDB::Table, Properties: { TableName: orders, StreamSpecification: { StreamViewType: NEW_IMAGE } } }
  PlainTable: { Type: AWS::DynamoDB::Table, Properties: { TableName: plain } }
  Fn: { Type: AWS::Serverless::Function, Properties: { FunctionName: process-order } }
  UnnamedFn: { Type: AWS::Lambda::Function, Properties: {} }
  Bucket: { Type: AWS::S3::Bucket }
  Bus: { Type: AWS::Events::EventBus, Properties: { Name: orders-bus } }
  Api: { Type: AWS::Serverless::Api, Properties: { StageName: prod } }
`;

function context(region = 'us-east-1', accountId = '123456789012') {
  const parsed = parseTemplate(TEMPLATE);
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  return createTemplateContext(parsed.template.value as Record<string, unknown>, { region, accountId });
}

/** Resolves a YAML snippet (so short-form tags can be used) in the template above. */
function resolve(snippet: string, region?: string): unknown {
  const parsed = parseTemplate(`V: ${snippet}`);
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  return context(region).resolve((parsed.template.value as { V: unknown }).V);
}

describe('Ref', () => {
  it('of a parameter gives its Default; a list parameter gives a list', () => {
    expect(resolve('!Ref Stage')).toBe('prod');
    expect(resolve('!Ref Subnets')).toEqual(['subnet-a', 'subnet-b']);
  });

  it('of pseudo parameters: us-east-1, 123456789012, aws (or the Region and account asked for)', () => {
    expect(
      resolve('[!Ref AWS::Region, !Ref AWS::AccountId, !Ref AWS::Partition, !Ref AWS::URLSuffix]'),
    ).toEqual(['us-east-1', '123456789012', 'aws', 'amazonaws.com']);
    expect(resolve('!Ref AWS::Region', 'eu-west-1')).toBe('eu-west-1');
  });

  it('of resources in AWS’s formats: queue URL, topic ARN, stream/table/function names', () => {
    expect(resolve('!Ref Queue')).toBe('https://sqs.us-east-1.amazonaws.com/123456789012/prod-orders');
    expect(resolve('!Ref Topic')).toBe('arn:aws:sns:us-east-1:123456789012:alerts');
    expect(resolve('!Ref Stream')).toBe('clicks');
    expect(resolve('!Ref Table')).toBe('orders');
    expect(resolve('!Ref Fn')).toBe('process-order');
    expect(resolve('!Ref Bucket')).toBe('bucket');
  });

  it('a resource without a name stands for itself by its logical id (a FIFO queue gets .fifo)', () => {
    expect(resolve('!GetAtt FifoQueue.QueueName')).toBe('FifoQueue.fifo');
    expect(resolve('!Ref UnnamedFn')).toBe('UnnamedFn');
  });

  it('a parameter without a Default, or read from SSM, is Unresolved with the reason', () => {
    expect(resolve('!Ref NoDefault')).toEqual(
      new Unresolved('parameter NoDefault has no Default: its value is given at deployment'),
    );
    expect((resolve('!Ref FromSsm') as Unresolved).reason).toMatch(/SSM Parameter Store/);
    expect((resolve('!Ref Nothing') as Unresolved).reason).toMatch(/neither a parameter nor a resource/);
    expect((resolve('!Ref Api') as Unresolved).reason).toMatch(/assigned at deployment/);
  });
});

describe('Fn::GetAtt', () => {
  it('gives ARNs in AWS’s formats', () => {
    expect(resolve('!GetAtt Queue.Arn')).toBe('arn:aws:sqs:us-east-1:123456789012:prod-orders');
    expect(resolve('!GetAtt Queue.QueueUrl')).toBe(
      'https://sqs.us-east-1.amazonaws.com/123456789012/prod-orders',
    );
    expect(resolve('!GetAtt Topic.TopicName')).toBe('alerts');
    expect(resolve('!GetAtt Stream.Arn')).toBe('arn:aws:kinesis:us-east-1:123456789012:stream/clicks');
    expect(resolve('!GetAtt Table.Arn')).toBe('arn:aws:dynamodb:us-east-1:123456789012:table/orders');
    expect(resolve('!GetAtt [Table, StreamArn]')).toBe(
      'arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2026-01-01T00:00:00.000',
    );
    expect(resolve('!GetAtt Fn.Arn')).toBe('arn:aws:lambda:us-east-1:123456789012:function:process-order');
    expect(resolve('!GetAtt Bucket.Arn')).toBe('arn:aws:s3:::bucket');
    expect(resolve('!GetAtt Bus.Arn')).toBe('arn:aws:events:us-east-1:123456789012:event-bus/orders-bus');
  });

  it('a table without StreamSpecification has no StreamArn', () => {
    expect((resolve('!GetAtt PlainTable.StreamArn') as Unresolved).reason).toMatch(/no StreamSpecification/);
  });
});

describe('Fn::Sub', () => {
  it('fills ${Parameter}, ${AWS::Pseudo} and ${Resource.Attribute}; ${!Literal} is written out', () => {
    expect(resolve("!Sub '${Stage}-${AWS::Region}-${Queue.Arn}-${!Literal}'")).toBe(
      'prod-us-east-1-arn:aws:sqs:us-east-1:123456789012:prod-orders-${Literal}',
    );
  });

  it('the sequence form takes its own variables first', () => {
    expect(resolve("!Sub ['${Stage}/${Size}', { Stage: dev, Size: !FindInMap [Sizes, prod, Memory] }]")).toBe(
      'dev/1024',
    );
  });

  it('an unresolvable variable makes the whole string Unresolved', () => {
    expect(resolve("!Sub '${NoDefault}-x'")).toBeInstanceOf(Unresolved);
  });
});

describe('list, map and condition functions', () => {
  it('Fn::Join, Fn::Select, Fn::Split, Fn::FindInMap', () => {
    expect(resolve("!Join ['-', [a, !Ref Stage, 3]]")).toBe('a-prod-3');
    expect(resolve("!Select [1, !Split [',', 'x,y,z']]")).toBe('y');
    expect(resolve('!Select [0, !Ref Subnets]')).toBe('subnet-a');
    expect(resolve('!FindInMap [Sizes, !Ref Stage, Memory]')).toBe(1024);
    expect(resolve('!FindInMap [Sizes, dev, Memory]')).toBeInstanceOf(Unresolved);
  });

  it('Fn::If with conditions built from Fn::Equals, Fn::Not, Fn::And, Fn::Or and Condition', () => {
    expect(resolve('!If [IsProd, big, small]')).toBe('big');
    expect(resolve('!If [IsDev, big, small]')).toBe('small');
    expect(resolve('!If [Both, yes, no]')).toBe('yes');
    expect(resolve('!If [Either, yes, no]')).toBe('yes');
  });

  it('AWS::NoValue removes a property or list element', () => {
    expect(resolve('{ A: !If [IsDev, 1, !Ref AWS::NoValue], B: 2 }')).toEqual({ B: 2 });
    expect(resolve('[1, !If [IsDev, 2, !Ref AWS::NoValue], 3]')).toEqual([1, 3]);
  });

  it('Fn::Base64 encodes UTF-8; Fn::GetAZs lists the Region’s zones', () => {
    expect(resolve("!Base64 'hello, wörld ✓'")).toBe('aGVsbG8sIHfDtnJsZCDinJM=');
    expect(resolve("!GetAZs ''")).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
  });

  it('Fn::ImportValue and Fn::Cidr are Unresolved, with the reason', () => {
    expect((resolve('!ImportValue shared-topic') as Unresolved).reason).toMatch(/another stack/);
    expect((resolve("!Cidr ['10.0.0.0/16', 4, 8]") as Unresolved).reason).toMatch(
      /networking is not simulated/,
    );
  });

  it('a condition that refers to itself does not loop', () => {
    const parsed = parseTemplate('Conditions:\n  A: !Condition A\nResources: {}');
    if (!parsed.ok) throw new Error('parse failed');
    const ctx = createTemplateContext(parsed.template.value as Record<string, unknown>, {
      region: 'us-east-1',
      accountId: '123456789012',
    });
    expect(ctx.resolve({ 'Fn::If': ['A', 1, 2] })).toBeInstanceOf(Unresolved);
  });
});
