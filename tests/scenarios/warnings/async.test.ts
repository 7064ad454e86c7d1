import { describe, expect, it } from 'vitest';
import { item, run } from '../../helpers/scenario';
import { attemptsWithin } from '../../../src/scenarios/warnings/asyncEventAgeTooShort';
import { demoOf, expectFixRemoves, idsOf, runDemo, scenarioOf, warning, withFix } from './helpers';

const LOST = 'async-no-failure-destination';
const AGE = 'async-event-age-too-short-for-retries';
const FIFO = 'async-fifo-destination';
const FAILED = 'arn:aws:sqs:us-east-1:123456789012:failed';

function asyncScenario(fn: Record<string, unknown> = {}, caller = 's3') {
  return scenarioOf({
    function: { FunctionName: 'resize', Timeout: 3, ...fn },
    sources: [{ type: 'async', id: 'uploads', caller, requests: [{ id: 'e' }] }],
  });
}

const onFailure = (Destination: string) => ({ DestinationConfig: { OnFailure: { Destination } } });

describe('§2.5 §2.6 asynchronous invocation with nowhere to keep failed events', () => {
  it('§2.5 fires with async sources and neither an OnFailure destination nor a DLQ', () => {
    const w = warning(asyncScenario(), LOST);
    expect(w.rule).toBe('§2.5');
    expect(w.path).toBe('function.EventInvokeConfig.DestinationConfig.OnFailure.Destination');
    expect(w.sourceId).toBe('uploads');
    expect(w.reason).toContain('all 3 attempts (MaximumRetryAttempts 2)');
    expect(w.reason).toContain('21,600 s (6 hours)');
  });

  it('§2.5 §2.6 does not fire with an on-failure destination, with a DLQ, or without async sources', () => {
    expect(idsOf(asyncScenario({ EventInvokeConfig: onFailure(FAILED) }))).toEqual([]);
    expect(idsOf(asyncScenario({ DeadLetterConfig: { TargetArn: FAILED } }))).toEqual([]);
    expect(
      idsOf(scenarioOf({ sources: [{ type: 'sync', id: 'c', caller: 'direct', requests: [{}] }] })),
    ).toEqual([]);
  });

  it('§2.5 an OnSuccess destination alone does not keep failures', () => {
    const s = asyncScenario({
      EventInvokeConfig: { DestinationConfig: { OnSuccess: { Destination: FAILED } } },
    });
    expect(idsOf(s)).toContain(LOST);
  });

  it('§2.5 the fix adds an on-failure queue named after the function', () => {
    const s = asyncScenario();
    const w = warning(s, LOST);
    expect(w.fix[0]!.value).toBe('arn:aws:sqs:us-east-1:123456789012:resize-failed');
    expectFixRemoves(s, w);
  });

  it('§2.5 see it happen: 202, three failed attempts ≈1 and ≈2 minutes apart, then the event is dropped without a trace', () => {
    const w = warning(asyncScenario(), LOST);
    const r = runDemo(w);
    const event = item(r, 'event');
    expect(event.response?.statusCode).toBe(202);
    expect(event.attempts.map((a) => a.result)).toEqual(['error', 'error', 'error']);
    expect(event.outcome).toBe('discarded');
    expect(event.deliveries).toEqual([]);
    expect(r.metrics.AsyncEventsDropped).toBe(1);
    // With the fix the same run keeps the event on the queue.
    const fixed = item(run(withFix(demoOf(w), w)), 'event');
    expect(fixed.outcome).toBe('dead-lettered');
  });
});

