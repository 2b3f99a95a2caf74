import {
  GRAPH_SCHEMA_VERSION,
  type Graph,
  type GraphEdge,
  type GraphNode,
} from "@/lib/engine/graph/graph-schema";
import type { EditorEdge, EditorNode, GraphDocument, GraphMeta } from "./graph-types";

export function toEditorNode(node: GraphNode, selected = false): EditorNode {
  const data: EditorNode["data"] = { config: node.config };
  if (node.name !== undefined) data.name = node.name;
  if (node.escalateUnconnected !== undefined) data.escalateUnconnected = node.escalateUnconnected;
  return {
    id: node.id,
    type: node.type,
    position: { x: node.position.x, y: node.position.y },
    data,
    selected,
  };
}

export function toEditorEdge(edge: GraphEdge, selected = false): EditorEdge {
  return { id: edge.id, source: edge.source, sourceHandle: edge.sourceHandle, target: edge.target, selected };
}

export function toGraphNode(node: EditorNode): GraphNode {
  const out: GraphNode = {
    id: node.id,
    type: node.type ?? "",
    position: { x: Math.round(node.position.x), y: Math.round(node.position.y) },
    config: node.data.config,
  };
  if (node.data.name !== undefined && node.data.name !== "") out.name = node.data.name;
  if (node.data.escalateUnconnected && node.data.escalateUnconnected.length > 0)
    out.escalateUnconnected = node.data.escalateUnconnected;
  return out;
}

export function toGraphEdge(edge: EditorEdge): GraphEdge {
  return { id: edge.id, source: edge.source, sourceHandle: edge.sourceHandle, target: edge.target };
}

/** A stored graph as canvas nodes and edges (test cases travel separately). */
export function documentFromGraph(graph: Graph): GraphDocument & { meta: GraphMeta } {
  const meta: GraphMeta = {};
  if (graph.id !== undefined) meta.id = graph.id;
  if (graph.name !== undefined) meta.name = graph.name;
  if (graph.description !== undefined) meta.description = graph.description;
  if (graph.settings !== undefined) meta.settings = graph.settings;
  return {
    nodes: graph.nodes.map((n) => toEditorNode(n)),
    edges: graph.edges.map((e) => toEditorEdge(e)),
    meta,
  };
}

/** The canvas as the graph document the engine validates and the server stores. */
export function graphFromDocument(document: GraphDocument, meta: GraphMeta = {}): Graph {
  return {
    schemaVersion: GRAPH_SCHEMA_VERSION,
    ...meta,
    nodes: document.nodes.map(toGraphNode),
    edges: document.edges.map(toGraphEdge),
  };
}
