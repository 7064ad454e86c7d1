/** Pieces the current narration and the transcript share: the rule's link and the correction callout. */
import type { Correction, Narration } from '../../app/narration';

/** A warning sign: the correction is marked by this shape and its label, not by colour alone. */
function CorrectionIcon() {
  return (
    <svg className="narration-correction-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M8 1.5 15 14H1z" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
      <path d="M8 6v4" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      <circle cx="8" cy="12" r="0.9" fill="currentColor" />
    </svg>
  );
}

/** "The article says … — AWS actually …", set apart from the narration. */
export function CorrectionCallout({ correction }: { correction: Correction }) {
  return (
    <aside className="narration-correction" aria-label="Correction to the source article">
      <p className="narration-correction-label">
        <CorrectionIcon />
        <strong>Correction</strong>
      </p>
      <p>
        The article says <q>{correction.article}</q> — <strong>AWS actually:</strong> {correction.aws}
      </p>
    </aside>
  );
}

/** The rule's section and title, linking to the AWS documentation page in a new tab. */
export function RuleLink({ rule }: { rule: Narration['rule'] }) {
  return (
    <a className="narration-rule" href={rule.url} target="_blank" rel="noreferrer">
      {rule.section} {rule.title}
      <span className="visually-hidden"> (AWS documentation, opens in a new tab)</span>
    </a>
  );
}
