/**
 * How each phase of an item looks on the diagram: a word, an icon (shape) and a tone (colour). Shape
 * and word always travel with the colour, so no state is told by colour alone.
 */
import type { IconName, Tone } from '../../app/outcomes';
import type { Phase } from '../../diagram/places';
import type { NodeKind } from '../../diagram/topology';

export interface PhaseLook {
  word: string;
  icon: IconName;
  tone: Tone | 'active' | 'idle';
}

export const PHASE_LOOK: Record<Phase, PhaseLook> = {
  arrived: { word: 'new', icon: 'dot', tone: 'idle' },
  sending: { word: 'at the front door', icon: 'play', tone: 'active' },
  queued: { word: 'queued', icon: 'dot', tone: 'idle' },
  'retry-wait': { word: 'waiting to retry', icon: 'retry', tone: 'warn' },
  backoff: { word: 'backing off (throttled)', icon: 'clock', tone: 'warn' },
  'in-flight': { word: 'in a batch', icon: 'play', tone: 'active' },
  invisible: { word: 'hidden until the visibility timeout', icon: 'ring', tone: 'warn' },
  starting: { word: 'being invoked', icon: 'play', tone: 'active' },
  initializing: { word: 'cold start (Init)', icon: 'clock', tone: 'active' },
  running: { word: 'running', icon: 'play', tone: 'active' },
  success: { word: 'succeeded', icon: 'check', tone: 'good' },
  error: { word: 'failed', icon: 'cross', tone: 'bad' },
  timeout: { word: 'timed out', icon: 'clock', tone: 'bad' },
  throttled: { word: 'throttled', icon: 'stop', tone: 'warn' },
  rejected: { word: 'rejected', icon: 'ban', tone: 'bad' },
  delivered: { word: 'delivered', icon: 'inbox', tone: 'neutral' },
  'delivery-failed': { word: 'delivery failed', icon: 'ban', tone: 'bad' },
  'dead-lettered': { word: 'dead-lettered', icon: 'inbox', tone: 'bad' },
  completed: { word: 'completed', icon: 'check', tone: 'good' },
  deleted: { word: 'deleted', icon: 'check', tone: 'good' },
  checkpointed: { word: 'checkpointed', icon: 'check', tone: 'good' },
  dropped: { word: 'discarded', icon: 'trash', tone: 'bad' },
  expired: { word: 'expired', icon: 'trash', tone: 'bad' },
  filtered: { word: 'filtered out', icon: 'dots', tone: 'neutral' },
};

/** Words that read better on particular nodes ("visible" in an SQS queue rather than "queued"). */
const WORDS_ON: Partial<Record<NodeKind, Partial<Record<Phase, string>>>> = {
  'sqs-queue': { queued: 'visible', invisible: 'in flight (hidden)' },
  shard: { queued: 'in the stream' },
  caller: { success: 'answered OK', error: 'got an error', throttled: 'got 429', timeout: 'stopped waiting' },
  poller: { 'retry-wait': 'retrying the batch', 'in-flight': 'reading a batch' },
  lambda: { throttled: 'refused (throttled)' },
};

/** The word for `phase` on a node of `kind`. */
export function phaseWord(phase: Phase, kind?: NodeKind): string {
  return (kind && WORDS_ON[kind]?.[phase]) ?? PHASE_LOOK[phase].word;
}
