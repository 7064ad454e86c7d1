/**
 * Running the handler in an execution environment: the cold start's Init phase, the Invoke phase capped
 * by the function's `Timeout` (a timeout is a function error, §1.2), the response size limit for
 * synchronous calls (§1.3), billed duration rounded up to 1 ms with the Init phase billed on on-demand
 * environments (§5), and the metrics each attempt produces (§2.7).
 */
import { count, sample } from './metrics';
import { release } from './concurrency';
import { dataTemplate } from '../eventLog';
import { emitFields, getEnv, getItem, itemAt, PRIORITY, schedule } from '../state';
import type { EnvState, InvocationState, SimState } from '../types';
import type { RuleKey } from '../rules';

/** The data of the events logged once per invocation. */
const STARTED = dataTemplate(
  ['requestId', 'coldStart', 'warm', 'provisioned', 'items', 'trigger', 'attempt'],
  (requestId, coldStart, warm, provisioned, items, trigger, attempt) => ({
    requestId,
    coldStart,
    warm,
    provisioned,
    items,
    trigger,
    attempt,
  }),
);
const COLD_START = dataTemplate(['initMs', 'provisioned'], (initMs, provisioned) => ({
  initMs,
  provisioned,
}));
const INIT_DONE = dataTemplate(['initMs'], (initMs) => ({ initMs }));
const ENDED = dataTemplate(
  ['durationMs', 'billedMs', 'initBilledMs', 'response'],
  (durationMs, billedMs, initBilledMs, response) => ({ durationMs, billedMs, initBilledMs, response }),
);

/** Synchronous response payload limit: 6 MB (§1.3). */
export const SYNC_RESPONSE_LIMIT_BYTES = 6 * 1024 * 1024;

export interface StartRequest {
  env: EnvState;
  cold: boolean;
  items: string[];
  requestId: string;
  trigger: InvocationState['trigger'];
  plan: InvocationState['plan'];
  initMs: number;
  /** Batch invocations: where the items are in the item table. */
  itemIndexes?: number[];
  source?: string;
  lane?: number;
}

/** Starts an attempt in a claimed environment and schedules its end. */
export function startInvocation(state: SimState, req: StartRequest): InvocationState {
  const { env, cold } = req;
  const initMs = cold ? req.initMs : 0;
  const inv: InvocationState = {
    id: `inv-${++state.counters.invocation}`,
    requestId: req.requestId,
    items: req.items,
    trigger: req.trigger,
    startMs: state.now,
    handlerStartMs: state.now + initMs,
    endMs: null,
    coldStart: cold,
    initMs,
    environmentId: env.id,
    provisioned: env.provisioned,
    plan: req.plan,
    result: null,
    billedMs: 0,
    initBilledMs: 0,
    response: null,
  };
  if (req.itemIndexes !== undefined) inv.itemIndexes = req.itemIndexes;
  if (req.source !== undefined) inv.source = req.source;
  if (req.lane !== undefined) inv.lane = req.lane;
  // `inv-n` goes at index n - 1: getInvocation finds it by its number.
  state.invocations.push(inv);
  sample(state.metrics, 'ConcurrentExecutions', state.now, state.inUse);
  if (state.scenario.function.ProvisionedConcurrencyConfig && !env.provisioned) {
    count(state.metrics, 'ProvisionedConcurrencySpilloverInvocations', state.now);
  }
  const ids = { invocation: inv.id, env: env.id, item: req.items[0] };
  if (cold) {
    emitFields(state, 'env/cold-start', '§4.env', ids, COLD_START, initMs, env.provisioned);
    schedule(state, state.now + initMs, PRIORITY.initEnd, { kind: 'init-end', invocation: inv.id });
  } else {
    scheduleHandlerEnd(state, inv);
  }
  // A tumbling window's final invocation carries no records (§3.4): count it as a first attempt.
  const first = req.items.length === 0 ? undefined : req.itemIndexes?.[0];
  const attempt =
    req.items.length === 0
      ? 1
      : (first === undefined ? getItem(state, req.items[0]!) : itemAt(state, first)).tries;
  const rule: RuleKey = cold
    ? '§4.env'
    : req.trigger === 'sync'
      ? '§1.1'
      : req.trigger === 'sqs' || req.trigger === 'stream'
        ? '§3.1'
        : attempt > 1
          ? '§2.2'
          : '§2.1';
  emitFields(
    state,
    'invoke/started',
    rule,
    ids,
    STARTED,
    inv.requestId,
    cold,
    !cold,
    env.provisioned,
    inv.items.length,
    inv.trigger,
    attempt,
  );
  return inv;
}

