"use client";

import { useReactFlow, useStoreApi } from "@xyflow/react";
import { useCallback, useMemo } from "react";
import { toast } from "sonner";
import { layoutLeftToRight } from "../layout/auto-layout";
import { freeSpotNear } from "../layout/free-spot";
import { useEditorStores } from "../store/editor-provider";
import type { EditorNode } from "../store/graph-types";

const NODE_WIDTH = 240;

/** Estimated size before React Flow has measured a node: header plus one row per output. */
function sizeOf(node: EditorNode): { width: number; height: number } {
  return { width: node.measured?.width ?? NODE_WIDTH, height: node.measured?.height ?? 96 };
}

/** What the palette, toolbar, panels and shortcuts ask of the canvas. Needs a ReactFlowProvider above. */
export function useCanvasActions() {
  const flow = useReactFlow();
  const rfStore = useStoreApi();
  const { graph, ui } = useEditorStores();

  const viewportCentre = useCallback(() => {
    const { width, height, transform } = rfStore.getState();
    const [x, y, zoom] = transform;
    return { x: (width / 2 - x) / zoom - NODE_WIDTH / 2, y: (height / 2 - y) / zoom - 48 };
  }, [rfStore]);

  const addAtCentre = useCallback(
    (type: string) => {
      // The free spot nearest the middle of the view, so a new node never lands on top of another.
      const boxes = graph.getState().nodes.map((n) => ({ ...n.position, ...sizeOf(n) }));
      const spot = freeSpotNear(boxes, viewportCentre(), { width: NODE_WIDTH, height: 110 });
      const id = graph.getState().addNode(type, spot);
      if (id) ui.getState().setPanel("node");
      return id;
    },
    [graph, ui, viewportCentre],
  );

  const focusNode = useCallback(
    (nodeId: string) => {
      const node = graph.getState().nodes.find((n) => n.id === nodeId);
      if (!node) return;
      graph.getState().select([nodeId]);
      const { width, height } = sizeOf(node);
      void flow.setCenter(node.position.x + width / 2, node.position.y + height / 2, {
        zoom: Math.max(flow.getZoom(), 0.9),
        duration: 300,
      });
    },
    [flow, graph],
  );

  const autoLayout = useCallback(() => {
    const { nodes, edges } = graph.getState();
    if (nodes.length === 0) return;
    const positions = layoutLeftToRight(
      nodes.map((n) => ({ id: n.id, ...sizeOf(n) })),
      edges,
    );
    graph.getState().moveNodes(positions);
    toast.success("Laid out left to right", {
      action: { label: "Undo", onClick: () => graph.getState().undo() },
    });
    window.requestAnimationFrame(() => void flow.fitView({ padding: 0.15, duration: 300 }));
  }, [flow, graph]);

  const fit = useCallback(() => void flow.fitView({ padding: 0.15, duration: 250 }), [flow]);

  return useMemo(
    () => ({
      viewportCentre,
      addAtCentre,
      focusNode,
      autoLayout,
      fit,
      zoomIn: () => void flow.zoomIn({ duration: 150 }),
      zoomOut: () => void flow.zoomOut({ duration: 150 }),
    }),
    [viewportCentre, addAtCentre, focusNode, autoLayout, fit, flow],
  );
}
