/**
 * The animated diagram of the run: the scenario's pipeline as React Flow nodes and edges, laid out
 * left to right by stage and fixed for the run, with the items as tokens on top. Clicking a node
 * selects that component; clicking a token selects that item; clicking empty space clears both.
 */
import { MarkerType, ReactFlow, type NodeChange, type ReactFlowInstance } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { selectFlowFrame, selectFlowModel } from '../../store/diagram/flowSelectors';
import { useSimStore } from '../../store/useSimStore';
import { DiagramImageSource } from '../export/DiagramImageSource';
import { FlowEdge, type PipelineFlowEdge } from './FlowEdge';
import { PipelineNode, type PipelineFlowNode } from './PipelineNode';
import { MoveCaption } from './MoveCaption';
import { TokenLayer } from './TokenLayer';

const nodeTypes = { pipeline: PipelineNode };
const edgeTypes = { pipeline: FlowEdge };
const EMPTY: string[] = [];
const FIT = { padding: 0.08 };

export function FlowDiagram({ colorMode }: { colorMode: 'light' | 'dark' | 'system' }) {
  const model = useSimStore(selectFlowModel);
  const activeEdges = useSimStore((s) => selectFlowFrame(s)?.activeEdges ?? EMPTY);
  const inPlay = useSimStore((s) => selectFlowFrame(s)?.inPlay ?? 0);
  const aggregated = useSimStore((s) => selectFlowFrame(s)?.tokens === null);
  const selectedNode = useSimStore((s) => s.selectedNodeId);
  const selectNode = useSimStore((s) => s.selectNode);
  const clearSelection = useSimStore((s) => s.clearSelection);
  const flow = useRef<ReactFlowInstance<PipelineFlowNode, PipelineFlowEdge> | null>(null);

  const nodes = useMemo<PipelineFlowNode[]>(() => {
    if (!model) return [];
    return model.topology.nodes.map((topo) => {
      const pos = model.positions[topo.id]!;
      return {
        id: topo.id,
        type: 'pipeline',
        position: { x: pos.x, y: pos.y },
        data: { topo, height: pos.height },
        width: pos.width,
        height: pos.height,
        draggable: false,
        connectable: false,
        selected: topo.id === selectedNode,
        ariaLabel: `${topo.title}: ${topo.subtitle}`,
      };
    });
  }, [model, selectedNode]);

  const edges = useMemo<PipelineFlowEdge[]>(() => {
    if (!model) return [];
    const active = new Set(activeEdges);
    return model.topology.edges.map((edge) => {
      const a = model.positions[edge.source]!;
      const b = model.positions[edge.target]!;
      const sameColumn = Math.abs(a.x - b.x) < 1;
      return {
        id: edge.id,
        type: 'pipeline',
        source: edge.source,
        target: edge.target,
        sourceHandle: sameColumn ? 'bottom' : 'right',
        targetHandle: sameColumn ? 'top' : 'left',
        selectable: false,
        focusable: false,
        markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
        data: { kind: edge.kind, label: edge.label, active: active.has(edge.id) },
      };
    });
  }, [model, activeEdges]);

  // Fit the pipeline to the view when a scenario's shape arrives and whenever the window resizes.
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!model || !el) return;
    let frame = requestAnimationFrame(() => void flow.current?.fitView(FIT));
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => void flow.current?.fitView(FIT));
    });
    observer.observe(el);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [model]);

  const onNodesChange = useCallback(
    (changes: NodeChange<PipelineFlowNode>[]) => {
      for (const change of changes)
        if (change.type === 'select' && change.selected) {
          selectNode(change.id);
          return;
        }
    },
    [selectNode],
  );

  if (!model) return null;
  return (
    <div className="flow-diagram" data-testid="diagram" ref={box}>
      <ReactFlow<PipelineFlowNode, PipelineFlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onPaneClick={clearSelection}
        onInit={(instance) => {
          flow.current = instance;
        }}
        colorMode={colorMode}
        fitView
        fitViewOptions={FIT}
        minZoom={0.2}
        maxZoom={2}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        // The player owns the keyboard (Space plays); React Flow's key bindings are off.
        panActivationKeyCode={null}
        zoomActivationKeyCode={null}
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        zoomOnDoubleClick={false}
        preventScrolling={false}
        zoomOnScroll={false}
        zoomOnPinch
        panOnScroll={false}
        ariaLabelConfig={{ 'node.a11yDescription.default': 'Press Enter to see this component’s history.' }}
      >
        <TokenLayer />
        <DiagramImageSource />
      </ReactFlow>
      <MoveCaption topology={model.topology} />
      {aggregated && (
        <p className="flow-note" role="status">
          {inPlay.toLocaleString('en-US')} items in play: too many to follow one by one, so each component
          counts them.
        </p>
      )}
    </div>
  );
}
