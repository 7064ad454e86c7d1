import { describe, expect, it } from 'vitest';
import {
  isCancelRequest,
  isCompareRequest,
  isForkRequest,
  isRunRequest,
  isWorkerRequest,
  isWorkerResponse,
} from '../../src/protocol/messages';
import { rowsOf } from '../helpers/eventRows';

const RUN_PRESET = { type: 'run', id: 1, presetId: 'sync-success', seed: 1 };
const RUN_SCENARIO = { type: 'run', id: 2, scenario: { id: 'x' }, seed: 0 };

const RESULTS = {
  type: 'results',
  id: 1,
  results: { scenario: 'sync-success', seed: 1, endMs: 0, items: [], invocations: [], metrics: {} },
  scenario: { id: 'sync-success', function: {}, sources: [] },
  logLength: 0,
};
const LOG_BATCH = {
  type: 'log-batch',
  id: 1,
  fromSeq: 0,
  rows: rowsOf([
    { seq: 0, t: 0, type: 'item/arrived', rule: '§1.1', item: 'i-1', data: { source: 'api' } },
    { seq: 1, t: 5, type: 'invoke/started', rule: '§1.1', invocation: 'v-1', env: 'e-1', item: 'i-1' },
  ]),
};
const ROWS = LOG_BATCH.rows;
const RESULTS_PART = { type: 'results-part', id: 1, items: [], invocations: [] };
const ERROR = { type: 'error', id: 1, message: 'There is no preset called "x".' };

/** A copy of `base` with `key` set to `value` (or removed, for `undefined`). */
function withField(base: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...base };
  if (value === undefined) delete copy[key];
  else copy[key] = value;
  return copy;
}

describe('isRunRequest / isWorkerRequest', () => {
  it.each([
    ['a preset run', RUN_PRESET],
    ['a scenario run', RUN_SCENARIO],
    ['id 0', { ...RUN_PRESET, id: 0 }],
    ['a scenario that is null (the worker validates it)', { type: 'run', id: 3, scenario: null, seed: 1 }],
    ['a seed the worker will reject itself', { ...RUN_PRESET, seed: -1 }],
  ])('accepts %s', (_name, message) => {
    expect(isRunRequest(message)).toBe(true);
    expect(isWorkerRequest(message)).toBe(true);
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'run'],
    ['an array', [RUN_PRESET]],
    ['a missing id', withField(RUN_PRESET, 'id', undefined)],
    ['a string id', { ...RUN_PRESET, id: '1' }],
    ['a negative id', { ...RUN_PRESET, id: -1 }],
    ['a fractional id', { ...RUN_PRESET, id: 1.5 }],
    ['a NaN id', { ...RUN_PRESET, id: Number.NaN }],
    ['an unsafe id', { ...RUN_PRESET, id: 2 ** 53 }],
    ['a wrong type', { ...RUN_PRESET, type: 'results' }],
    ['a missing type', withField(RUN_PRESET, 'type', undefined)],
    ['a missing seed', withField(RUN_PRESET, 'seed', undefined)],
    ['a string seed', { ...RUN_PRESET, seed: '1' }],
    ['neither presetId nor scenario', { type: 'run', id: 1, seed: 1 }],
    ['both presetId and scenario', { ...RUN_PRESET, scenario: {} }],
    ['a numeric presetId alone', { type: 'run', id: 1, presetId: 5, seed: 1 }],
  ])('rejects %s', (_name, message) => {
    expect(isRunRequest(message)).toBe(false);
    expect(isWorkerRequest(message)).toBe(false);
  });

  it('rejects a presetId of the wrong type even when a scenario is also given', () => {
    // `presetId?: string`: a number is a wrong field type, whatever else the message holds.
    const message = { type: 'run', id: 1, presetId: 5, scenario: {}, seed: 1 };
    expect(isRunRequest(message)).toBe(false);
  });
});