describe('§2.2 maximum event age too short for the retries', () => {
  it('§2.2 attempts an event surely gets, with attempts that run to the Timeout', () => {
    // Retries start ≈60 s and ≈120 s after the failed attempt ends.
    expect(attemptsWithin(60, 2, 3)).toBe(1);
    expect(attemptsWithin(63, 2, 3)).toBe(1);
    expect(attemptsWithin(64, 2, 3)).toBe(2);
    expect(attemptsWithin(186, 2, 3)).toBe(2);
    expect(attemptsWithin(187, 2, 3)).toBe(3);
    expect(attemptsWithin(60, 0, 3)).toBe(1);
  });

  it('§2.2 fires when the retries cannot all happen, with the attempts left in the reason', () => {
    const w = warning(
      asyncScenario({ EventInvokeConfig: { MaximumEventAgeInSeconds: 60, ...onFailure(FAILED) } }),
      AGE,
    );
    expect(w.rule).toBe('§2.2');
    expect(w.path).toBe('function.EventInvokeConfig.MaximumEventAgeInSeconds');
    expect(w.reason).toContain('gets only 1 attempt: 2 retries never happen');
    const second = warning(
      asyncScenario({
        Timeout: 30,
        EventInvokeConfig: { MaximumEventAgeInSeconds: 200, ...onFailure(FAILED) },
      }),
      AGE,
    );
    expect(second.reason).toContain('gets only 2 attempts: the last retry never happens');
  });

  it('§2.2 does not fire with enough age, with no retries wanted, or without async sources', () => {
    expect(
      idsOf(asyncScenario({ EventInvokeConfig: { MaximumEventAgeInSeconds: 300, ...onFailure(FAILED) } })),
    ).toEqual([]);
    expect(
      idsOf(
        asyncScenario({
          EventInvokeConfig: { MaximumEventAgeInSeconds: 60, MaximumRetryAttempts: 0, ...onFailure(FAILED) },
        }),
      ),
    ).toEqual([]);
  });

  it('§2.2 the fix gives the retries time (with a minute to spare)', () => {
    const s = asyncScenario({
      Timeout: 30,
      EventInvokeConfig: { MaximumEventAgeInSeconds: 200, ...onFailure(FAILED) },
    });
    const w = warning(s, AGE);
    expect(w.fix[0]!.value).toBe(300);
    expectFixRemoves(s, w);
  });

  it('§2.2 see it happen: one attempt and EventAgeExceeded at once; with the fix all three attempts run', () => {
    const w = warning(
      asyncScenario({ EventInvokeConfig: { MaximumEventAgeInSeconds: 60, ...onFailure(FAILED) } }),
      AGE,
    );
    const event = item(runDemo(w), 'event');
    expect(event.attempts.map((a) => a.result)).toEqual(['timeout']);
    expect(event.outcome).toBe('dead-lettered');
    expect(event.deliveries[0]!.record).toMatchObject({ requestContext: { condition: 'EventAgeExceeded' } });
    expect(event.deliveries[0]!.atMs - event.attempts[0]!.endMs!).toBeLessThan(1000);
    const fixed = item(run(withFix(demoOf(w), w)), 'event');
    expect(fixed.attempts).toHaveLength(3);
    expect(fixed.deliveries[0]!.record).toMatchObject({ requestContext: { condition: 'RetriesExhausted' } });
  });

  it('§2.2 see it happen without a destination: the event expires after two attempts', () => {
    const w = warning(
      asyncScenario({ Timeout: 30, EventInvokeConfig: { MaximumEventAgeInSeconds: 200 } }),
      AGE,
    );
    const event = item(runDemo(w), 'event');
    expect(event.attempts).toHaveLength(2);
    expect(event.outcome).toBe('expired');
  });
});

describe('§2.5 a FIFO queue or topic as an asynchronous destination', () => {
  it('§2.5 fires for a FIFO OnFailure or OnSuccess destination, not for standard ones', () => {
    const s = asyncScenario({ EventInvokeConfig: onFailure(`${FAILED}.fifo`) });
    const w = warning(s, FIFO);
    expect(w.path).toBe('function.EventInvokeConfig.DestinationConfig.OnFailure.Destination');
    expect(w.reason).toContain('a FIFO queue');
    expect(idsOf(s)).not.toContain(LOST);
    const topic = asyncScenario({
      EventInvokeConfig: {
        ...onFailure(FAILED),
        DestinationConfig: {
          OnFailure: { Destination: FAILED },
          OnSuccess: { Destination: 'arn:aws:sns:us-east-1:123456789012:done.fifo' },
        },
      },
    });
    expect(warning(topic, FIFO).reason).toContain('a FIFO topic');
    expect(idsOf(asyncScenario({ EventInvokeConfig: onFailure(FAILED) }))).toEqual([]);
  });

  it('§2.5 the fix uses the standard queue of the same name', () => {
    const s = asyncScenario({ EventInvokeConfig: onFailure(`${FAILED}.fifo`) });
    const w = warning(s, FIFO);
    expect(w.fix[0]!.value).toBe(FAILED);
    expectFixRemoves(s, w);
  });

  it('§2.5 see it happen: the failure record cannot be delivered (DestinationDeliveryFailures) and the event is lost', () => {
    const r = runDemo(warning(asyncScenario({ EventInvokeConfig: onFailure(`${FAILED}.fifo`) }), FIFO));
    const event = item(r, 'event');
    expect(event.deliveries).toEqual([expect.objectContaining({ target: 'on-failure', delivered: false })]);
    expect(event.outcome).toBe('discarded');
    expect(r.metrics.DestinationDeliveryFailures).toBe(1);
  });

  it('§2.5 see it happen for OnSuccess: the success record fails to arrive', () => {
    const s = asyncScenario({
      EventInvokeConfig: {
        DestinationConfig: {
          OnFailure: { Destination: FAILED },
          OnSuccess: { Destination: 'arn:aws:sns:us-east-1:123456789012:done.fifo' },
        },
      },
    });
    const r = runDemo(warning(s, FIFO));
    expect(item(r, 'event').outcome).toBe('succeeded');
    expect(r.metrics.DestinationDeliveryFailures).toBe(1);
  });
});
