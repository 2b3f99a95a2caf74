import type { GraphDocument } from "../../../db/schema/json-types";
import { llmModelRefSchema, type LlmModelRef } from "@/lib/engine/model-ref";

/**
 * The LLM a classify node (or a model-backed assess node) asks, read defensively from a stored graph: undefined
 * when the node is gone or asks another kind of model.
 */
export function llmModelOfNode(graph: GraphDocument, nodeId: string): LlmModelRef | undefined {
  const node = graph.nodes.find((n) => n.id === nodeId);
  if (!node) return undefined;
  const config = (node.config ?? {}) as { model?: unknown; source?: { kind?: unknown; model?: unknown } };
  const model =
    node.type === "classify"
      ? config.model
      : node.type === "assess" && config.source?.kind === "model"
        ? config.source.model
        : undefined;
  const parsed = llmModelRefSchema.safeParse(model);
  return parsed.success ? parsed.data : undefined;
}

/** Every node of the graph that asks an LLM, with its model. */
export function llmNodesOf(graph: GraphDocument): Array<{ nodeId: string; model: LlmModelRef }> {
  const found: Array<{ nodeId: string; model: LlmModelRef }> = [];
  for (const node of graph.nodes) {
    const model = llmModelOfNode(graph, node.id);
    if (model) found.push({ nodeId: node.id, model });
  }
  return found;
}