describe('isWorkerResponse', () => {
  it.each([
    ['results', RESULTS],
    ['results with a long log', { ...RESULTS, logLength: 15_000 }],
    ['a log batch', LOG_BATCH],
    ['a log batch of a compare part', { ...LOG_BATCH, part: 3 }],
    ['results of a compare part', { ...RESULTS, part: 0 }],
    ['an empty log batch', { ...LOG_BATCH, rows: rowsOf([]) }],
    ['part of the results', RESULTS_PART],
    ['part of a compare part’s results', { ...RESULTS_PART, part: 2 }],
    ['an error for a request', ERROR],
    ['an error for an unreadable request (id null)', { ...ERROR, id: null }],
    [
      'an error with issues',
      { ...ERROR, issues: [{ path: 'function.Timeout', message: 'Must be between 1 and 900.' }] },
    ],
  ])('accepts %s', (_name, message) => {
    expect(isWorkerResponse(message)).toBe(true);
  });

  it.each([
    ['null', null],
    ['a number', 42],
    ['an array', [RESULTS]],
    ['an unknown type', { ...RESULTS, type: 'progress' }],
    ['a request', RUN_PRESET],
    ['no type', withField(RESULTS, 'type', undefined)],
    // results
    ['results without an id', withField(RESULTS, 'id', undefined)],
    ['results with a string id', { ...RESULTS, id: '1' }],
    ['results with id null', { ...RESULTS, id: null }],
    ['results with a negative id', { ...RESULTS, id: -2 }],
    ['results without results', withField(RESULTS, 'results', undefined)],
    ['results whose results is an array', { ...RESULTS, results: [] }],
    ['results whose results is null', { ...RESULTS, results: null }],
    ['results without logLength', withField(RESULTS, 'logLength', undefined)],
    ['results with a string logLength', { ...RESULTS, logLength: '0' }],
    ['results without the scenario', withField(RESULTS, 'scenario', undefined)],
    ['results whose scenario is a string', { ...RESULTS, scenario: 'sync-success' }],
    ['results with a fractional part', { ...RESULTS, part: 0.5 }],
    // log-batch
    ['a batch without an id', withField(LOG_BATCH, 'id', undefined)],
    ['a batch with a fractional id', { ...LOG_BATCH, id: 0.5 }],
    ['a batch without fromSeq', withField(LOG_BATCH, 'fromSeq', undefined)],
    ['a batch with a string fromSeq', { ...LOG_BATCH, fromSeq: '0' }],
    ['a batch without rows', withField(LOG_BATCH, 'rows', undefined)],
    ['a batch of events rather than rows', { ...withField(LOG_BATCH, 'rows', undefined), events: [] }],
    ['a batch whose times are a plain array', { ...LOG_BATCH, rows: { ...ROWS, t: [0, 5] } }],
    [
      'a batch whose columns differ in length',
      { ...LOG_BATCH, rows: { ...ROWS, shape: ROWS.shape.slice(1) } },
    ],
    [
      'a batch whose type code names no type',
      { ...LOG_BATCH, rows: { ...ROWS, type: new Uint16Array([0, 9]) } },
    ],
    ['a batch whose rule code names no rule', { ...LOG_BATCH, rows: { ...ROWS, rules: [] } }],
    ['a batch with a row missing a ref', { ...LOG_BATCH, rows: { ...ROWS, refs: ROWS.refs.slice(0, -1) } }],
    [
      'a batch whose ref ends overrun its refs',
      { ...LOG_BATCH, rows: { ...ROWS, refEnd: new Uint32Array([2, 99]) } },
    ],
    [
      'a batch whose shape skips an id',
      { ...LOG_BATCH, rows: { ...ROWS, shape: new Uint8Array([4 | 64, ROWS.shape[1]!]) } },
    ],
    ['a batch with a negative part', { ...LOG_BATCH, part: -1 }],
    ['a batch with a string part', { ...LOG_BATCH, part: '1' }],
    // results-part
    ['a results part without an id', withField(RESULTS_PART, 'id', undefined)],
    ['a results part without items', withField(RESULTS_PART, 'items', undefined)],
    ['a results part whose invocations is an object', { ...RESULTS_PART, invocations: {} }],
    ['a results part with a fractional part', { ...RESULTS_PART, part: 1.5 }],
    // error
    ['an error without an id', withField(ERROR, 'id', undefined)],
    ['an error with a string id', { ...ERROR, id: 'x' }],
    ['an error without a message', withField(ERROR, 'message', undefined)],
    ['an error with a non-string message', { ...ERROR, message: { text: 'x' } }],
  ])('rejects %s', (_name, message) => {
    expect(isWorkerResponse(message)).toBe(false);
  });

  it('rejects an error whose issues is not an array', () => {
    // `issues?: ErrorIssue[]`: the client passes it on to the page as is.
    expect(isWorkerResponse({ ...ERROR, issues: 'function.Timeout is wrong' })).toBe(false);
  });
});

