import type { Graph } from "../graph/graph-schema";
import type { HandleSpec, ItemShape, NodeStep } from "../node-definition";
import { nodeRegistry, type NodeRegistry } from "../../nodes/registry";
import { analyzeGraph } from "../validate/analyze-graph";
import type { GraphValidationIssue } from "../validate/validation-issue";

export interface CompiledNode {
  readonly index: number;
  readonly id: string;
  readonly type: string;
  readonly name?: string;
  readonly terminal: boolean;
  readonly step: NodeStep;
  /** Output handle → index of the next node. */
  readonly next: ReadonlyMap<string, number>;
  readonly handles: ReadonlyMap<string, HandleSpec>;
  /** Unconnected handles that hand the item to a person when taken. */
  readonly escalates: ReadonlySet<string>;
}

export interface CompiledGraph {
  readonly graph: Graph;
  readonly nodes: readonly CompiledNode[];
  readonly start: number;
  readonly byId: ReadonlyMap<string, number>;
  readonly itemShape: ItemShape;
  readonly escalationQueue: string;
  /** Graph thresholds of the nodes that have one: what a run's overrides may replace. */
  readonly thresholds: ReadonlyMap<string, number>;
}

export class GraphValidationError extends Error {
  constructor(readonly errors: GraphValidationIssue[]) {
    super(
      `The workflow is not valid (${errors.length} ${errors.length === 1 ? "problem" : "problems"}):\n` +
        errors
          .slice(0, 10)
          .map((e) => `- ${e.message}`)
          .join("\n"),
    );
    this.name = "GraphValidationError";
  }
}

/**
 * Validates once, then turns the graph into flat tables and closures: each
 * node's config parsed once, its expressions, regexes and indexes built
 * once, its handles resolved to the index of the next node.
 */
export function compileGraph(graph: unknown, registry: NodeRegistry = nodeRegistry): CompiledGraph {
  const { errors, analysis } = analyzeGraph(graph, registry);
  if (!analysis) throw new GraphValidationError(errors);
  const { index, edges, itemShape, triggerIndex } = analysis;
  const thresholds = new Map<string, number>();
  const nodes = index.nodes.map((entry, i): CompiledNode => {
    const { node, definition, config, handles } = entry;
    // analyzeGraph returns an analysis only when every node has a definition, a valid config and handles.
    if (!definition || config === undefined || !handles) throw new Error(`node ${node.id} was not analysed`);
    const threshold = (config as { threshold?: unknown }).threshold;
    if (typeof threshold === "number") thresholds.set(node.id, threshold);
    const next = edges.outgoing[i]!;
    const marked = new Set(node.escalateUnconnected ?? []);
    const escalates = new Set(
      handles
        .filter((h) => !next.has(h.id) && (marked.has(h.id) || h.whenUnconnected === "escalate"))
        .map((h) => h.id),
    );
    return {
      index: i,
      id: node.id,
      type: node.type,
      name: node.name,
      terminal: definition.terminal,
      step: definition.prepare(config, { nodeId: node.id, nodeName: node.name, itemShape }),
      next,
      handles: new Map(handles.map((h) => [h.id, h])),
      escalates,
    };
  });
  return {
    graph: analysis.graph,
    nodes,
    start: triggerIndex,
    byId: index.byId,
    itemShape,
    escalationQueue: analysis.graph.settings?.escalationQueue ?? "review",
    thresholds,
  };
}
