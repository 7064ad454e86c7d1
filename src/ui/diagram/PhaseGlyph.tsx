/** The small shape that stands for a phase, on tokens and badges (with a word nearby, never alone). */
import { Icon } from '../../app/components/Icon';
import type { Phase } from '../../store/diagram/places';
import { PHASE_LOOK } from './phaseLook';

const EXTRA: Record<string, string> = {
  dot: 'M8 5.2a2.8 2.8 0 1 0 0 5.6a2.8 2.8 0 1 0 0-5.6z',
  ring: 'M8 2.5a5.5 5.5 0 1 0 0 11a5.5 5.5 0 1 0 0-11z',
  play: 'M5 3.2v9.6L12.6 8z',
  retry: 'M12.8 6.2A5 5 0 1 0 13 9.5M13 2.8v3.6H9.4',
};

export function PhaseGlyph({ phase }: { phase: Phase }) {
  const { icon } = PHASE_LOOK[phase];
  const extra = EXTRA[icon];
  if (!extra) return <Icon name={icon as Exclude<typeof icon, keyof typeof EXTRA>} className="phase-glyph" />;
  const filled = icon === 'dot' || icon === 'play';
  return (
    <svg
      className="icon phase-glyph"
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={extra}
        fill={filled ? 'currentColor' : 'none'}
        stroke="currentColor"
        strokeWidth={1.7}
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
