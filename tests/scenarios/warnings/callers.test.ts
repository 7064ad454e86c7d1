import { describe, expect, it } from 'vitest';
import { invocationsOf, item } from '../../helpers/scenario';
import { expectFixRemoves, idsOf, runDemo, scenarioOf, warning } from './helpers';

const GATEWAY = 'api-gateway-integration-timeout';
const CLIENT = 'client-read-timeout-below-function-timeout';

function caller(timeout: number, source: Record<string, unknown>) {
  return scenarioOf({
    function: { Timeout: timeout },
    sources: [{ type: 'sync', id: 'api', requests: [{ id: 'r' }], ...source }],
  });
}

describe('§1.5 API Gateway’s integration timeout below the function’s Timeout', () => {
  it('§1.5 fires for Timeout 60 behind the default 29 s, with both numbers', () => {
    const w = warning(caller(60, { caller: 'api-gateway' }), GATEWAY);
    expect(w.rule).toBe('§1.5');
    expect(w.path).toBe('function.Timeout');
    expect(w.sourceId).toBe('api');
    expect(w.reason).toContain('at most 29 s');
    expect(w.reason).toContain('Timeout is 60 s');
    expect(w.reason).toContain('504');
  });

  it('§1.5 uses TimeoutInMillis when set; no warning at or below it', () => {
    expect(warning(caller(20, { caller: 'api-gateway', TimeoutInMillis: 10_000 }), GATEWAY).reason).toContain(
      'TimeoutInMillis 10,000',
    );
    expect(idsOf(caller(29, { caller: 'api-gateway' }))).toEqual([]);
    expect(idsOf(caller(60, { caller: 'alb' }))).toEqual([]);
  });

  it('§1.5 the fix lowers the function’s Timeout to the integration timeout', () => {
    const s = caller(60, { caller: 'api-gateway' });
    const w = warning(s, GATEWAY);
    expect(w.fix).toEqual([expect.objectContaining({ path: 'function.Timeout', value: 29 })]);
    expectFixRemoves(s, w);
    const tiny = caller(5, { caller: 'api-gateway', TimeoutInMillis: 500 });
    const tinyWarning = warning(tiny, GATEWAY);
    expect(tinyWarning.fix.map((f) => f.path)).toEqual(['sources.0.TimeoutInMillis']);
    expectFixRemoves(tiny, tinyWarning);
  });

  it('§1.5 see it happen: the client gets 504 at 29 s while the invocation runs on to its end and is billed', () => {
    const r = runDemo(warning(caller(60, { caller: 'api-gateway' }), GATEWAY));
    const request = item(r, 'request');
    expect(request.response?.statusCode).toBe(504);
    expect(request.endedMs).toBeGreaterThanOrEqual(29_000);
    expect(request.endedMs).toBeLessThan(30_000);
    const [inv] = invocationsOf(r, 'request');
    expect(invocationsOf(r, 'request')).toHaveLength(1);
    expect(inv!.result).toBe('success');
    expect(inv!.endMs!).toBeGreaterThan(40_000);
    expect(inv!.billedMs).toBeGreaterThanOrEqual(44_000);
  });
});

describe('§1.4 an AWS CLI or SDK read timeout below the function’s Timeout', () => {
  it('§1.4 fires for the AWS CLI’s 60-second default with Timeout 120, and for an SDK read timeout', () => {
    const w = warning(caller(120, { caller: 'aws-cli' }), CLIENT);
    expect(w.rule).toBe('§1.4');
    expect(w.path).toBe('sources.0.readTimeoutSeconds');
    expect(w.reason).toContain('60 s by default');
    expect(w.reason).toContain('twice or more (up to 3 attempts)');
    expect(warning(caller(30, { caller: 'aws-sdk', readTimeoutSeconds: 10 }), CLIENT).reason).toContain(
      'after 10 s',
    );
  });

  it('§1.4 does not fire for the SDK without a read timeout, or a timeout the function fits in', () => {
    expect(idsOf(caller(120, { caller: 'aws-sdk' }))).toEqual([]);
    expect(idsOf(caller(60, { caller: 'aws-cli' }))).toEqual([]);
  });

  it('§1.4 without retries it says the client fails while the function runs on', () => {
    const w = warning(caller(120, { caller: 'aws-cli', retryMode: 'none' }), CLIENT);
    expect(w.reason).toContain('fails on the client while the function keeps running');
  });

  it('§1.4 the fix sets a read timeout longer than the function’s Timeout', () => {
    const s = caller(120, { caller: 'aws-cli' });
    const w = warning(s, CLIENT);
    expect(w.fix[0]!.value).toBe(130);
    expectFixRemoves(s, w);
  });

  it('§1.4 see it happen: the request gives up after 60 s and is sent again while the first run continues', () => {
    const r = runDemo(warning(caller(120, { caller: 'aws-cli' }), CLIENT));
    const runs = invocationsOf(r, 'request');
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs[1]!.startMs).toBeGreaterThanOrEqual(60_000);
    expect(runs[1]!.startMs).toBeLessThan(runs[0]!.endMs!);
    expect(runs.every((inv) => inv.result === 'success')).toBe(true);
  });
});
