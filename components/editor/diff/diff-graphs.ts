import type { Graph, GraphEdge, GraphNode } from "@/lib/engine/graph/graph-schema";
import { diffValues, type ValueChange } from "./diff-values";

export type DiffStatus = "added" | "removed" | "changed" | "unchanged";

export interface NodeDiff {
  nodeId: string;
  type: string;
  name?: string;
  status: DiffStatus;
  /** Name, type, escalation marks and config changes (position is not a change of behaviour). */
  changes: ValueChange[];
  moved: boolean;
}

export interface EdgeDiff {
  source: string;
  sourceHandle: string;
  target: string;
  status: Exclude<DiffStatus, "changed">;
}

export interface GraphDiff {
  nodes: NodeDiff[];
  edges: EdgeDiff[];
  counts: { added: number; removed: number; changed: number; edgesAdded: number; edgesRemoved: number };
}

const edgeKey = (e: Pick<GraphEdge, "source" | "sourceHandle" | "target">) =>
  `${e.source}\u0000${e.sourceHandle}\u0000${e.target}`;

function behaviourOf(node: GraphNode) {
  return {
    type: node.type,
    name: node.name,
    escalateUnconnected: node.escalateUnconnected,
    config: node.config,
  };
}

/** What changed from `before` to `after`: nodes matched by id, edges by (source, output, target). */
export function diffGraphs(before: Graph, after: Graph): GraphDiff {
  const beforeNodes = new Map(before.nodes.map((n) => [n.id, n]));
  const afterIds = new Set(after.nodes.map((n) => n.id));
  const nodes: NodeDiff[] = [];
  for (const node of after.nodes) {
    const old = beforeNodes.get(node.id);
    if (!old) {
      nodes.push({
        nodeId: node.id,
        type: node.type,
        name: node.name,
        status: "added",
        changes: [],
        moved: false,
      });
      continue;
    }
    const changes = diffValues(behaviourOf(old), behaviourOf(node), "");
    const moved = old.position.x !== node.position.x || old.position.y !== node.position.y;
    nodes.push({
      nodeId: node.id,
      type: node.type,
      name: node.name,
      status: changes.length > 0 ? "changed" : "unchanged",
      changes,
      moved,
    });
  }
  for (const node of before.nodes) {
    if (!afterIds.has(node.id))
      nodes.push({
        nodeId: node.id,
        type: node.type,
        name: node.name,
        status: "removed",
        changes: [],
        moved: false,
      });
  }
  const beforeEdges = new Set(before.edges.map(edgeKey));
  const afterEdges = new Set(after.edges.map(edgeKey));
  const edges: EdgeDiff[] = [
    ...after.edges.map((e): EdgeDiff => ({
      ...pick(e),
      status: beforeEdges.has(edgeKey(e)) ? "unchanged" : "added",
    })),
    ...before.edges
      .filter((e) => !afterEdges.has(edgeKey(e)))
      .map((e): EdgeDiff => ({ ...pick(e), status: "removed" })),
  ];
  const count = (s: DiffStatus) => nodes.filter((n) => n.status === s).length;
  return {
    nodes,
    edges,
    counts: {
      added: count("added"),
      removed: count("removed"),
      changed: count("changed"),
      edgesAdded: edges.filter((e) => e.status === "added").length,
      edgesRemoved: edges.filter((e) => e.status === "removed").length,
    },
  };
}

function pick(e: GraphEdge) {
  return { source: e.source, sourceHandle: e.sourceHandle, target: e.target };
}

/**
 * One graph to draw a comparison on: `after` plus what `before` had and `after` lost (removed nodes at their
 * old positions), with a status per node and edge id.
 */
export function mergeForCompare(before: Graph, after: Graph, diff: GraphDiff) {
  const removedNodes = new Set(diff.nodes.filter((n) => n.status === "removed").map((n) => n.nodeId));
  const nodes = [...after.nodes, ...before.nodes.filter((n) => removedNodes.has(n.id))];
  const byNode = new Map(diff.nodes.map((n) => [n.nodeId, n.status]));
  const byEdge = new Map<string, DiffStatus>();
  const edges: GraphEdge[] = [];
  for (const e of diff.edges) {
    const id = `${e.status === "removed" ? "was:" : ""}${e.source}-${e.sourceHandle}-${e.target}`;
    edges.push({ id, source: e.source, sourceHandle: e.sourceHandle, target: e.target });
    byEdge.set(id, e.status);
  }
  const graph: Graph = { ...after, nodes, edges };
  return { graph, byNode, byEdge };
}
