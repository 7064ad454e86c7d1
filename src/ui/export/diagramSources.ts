/**
 * Where the "Download" menu finds the diagram to draw. The menu sits outside React Flow's provider (in
 * the run's toolbar), so the diagram registers itself here, keyed by its run's store: a comparison's
 * panes each have their own store, and each menu finds its own diagram. Tiny on purpose: it is part of
 * the first screen; the drawing itself (html-to-image) loads with the menu.
 */
import type { Rect, Viewport } from '@xyflow/react';
import type { SimStore } from '../../store/simStore';

/** What drawing the diagram needs from React Flow. */
export interface DiagramSource {
  /** React Flow's root element (`.react-flow`), which holds `.react-flow__viewport`. */
  element(): HTMLElement | null;
  /** The bounds of every node in the flow's coordinates (React Flow's `getNodesBounds`). */
  nodesBounds(): Rect;
  /**
   * The viewport that shows `bounds` in a `width`×`height` picture at zoom 1 at most (React Flow's
   * `getViewportForBounds`). Here rather than in the lazily loaded drawing code, so that code does not
   * import React Flow and split it out of the first screen's bundle into a chunk of its own.
   */
  viewportForBounds(bounds: Rect, width: number, height: number): Viewport;
}

const sources = new WeakMap<SimStore, DiagramSource>();

/** Makes `source` the diagram of `store`'s run; returns the function that removes it again. */
export function registerDiagramSource(store: SimStore, source: DiagramSource): () => void {
  sources.set(store, source);
  return () => {
    if (sources.get(store) === source) sources.delete(store);
  };
}

/** The diagram shown for `store`'s run, if one is mounted. */
export function diagramSourceFor(store: SimStore): DiagramSource | undefined {
  return sources.get(store);
}
