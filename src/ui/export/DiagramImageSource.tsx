/**
 * Mounted as a child of `<ReactFlow>` (beside the token layer): it hands the "Download" menu, which
 * lives outside React Flow's provider, what it needs to draw the diagram as an image. Renders nothing.
 */
import { getNodesBounds, getViewportForBounds, useReactFlow, useStore } from '@xyflow/react';
import { useEffect } from 'react';
import { useSimStoreApi } from '../../store/useSimStore';
import { registerDiagramSource } from './diagramSources';

/** Registers this React Flow's root element and node bounds for the menu of the same run's store. */
export function useDiagramImage(): void {
  const store = useSimStoreApi();
  const { getNodes } = useReactFlow();
  const root = useStore((s) => s.domNode);
  useEffect(
    () =>
      registerDiagramSource(store, {
        element: () => root,
        nodesBounds: () => getNodesBounds(getNodes()),
        viewportForBounds: (bounds, width, height) => getViewportForBounds(bounds, width, height, 0.1, 1, 0),
      }),
    [store, root, getNodes],
  );
}

/** `useDiagramImage` as a component, to place inside `<ReactFlow>`. */
export function DiagramImageSource() {
  useDiagramImage();
  return null;
}
