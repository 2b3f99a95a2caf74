import type { EdgeTables } from "./check-edges";
import type { NodeIndex } from "./index-nodes";
import { nodeLabel, type GraphValidationIssue } from "./validation-issue";

/**
 * Every output of a non-terminal node must lead somewhere, or be marked
 * escalate-if-taken (in the node's `escalateUnconnected`, or by its own
 * config), so no path can stop short of a terminal.
 */
export function checkHandles(
  index: NodeIndex,
  edges: EdgeTables,
  skip: Uint8Array,
  errors: GraphValidationIssue[],
): void {
  index.nodes.forEach((entry, i) => {
    if (skip[i] === 1 || !entry.definition || !entry.handles) return;
    const { node, definition, handles } = entry;
    const marked = new Set(node.escalateUnconnected ?? []);
    for (const id of marked) {
      if (!handles.some((h) => h.id === id)) {
        errors.push({
          nodeId: node.id,
          code: "unknown_escalate_handle",
          message: `${nodeLabel(node)} marks "${id}" as escalate-if-taken, but has no such output (it has: ${handles.map((h) => h.id).join(", ") || "none"}).`,
        });
      }
    }
    if (definition.terminal) return;
    if (handles.length === 0) {
      errors.push({
        nodeId: node.id,
        code: "dead_end",
        message: `${nodeLabel(node)} has no outputs and does not end the run; replace it with a terminal.`,
      });
      return;
    }
    const connected = edges.outgoing[i]!;
    for (const handle of handles) {
      if (
        connected.has(handle.id) ||
        handle.neverTaken ||
        handle.whenUnconnected === "escalate" ||
        marked.has(handle.id)
      )
        continue;
      errors.push({
        nodeId: node.id,
        code: "unconnected_handle",
        message: `${nodeLabel(node)}: the "${handle.id}" output leads nowhere; connect it to a node or mark it escalate-if-taken.`,
      });
    }
  });
}
