/**
 * Teaching moments of an SQS event source mapping (§3.2): a visibility timeout running out (after a
 * failed batch, or while the handler still runs) and SQS's redrive of a message to the queue's DLQ.
 */
import { RULES } from '../../engine/rules';
import type { SimEvent } from '../../engine/types';
import type { MomentDraft } from '../types';
import { aboutDuration, arnName, concerns, dataOf, findNext } from '../wording';

/** Whether the last invocation that took `item` before `index` is still running. */
function stillRunning(log: readonly SimEvent[], index: number, item: string): boolean {
  for (let i = index - 1; i >= 0 && i > index - 2000; i--) {
    const e = log[i]!;
    if (!concerns(e, item)) continue;
    if (e.type === 'invoke/started' || e.type === 'env/init-done' || e.type === 'esm/batch-invoked')
      return true;
    if (e.type.startsWith('invoke/') || e.type === 'sqs/batch-failed' || e.type === 'sqs/received')
      return false;
  }
  return false;
}

/** Every SQS moment of the log, in log order: the first visibility expiry per message, every redrive. */
export function sqsMoments(log: readonly SimEvent[]): MomentDraft[] {
  const drafts: MomentDraft[] = [];
  const seen = new Set<string>();
  const receivedAt = new Map<string, { t: number; seconds: number }>();
  for (let i = 0; i < log.length; i++) {
    const e = log[i]!;
    const d = dataOf(e);
    if (e.type === 'sqs/received') {
      const items = Array.isArray(d.items) ? (d.items as string[]) : [];
      const seconds = typeof d.visibilityTimeoutSeconds === 'number' ? d.visibilityTimeoutSeconds : 30;
      for (const it of items) receivedAt.set(it, { t: e.t, seconds });
      continue;
    }
    const item = e.item;
    if (item === undefined) continue;
    if (e.type === 'sqs/visible-again' && !seen.has(item)) {
      seen.add(item);
      // Messages of one batch reappear together: one question per batch, about its first message.
      if (log[i - 1]?.type === 'sqs/visible-again' && log[i - 1]!.t === e.t) continue;
      const receiveCount = typeof d.receiveCount === 'number' ? d.receiveCount : 1;
      const running = stillRunning(log, i, item);
      const next = findNext(log, i, (n) => concerns(n, item) && n.type.startsWith('sqs/'));
      const nd = dataOf(log[next]);
      const received = log[next]?.type === 'sqs/received';
      const moved = log[next]?.type === 'sqs/moved-to-dlq';
      const then = received
        ? `is received again (receive count ${receiveCount + 1})`
        : moved
          ? `is moved by SQS to the queue's dead-letter queue, ${arnName(nd.destination)}`
          : 'waits in the queue for a poller';
      const vis = receivedAt.get(item);
      const timeout = vis ? `${vis.seconds} s` : 'its';
      const duplicate = running && received ? ', so the same message runs twice at the same time' : '';
      drafts.push({
        kind: 'sqs-visibility-expired',
        pauseIndex: i - 1,
        revealIndex: i,
        item,
        prompt: running
          ? `Message "${item}" was received with a ${timeout} visibility timeout, and the handler is still working on it. What happens when the ${timeout} are up?`
          : `The batch with message "${item}" has failed. What happens to "${item}" now?`,
        correct: {
          text: running
            ? `The message becomes visible again although its handler still runs, and ${then}${duplicate}.`
            : `Nothing is deleted: "${item}" stays hidden until its ${timeout} visibility timeout ends${vis ? ` (${aboutDuration(e.t - vis.t)} after it was received)` : ''}, then becomes visible again and ${then}.`,
          feedback: running
            ? 'Right: a received message is only hidden for the visibility timeout; when it ends SQS makes the message visible again whatever Lambda is doing, and another poller receives it. Set the visibility timeout to at least 6 × the function timeout (+ the batching window).'
            : 'Right: Lambda deletes a batch only after the function succeeds; after an error the messages simply stay hidden until the visibility timeout ends, and SQS delivers them again with a higher ApproximateReceiveCount.',
          rule: RULES['§3.2'],
        },
        facts: { stillRunning: running, delayMs: e.t - (log[i - 1]?.t ?? e.t) },
      });
    } else if (e.type === 'sqs/moved-to-dlq') {
      const count = typeof d.receiveCount === 'number' ? d.receiveCount : undefined;
      const max = typeof d.maxReceiveCount === 'number' ? d.maxReceiveCount : undefined;
      drafts.push({
        kind: 'sqs-redrive',
        pauseIndex: i - 1,
        revealIndex: i,
        item,
        prompt: `Message "${item}" is visible again${count === undefined ? '' : ` after being received ${count} time${count === 1 ? '' : 's'}`}; the queue's RedrivePolicy has maxReceiveCount ${max ?? '?'}. What happens next?`,
        correct: {
          text: `SQS itself (not Lambda) moves "${item}" to the queue's dead-letter queue, ${arnName(d.destination)}: it has been received ${count ?? 'maxReceiveCount'} times.`,
          feedback:
            'Right: the redrive policy belongs to the source queue; once a message has been received maxReceiveCount times without being deleted, SQS moves it to the dead-letter queue instead of delivering it again. Lambda’s own DLQ and destinations play no part for an SQS source. AWS suggests maxReceiveCount ≥ 5 so throttles alone do not send messages there.',
          rule: RULES['§3.2'],
        },
        facts: {},
      });
    }
  }
  return drafts;
}