function handlerRunMs(state: SimState, inv: InvocationState): number {
  return Math.min(inv.plan.durationMs, state.scenario.function.Timeout * 1000);
}

function scheduleHandlerEnd(state: SimState, inv: InvocationState): void {
  schedule(state, inv.handlerStartMs + handlerRunMs(state, inv), PRIORITY.invokeEnd, {
    kind: 'invoke-end',
    invocation: inv.id,
  });
}

/** The Init phase finished: the handler starts. */
export function onInitEnd(state: SimState, inv: InvocationState): void {
  const env = getEnv(state, inv.environmentId);
  env.phase = 'busy';
  emitFields(
    state,
    'env/init-done',
    '§4.env',
    { invocation: inv.id, env: env.id, item: inv.items[0] },
    INIT_DONE,
    inv.initMs,
  );
  scheduleHandlerEnd(state, inv);
}

function timeoutError(state: SimState, inv: InvocationState) {
  const seconds = state.scenario.function.Timeout.toFixed(2);
  return {
    errorType: 'Sandbox.Timedout',
    errorMessage: `RequestId: ${inv.requestId} Error: Task timed out after ${seconds} seconds`,
  };
}

/**
 * The attempt ends (returned, threw, or hit the timeout): fixes its result and response, bills it,
 * records metrics and frees the environment. The caller's model decides what happens next.
 */
export function onInvokeEnd(state: SimState, inv: InvocationState): void {
  const timeoutMs = state.scenario.function.Timeout * 1000;
  const timedOut = inv.plan.durationMs > timeoutMs;
  const runMs = handlerRunMs(state, inv);
  inv.endMs = state.now;
  inv.billedMs = Math.ceil(runMs);
  inv.initBilledMs = inv.coldStart && !inv.provisioned ? Math.ceil(inv.initMs) : 0;
  // The rule that explains this ending: what a sync caller gets back, or the async retry rules.
  let rule: RuleKey =
    inv.trigger === 'sync'
      ? '§1.1'
      : inv.trigger === 'sqs' || inv.trigger === 'stream'
        ? '§3.1'
        : inv.plan.result === 'success'
          ? '§2.1'
          : '§2.2';
  if (timedOut) {
    inv.result = 'timeout';
    inv.response = timeoutError(state, inv);
    rule = '§1.2';
  } else if (inv.plan.result === 'error') {
    inv.result = 'error';
    inv.response = inv.plan.error;
  } else if (inv.trigger === 'sync' && inv.plan.responseSizeBytes > SYNC_RESPONSE_LIMIT_BYTES) {
    inv.result = 'error';
    inv.response = {
      errorType: 'RequestEntityTooLarge',
      errorMessage: `Exceeded maximum allowed payload size (${SYNC_RESPONSE_LIMIT_BYTES + 100} bytes).`,
    };
    rule = '§1.3';
  } else {
    inv.result = 'success';
    inv.response = inv.plan.returns;
  }
  count(state.metrics, 'Invocations', state.now);
  if (inv.result !== 'success') count(state.metrics, 'Errors', state.now);
  sample(state.metrics, 'Duration', state.now, runMs);
  const env = getEnv(state, inv.environmentId);
  release(state, env);
  const type =
    inv.result === 'success'
      ? 'invoke/succeeded'
      : inv.result === 'timeout'
        ? 'invoke/timed-out'
        : 'invoke/failed';
  emitFields(
    state,
    type,
    rule,
    { invocation: inv.id, env: env.id, item: inv.items[0] },
    ENDED,
    runMs,
    inv.billedMs,
    inv.initBilledMs,
    inv.response,
  );
}
