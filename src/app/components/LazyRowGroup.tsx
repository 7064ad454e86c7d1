/**
 * A `<tbody>` that renders its rows only while it is near the viewport; elsewhere one spacer row of the
 * same height holds its place. A 15,000-row table costs seconds of layout in Chromium; cut into lazy
 * groups it costs a few groups at a time, so "show all" stays responsive. (Find-in-page only sees rows
 * that are rendered.)
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';

interface Props {
  colSpan: number;
  /** Rows in the group, to estimate its height before it has ever been rendered. */
  rowCount: number;
  /** Estimated height of one row in px. */
  rowPx: number;
  /** Render the rows at once and always (small tables, the first group). */
  eager?: boolean;
  children: ReactNode;
}

/** How far outside the viewport a group starts rendering. */
const MARGIN = '1200px 0px';

export function LazyRowGroup({ colSpan, rowCount, rowPx, eager = false, children }: Props) {
  const ref = useRef<HTMLTableSectionElement>(null);
  const [view, setView] = useState<{ near: boolean; height: number | null }>({ near: eager, height: null });

  useEffect(() => {
    const el = ref.current;
    if (eager || !el || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        const entry = entries[entries.length - 1];
        if (!entry) return;
        if (entry.isIntersecting) setView((v) => (v.near ? v : { ...v, near: true }));
        // Measure while the rows are still there, so the spacer keeps exactly their height.
        else setView((v) => (v.near ? { near: false, height: el.getBoundingClientRect().height } : v));
      },
      { rootMargin: MARGIN },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [eager]);

  const near = eager || view.near || typeof IntersectionObserver === 'undefined';
  return (
    <tbody ref={ref}>
      {near ? (
        children
      ) : (
        <tr className="spacer-row" aria-hidden="true">
          <td colSpan={colSpan} style={{ height: view.height ?? rowCount * rowPx }} />
        </tr>
      )}
    </tbody>
  );
}
