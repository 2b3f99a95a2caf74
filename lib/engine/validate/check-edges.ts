import type { GraphEdge } from "../graph/graph-schema";
import type { NodeIndex } from "./index-nodes";
import { nodeLabel, type GraphValidationIssue } from "./validation-issue";

export interface EdgeTables {
  /** Per node: output handle → target node index, for edges that passed every check. */
  outgoing: Array<Map<string, number>>;
  successors: number[][];
  predecessors: number[][];
}

/** Edges must join existing nodes through existing handles, one edge per handle, never into a trigger or out of a terminal. */
export function checkEdges(
  edges: readonly GraphEdge[],
  index: NodeIndex,
  errors: GraphValidationIssue[],
): EdgeTables {
  const n = index.nodes.length;
  const outgoing = Array.from({ length: n }, () => new Map<string, number>());
  const successors: number[][] = Array.from({ length: n }, () => []);
  const predecessors: number[][] = Array.from({ length: n }, () => []);
  const edgeIds = new Set<string>();
  for (const edge of edges) {
    const fail = (code: string, message: string, nodeId?: string): void => {
      errors.push({ edgeId: edge.id, nodeId, code, message });
    };
    if (edgeIds.has(edge.id))
      fail("duplicate_edge_id", `Two edges have the id "${edge.id}"; give each edge its own id.`);
    edgeIds.add(edge.id);
    const from = index.byId.get(edge.source);
    const to = index.byId.get(edge.target);
    if (from === undefined) {
      fail(
        "edge_unknown_source",
        `Edge "${edge.id}" starts at "${edge.source}", which is not a node; reconnect or delete it.`,
      );
      continue;
    }
    if (to === undefined) {
      fail(
        "edge_unknown_target",
        `Edge "${edge.id}" ends at "${edge.target}", which is not a node; reconnect or delete it.`,
        edge.source,
      );
      continue;
    }
    const source = index.nodes[from]!;
    const target = index.nodes[to]!;
    if (target.definition?.group === "trigger") {
      fail(
        "edge_into_trigger",
        `Edge "${edge.id}" leads into the trigger "${edge.target}"; items only enter there, remove the edge.`,
        edge.target,
      );
      continue;
    }
    if (source.definition?.terminal) {
      fail(
        "edge_from_terminal",
        `${nodeLabel(source.node)} ends the run, so edge "${edge.id}" can never be taken; remove it.`,
        edge.source,
      );
      continue;
    }
    if (!source.handles) continue; // unknown type or invalid config: already reported
    const handle = source.handles.find((h) => h.id === edge.sourceHandle);
    if (!handle) {
      const known = source.handles.map((h) => h.id).join(", ");
      fail(
        "edge_unknown_handle",
        `Edge "${edge.id}" leaves ${nodeLabel(source.node)} through "${edge.sourceHandle}", which it does not have (it has: ${known}).`,
        edge.source,
      );
      continue;
    }
    if (handle.neverTaken) {
      fail(
        "edge_never_taken",
        `Edge "${edge.id}" leaves ${nodeLabel(source.node)} through "${handle.id}", which is never taken: ${handle.neverTaken}.`,
        edge.source,
      );
      continue;
    }
    const outs = outgoing[from]!;
    if (outs.has(handle.id)) {
      fail(
        "edge_duplicate_handle",
        `${nodeLabel(source.node)} has more than one edge from "${handle.id}"; an output leads to one node, remove edge "${edge.id}" or add a condition.`,
        edge.source,
      );
      continue;
    }
    outs.set(handle.id, to);
    successors[from]!.push(to);
    predecessors[to]!.push(from);
  }
  return { outgoing, successors, predecessors };
}
