import type { Graph, GraphNode } from "../graph/graph-schema";
import type { HandleSpec, NodeDefinition } from "../node-definition";
import type { NodeRegistry } from "../../nodes/registry";
import { nodeLabel, type GraphValidationIssue } from "./validation-issue";

export interface IndexedNode {
  node: GraphNode;
  definition?: NodeDefinition;
  /** The config after its schema ran (defaults applied); undefined when it is invalid. */
  config?: unknown;
  handles?: readonly HandleSpec[];
}

export interface NodeIndex {
  nodes: IndexedNode[];
  /** First occurrence of each id. */
  byId: Map<string, number>;
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.length === 0
    ? "config"
    : path
        .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
        .join("")
        .replace(/^\./, "");
}

/** Looks up each node's type, parses its config with the type's schema and computes its output handles. */
export function indexNodes(graph: Graph, registry: NodeRegistry, errors: GraphValidationIssue[]): NodeIndex {
  const byId = new Map<string, number>();
  const nodes = graph.nodes.map((node, i): IndexedNode => {
    if (byId.has(node.id)) {
      errors.push({
        nodeId: node.id,
        code: "duplicate_node_id",
        message: `Two nodes have the id "${node.id}"; give each node its own id.`,
      });
    } else {
      byId.set(node.id, i);
    }
    const definition = registry.get(node.type);
    if (!definition) {
      const known = registry
        .all()
        .map((d) => d.type)
        .join(", ");
      errors.push({
        nodeId: node.id,
        code: "unknown_node_type",
        message: `${nodeLabel(node)}: unknown node type; use one of ${known}.`,
      });
      return { node };
    }
    const parsed = definition.configSchema.safeParse(node.config);
    if (!parsed.success) {
      for (const issue of parsed.error.issues.slice(0, 20)) {
        errors.push({
          nodeId: node.id,
          code: "invalid_config",
          message: `${nodeLabel(node)}: ${formatPath(issue.path)}: ${issue.message}`,
        });
      }
      return { node, definition };
    }
    return { node, definition, config: parsed.data, handles: definition.outputHandles(parsed.data) };
  });
  return { nodes, byId };
}
