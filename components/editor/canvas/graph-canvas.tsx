"use client";

import {
  Background,
  BackgroundVariant,
  MiniMap,
  ReactFlow,
  SelectionMode,
  useNodesInitialized,
  useReactFlow,
  useStore as useFlowStore,
  type Connection,
  type FinalConnectionState,
  type IsValidConnection,
  type NodeTypes,
  type EdgeTypes,
} from "@xyflow/react";
import { useCallback, useEffect, useRef, useState, type DragEvent } from "react";
import { toast } from "sonner";
import { nodeRegistry } from "@/lib/nodes/registry";
import { GROUP_APPEARANCE } from "../node-appearance";
import { useEditorStores, useGraph, useUi } from "../store/editor-provider";
import { connectionProblem } from "../store/connection-rules";
import type { EditorEdge, EditorNode } from "../store/graph-types";
import { CanvasEdge } from "./canvas-edge";
import { CanvasNode } from "./canvas-node";
import { CanvasToolbar } from "./canvas-toolbar";
import { useCanvasActions } from "./use-canvas-actions";

export const PALETTE_MIME = "application/x-switchboard-node";

const nodeTypes: NodeTypes = Object.fromEntries(nodeRegistry.all().map((d) => [d.type, CanvasNode]));
const edgeTypes: EdgeTypes = { default: CanvasEdge };
const minimapColour = (node: EditorNode) =>
  GROUP_APPEARANCE[nodeRegistry.get(node.type ?? "")?.group ?? "outcome"].fill;
const LOW_DETAIL_ZOOM = 0.4;
/** Above this many nodes, only what is on screen is rendered, and the canvas opens on the trigger's neighbourhood. */
const VIRTUALIZE_ABOVE = 150;

/** The trigger and what it leads to within two steps: where a big workflow opens (Zoom to fit shows it all). */
function entranceOf(
  nodes: readonly EditorNode[],
  edges: readonly EditorEdge[],
): { id: string }[] | undefined {
  if (nodes.length <= VIRTUALIZE_ABOVE) return undefined;
  const start = nodes.find((n) => nodeRegistry.get(n.type ?? "")?.group === "trigger") ?? nodes[0];
  if (!start) return undefined;
  const seen = new Set([start.id]);
  let frontier = [start.id];
  for (let depth = 0; depth < 2; depth++) {
    frontier = edges.filter((e) => frontier.includes(e.source) && !seen.has(e.target)).map((e) => e.target);
    frontier.forEach((id) => seen.add(id));
  }
  return [...seen].map((id) => ({ id }));
}

/** The React Flow canvas bound to the editor stores. Needs a ReactFlowProvider above (the palette shares it). */
export function GraphCanvas({ readOnly = false }: { readOnly?: boolean }) {
  const { graph, ui } = useEditorStores();
  const nodes = useGraph((s) => s.nodes);
  const edges = useGraph((s) => s.edges);
  const onNodesChange = useGraph((s) => s.onNodesChange);
  const onEdgesChange = useGraph((s) => s.onEdgesChange);
  const beginDrag = useGraph((s) => s.beginDrag);
  const endDrag = useGraph((s) => s.endDrag);
  const focus = useUi((s) => s.focus);
  const loadSeq = useGraph((s) => s.loadSeq);
  // Zoomed far out, nodes drop their text and shadows (CSS only, no re-render): hundreds stay cheap to paint.
  const lowDetail = useFlowStore((s) => s.transform[2] < LOW_DETAIL_ZOOM);
  const canvas = useCanvasActions();
  // The opening view stays readable: never so far out that nodes drop their text ("Zoom to fit" shows it all).
  const [fitViewOptions] = useState(() => ({
    padding: 0.15,
    maxZoom: 1,
    minZoom: LOW_DETAIL_ZOOM,
    nodes: entranceOf(graph.getState().nodes, graph.getState().edges),
  }));
  const initialized = useNodesInitialized();
  const wrapper = useRef<HTMLDivElement>(null);
  // Every node measured and drawn: the speed check reads when that first happened (ms since navigation start).
  useEffect(() => {
    if (initialized && wrapper.current && !wrapper.current.dataset.readyAt)
      wrapper.current.dataset.readyAt = String(Math.round(performance.now()));
  }, [initialized]);
  const handledFocus = useRef(0);

  useEffect(() => {
    if (!focus || focus.seq === handledFocus.current) return;
    handledFocus.current = focus.seq;
    canvas.focusNode(focus.nodeId);
  }, [focus, canvas]);

  const { screenToFlowPosition, fitView } = useReactFlow();
  useEffect(() => {
    if (loadSeq > 0) void fitView({ padding: 0.15, maxZoom: 1, minZoom: LOW_DETAIL_ZOOM });
  }, [loadSeq, fitView]);

  const isValidConnection: IsValidConnection<EditorEdge> = useCallback(
    (c) => {
      const { nodes: n, edges: e } = graph.getState();
      return (
        connectionProblem(n, e, {
          source: c.source,
          sourceHandle: c.sourceHandle ?? null,
          target: c.target,
        }) === null
      );
    },
    [graph],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      const problem = graph
        .getState()
        .connect({ source: c.source, sourceHandle: c.sourceHandle, target: c.target });
      if (problem) toast.error(problem);
    },
    [graph],
  );

  // Explain a refused connection once it is dropped on a node (the handle already showed it as invalid).
  const onConnectEnd = useCallback(
    (_event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid !== false || !state.fromNode || !state.toNode) return;
      const { nodes: n, edges: e } = graph.getState();
      const problem = connectionProblem(n, e, {
        source: state.fromNode.id,
        sourceHandle: state.fromHandle?.id ?? null,
        target: state.toNode.id,
      });
      if (problem) toast.error(problem);
    },
    [graph],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(PALETTE_MIME);
      if (!type || readOnly) return;
      event.preventDefault();
      const at = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      graph.getState().addNode(type, { x: at.x - 120, y: at.y - 30 });
      ui.getState().setPanel("node");
    },
    [graph, ui, readOnly, screenToFlowPosition],
  );

  return (
    <div
      className={`relative h-full w-full${lowDetail ? " sb-low-detail" : ""}`}
      ref={wrapper}
      data-testid="canvas"
      data-ready={initialized ? "true" : undefined}
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      <ReactFlow<EditorNode, EditorEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onNodeDragStart={beginDrag}
        onNodeDragStop={endDrag}
        onSelectionDragStart={beginDrag}
        onSelectionDragStop={endDrag}
        onNodeClick={() => ui.getState().setPanel("node")}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        elementsSelectable
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={["Shift", "Meta", "Control"]}
        selectionOnDrag
        selectionMode={SelectionMode.Partial}
        panOnDrag={[1, 2]}
        panActivationKeyCode="Space"
        panOnScroll
        zoomActivationKeyCode={["Meta", "Control"]}
        onlyRenderVisibleElements={nodes.length > VIRTUALIZE_ABOVE}
        fitView
        fitViewOptions={fitViewOptions}
        minZoom={0.05}
        maxZoom={2}
        connectionRadius={28}
        proOptions={{ hideAttribution: false }}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} color="#cbd5e1" />
        <MiniMap<EditorNode>
          pannable
          zoomable
          style={{ width: 168, height: 112 }}
          nodeColor={minimapColour}
          nodeStrokeWidth={0}
          maskColor="rgb(241 245 249 / 0.7)"
          className="!rounded-md !border !border-slate-200"
          ariaLabel="Minimap"
        />
        <CanvasToolbar readOnly={readOnly} />
      </ReactFlow>
    </div>
  );
}
