import type { Edge, Node } from "@xyflow/react";
import type { GraphEdge, GraphNode, GraphSettings } from "@/lib/engine/graph/graph-schema";

/** What a canvas node carries besides its position: the graph node minus id, type and position. */
export interface EditorNodeData extends Record<string, unknown> {
  name?: string;
  config: Record<string, unknown>;
  escalateUnconnected?: string[];
}

/** A React Flow node whose `type` is the node type from the registry (classify, route…). */
export type EditorNode = Node<EditorNodeData, string>;
export type EditorEdge = Edge & { sourceHandle: string };

/** The graph document's fields that are not nodes or edges, kept so a save round-trips them. */
export interface GraphMeta {
  id?: string;
  name?: string;
  description?: string;
  settings?: GraphSettings;
}

/** The document part of the editor state: what undo/redo restores and what a save writes. */
export interface GraphDocument {
  nodes: EditorNode[];
  edges: EditorEdge[];
}

/** What copy puts on the clipboard: plain graph nodes and the edges between them. */
export interface GraphFragment {
  kind: "switchboard/fragment";
  version: 1;
  nodes: GraphNode[];
  edges: GraphEdge[];
}
