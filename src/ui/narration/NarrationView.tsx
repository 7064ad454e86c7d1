/**
 * The narration of the event at the cursor (loaded after the first screen, see NarrationPanel): time,
 * article step, what happened, why, the rule with its AWS page, and the article's correction when this
 * event shows the article to be wrong. The transcript opens below it; its list loads when first opened.
 */
import { Suspense, lazy, useId, useMemo, useState } from 'react';
import { formatCount, formatOffset } from '../../app/format';
import { narrate, type Narration } from '../../app/narration';
import { useSimStore } from '../../store/useSimStore';
import { CorrectionCallout, RuleLink } from './NarrationParts';
import { usePacedCursor } from '../../store/usePacedCursor';

const TranscriptList = lazy(() => import('./TranscriptList').then((m) => ({ default: m.TranscriptList })));

function Current({ narration }: { narration: Narration }) {
  return (
    <div className="narration-current">
      <p className="narration-meta">
        <span className="narration-time">{formatOffset(narration.t)}</span>
        {narration.step && <span className="step">{narration.step}</span>}
      </p>
      <p className="narration-what">{narration.what}</p>
      <p className="narration-why">
        <strong className="narration-why-label">Why?</strong> {narration.why}{' '}
        <RuleLink rule={narration.rule} />
      </p>
      {narration.correction && <CorrectionCallout correction={narration.correction} />}
    </div>
  );
}

function Hint({ total, loading }: { total: number; loading: boolean }) {
  if (total === 0)
    return (
      <p className="muted narration-hint">{loading ? 'Running the scenario…' : 'This run has no events.'}</p>
    );
  return (
    <p className="muted narration-hint">
      Nothing has happened yet. Press <kbd>Space</kbd> to play or <kbd>→</kbd> to step; each event is
      explained here.
    </p>
  );
}

export function NarrationView() {
  const log = useSimStore((s) => s.log);
  // Paced while playing (hundreds of events a second are not read one by one); at once when paused.
  const cursor = usePacedCursor();
  const scenario = useSimStore((s) => s.scenario);
  const loading = useSimStore((s) => s.status === 'loading');
  const playing = useSimStore((s) => s.playing);
  const [open, setOpen] = useState(false);
  const bodyId = useId();
  const narration = useMemo(
    () => (cursor >= 0 && cursor < log.length ? narrate(log, cursor, scenario ?? undefined) : null),
    [log, cursor, scenario],
  );
  const shown = Math.min(cursor + 1, log.length);
  return (
    <>
      {/* A live region, so a screen reader reads each step as the learner steps; silent while playing,
          where a new event every few milliseconds would drown the reader (the transcript does the same). */}
      <div aria-live={playing ? 'off' : 'polite'} aria-atomic="true">
        {narration ? <Current narration={narration} /> : <Hint total={log.length} loading={loading} />}
      </div>
      <div className="narration-transcript">
        <button
          type="button"
          className="narration-disclosure"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpen((o) => !o)}
        >
          <span className="narration-chevron" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          Transcript <span className="muted">({formatCount(Math.max(0, shown))} so far)</span>
        </button>
        <div id={bodyId} hidden={!open}>
          {open && (
            <Suspense fallback={<p className="muted">Loading the transcript…</p>}>
              <TranscriptList />
            </Suspense>
          )}
        </div>
      </div>
    </>
  );
}
