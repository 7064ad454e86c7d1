/** What the side panel shows when nothing is selected: how to read the diagram, and what each token means. */
import type { Phase } from '../../diagram/places';
import { PhaseGlyph } from '../diagram/PhaseGlyph';
import { PHASE_LOOK } from '../diagram/phaseLook';

const SHOWN: Array<{ phase: Phase; meaning: string }> = [
  { phase: 'queued', meaning: 'waiting in a queue or stream' },
  { phase: 'running', meaning: 'being processed by the function' },
  { phase: 'success', meaning: 'the attempt succeeded' },
  { phase: 'error', meaning: 'the attempt failed (the function threw)' },
  { phase: 'timeout', meaning: 'the attempt ran out of time' },
  { phase: 'retry-wait', meaning: 'waiting for a retry, with a countdown' },
  { phase: 'throttled', meaning: 'refused for lack of concurrency (429)' },
  { phase: 'invisible', meaning: 'an SQS message hidden by its visibility timeout' },
  { phase: 'delivered', meaning: 'a record landed in a destination or DLQ' },
];

export function DiagramLegend() {
  return (
    <section className="legend" aria-labelledby="legend-title">
      <h2 id="legend-title">Reading the diagram</h2>
      <p>
        Each token is one request, event, message or record. Press <kbd>Space</kbd> to play, <kbd>→</kbd> to
        step; the token moves along the edge the step happened on. Labels say the attempt (<code>#2</code>),
        an SQS message’s receive count (<code>×3</code>) or the HTTP status a caller got (<code>202</code>).
      </p>
      <ul className="legend-list">
        {SHOWN.map(({ phase, meaning }) => (
          <li key={phase}>
            <span className={`token token-static tone-${PHASE_LOOK[phase].tone}`} aria-hidden="true">
              <span className="token-body">
                <PhaseGlyph phase={phase} />
              </span>
            </span>
            <span>
              <strong>{PHASE_LOOK[phase].word}</strong> — {meaning}
            </span>
          </li>
        ))}
      </ul>
      <p className="muted">Click a token or a component to follow it here.</p>
    </section>
  );
}