const FORK = {
  type: 'fork',
  id: 4,
  presetId: 'default',
  seed: 1,
  atMs: 5000,
  changes: [{ path: 'function.EventInvokeConfig.MaximumRetryAttempts', value: 0 }],
};
const COMPARE = {
  type: 'compare',
  id: 5,
  runs: [
    { presetId: 'default', seed: 1 },
    { scenario: { id: 'x' }, seed: 2 },
  ],
};

describe('isForkRequest', () => {
  it.each([
    ['a preset fork', FORK],
    ['a scenario fork', { ...withField(FORK, 'presetId', undefined), scenario: { id: 'x' } }],
    ['a fork with no changes', { ...FORK, changes: [] }],
    ['a change that removes a setting (no value)', { ...FORK, changes: [{ path: 'function.Timeout' }] }],
    ['a fork point the worker will reject itself', { ...FORK, atMs: -5 }],
  ])('accepts %s', (_name, message) => {
    expect(isForkRequest(message)).toBe(true);
    expect(isWorkerRequest(message)).toBe(true);
  });

  it.each([
    ['no atMs', withField(FORK, 'atMs', undefined)],
    ['a string atMs', { ...FORK, atMs: '5000' }],
    ['no changes', withField(FORK, 'changes', undefined)],
    ['changes as an object', { ...FORK, changes: { 'function.Timeout': 3 } }],
    ['a change without a path', { ...FORK, changes: [{ value: 3 }] }],
    ['a change whose path is an array', { ...FORK, changes: [{ path: ['function', 'Timeout'], value: 3 }] }],
    ['a change that is null', { ...FORK, changes: [null] }],
    ['neither presetId nor scenario', withField(FORK, 'presetId', undefined)],
    ['both presetId and scenario', { ...FORK, scenario: {} }],
    ['no seed', withField(FORK, 'seed', undefined)],
    ['a bad id', { ...FORK, id: -4 }],
  ])('rejects %s', (_name, message) => {
    expect(isForkRequest(message)).toBe(false);
    expect(isWorkerRequest(message)).toBe(false);
  });
});

describe('isCompareRequest', () => {
  it.each([
    ['two runs', COMPARE],
    ['a count the worker will reject itself (one run)', { ...COMPARE, runs: [COMPARE.runs[0]] }],
  ])('accepts %s', (_name, message) => {
    expect(isCompareRequest(message)).toBe(true);
    expect(isWorkerRequest(message)).toBe(true);
  });

  it.each([
    ['no runs', withField(COMPARE, 'runs', undefined)],
    ['runs as an object', { ...COMPARE, runs: { 0: COMPARE.runs[0] } }],
    ['a run without a seed', { ...COMPARE, runs: [COMPARE.runs[0], { presetId: 'default' }] }],
    ['a run with both sources', { ...COMPARE, runs: [{ presetId: 'default', scenario: {}, seed: 1 }] }],
    ['a run that is a string', { ...COMPARE, runs: ['default'] }],
    ['no id', withField(COMPARE, 'id', undefined)],
  ])('rejects %s', (_name, message) => {
    expect(isCompareRequest(message)).toBe(false);
    expect(isWorkerRequest(message)).toBe(false);
  });
});

describe('isCancelRequest', () => {
  it('accepts a cancel with an id', () => {
    expect(isCancelRequest({ type: 'cancel', id: 3 })).toBe(true);
    expect(isWorkerRequest({ type: 'cancel', id: 3 })).toBe(true);
  });

  it.each([
    ['no id', { type: 'cancel' }],
    ['a null id', { type: 'cancel', id: null }],
    ['a string id', { type: 'cancel', id: '3' }],
  ])('rejects %s', (_name, message) => {
    expect(isCancelRequest(message)).toBe(false);
    expect(isWorkerRequest(message)).toBe(false);
  });
});
