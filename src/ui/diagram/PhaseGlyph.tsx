/** The small shape that stands for a phase, on tokens and badges (with a word nearby, never alone). */
import { Icon } from '../../app/components/Icon';
import type { Phase } from '../../diagram/places';
import { PHASE_LOOK } from './phaseLook';

export function PhaseGlyph({ phase }: { phase: Phase }) {
  return <Icon name={PHASE_LOOK[phase].icon} className="phase-glyph" />;
}
