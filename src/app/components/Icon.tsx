/** Small line icons that carry meaning next to text (the text is always there too). */
import type { IconName } from '../outcomes';

const PATHS: Record<IconName, string> = {
  check: 'M3 8.5l3.2 3.2L13 4.8',
  cross: 'M4 4l8 8M12 4l-8 8',
  // An octagon with a bar: stop, no capacity.
  stop: 'M5.5 1.8h5l3.7 3.7v5l-3.7 3.7h-5l-3.7-3.7v-5zM5 8h6',
  ban: 'M8 1.8a6.2 6.2 0 1 0 0 12.4A6.2 6.2 0 0 0 8 1.8zM3.6 3.6l8.8 8.8',
  inbox: 'M1.8 9.5l2-6.5h8.4l2 6.5v4H1.8zM1.8 9.5h3.6l1 1.8h3.2l1-1.8h3.6',
  clock: 'M8 1.8a6.2 6.2 0 1 0 0 12.4A6.2 6.2 0 0 0 8 1.8zM8 4.5V8l2.5 1.8',
  trash: 'M2.5 4h11M6 4V2.3h4V4M3.8 4l.8 9.7h6.8l.8-9.7',
  dots: 'M3.5 8h.01M8 8h.01M12.5 8h.01',
  dot: 'M8 5.2a2.8 2.8 0 1 0 0 5.6a2.8 2.8 0 1 0 0-5.6z',
  ring: 'M8 2.5a5.5 5.5 0 1 0 0 11a5.5 5.5 0 1 0 0-11z',
  play: 'M5 3.2v9.6L12.6 8z',
  retry: 'M12.8 6.2A5 5 0 1 0 13 9.5M13 2.8v3.6H9.4',
};

/** Shapes drawn filled rather than as a line. */
const FILLED: ReadonlySet<IconName> = new Set<IconName>(['dot', 'play']);

export function Icon({ name, className }: { name: IconName; className?: string }) {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={PATHS[name]}
        fill={FILLED.has(name) ? 'currentColor' : 'none'}
        stroke="currentColor"
        strokeWidth={name === 'dots' ? 2.6 : 1.7}
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
