import { graphEdgeSchema, graphNodeSchema } from "@/lib/engine/graph/graph-schema";
import { z } from "zod";
import { toEditorEdge, toEditorNode, toGraphEdge, toGraphNode } from "./graph-convert";
import { deselectAll, nextNodeId } from "./graph-ops";
import type { GraphDocument, GraphFragment } from "./graph-types";
import { edgeIdFor } from "./connection-rules";
import { renamePastedReferences } from "./rename-pasted-references";

const fragmentSchema = z.object({
  kind: z.literal("switchboard/fragment"),
  version: z.literal(1),
  nodes: z.array(graphNodeSchema).max(2_000),
  edges: z.array(graphEdgeSchema).max(4_000),
});

/** The selected nodes and the edges between them, as plain graph data (independent of this workflow). */
export function copySelection(doc: GraphDocument): GraphFragment | null {
  const nodes = doc.nodes.filter((n) => n.selected);
  if (nodes.length === 0) return null;
  const ids = new Set(nodes.map((n) => n.id));
  const edges = doc.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  return {
    kind: "switchboard/fragment",
    version: 1,
    nodes: structuredClone(nodes.map(toGraphNode)),
    edges: edges.map(toGraphEdge),
  };
}

export function parseFragment(text: string | null | undefined): GraphFragment | null {
  if (!text) return null;
  try {
    const parsed = fragmentSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Adds a fragment to the document: ids that are free are kept (so expressions such as `nodes.classify.label`
 * still resolve when pasting into another workflow), taken ones get a suffix, and the pasted nodes'
 * expressions follow their pasted neighbours to the new ids; the pasted nodes become the selection. With
 * `at`, the fragment's top-left corner lands there; otherwise it is offset from where it was.
 */
export function pasteFragment(
  doc: GraphDocument,
  fragment: GraphFragment,
  at?: { x: number; y: number },
): { doc: GraphDocument; ids: string[] } {
  if (fragment.nodes.length === 0) return { doc, ids: [] };
  const minX = Math.min(...fragment.nodes.map((n) => n.position.x));
  const minY = Math.min(...fragment.nodes.map((n) => n.position.y));
  const dx = at ? at.x - minX : 40;
  const dy = at ? at.y - minY : 40;
  const idMap = new Map<string, string>();
  const taken: { id: string }[] = [...doc.nodes];
  for (const node of fragment.nodes) {
    const id = nextNodeId(taken, node.id);
    idMap.set(node.id, id);
    taken.push({ id });
  }
  const renames = new Map([...idMap].filter(([from, to]) => from !== to));
  const added = fragment.nodes.map((node) =>
    toEditorNode(
      {
        ...structuredClone(node),
        id: idMap.get(node.id)!,
        position: { x: Math.round(node.position.x + dx), y: Math.round(node.position.y + dy) },
        config: structuredClone(renamePastedReferences(node, renames)),
      },
      true,
    ),
  );
  const edges = deselectAll(doc.edges);
  for (const edge of fragment.edges) {
    const source = idMap.get(edge.source);
    const target = idMap.get(edge.target);
    if (!source || !target) continue;
    const id = edgeIdFor(edges, { source, sourceHandle: edge.sourceHandle, target });
    edges.push(toEditorEdge({ id, source, sourceHandle: edge.sourceHandle, target }));
  }
  return { doc: { nodes: [...deselectAll(doc.nodes), ...added], edges }, ids: added.map((n) => n.id) };
}
