import { describe, expect, it } from 'vitest';
import { getPreset } from '../../src/scenarios/presets';
import { changeScenario, parseChangePath } from '../../src/scenarios/scenarioChanges';
import { workloadOf } from '../../src/scenarios/workload';

const RETRIES = 'function.EventInvokeConfig.MaximumRetryAttempts';

describe('parseChangePath', () => {
  it.each([
    ['function.Timeout', ['function', 'Timeout']],
    ['sources.0.mapping.BatchSize', ['sources', 0, 'mapping', 'BatchSize']],
    ['sources[0].mapping.BatchSize', ['sources', 0, 'mapping', 'BatchSize']],
    ['sources[1].requests[0].atMs', ['sources', 1, 'requests', 0, 'atMs']],
    ['id', ['id']],
  ])('reads %s', (path, keys) => {
    expect(parseChangePath(path)).toEqual(keys);
  });

  it.each(['', '.', 'function.', '.function', 'function..Timeout', '[0].x'])(
    'refuses the malformed path %j',
    (path) => {
      expect(parseChangePath(path)).toMatch(/is not a path into the scenario/);
    },
  );

  it.each(['__proto__.polluted', 'function.constructor.prototype', 'sources.0.__proto__'])(
    'refuses %s, which would reach a prototype',
    (path) => {
      expect(parseChangePath(path)).toMatch(/is not a setting/);
    },
  );
});

describe('changeScenario', () => {
  const base = getPreset('async-retries-exhausted')!;

  it('changes a copy: the result is the validated scenario with the change, the base is untouched', () => {
    const before = structuredClone(base);
    const changed = changeScenario(base, [{ path: RETRIES, value: 0 }]);
    expect(changed.ok).toBe(true);
    if (!changed.ok) return;
    expect(changed.scenario.function.EventInvokeConfig?.MaximumRetryAttempts).toBe(0);
    expect(base).toEqual(before);
    // Everything else is as it was.
    const { function: fn, ...rest } = changed.scenario;
    const { function: baseFn, ...baseRest } = base;
    expect(rest).toEqual(baseRest);
    expect({ ...fn, EventInvokeConfig: undefined }).toEqual({ ...baseFn, EventInvokeConfig: undefined });
  });

  it('creates missing objects on the way (the setting was never written in the JSON)', () => {
    const sync = getPreset('sync-success')!;
    expect(sync.function.EventInvokeConfig).toBeUndefined();
    const changed = changeScenario(sync, [{ path: RETRIES, value: 1 }]);
    expect(changed).toMatchObject({ ok: true });
    if (changed.ok) expect(changed.scenario.function.EventInvokeConfig?.MaximumRetryAttempts).toBe(1);
  });

  it('applies several changes in order; a later one wins', () => {
    const changed = changeScenario(base, [
      { path: 'function.Timeout', value: 10 },
      { path: 'function.Timeout', value: 20 },
      { path: 'function.MemorySize', value: 512 },
    ]);
    expect(changed.ok && [changed.scenario.function.Timeout, changed.scenario.function.MemorySize]).toEqual([
      20, 512,
    ]);
  });

  it('value undefined removes the setting, so its default applies again', () => {
    const changed = changeScenario(base, [{ path: 'function.Timeout', value: undefined }]);
    expect(changed.ok && changed.scenario.function.Timeout).toBe(3);
    const other = changeScenario(base, [{ path: 'function.MemorySize', value: undefined }]);
    expect(other.ok && other.scenario.function.MemorySize).toBe(128);
  });

  it('an out-of-range value is refused with the validation message and the field path', () => {
    const changed = changeScenario(base, [{ path: RETRIES, value: 5 }]);
    expect(changed).toEqual({
      ok: false,
      issues: [
        {
          path: RETRIES,
          message:
            "1 validation error detected: Value '5' at 'maximumRetryAttempts' failed to satisfy constraint: Member must have value less than or equal to 2",
        },
      ],
    });
  });

  it('an unknown setting is refused, naming it', () => {
    const changed = changeScenario(base, [{ path: 'function.EventInvokeConfig.MaxRetries', value: 0 }]);
    expect(changed.ok).toBe(false);
    if (changed.ok) return;
    expect(changed.issues).toHaveLength(1);
    expect(changed.issues[0]!.path).toBe('function.EventInvokeConfig.MaxRetries');
    expect(changed.issues[0]!.message).toMatch(/^unknown property 'MaxRetries'/);
  });

  it.each([
    [
      'function.Timeout.Seconds',
      'function.Timeout.Seconds',
      "function.Timeout is a number, so it has no setting 'Seconds'",
    ],
    ['sources.3.id', 'sources[3].id', 'sources has 1 entry, so there is no entry 3'],
    ['function.3', 'function.3', /^unknown property '3'/],
    ['sources.x', 'sources.x', "sources is a list, so it has no setting 'x'"],
    ['function..Timeout', 'changes[0].path', /is not a path into the scenario/],
  ])('a path that leads nowhere (%s) is refused with a clear message', (path, issuePath, message) => {
    const changed = changeScenario(base, [{ path, value: 1 }]);
    expect(changed.ok).toBe(false);
    if (changed.ok) return;
    expect(changed.issues).toHaveLength(1);
    expect(changed.issues[0]!.path).toBe(issuePath);
    if (typeof message === 'string') expect(changed.issues[0]!.message).toContain(message);
    else expect(changed.issues[0]!.message).toMatch(message);
  });

  it('cannot reach Object.prototype', () => {
    const changed = changeScenario(base, [{ path: '__proto__.polluted', value: true }]);
    expect(changed.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['sources.0.id', 'other', 'sources[0].id'],
    ['sources.0.type', 'sync', 'sources[0].type'],
    ['sources', [], 'sources'],
  ])('refuses to change what the run already started with (%s)', (path, value, issuePath) => {
    const changed = changeScenario(base, [{ path, value }]);
    expect(changed.ok).toBe(false);
    if (changed.ok) return;
    expect(changed.issues.map((i) => i.path)).toContain(issuePath);
  });

  it('refuses to remove workload entries, and allows a change to their payload', () => {
    const first = { ...workloadOf(base.sources[0]!)[0]! };
    const two = changeScenario(base, [{ path: 'sources.0.requests', value: [first, { ...first, id: 'b' }] }]);
    if (!two.ok) throw new Error('two entries expected');
    const fewer = changeScenario(two.scenario, [{ path: 'sources.0.requests', value: [first] }]);
    expect(fewer).toMatchObject({
      ok: false,
      issues: [{ path: 'sources[0]', message: /a fork cannot change this/ }],
    });
    const payload = changeScenario(base, [{ path: 'sources.0.requests.0.payload.amount', value: 7 }]);
    expect(payload.ok).toBe(true);
  });

  it('adds a workload entry (an injected event) only when it arrives at or after the fork moment', () => {
    const requests = (atMs: number) => ({
      path: 'sources.0.requests',
      value: [...workloadOf(base.sources[0]!).map((r) => ({ ...r })), { id: 'injected', atMs }],
    });
    expect(changeScenario(base, [requests(5_000)], 5_000).ok).toBe(true);
    const early = changeScenario(base, [requests(10)], 5_000);
    expect(early).toMatchObject({
      ok: false,
      issues: [{ path: 'sources[0].requests[1].atMs', message: /at or after the fork moment \(5000 ms\)/ }],
    });
  });

  it('an empty list of changes gives the scenario back as it was', () => {
    expect(changeScenario(base, [])).toEqual({ ok: true, scenario: base });
  });
});
