import type { HandleSpec } from "@/lib/engine/node-definition";
import { nodeRegistry } from "@/lib/nodes/registry";
import type { EditorEdge, EditorNode, GraphDocument } from "./graph-types";
import { handlesOf } from "./node-handles";

const IDENTIFIER_SAFE = /[^A-Za-z0-9_]/g;

/** A fresh node id that reads well in expressions (`classify_2`), unique in the document. */
export function nextNodeId(nodes: readonly { id: string }[], base: string): string {
  let stem = base.replace(IDENTIFIER_SAFE, "_").slice(0, 56) || "node";
  if (!/^[A-Za-z_]/.test(stem)) stem = `n_${stem}`;
  const taken = new Set(nodes.map((n) => n.id));
  if (!taken.has(stem)) return stem;
  const root = stem.replace(/_\d+$/, "");
  for (let i = 2; ; i++) if (!taken.has(`${root}_${i}`)) return `${root}_${i}`;
}

/** A new node of a registered type with its default config, selected on its own. */
export function addNodeOfType(
  doc: GraphDocument,
  type: string,
  position: { x: number; y: number },
): { doc: GraphDocument; id: string } {
  const definition = nodeRegistry.get(type);
  if (!definition) throw new Error(`unknown node type "${type}"`);
  const id = nextNodeId(doc.nodes, type);
  const node: EditorNode = {
    id,
    type,
    position: { x: Math.round(position.x), y: Math.round(position.y) },
    data: {
      name: definition.label,
      config: structuredClone(definition.defaultConfig) as Record<string, unknown>,
    },
    selected: true,
  };
  return { doc: { nodes: [...deselectAll(doc.nodes), node], edges: deselectAll(doc.edges) }, id };
}

export function deselectAll<T extends { selected?: boolean }>(items: readonly T[]): T[] {
  return items.map((item) => (item.selected ? { ...item, selected: false } : item));
}

/** Removes selected nodes (with their edges) and selected edges. */
export function removeSelected(doc: GraphDocument): GraphDocument | null {
  const gone = new Set(doc.nodes.filter((n) => n.selected).map((n) => n.id));
  const edges = doc.edges.filter((e) => !e.selected && !gone.has(e.source) && !gone.has(e.target));
  if (gone.size === 0 && edges.length === doc.edges.length) return null;
  return { nodes: doc.nodes.filter((n) => !gone.has(n.id)), edges };
}

export interface NodePatch {
  name?: string;
  config?: Record<string, unknown>;
  escalateUnconnected?: string[];
}

export interface PatchResult {
  doc: GraphDocument;
  /** Edges dropped because the output they left through no longer exists. */
  removedEdges: EditorEdge[];
  /** Edges moved to a renamed output (one label renamed in place). */
  renamedHandles: { from: string; to: string }[];
}

/**
 * One renamed entry in place (same count, one position differs): the edge follows the rename rather than
 * being dropped, so renaming a classifier label keeps its connection.
 */
function detectRename(
  before: readonly HandleSpec[],
  after: readonly HandleSpec[],
): { from: string; to: string } | null {
  if (before.length !== after.length) return null;
  let rename: { from: string; to: string } | null = null;
  for (let i = 0; i < before.length; i++) {
    if (before[i]!.id === after[i]!.id) continue;
    if (rename) return null;
    rename = { from: before[i]!.id, to: after[i]!.id };
  }
  if (rename && before.some((h) => h.id === rename.to)) return null;
  return rename;
}

/** Applies a patch to one node and keeps the edges consistent with its outputs. */
export function patchNode(doc: GraphDocument, nodeId: string, patch: NodePatch): PatchResult | null {
  const node = doc.nodes.find((n) => n.id === nodeId);
  if (!node) return null;
  const data = { ...node.data };
  if (patch.name !== undefined) data.name = patch.name;
  if (patch.config !== undefined) data.config = patch.config;
  if (patch.escalateUnconnected !== undefined) data.escalateUnconnected = patch.escalateUnconnected;
  const nextNode: EditorNode = { ...node, data };
  const nodes = doc.nodes.map((n) => (n.id === nodeId ? nextNode : n));
  let edges = doc.edges;
  const removedEdges: EditorEdge[] = [];
  const renamedHandles: { from: string; to: string }[] = [];
  if (patch.config !== undefined) {
    const before = handlesOf(node.type, node.data.config);
    const after = handlesOf(node.type, patch.config);
    // Unknown handles (a config too broken to say) keep the edges: the validation panel reports the problem.
    if (after) {
      const rename = before ? detectRename(before, after) : null;
      if (rename) {
        renamedHandles.push(rename);
        edges = edges.map((e) =>
          e.source === nodeId && e.sourceHandle === rename.from ? { ...e, sourceHandle: rename.to } : e,
        );
      }
      const ids = new Set(after.map((h) => h.id));
      const kept = edges.filter((e) => {
        const drop = e.source === nodeId && !ids.has(e.sourceHandle);
        if (drop) removedEdges.push(e);
        return !drop;
      });
      if (removedEdges.length > 0) edges = kept;
      if (data.escalateUnconnected) {
        const marks = data.escalateUnconnected
          .map((h) => (rename && h === rename.from ? rename.to : h))
          .filter((h) => ids.has(h));
        if (marks.length !== data.escalateUnconnected.length || rename)
          nextNode.data = { ...data, escalateUnconnected: marks };
      }
    }
  }
  return {
    doc: { nodes: nodes.map((n) => (n.id === nodeId ? nextNode : n)), edges },
    removedEdges,
    renamedHandles,
  };
}

/** Moves nodes to new positions (auto-layout). */
export function movedNodes(
  nodes: readonly EditorNode[],
  positions: ReadonlyMap<string, { x: number; y: number }>,
): EditorNode[] {
  return nodes.map((n) => {
    const p = positions.get(n.id);
    return p && (p.x !== n.position.x || p.y !== n.position.y) ? { ...n, position: p } : n;
  });
}
