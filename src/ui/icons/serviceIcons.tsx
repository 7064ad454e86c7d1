/**
 * AWS-like service icons, drawn from scratch: a rounded tile in the service category's colour with a
 * white glyph on top. One 48×48 grid; strokes are 3 units wide, i.e. 1.5 px at 24 px and 6 px at 96 px.
 */
import { useId } from 'react';
import { AWS_GLYPHS, type Glyph } from './awsGlyphs';
import { GENERIC_GLYPHS } from './genericGlyphs';
import { ICON_CATEGORY, SERVICE_ICON_NAMES, TILE_COLOURS, type ServiceIconName } from './tiles';

export { ICON_CATEGORY, SERVICE_ICON_NAMES, TILE_COLOURS };
export type { ServiceIconName, TileCategory, TileColours } from './tiles';

const GLYPHS: Readonly<Record<ServiceIconName, Glyph>> = { ...AWS_GLYPHS, ...GENERIC_GLYPHS };

export interface ServiceIconProps {
  name: ServiceIconName;
  /** Rendered width and height in CSS pixels. */
  size?: number;
  /** Accessible name; without it the icon is decorative and hidden from assistive technology. */
  title?: string;
  className?: string;
}

export function ServiceIcon({ name, size = 32, title, className }: ServiceIconProps) {
  // useId() may contain characters that are awkward inside url(#…); keep letters, digits, - and _.
  const uid = `svc-icon-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const gradientId = `${uid}-bg`;
  const titleId = `${uid}-title`;
  const bg = `url(#${gradientId})`;
  const { from, to } = TILE_COLOURS[ICON_CATEGORY[name]];
  const a11y =
    title === undefined
      ? ({ 'aria-hidden': true, focusable: 'false' } as const)
      : ({ role: 'img', 'aria-labelledby': titleId } as const);

  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 48 48"
      width={size}
      height={size}
      className={className}
      data-icon={name}
      {...a11y}
    >
      {title !== undefined && <title id={titleId}>{title}</title>}
      <defs>
        {/* userSpaceOnUse so any shape painted with `bg` lines up with the tile behind it. */}
        <linearGradient id={gradientId} gradientUnits="userSpaceOnUse" x1="0" y1="48" x2="48" y2="0">
          <stop offset="0" stopColor={from} />
          <stop offset="1" stopColor={to} />
        </linearGradient>
      </defs>
      <rect width="48" height="48" rx="8" fill={bg} />
      <g fill="none" stroke="#fff" strokeWidth={3} strokeLinecap="round" strokeLinejoin="round">
        {GLYPHS[name](bg)}
      </g>
    </svg>
  );
}
