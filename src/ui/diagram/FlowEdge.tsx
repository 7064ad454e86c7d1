/**
 * An edge of the pipeline. It lights up while the event on screen moves items along it; the diagram's
 * caption names the hop ("202 Accepted, queued", "ReceiveMessage"), since a label on a short edge would
 * cover the nodes beside it.
 */
import { BaseEdge, getBezierPath, type Edge, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { EdgeKind } from '../../diagram/topology';

export type FlowEdgeData = { kind: EdgeKind; label: string; active: boolean };
export type PipelineFlowEdge = Edge<FlowEdgeData, 'pipeline'>;

function FlowEdgeView(props: EdgeProps<PipelineFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, markerEnd } = props;
  const [path] = getBezierPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
  });
  const active = data?.active ?? false;
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        {...(markerEnd === undefined ? {} : { markerEnd })}
        className={`pipeline-edge edge-${data?.kind ?? 'invoke'}${active ? ' is-active' : ''}`}
      />
    </>
  );
}

export const FlowEdge = memo(FlowEdgeView);
