/**
 * The Lambda front door's concurrency decisions (§4) and the pool of execution environments it draws on:
 * reserved concurrency (a cap and a guarantee, 0 = always throttled), the account's concurrency quota,
 * provisioned environments used first with spillover to on-demand ones, warm reuse of idle environments,
 * the per-function scaling rate for new environments, and idle reaping.
 */
import { count, sample } from './metrics';
import { emit, getEnv, PRIORITY, schedule, SCALING_BUCKET, SCALING_REFILL_PER_MS } from '../state';
import type { EnvState, SimState } from '../types';

export type ThrottleReason =
  | 'ReservedFunctionConcurrentInvocationLimitExceeded'
  | 'ConcurrentInvocationLimitExceeded'
  | 'FunctionInvocationRateLimitExceeded'
  | 'ReservedFunctionInvocationRateLimitExceeded';

export type Throttle = {
  ok: false;
  reason: ThrottleReason;
  rule: '§4.reserved' | '§4' | '§4.scaling';
  message: string;
};

export type Admission = { ok: true; env: EnvState; cold: boolean } | Throttle;

/** The most environments the function may have in use at once. */
export function concurrencyLimit(state: SimState): number {
  const reserved = state.scenario.function.ReservedConcurrentExecutions;
  return reserved ?? state.scenario.account.ConcurrentExecutions;
}

/** Creates the provisioned environments, initialised before the run starts (§4 provisioned concurrency). */
export function createProvisionedEnvironments(state: SimState): void {
  const n = state.scenario.function.ProvisionedConcurrencyConfig?.ProvisionedConcurrentExecutions ?? 0;
  for (let i = 0; i < n; i++) {
    const env = newEnv(state, true);
    env.phase = 'idle';
    state.idleProvisioned.push(env.id);
  }
  if (n > 0) emit(state, 'env/provisioned-ready', '§4.provisioned', {}, { count: n });
}

function newEnv(state: SimState, provisioned: boolean): EnvState {
  const env: EnvState = {
    id: `${provisioned ? 'pc' : 'env'}-${++state.counters.env}`,
    phase: 'initializing',
    provisioned,
    createdMs: state.now,
    lastUsedMs: state.now,
    invocations: 0,
    reapToken: 0,
  };
  state.envIndex.set(env.id, state.envs.length);
  state.envs.push(env);
  return env;
}

function refillScaling(state: SimState): void {
  const { scaling, now } = state;
  scaling.tokens = Math.min(SCALING_BUCKET, scaling.tokens + (now - scaling.atMs) * SCALING_REFILL_PER_MS);
  scaling.atMs = now;
}

/**
 * Asks for an environment to run one invocation now. Either claims one (warm or new) or says why the
 * request is throttled. Claiming marks the environment in use; `release` gives it back.
 */
export function admit(state: SimState): Admission {
  const fn = state.scenario.function;
  const reserved = fn.ReservedConcurrentExecutions;
  if (reserved === 0) {
    return {
      ok: false,
      reason: 'ReservedFunctionConcurrentInvocationLimitExceeded',
      rule: '§4.reserved',
      message: 'Reserved concurrency is 0: the function is throttled for every request.',
    };
  }
  if (state.inUse >= concurrencyLimit(state)) {
    return reserved !== undefined
      ? {
          ok: false,
          reason: 'ReservedFunctionConcurrentInvocationLimitExceeded',
          rule: '§4.reserved',
          message: `All ${reserved} reserved concurrent executions are busy.`,
        }
      : {
          ok: false,
          reason: 'ConcurrentInvocationLimitExceeded',
          rule: '§4',
          message: `The account's ${state.scenario.account.ConcurrentExecutions} concurrent executions are in use.`,
        };
  }
  const provisionedId = state.idleProvisioned.pop();
  if (provisionedId) return claim(state, getEnv(state, provisionedId), false);
  const warmId = state.idleOnDemand.pop();
  if (warmId) return claim(state, getEnv(state, warmId), false);
  refillScaling(state);
  if (state.scaling.tokens < 1) {
    return {
      ok: false,
      reason: 'ConcurrentInvocationLimitExceeded',
      rule: '§4.scaling',
      message: 'Lambda can add at most 1,000 execution environments every 10 seconds to one function.',
    };
  }
  state.scaling.tokens -= 1;
  return claim(state, newEnv(state, false), true);
}

function claim(state: SimState, env: EnvState, cold: boolean): Admission {
  env.phase = cold ? 'initializing' : 'busy';
  env.reapToken += 1;
  env.invocations += 1;
  state.inUse += 1;
  return { ok: true, env, cold };
}

/** §4: Invoke requests per second may not exceed 10 × the concurrency available to the function. */
export const REQUESTS_PER_SECOND_PER_CONCURRENCY = 10;

/**
 * Counts one Invoke request against the request-rate quota and says whether it is over it. The quota
 * applies to synchronous calls and to asynchronous calls from non-AWS callers (§2.1, §4).
 */
export function checkRequestRate(state: SimState): Throttle | null {
  const reserved = state.scenario.function.ReservedConcurrentExecutions;
  if (reserved === 0) return null; // every request is throttled by concurrency anyway
  const second = Math.floor(state.now / 1000);
  if (state.requestRate.second !== second) state.requestRate = { second, count: 0 };
  state.requestRate.count += 1;
  const limit = REQUESTS_PER_SECOND_PER_CONCURRENCY * concurrencyLimit(state);
  if (state.requestRate.count <= limit) return null;
  return {
    ok: false,
    reason:
      reserved === undefined
        ? 'FunctionInvocationRateLimitExceeded'
        : 'ReservedFunctionInvocationRateLimitExceeded',
    rule: '§4',
    message: `More than ${limit} Invoke requests in one second (10 × the function's concurrency).`,
  };
}

/** Gives an environment back after an invocation: it idles, warm, until reused or reaped. */
export function release(state: SimState, env: EnvState): void {
  env.phase = 'idle';
  env.lastUsedMs = state.now;
  state.inUse -= 1;
  sample(state.metrics, 'ConcurrentExecutions', state.now, state.inUse);
  if (env.provisioned) {
    state.idleProvisioned.push(env.id);
    return;
  }
  state.idleOnDemand.push(env.id);
  const idleMs = state.scenario.function.behavior.environmentIdleSeconds * 1000;
  schedule(state, state.now + idleMs, PRIORITY.reap, { kind: 'env-reap', env: env.id, token: env.reapToken });
}

/** Stops an on-demand environment that stayed idle since `token` was issued. */
export function reap(state: SimState, envId: string, token: number): void {
  const env = getEnv(state, envId);
  if (env.phase !== 'idle' || env.reapToken !== token) return;
  env.phase = 'reaped';
  const i = state.idleOnDemand.indexOf(envId);
  if (i >= 0) state.idleOnDemand.splice(i, 1);
  emit(state, 'env/reaped', '§4.env', { env: env.id }, { idleMs: state.now - env.lastUsedMs });
}

/** Counts a throttle in CloudWatch's `Throttles`. */
export function countThrottle(state: SimState): void {
  count(state.metrics, 'Throttles', state.now);
}
