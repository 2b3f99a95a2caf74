import type { CompiledGraph } from "@/lib/engine/compile/compile-graph";

/** A node that asks an embedded model, with what training it needs. */
export interface EmbeddedNode {
  nodeId: string;
  modelKey: string;
  labels: string[];
  /** The item field the node reads as text. */
  textField: string;
  /** Outcome label in history → the node label that leads to it. */
  labelMap: Record<string, string>;
}

type Config = Record<string, unknown>;

function terminalLabel(compiled: CompiledGraph, index: number | undefined): string | undefined {
  if (index === undefined) return undefined;
  const node = compiled.graph.nodes[index];
  const config = (node?.config ?? {}) as Config;
  if (node?.type === "route" && typeof config.team === "string") return config.team;
  if (node?.type === "resolve" && typeof config.resolution === "string") return config.resolution;
  return undefined;
}

/**
 * History records where cases ended (a team, a resolution), not a node's label (a category): each label maps
 * from the team or resolution its branch leads to, and a label that is itself an outcome label from itself.
 */
export function outcomeLabelMap(
  compiled: CompiledGraph,
  index: number,
  labels: readonly string[],
): Record<string, string> {
  const compiledNode = compiled.nodes[index]!;
  const labelMap: Record<string, string> = {};
  for (const label of labels) {
    const outcome = terminalLabel(compiled, compiledNode.next.get(label));
    if (outcome !== undefined && labelMap[outcome] === undefined) labelMap[outcome] = label;
    if (labelMap[label] === undefined) labelMap[label] = label;
  }
  return labelMap;
}

/**
 * The classify (and model-backed assess) nodes whose model is `{ kind: "embedded" }`. History records where
 * cases ended (a team), not the node's label (a category), so each label is mapped to the team or resolution
 * its branch leads to; a label that is itself an outcome label maps to itself.
 */
export function findEmbeddedNodes(compiled: CompiledGraph): EmbeddedNode[] {
  const found: EmbeddedNode[] = [];
  compiled.graph.nodes.forEach((node, index) => {
    const config = node.config as Config;
    let labels: unknown;
    let model: unknown;
    if (node.type === "classify") {
      labels = config.labels;
      model = config.model;
    } else if (node.type === "assess" && (config.source as Config | undefined)?.kind === "model") {
      labels = config.levels;
      model = (config.source as Config).model;
    } else return;
    const ref = model as { kind?: unknown; modelId?: unknown } | undefined;
    if (ref?.kind !== "embedded" || typeof ref.modelId !== "string" || !Array.isArray(labels)) return;
    const labelMap = outcomeLabelMap(compiled, index, labels as string[]);
    found.push({
      nodeId: node.id,
      modelKey: ref.modelId,
      labels: labels as string[],
      textField: typeof config.inputField === "string" ? config.inputField : compiled.itemShape.textField,
      labelMap,
    });
  });
  return found;
}
