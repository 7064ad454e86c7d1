/**
 * The narration panel: the event at the player's cursor in plain words, why it happened (its rule, with
 * a link to the AWS page), and where the source article is wrong about it; below, the transcript of the
 * run so far. The "why" sentences are a large block of prose, so they load right after the first
 * screen: until then the panel shows the event's time, step and sentence, which the page already has.
 */
import { Suspense, lazy, useId } from 'react';
import { formatOffset } from '../../app/format';
import { useSimStore } from '../../store/useSimStore';
import { useEventDescriber } from '../../app/useEventDescriber';
import './narration.css';

const NarrationView = lazy(() => import('./NarrationView').then((m) => ({ default: m.NarrationView })));

/** The event at the cursor without its "why", shown while the narration loads. */
function NarrationFallback() {
  const event = useSimStore((s) => (s.cursor >= 0 ? (s.log[s.cursor] ?? null) : null));
  const describe = useEventDescriber();
  if (!event || !describe) return null;
  const { step, text } = describe(event);
  return (
    <div className="narration-current">
      <p className="narration-meta">
        <span className="narration-time">{formatOffset(event.t)}</span>
        {step && <span className="step">{step}</span>}
      </p>
      <p className="narration-what">{text}</p>
    </div>
  );
}

/** The narration of the player's current event, with its "why?", rule, correction and transcript. */
export function NarrationPanel() {
  // A comparison shows one panel per run: each needs its own heading id.
  const titleId = useId();
  return (
    <section className="narration-panel" aria-labelledby={titleId} data-testid="narration">
      <h2 id={titleId} className="narration-title">
        What happens, and why
      </h2>
      <Suspense fallback={<NarrationFallback />}>
        <NarrationView />
      </Suspense>
    </section>
  );
}
