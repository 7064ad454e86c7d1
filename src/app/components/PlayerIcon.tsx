/** The player's button icons (the buttons carry their names in words for assistive technology). */

export type PlayerIconName =
  'to-start' | 'step-back' | 'play' | 'pause' | 'step-forward' | 'to-end' | 'skip' | 'keyboard';

const PATHS: Record<PlayerIconName, string> = {
  'to-start': 'M3 3v10M13 3L6 8l7 5z',
  'step-back': 'M11 3L5 8l6 5zM3 3v10',
  play: 'M4.5 2.5v11L13.5 8z',
  pause: 'M4.5 3v10M11.5 3v10',
  'step-forward': 'M5 3l6 5-6 5zM13 3v10',
  'to-end': 'M13 3v10M3 3l7 5-7 5z',
  skip: 'M1.5 3.5v9L7.5 8zM8.5 3.5v9l6-4.5z',
  keyboard: 'M1.5 4h13v8h-13zM4 6.5h.01M6.7 6.5h.01M9.3 6.5h.01M12 6.5h.01M4.5 9.5h7',
};

export function PlayerIcon({ name }: { name: PlayerIconName }) {
  const filled = name !== 'pause' && name !== 'keyboard';
  return (
    <svg className="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path
        d={PATHS[name]}
        fill={filled ? 'currentColor' : 'none'}
        stroke="currentColor"
        strokeWidth={name === 'pause' ? 3 : 1.6}
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
