/**
 * The scenario gate: every range of aws-semantics.md §9 (and the other sections' limits) is accepted at
 * its bounds and rejected just outside them, with the field's path and AWS's wording; cross-field rules;
 * readable errors for unknown names, wrong types and broken JSON; and no input can make it throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getPreset, PRESET_IDS, presetSource } from '../../src/scenarios/presets';
import { locateJsonSyntaxError } from '../../src/scenarios/jsonSyntaxError';
import { parseScenarioJson, validateScenario, type ValidationResult } from '../../src/scenarios/validate';
import {
  atMost,
  aws,
  base,
  errorsOf,
  expectAccepted,
  expectError,
  rangeTests,
  scenarioWith,
  type Json,
  type Range,
} from './helpers';

const apiGateway = { 'sources[0]': { type: 'sync', id: 'api', caller: 'api-gateway', requests: [{}] } };
const sdk = { 'sources[0]': { type: 'sync', id: 'sdk', caller: 'aws-sdk', requests: [{}] } };

const RANGES: Range[] = [
  { section: '§9', name: 'Timeout', path: 'function.Timeout', member: 'timeout', min: 1, max: 900 },
  {
    section: '§9',
    name: 'MemorySize',
    path: 'function.MemorySize',
    member: 'memorySize',
    min: 128,
    max: 10_240,
  },
  {
    section: '§9',
    name: 'async MaximumRetryAttempts',
    path: 'function.EventInvokeConfig.MaximumRetryAttempts',
    member: 'maximumRetryAttempts',
    min: 0,
    max: 2,
  },
  {
    section: '§9',
    name: 'MaximumEventAgeInSeconds',
    path: 'function.EventInvokeConfig.MaximumEventAgeInSeconds',
    member: 'maximumEventAgeInSeconds',
    min: 60,
    max: 21_600,
  },
  {
    section: '§1.5',
    name: 'API Gateway TimeoutInMillis',
    path: 'sources[0].TimeoutInMillis',
    member: 'timeoutInMillis',
    min: 50,
    max: 300_000,
    setup: apiGateway,
  },
  {
    section: '§1.4',
    name: 'SDK maxAttempts',
    path: 'sources[0].maxAttempts',
    member: 'maxAttempts',
    min: 1,
    max: 10,
    setup: sdk,
  },
  {
    section: '§1.4',
    name: 'SDK readTimeoutSeconds',
    path: 'sources[0].readTimeoutSeconds',
    member: 'readTimeoutSeconds',
    min: 0,
    max: 3600,
    step: 0.5,
    setup: sdk,
  },
  {
    section: '§4',
    name: 'ReservedConcurrentExecutions',
    path: 'function.ReservedConcurrentExecutions',
    member: 'reservedConcurrentExecutions',
    min: 0,
  },
  {
    section: '§4',
    name: 'ProvisionedConcurrentExecutions',
    path: 'function.ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions',
    member: 'provisionedConcurrentExecutions',
    min: 1,
  },
  {
    section: '§4',
    name: 'account ConcurrentExecutions',
    path: 'account.ConcurrentExecutions',
    member: 'concurrentExecutions',
    min: 10,
    max: 1_000_000,
  },
  {
    section: '§2.1',
    name: 'request count',
    path: 'sources[0].requests[0].count',
    member: 'count',
    min: 1,
    max: 1_000_000,
  },
  {
    section: '§4',
    name: 'environmentIdleSeconds',
    path: 'function.behavior.environmentIdleSeconds',
    member: 'environmentIdleSeconds',
    min: 1,
    max: 86_400,
    step: 0.5,
  },
  {
    section: '§2.4',
    name: 'asyncDuplicateProbability',
    path: 'simulation.asyncDuplicateProbability',
    member: 'asyncDuplicateProbability',
    min: 0,
    max: 1,
    step: 0.01,
  },
  {
    section: '§1.1',
    name: 'rule probability',
    path: 'function.behavior.rules[0].probability',
    member: 'probability',
    min: 0,
    max: 1,
    step: 0.01,
    // A rule needs its `result`, so its probability is set together with it.
    place: (start, probability) =>
      scenarioWith({ 'function.behavior.rules[0]': { probability, result: 'error' } }, start),
  },
  { section: '§1.1', name: 'seed', path: 'seed', member: 'seed', min: 0, max: 0xffffffff },
];

describe('ranges: accepted at each bound, rejected just outside with the path and AWS wording', () => {
  rangeTests(RANGES);

  it('§9 lognormal sigma accepts 0 and 5, rejects 5.5; medianMs must be greater than 0', () => {
    const lognormal = (medianMs: number, sigma: number) =>
      scenarioWith({ 'function.behavior.duration': { distribution: 'lognormal', medianMs, sigma } });
    expectAccepted(validateScenario(lognormal(100, 0)));
    expectAccepted(validateScenario(lognormal(100, 5)));
    expectError(lognormal(100, 5.5), 'function.behavior.duration.sigma', aws("'5.5'", 'sigma', atMost(5)));
    expectError(
      lognormal(0, 1),
      'function.behavior.duration.medianMs',
      aws("'0'", 'medianMs', 'Member must have value greater than 0'),
    );
  });

  it('§1.2 simulation untilSeconds must be greater than 0 (exclusive bound worded as such)', () => {
    expectAccepted(validateScenario(scenarioWith({ 'simulation.untilSeconds': 0.001 })));
    expectError(
      scenarioWith({ 'simulation.untilSeconds': 0 }),
      'simulation.untilSeconds',
      aws("'0'", 'untilSeconds', 'Member must have value greater than 0'),
    );
  });
});

describe('§4 concurrency: reserved and provisioned concurrency leave 100 unreserved', () => {
  const message =
    "Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [100].";

  it('§4 ReservedConcurrentExecutions with an account of 1,000: 900 accepted, 901 and 950 rejected', () => {
    expectAccepted(validateScenario(scenarioWith({ 'function.ReservedConcurrentExecutions': 900 })));
    for (const reserved of [901, 950]) {
      expectError(
        scenarioWith({ 'function.ReservedConcurrentExecutions': reserved }),
        'function.ReservedConcurrentExecutions',
        message,
      );
    }
  });

  it('§4 ReservedConcurrentExecutions follows the account quota: 200 allows 100, not 101', () => {
    const withAccount = (reserved: number) =>
      scenarioWith({
        'account.ConcurrentExecutions': 200,
        'function.ReservedConcurrentExecutions': reserved,
      });
    expectAccepted(validateScenario(withAccount(100)));
    expectError(withAccount(101), 'function.ReservedConcurrentExecutions', message);
  });

  it('§4 provisioned concurrency may equal the reserved concurrency but not exceed it', () => {
    const pc = (reserved: number, provisioned: number) =>
      scenarioWith({
        'function.ReservedConcurrentExecutions': reserved,
        'function.ProvisionedConcurrencyConfig': { ProvisionedConcurrentExecutions: provisioned },
      });
    expectAccepted(validateScenario(pc(5, 5)));
    expectError(
      pc(5, 6),
      'function.ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions',
      'Requested Provisioned Concurrency should not be greater than the reservedConcurrentExecution for function',
    );
  });

  it('§4 provisioned concurrency without reserved concurrency leaves 100 unreserved: 900 accepted, 901 rejected', () => {
    const pc = (provisioned: number) =>
      scenarioWith({
        'function.ProvisionedConcurrencyConfig': { ProvisionedConcurrentExecutions: provisioned },
      });
    expectAccepted(validateScenario(pc(900)));
    expectError(
      pc(901),
      'function.ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions',
      "Specified ConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [100].",
    );
  });
});

describe('§2.5 EventInvokeConfig and destinations', () => {
  const onFailure = (arn: string) => ({
    'function.EventInvokeConfig': { DestinationConfig: { OnFailure: { Destination: arn } } },
  });
  const onSuccess = (arn: string) => ({
    'function.EventInvokeConfig': { DestinationConfig: { OnSuccess: { Destination: arn } } },
  });
  const self = 'arn:aws:lambda:us-east-1:123456789012:function:process-order';

  it('§9 EventInvokeConfig with nothing set is rejected with AWS wording', () => {
    const message = 'You must specify at least one of error handling or destination setting.';
    expectError(scenarioWith({ 'function.EventInvokeConfig': {} }), 'function.EventInvokeConfig', message);
    expectError(
      scenarioWith({ 'function.EventInvokeConfig': { DestinationConfig: {} } }),
      'function.EventInvokeConfig',
      message,
    );
  });

  it('§9 a function as its own destination is rejected (unqualified and qualified ARNs, OnSuccess and OnFailure)', () => {
    const message = "You can't specify the function as a destination for itself.";
    const path = 'function.EventInvokeConfig.DestinationConfig';
    expectError(scenarioWith(onFailure(self)), `${path}.OnFailure.Destination`, message);
    expectError(scenarioWith(onFailure(`${self}:live`)), `${path}.OnFailure.Destination`, message);
    expectError(scenarioWith(onSuccess(`${self}:$LATEST`)), `${path}.OnSuccess.Destination`, message);
  });

  it('§2.5 another function (other name, Region or account) is a valid destination', () => {
    expectAccepted(validateScenario(scenarioWith(onFailure(`${self}-failures`))));
    expectAccepted(validateScenario(scenarioWith(onFailure(self.replace('us-east-1', 'eu-west-1')))));
    expectAccepted(validateScenario(scenarioWith(onFailure(self.replace('123456789012', '210987654321')))));
  });

  it('§2.5 S3 is rejected as OnSuccess and accepted as OnFailure', () => {
    expectError(
      scenarioWith(onSuccess('arn:aws:s3:::order-results')),
      'function.EventInvokeConfig.DestinationConfig.OnSuccess.Destination',
      /S3 bucket can only be an on-failure destination/,
    );
    expectAccepted(validateScenario(scenarioWith(onFailure('arn:aws:s3:::order-failures'))));
  });

  it('§2.5 SQS, SNS, Lambda and EventBridge are accepted as OnSuccess', () => {
    for (const arn of [
      'arn:aws:sqs:us-east-1:123456789012:results',
      'arn:aws:sns:us-east-1:123456789012:results',
      'arn:aws:lambda:us-east-1:123456789012:function:record-result',
      'arn:aws:events:us-east-1:123456789012:event-bus/default',
    ]) {
      expectAccepted(validateScenario(scenarioWith(onSuccess(arn))));
    }
  });

  it('§2.5 a destination that is not an ARN, or not a destination service, is rejected with the path', () => {
    const path = 'function.EventInvokeConfig.DestinationConfig.OnFailure.Destination';
    expectError(scenarioWith(onFailure('my-queue')), path, /'my-queue' is not an ARN/);
    expectError(
      scenarioWith(onFailure('arn:aws:dynamodb:us-east-1:123456789012:table/failures')),
      path,
      /'dynamodb' is not a destination type/,
    );
  });

  it('§2.6 a dead-letter queue must be an SQS queue or SNS topic', () => {
    expectAccepted(
      validateScenario(
        scenarioWith({ 'function.DeadLetterConfig.TargetArn': 'arn:aws:sns:us-east-1:123456789012:dlq' }),
      ),
    );
    expectError(
      scenarioWith({
        'function.DeadLetterConfig.TargetArn': 'arn:aws:lambda:us-east-1:123456789012:function:g',
      }),
      'function.DeadLetterConfig.TargetArn',
      /must be an SQS queue or SNS topic ARN/,
    );
  });
});

describe('§9 readable errors: unknown names, enums, missing fields, types', () => {
  it('§9 an unknown property is rejected at its own path, with the likely AWS spelling', () => {
    expectError(
      scenarioWith({ 'function.timeout': 3 }),
      'function.timeout',
      /unknown property 'timeout': did you mean 'Timeout'\?/,
    );
    expectError(
      scenarioWith({ 'function.EventInvokeConfig.MaxRetryAttempts': 1 }),
      'function.EventInvokeConfig.MaxRetryAttempts',
      /did you mean 'MaximumRetryAttempts'\?/,
    );
    expectError(
      scenarioWith({ functions: {} }),
      'functions',
      /unknown property 'functions': did you mean 'function'\?/,
    );
    expectError(
      scenarioWith({ 'sources[0].requests[0].delay': 5 }),
      'sources[0].requests[0].delay',
      /unknown property 'delay'; allowed here: id, atMs, count, everyMs, payload, payloadSizeBytes/,
    );
  });

  it('§9 each unknown property gets its own error', () => {
    const errors = errorsOf(validateScenario(scenarioWith({ 'function.Foo': 1, 'function.Bar': 2 })));
    expect(errors.map((e) => e.path)).toEqual(['function.Foo', 'function.Bar']);
  });

  it('§9 a wrong enum value names the allowed values (caller "lambda-url")', () => {
    expectError(
      scenarioWith({ 'sources[0].caller': 'lambda-url' }),
      'sources[0].caller',
      aws(
        "'lambda-url'",
        'caller',
        'Member must satisfy enum value set: [direct, aws-cli, aws-sdk, api-gateway, alb]',
      ),
    );
    const asyncSource = { type: 'async', id: 'events', caller: 'sqs', requests: [{}] };
    expectError(
      scenarioWith({ 'sources[0]': asyncSource }),
      'sources[0].caller',
      aws("'sqs'", 'caller', 'Member must satisfy enum value set: [direct, s3, sns, eventbridge]'),
    );
    expectError(
      scenarioWith({ 'function.behavior.rules[0]': { result: 'fail' } }),
      'function.behavior.rules[0].result',
      aws(
        "'fail'",
        'result',
        'Member must satisfy enum value set: [success, error, timeout, service-error, partial]',
      ),
    );
    expectError(
      scenarioWith({ 'function.Architectures': ['arm'] }),
      'function.Architectures[0]',
      aws("'arm'", 'architectures', 'Member must satisfy enum value set: [x86_64, arm64]'),
    );
  });

  it('§9 an unknown source type or distribution names the allowed kinds, not the whole object', () => {
    expectError(
      scenarioWith({ 'sources[0].type': 'lambda-url' }),
      'sources[0].type',
      aws(
        "'lambda-url'",
        'type',
        'Member must satisfy enum value set: [sync, async, sqs, kinesis, dynamodb]',
      ),
    );
    expectError(
      scenarioWith({ 'function.behavior.duration': { distribution: 'normal', ms: 5 } }),
      'function.behavior.duration.distribution',
      aws("'normal'", 'distribution', 'Member must satisfy enum value set: [fixed, uniform, lognormal]'),
    );
    expectError(
      scenarioWith({ 'function.behavior.duration': { ms: 5 } }),
      'function.behavior.duration.distribution',
      aws('null', 'distribution', 'Member must satisfy enum value set: [fixed, uniform, lognormal]'),
    );
  });

  it('§9 a missing required field is "Member must not be null." at its path', () => {
    const missing = (path: string, member: string, input: Json) =>
      expectError(input, path, aws('null', member, 'Member must not be null.'));
    const noFunction = base();
    delete noFunction.function;
    missing('function', 'function', noFunction);
    const noTitle = base();
    delete noTitle.title;
    missing('title', 'title', noTitle);
    missing(
      'sources[0].requests',
      'requests',
      scenarioWith({ 'sources[0]': { type: 'sync', id: 'c', caller: 'direct' } }),
    );
    missing(
      'function.ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions',
      'provisionedConcurrentExecutions',
      scenarioWith({ 'function.ProvisionedConcurrencyConfig': {} }),
    );
  });

  it('§9 a missing enum field lists the values it may take', () => {
    expectError(
      scenarioWith({ 'sources[0]': { type: 'sync', id: 'c', requests: [{}] } }),
      'sources[0].caller',
      aws(
        'null',
        'caller',
        'Member must satisfy enum value set: [direct, aws-cli, aws-sdk, api-gateway, alb]',
      ),
    );
    expectError(
      scenarioWith({ 'function.behavior.rules[0]': { attempts: [1] } }),
      'function.behavior.rules[0].result',
      aws(
        'null',
        'result',
        'Member must satisfy enum value set: [success, error, timeout, service-error, partial]',
      ),
    );
  });

  it('§9 a scenario needs at least one source and each source at least one request', () => {
    expectError(scenarioWith({ sources: [] }), 'sources', 'must have at least 1 entry');
    expectError(
      scenarioWith({ 'sources[0].requests': [] }),
      'sources[0].requests',
      'must have at least 1 entry',
    );
  });

  it('§9 a non-integer where AWS wants an integer is rejected as not a whole number', () => {
    expectError(
      scenarioWith({ 'function.Timeout': 2.5 }),
      'function.Timeout',
      aws("'2.5'", 'timeout', 'Member must be a whole number'),
    );
    expectError(
      scenarioWith({ 'function.EventInvokeConfig.MaximumRetryAttempts': 1.5 }),
      'function.EventInvokeConfig.MaximumRetryAttempts',
      aws("'1.5'", 'maximumRetryAttempts', 'Member must be a whole number'),
    );
    expectError(
      scenarioWith({ 'function.behavior.rules[0]': { attempts: [1.5], result: 'error' } }),
      'function.behavior.rules[0].attempts[0]',
      aws("'1.5'", 'attempts', 'Member must be a whole number'),
    );
  });

  it('§9 a value of the wrong type says what was expected and what was found', () => {
    expectError(
      scenarioWith({ 'function.Timeout': '3' }),
      'function.Timeout',
      'expected a number, got the string "3"',
    );
    expectError(
      scenarioWith({ 'function.Timeout': null }),
      'function.Timeout',
      'expected a number, got null',
    );
    expectError(
      scenarioWith({ 'function.Timeout': Number.NaN }),
      'function.Timeout',
      'expected a number, got NaN',
    );
    expectError(
      scenarioWith({ 'account.freeTier': 'yes' }),
      'account.freeTier',
      'expected true or false, got the string "yes"',
    );
    expectError(scenarioWith({ sources: {} }), 'sources', 'expected an array, got an object');
    expectError(
      scenarioWith({ 'function.Architectures': 'arm64' }),
      'function.Architectures',
      'expected an array, got the string "arm64"',
    );
    expectError(
      scenarioWith({ 'function.Architectures': ['arm64', 'x86_64'] }),
      'function.Architectures',
      'must have at most 1 entry',
    );
  });

  it('§9 patterns use AWS wording (FunctionName, AccountId)', () => {
    expectError(
      scenarioWith({ 'function.FunctionName': 'process order' }),
      'function.FunctionName',
      aws(
        "'process order'",
        'functionName',
        'Member must satisfy regular expression pattern: [a-zA-Z0-9-_]{1,64}',
      ),
    );
    expectError(
      scenarioWith({ 'account.AccountId': '1234' }),
      'account.AccountId',
      aws("'1234'", 'accountId', 'Member must satisfy regular expression pattern: \\d{12}'),
    );
  });

  it('§9 something that is not a scenario at all says so', () => {
    for (const [input, found] of [
      [null, 'null'],
      [undefined, 'nothing'],
      [42, '42'],
      ['scenario', 'the string "scenario"'],
      [[], 'an array'],
    ] as const) {
      expectError(input, '(scenario)', `expected a scenario (a JSON object), got ${found}`);
    }
  });
});

describe('§9 cross-field rules of the simulation', () => {
  it('§9 uniform distributions need minMs ≤ maxMs', () => {
    expectAccepted(
      validateScenario(
        scenarioWith({ 'function.behavior.duration': { distribution: 'uniform', minMs: 5, maxMs: 5 } }),
      ),
    );
    expectError(
      scenarioWith({ 'simulation.asyncQueueDelay': { distribution: 'uniform', minMs: 60, maxMs: 10 } }),
      'simulation.asyncQueueDelay.minMs',
      'minMs (60) must not be greater than maxMs (10)',
    );
  });

  it('§9 source ids and request ids are unique', () => {
    const twoSources = scenarioWith({
      'sources[1]': { type: 'async', id: 'client', caller: 'direct', requests: [{ id: 'r1' }] },
    });
    const errors = errorsOf(validateScenario(twoSources));
    expect(errors).toContainEqual({ path: 'sources[1].id', message: "duplicate source id 'client'" });
    expect(errors).toContainEqual({
      path: 'sources[1].requests[0].id',
      message: "duplicate request id 'r1'",
    });
  });

  it("§1.1 a rule's error only applies to result 'error'", () => {
    expectError(
      scenarioWith({ 'function.behavior.rules[0]': { result: 'timeout', error: { errorType: 'X' } } }),
      'function.behavior.rules[0].error',
      /'error' only applies to rules whose result is 'error'/,
    );
  });
});

describe('§9 warnings: accepted, with what to expect', () => {
  it('§1.5 an API Gateway integration timeout below the function timeout is a warning, not an error', () => {
    const warnings = expectAccepted(
      validateScenario(scenarioWith({ ...apiGateway, 'function.Timeout': 60 })),
    );
    expect(warnings).toContainEqual({
      path: 'function.Timeout',
      message:
        'The function may run 60 s but API Gateway stops waiting after 29 s: slow requests get 504 while the function keeps running (and billing).',
    });
    const raised = expectAccepted(
      validateScenario(
        scenarioWith({ ...apiGateway, 'function.Timeout': 60, 'sources[0].TimeoutInMillis': 60_000 }),
      ),
    );
    expect(raised.map((w) => w.path)).toEqual(['sources[0].TimeoutInMillis']);
  });

  it('§2.5 async events with no on-failure destination or DLQ are a warning', () => {
    const asyncSource = { 'sources[0]': { type: 'async', id: 'events', caller: 's3', requests: [{}] } };
    const warnings = expectAccepted(validateScenario(scenarioWith(asyncSource)));
    expect(warnings).toContainEqual({
      path: 'function',
      message:
        'No on-failure destination or dead-letter queue: events that fail every attempt are discarded without a trace.',
    });
    const withDlq = scenarioWith({
      ...asyncSource,
      'function.DeadLetterConfig.TargetArn': 'arn:aws:sqs:us-east-1:123456789012:dlq',
    });
    expect(expectAccepted(validateScenario(withDlq))).toEqual([]);
  });

  it('§1.4 an AWS CLI read timeout shorter than the function timeout warns of duplicate runs', () => {
    const cli = {
      'sources[0]': { type: 'sync', id: 'cli', caller: 'aws-cli', requests: [{}] },
      'function.Timeout': 120,
    };
    const warnings = expectAccepted(validateScenario(scenarioWith(cli)));
    expect(warnings).toContainEqual({
      path: 'sources[0].readTimeoutSeconds',
      message:
        'The function may run 120 s but the aws-cli caller stops waiting after 60 s and retries: a slow request runs the function again.',
    });
    // 0 means no read timeout: nothing to warn about.
    expect(
      expectAccepted(validateScenario(scenarioWith({ ...cli, 'sources[0].readTimeoutSeconds': 0 }))),
    ).toEqual([]);
  });

  it('§1.4 settings a caller ignores are pointed out', () => {
    const warnings = expectAccepted(
      validateScenario(scenarioWith({ 'sources[0].TimeoutInMillis': 1000, 'sources[0].maxAttempts': 2 })),
    );
    expect(warnings.map((w) => w.path).sort()).toEqual([
      'sources[0].TimeoutInMillis',
      'sources[0].maxAttempts',
    ]);
  });

  it('§1.1 a rule naming an item no request produces is pointed out', () => {
    const requests = [{ id: 'one' }, { id: 'many', count: 3 }];
    const rule = { items: ['one', 'many-3', 'many-4', 'ghost'], result: 'error' };
    const warnings = expectAccepted(
      validateScenario(scenarioWith({ 'sources[0].requests': requests, 'function.behavior.rules[0]': rule })),
    );
    expect(warnings.map((w) => w.path)).toEqual([
      'function.behavior.rules[0].items[2]',
      'function.behavior.rules[0].items[3]',
    ]);
  });
});

describe('§9 presets and JSON text', () => {
  it('§9 every preset validates, including "default"', () => {
    expect(PRESET_IDS).toContain('default');
    for (const id of PRESET_IDS) {
      const result = validateScenario(presetSource(id));
      expect(result.ok, `${id}: ${JSON.stringify(result.ok ? [] : result.errors)}`).toBe(true);
      expect(getPreset(id)?.id).toBe(id);
    }
  });

  it('§9 invalid JSON text names the line and column', () => {
    const text = '{\n  "id": "x",\n  "title": "X",,\n  "sources": []\n}';
    const errors = errorsOf(parseScenarioJson(text));
    expect(errors).toEqual([
      {
        path: '(json)',
        message:
          'not valid JSON (line 3, column 16): expected a property name in double quotes but found ","',
      },
    ]);
    expect(errorsOf(parseScenarioJson('{"id": "x",}'))[0]!.message).toBe(
      'not valid JSON (line 1, column 12): expected a property name after \',\' (JSON allows no trailing comma) but found "}"',
    );
    expect(errorsOf(parseScenarioJson(''))[0]!.message).toMatch(
      /^not valid JSON \(line 1, column 1\): .* the text ended$/,
    );
    expect(errorsOf(parseScenarioJson('{"id": "x"'))[0]!.message).toMatch(/line 1, column 11/);
  });

  it('§9 valid JSON goes on to validation; a byte-order mark is ignored', () => {
    const text = JSON.stringify(scenarioWith({ 'function.Timeout': 901 }));
    expect(errorsOf(parseScenarioJson(text))[0]!.path).toBe('function.Timeout');
    expectAccepted(parseScenarioJson(`\uFEFF${JSON.stringify(base())}`));
  });
});

describe('§9 validation never throws', () => {
  const exotic = fc.anything({
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
  });

  const wellFormed = (result: ValidationResult) =>
    result.ok
      ? Array.isArray(result.warnings)
      : result.errors.length > 0 &&
        result.errors.every((e) => typeof e.path === 'string' && typeof e.message === 'string');

  it('§9 arbitrary values give ok or errors (fast-check seed 20250911)', () => {
    fc.assert(
      fc.property(exotic, (value) => wellFormed(validateScenario(value))),
      { seed: 20250911, numRuns: 1000 },
    );
  });

  it('§9 presets with one value replaced by anything give ok or errors (fast-check seed 4242)', () => {
    const presets = PRESET_IDS.map((id) => JSON.stringify(presetSource(id)));
    const paths = (value: unknown, prefix: string[] = []): string[][] =>
      value && typeof value === 'object'
        ? Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...paths(v, [...prefix, k])])
        : [];
    fc.assert(
      fc.property(fc.nat({ max: presets.length - 1 }), fc.nat(), exotic, (p, n, value) => {
        const scenario = JSON.parse(presets[p]!) as Json;
        const all = paths(scenario);
        const path = all[n % all.length]!;
        let node = scenario as Record<string, unknown>;
        for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
        node[path[path.length - 1]!] = value;
        return wellFormed(validateScenario(scenario));
      }),
      { seed: 4242, numRuns: 1000 },
    );
  });

  it('§9 arbitrary text and JSON give ok or errors; broken JSON always has a line and column (fast-check seed 777)', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.json(),
      // valid JSON with one character deleted or inserted
      fc
        .tuple(
          fc.json(),
          fc.nat(),
          fc.constantFrom('', '{', '}', '[', ']', ',', ':', '"', '\\', 'x', '\n', '1'),
        )
        .map(([json, at, c]) => {
          const i = at % (json.length + 1);
          return c === '' ? json.slice(0, i) + json.slice(i + 1) : json.slice(0, i) + c + json.slice(i);
        }),
    );
    fc.assert(
      fc.property(text, (t) => {
        const result = parseScenarioJson(t);
        if (!wellFormed(result)) return false;
        let parses = true;
        try {
          JSON.parse(t.charCodeAt(0) === 0xfeff ? t.slice(1) : t);
        } catch {
          parses = false;
        }
        if (parses) return result.ok || result.errors[0]!.path !== '(json)';
        return !result.ok && /^not valid JSON \(line \d+, column \d+\): /.test(result.errors[0]!.message);
      }),
      { seed: 777, numRuns: 2000 },
    );
  });

  it('§9 the JSON syntax locator agrees with JSON.parse (fast-check seed 31337)', () => {
    const text = fc.oneof(
      fc.json(),
      fc.tuple(fc.json(), fc.nat(), fc.nat()).map(([json, at, len]) => {
        const i = at % (json.length + 1);
        return json.slice(0, i) + json.slice(i + (len % 3));
      }),
    );
    fc.assert(
      fc.property(text, (t) => {
        let parses = true;
        try {
          JSON.parse(t);
        } catch {
          parses = false;
        }
        const located = locateJsonSyntaxError(t);
        return parses ? located === null : located !== null && located.offset <= t.length;
      }),
      { seed: 31337, numRuns: 2000 },
    );
  });

  it('§9 very deep nesting neither overflows the locator nor the validator', () => {
    const deep = '['.repeat(100_000);
    expect(locateJsonSyntaxError(deep)?.message).toMatch(/the text ended/);
    expect(errorsOf(parseScenarioJson(deep))[0]!.message).toMatch(
      /^not valid JSON \(line 1, column 100001\)/,
    );
    expect(errorsOf(parseScenarioJson('['.repeat(5000) + ']'.repeat(5000)))[0]!.path).toBe('(scenario)');
  });

  it('§9 hostile objects (throwing getters, toString-less values) do not escape as exceptions', () => {
    const hostile = base();
    Object.defineProperty(hostile, 'title', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(validateScenario(hostile).ok).toBe(false);
    const bare = Object.create(null) as Json;
    expect(wellFormed(validateScenario(scenarioWith({ 'sources[0].caller': bare })))).toBe(true);
    expect(wellFormed(validateScenario(scenarioWith({ 'function.Timeout': 10n })))).toBe(true);
    expect(wellFormed(validateScenario(scenarioWith({ 'function.Timeout': Symbol('t') })))).toBe(true);
  });
});
