/**
 * One component of the pipeline on the diagram: its icon, name and role, and live badges — how many
 * items are there and in which phase, plus what matters for its kind (the function's execution
 * environments and concurrency, a poller's IteratorAge, the next retry in the async queue). Tokens are
 * drawn over the node's tray by the token layer.
 */
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { formatDuration } from '../../app/format';
import type { NodeSummary } from '../../store/diagram/flowFrame';
import { selectFlowFrame } from '../../store/diagram/flowSelectors';
import { TRAY_HEIGHT } from '../../store/diagram/layout';
import { PHASES } from '../../diagram/places';
import type { TopoNode } from '../../diagram/topology';
import { useSimStore } from '../../store/useSimStore';
import { ServiceIcon } from '../icons';
import { EnvPool } from './EnvPool';
import { PhaseGlyph } from './PhaseGlyph';
import { PHASE_LOOK, phaseWord } from './phaseLook';

export type PipelineNodeData = { topo: TopoNode; height: number };
export type PipelineFlowNode = Node<PipelineNodeData, 'pipeline'>;

const EMPTY: NodeSummary = { byPhase: {}, present: 0 };

function PhaseBadges({ summary, topo }: { summary: NodeSummary; topo: TopoNode }) {
  const phases = PHASES.filter((p) => (summary.byPhase[p] ?? 0) > 0);
  if (phases.length === 0) return <p className="node-idle">{idleText(topo)}</p>;
  return (
    <ul className="node-badges" aria-label="Items here now">
      {phases.map((phase) => (
        <li key={phase} className={`node-badge tone-${PHASE_LOOK[phase].tone}`}>
          <PhaseGlyph phase={phase} />
          <strong>{(summary.byPhase[phase] ?? 0).toLocaleString('en-US')}</strong>{' '}
          <span>{phaseWord(phase, topo.kind)}</span>
        </li>
      ))}
    </ul>
  );
}

function idleText(topo: TopoNode): string {
  switch (topo.kind) {
    case 'destination':
    case 'queue-dlq':
      return 'nothing received yet';
    case 'caller':
    case 'producer':
      return 'nothing waiting here';
    default:
      return 'empty';
  }
}

function IteratorAge({ id }: { id: string }) {
  const age = useSimStore((s) => selectFlowFrame(s)?.iteratorAgeMs[id]);
  if (age === undefined) return null;
  return (
    <p className="node-metric" data-metric="IteratorAge">
      IteratorAge <strong>{formatDuration(age)}</strong>
    </p>
  );
}

function PipelineNodeView({ id, data, selected }: NodeProps<PipelineFlowNode>) {
  const { topo, height } = data;
  const summary = useSimStore((s) => selectFlowFrame(s)?.nodes[id]) ?? EMPTY;
  return (
    <div
      className={`pipeline-node kind-${topo.kind}${selected ? ' is-selected' : ''}${summary.present > 0 ? ' is-busy' : ''}`}
      style={{ height }}
      data-node={id}
    >
      <Handle type="target" position={Position.Left} id="left" isConnectable={false} />
      <Handle type="target" position={Position.Top} id="top" isConnectable={false} />
      <header className="node-head">
        <ServiceIcon name={topo.icon} size={30} />
        <div className="node-titles">
          <h3 className="node-title" title={topo.title}>
            {topo.title}
          </h3>
          <p className="node-subtitle">{topo.subtitle}</p>
        </div>
      </header>
      {topo.kind === 'function' ? <EnvPool /> : <PhaseBadges summary={summary} topo={topo} />}
      {topo.kind === 'function' && summary.present > 0 && <PhaseBadges summary={summary} topo={topo} />}
      {topo.kind === 'poller' && <IteratorAge id={id} />}
      <div className="node-tray" style={{ height: TRAY_HEIGHT }} aria-hidden="true" />
      <Handle type="source" position={Position.Right} id="right" isConnectable={false} />
      <Handle type="source" position={Position.Bottom} id="bottom" isConnectable={false} />
    </div>
  );
}

export const PipelineNode = memo(PipelineNodeView);
