"use client";

import { BaseEdge, getBezierPath, type EdgeProps } from "@xyflow/react";
import { memo } from "react";
import { useOverlay } from "../store/editor-provider";

/** An edge coloured by what is drawn over the graph: the tried path, a comparison, a validation problem. */
export const CanvasEdge = memo(function CanvasEdge({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  selected,
  markerEnd,
}: EdgeProps) {
  const taken = useOverlay((s) => s.tryResult?.takenEdges.has(id) ?? false);
  const dimmed = useOverlay((s) => s.tryResult !== null && !s.tryResult.takenEdges.has(id));
  const diff = useOverlay((s) => s.diffByEdge?.get(id));
  const broken = useOverlay((s) => s.issuesByEdge.has(id));
  const [path] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  let stroke = "#94a3b8";
  let width = 1.5;
  let dash: string | undefined;
  if (selected) {
    stroke = "#4f46e5";
    width = 2.5;
  }
  if (broken) stroke = "#dc2626";
  if (diff === "added") {
    stroke = "#059669";
    width = 2.5;
  } else if (diff === "removed") {
    stroke = "#f87171";
    width = 2;
    dash = "6 4";
  }
  if (taken) {
    stroke = "#4f46e5";
    width = 3.5;
  }
  return (
    <BaseEdge
      id={id}
      path={path}
      markerEnd={markerEnd}
      className={taken ? "switchboard-edge-taken" : undefined}
      style={{ stroke, strokeWidth: width, strokeDasharray: dash, opacity: dimmed && !selected ? 0.35 : 1 }}
      interactionWidth={16}
    />
  );
});
