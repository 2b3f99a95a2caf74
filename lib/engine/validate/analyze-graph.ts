import type { z } from "zod";
import { graphSchema, type Graph } from "../graph/graph-schema";
import type { ItemShape } from "../node-definition";
import { nodeRegistry, type NodeRegistry } from "../../nodes/registry";
import { checkEdges, type EdgeTables } from "./check-edges";
import { checkHandles } from "./check-handles";
import type { ValidationOptions } from "./connector-catalog";
import { describeCycles } from "./describe-cycles";
import { detectCycles } from "./detect-cycles";
import { createUpstreamQuery, findReachable } from "./find-reachable";
import { findTriggers } from "./find-triggers";
import { indexNodes, type NodeIndex } from "./index-nodes";
import { nodeLabel, type GraphValidationIssue } from "./validation-issue";

export interface GraphAnalysis {
  graph: Graph;
  index: NodeIndex;
  edges: EdgeTables;
  triggerIndex: number;
  itemShape: ItemShape;
}

const MAX_ERRORS_PER_CODE = 50;

function schemaErrors(error: z.ZodError, input: unknown): GraphValidationIssue[] {
  const rawNodes = (input as { nodes?: unknown })?.nodes;
  return error.issues.map((issue) => {
    const [head, index] = issue.path;
    const rawNode =
      head === "nodes" && typeof index === "number" && Array.isArray(rawNodes) ? rawNodes[index] : undefined;
    const rawId = (rawNode as { id?: unknown } | undefined)?.id;
    const where = issue.path
      .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
      .join("")
      .replace(/^\./, "");
    return {
      nodeId: typeof rawId === "string" ? rawId : undefined,
      code: "schema",
      message: `${where || "graph"}: ${issue.message}`,
    };
  });
}

/** Keeps reports readable on hostile graphs: at most 50 errors of one kind, then a count. */
function capErrors(errors: GraphValidationIssue[]): GraphValidationIssue[] {
  const counts = new Map<string, number>();
  const kept: GraphValidationIssue[] = [];
  for (const e of errors) {
    const count = (counts.get(e.code) ?? 0) + 1;
    counts.set(e.code, count);
    if (count <= MAX_ERRORS_PER_CODE) kept.push(e);
  }
  for (const [code, count] of counts) {
    if (count > MAX_ERRORS_PER_CODE) {
      kept.push({
        code,
        message: `…and ${count - MAX_ERRORS_PER_CODE} more "${code}" errors like the ones above.`,
      });
    }
  }
  return kept;
}

/** Everything validateGraph checks, keeping the tables compileGraph then builds on. */
export function analyzeGraph(
  input: unknown,
  registry: NodeRegistry = nodeRegistry,
  options: ValidationOptions = {},
): { errors: GraphValidationIssue[]; analysis?: GraphAnalysis } {
  const parsed = graphSchema.safeParse(input);
  if (!parsed.success) return { errors: capErrors(schemaErrors(parsed.error, input)) };
  const graph = parsed.data;
  const errors: GraphValidationIssue[] = [];
  const index = indexNodes(graph, registry, errors);
  // A second node with an already used id is reported once and otherwise left out.
  const duplicate = new Uint8Array(index.nodes.length);
  index.nodes.forEach((n, i) => {
    if (index.byId.get(n.node.id) !== i) duplicate[i] = 1;
  });

  const triggers = findTriggers(index.nodes).filter((i) => duplicate[i] === 0);
  if (triggers.length === 0) {
    errors.push({
      code: "missing_trigger",
      message: "The workflow has no trigger; add one trigger node where items enter.",
    });
  }
  for (const extra of triggers.slice(1)) {
    const node = index.nodes[extra]!.node;
    errors.push({
      nodeId: node.id,
      code: "multiple_triggers",
      message: `${nodeLabel(node)} is a second trigger; a workflow has exactly one, delete this one.`,
    });
  }

  const edges = checkEdges(graph.edges, index, errors);
  const { cyclic } = detectCycles(edges.successors);
  for (const loop of describeCycles(cyclic, edges.predecessors)) {
    const ids = loop.map((i) => index.nodes[i]!.node.id);
    const shown = ids.length > 8 ? [...ids.slice(0, 8), "…"] : ids;
    errors.push({
      nodeId: ids[0],
      code: "cycle",
      message: `Nodes loop back on themselves (${[...shown, ids[0]].join(" → ")}); workflows run forward only, remove one of these edges.`,
    });
  }

  const trigger = triggers[0];
  if (trigger !== undefined) {
    const reachable = findReachable(trigger, edges.successors);
    index.nodes.forEach((n, i) => {
      if (reachable[i] === 0 && duplicate[i] === 0) {
        errors.push({
          nodeId: n.node.id,
          code: "unreachable",
          message: `${nodeLabel(n.node)} cannot be reached from the trigger; connect it or delete it.`,
        });
      }
    });
  }
  checkHandles(index, edges, duplicate, errors);

  const triggerEntry = trigger === undefined ? undefined : index.nodes[trigger];
  const itemShape =
    triggerEntry?.config !== undefined
      ? triggerEntry.definition?.itemShape?.(triggerEntry.config)
      : undefined;
  const isUpstream = createUpstreamQuery(edges.predecessors);
  index.nodes.forEach((entry, i) => {
    if (duplicate[i] === 1 || entry.config === undefined || !entry.definition?.check) return;
    const issues = entry.definition.check(entry.config, {
      nodeId: entry.node.id,
      itemShape,
      hasNode: (id) => index.byId.has(id),
      connectors: options.connectors,
      isUpstream: (id) => {
        const other = index.byId.get(id);
        return other !== undefined && isUpstream(i, other);
      },
    });
    for (const issue of issues)
      errors.push({
        nodeId: entry.node.id,
        code: issue.code,
        message: `${nodeLabel(entry.node)}: ${issue.message}`,
      });
  });

  if (errors.length > 0 || trigger === undefined || !itemShape) return { errors: capErrors(errors) };
  return { errors, analysis: { graph, index, edges, triggerIndex: trigger, itemShape } };
}
