/**
 * An edge of the pipeline. It lights up, with its label, while the event on screen moves items along
 * it, so the learner sees which hop just happened ("202 Accepted, queued", "ReceiveMessage").
 */
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type Edge, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { EdgeKind } from '../../store/diagram/topology';

export type FlowEdgeData = { kind: EdgeKind; label: string; active: boolean };
export type PipelineFlowEdge = Edge<FlowEdgeData, 'pipeline'>;

function FlowEdgeView(props: EdgeProps<PipelineFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, markerEnd } = props;
  const [path, labelX, labelY] = getBezierPath({
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
      {active && data && (
        <EdgeLabelRenderer>
          <div
            className="edge-label nodrag nopan"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          >
            {data.label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const FlowEdge = memo(FlowEdgeView);
