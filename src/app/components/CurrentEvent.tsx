/**
 * The event the player is on, in words, so the learner can follow the run from the player alone. It is
 * a polite live region while paused (each step is read out) and silent while playing.
 */
import type { SimEvent } from '../../engine/types';
import type { EventDescription } from '../eventData';
import { formatOffset } from '../format';
import { useSimStore } from '../../store/useSimStore';
import { useEventDescriber } from '../useEventDescriber';

function text(
  event: SimEvent | null,
  total: number,
  atEnd: boolean,
  describe: ((event: SimEvent) => EventDescription) | null,
  prefix?: string,
) {
  if (total === 0) return <span className="muted">This run has no events.</span>;
  if (!event)
    return (
      <span className="muted">
        Nothing has happened yet. Press <kbd>Space</kbd> to play or <kbd>→</kbd> to step.
      </span>
    );
  const { step, text } = describe ? describe(event) : { step: null, text: '' };
  return (
    <>
      <span className="current-time">{formatOffset(event.t)}</span>
      {prefix && <span className="current-who">{prefix}</span>}
      {step && <span className="step">{step}</span>}
      <span className="current-text">{text}</span>
      {atEnd && <span className="muted"> — the end of the run.</span>}
    </>
  );
}

interface Props {
  /** Never a live region (a comparison has one per pane; the shared player speaks). */
  quiet?: boolean;
  /** Names whose event it is (a comparison's shared player: which run), by the event's index. */
  eventOwner?: (index: number) => string;
}

export function CurrentEvent({ quiet = false, eventOwner }: Props) {
  const log = useSimStore((s) => s.log);
  const cursor = useSimStore((s) => s.cursor);
  const playing = useSimStore((s) => s.playing);
  const describe = useEventDescriber();
  const total = log.length;
  const event = cursor >= 0 ? (log[cursor] ?? null) : null;
  const atEnd = event !== null && cursor === total - 1;
  return (
    <p className="current-event" aria-live={playing || quiet ? 'off' : 'polite'} data-testid="current-event">
      {text(event, total, atEnd, describe, event && eventOwner ? eventOwner(cursor) : undefined)}
    </p>
  );
}
