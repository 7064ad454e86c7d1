/** Small path builders for the icon glyphs (all coordinates in the 48×48 icon grid). */

const r = (n: number): string => String(Math.round(n * 100) / 100);

/** A chevron arrow head whose tip is at (x, y), pointing along `angle` (radians, screen coordinates). */
export function arrowHead(x: number, y: number, angle: number, size = 5): string {
  const back = angle + Math.PI;
  const spread = (Math.PI / 180) * 42;
  const ax = x + size * Math.cos(back - spread);
  const ay = y + size * Math.sin(back - spread);
  const bx = x + size * Math.cos(back + spread);
  const by = y + size * Math.sin(back + spread);
  return `M${r(ax)} ${r(ay)}L${r(x)} ${r(y)}L${r(bx)} ${r(by)}`;
}

/** A straight arrow from (x1, y1) to (x2, y2) with a chevron head at the end. */
export function arrow(x1: number, y1: number, x2: number, y2: number, size = 5): string {
  const angle = Math.atan2(y2 - y1, x2 - x1);
  return `M${r(x1)} ${r(y1)}L${r(x2)} ${r(y2)}${arrowHead(x2, y2, angle, size)}`;
}

/**
 * A clockwise circular arc around (cx, cy) from `fromDeg` to `toDeg` (degrees, screen coordinates, so
 * 0° points right and 90° points down), optionally with an arrow head at its end.
 */
export function arcArrow(
  cx: number,
  cy: number,
  radius: number,
  fromDeg: number,
  toDeg: number,
  head = 0,
): string {
  const rad = (d: number) => (d * Math.PI) / 180;
  const sweep = (((toDeg - fromDeg) % 360) + 360) % 360;
  const x1 = cx + radius * Math.cos(rad(fromDeg));
  const y1 = cy + radius * Math.sin(rad(fromDeg));
  const x2 = cx + radius * Math.cos(rad(toDeg));
  const y2 = cy + radius * Math.sin(rad(toDeg));
  const large = sweep > 180 ? 1 : 0;
  const arc = `M${r(x1)} ${r(y1)}A${r(radius)} ${r(radius)} 0 ${large} 1 ${r(x2)} ${r(y2)}`;
  // The tangent of a clockwise arc at angle θ points along θ + 90°.
  return head > 0 ? arc + arrowHead(x2, y2, rad(toDeg + 90), head) : arc;
}

/** A point on a circle, for placing spokes and dots. */
export function polar(cx: number, cy: number, radius: number, deg: number): [number, number] {
  const a = (deg * Math.PI) / 180;
  return [
    Math.round((cx + radius * Math.cos(a)) * 100) / 100,
    Math.round((cy + radius * Math.sin(a)) * 100) / 100,
  ];
}
