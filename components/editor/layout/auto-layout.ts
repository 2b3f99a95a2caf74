import dagre from "@dagrejs/dagre";

export interface LayoutNode {
  id: string;
  width: number;
  height: number;
}
export interface LayoutEdge {
  source: string;
  target: string;
}

export const LAYOUT_GAP = { rank: 90, node: 36 };

/**
 * Left-to-right layered layout (dagre): the trigger on the left, outcomes on the right, decision branches
 * fanning out between. Returns top-left positions, rounded, as React Flow expects.
 */
export function layoutLeftToRight(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
): Map<string, { x: number; y: number }> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: "LR", ranksep: LAYOUT_GAP.rank, nodesep: LAYOUT_GAP.node, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.id, { width: n.width, height: n.height });
  const ids = new Set(nodes.map((n) => n.id));
  for (const e of edges) if (ids.has(e.source) && ids.has(e.target)) g.setEdge(e.source, e.target);
  dagre.layout(g);
  const positions = new Map<string, { x: number; y: number }>();
  for (const n of nodes) {
    const laid = g.node(n.id) as { x: number; y: number } | undefined;
    if (laid)
      positions.set(n.id, { x: Math.round(laid.x - n.width / 2), y: Math.round(laid.y - n.height / 2) });
  }
  return positions;
}
