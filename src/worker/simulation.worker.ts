/**
 * The simulation worker: reads requests, answers bad ones at once, and hands the rest to the run loop,
 * which runs them in slices and streams each log back in frame-paced batches before the results.
 * Running here keeps the UI thread free however long a run takes; the bridge restarts this worker if it
 * crashes or stops answering.
 */
import '../scenarios/zodJitless'; // first: before any schema is built (Content Security Policy, docs/security.md)
import { isCancelRequest, isSweepRequest, isWorkerRequest, type WorkerResponse } from '../protocol/messages';
import { prepareJob } from './jobs';
import { createRunLoop } from './runLoop';
import { prepareSweep } from './sweepJob';
import { createSweepLoop } from './sweepLoop';

/** The parts of the worker global this file uses (tsconfig has the DOM lib, not WebWorker). */
interface WorkerScope {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

const scope = self as unknown as WorkerScope;

function post(message: WorkerResponse, transfer?: Transferable[]): void {
  scope.postMessage(message, transfer ?? []);
}

const loop = createRunLoop({ post });
// Sweeps have their own loop; when both have work, their slices take turns.
const sweeps = createSweepLoop({ post });

scope.addEventListener('message', (event) => {
  const request: unknown = event.data;
  if (!isWorkerRequest(request)) {
    const id = (request as { id?: unknown } | null)?.id;
    post({
      type: 'error',
      id: Number.isSafeInteger(id) && (id as number) >= 0 ? (id as number) : null,
      message: 'The simulation worker received a request it does not understand.',
    });
    return;
  }
  if (isCancelRequest(request)) {
    loop.cancel(request.id);
    sweeps.cancel(request.id);
    return;
  }
  try {
    if (isSweepRequest(request)) {
      const prepared = prepareSweep(request);
      if (prepared.ok) sweeps.start(prepared.job);
      else post(prepared.error);
      return;
    }
    const prepared = prepareJob(request);
    if (prepared.ok) loop.start(prepared.job);
    else post(prepared.error);
  } catch (e) {
    // Validation never throws, so a throw here is a bug: report it for this request and stay alive.
    const message = e instanceof Error ? e.message : String(e);
    post({ type: 'error', id: request.id, message: `The simulation failed: ${message}` });
  }
});
