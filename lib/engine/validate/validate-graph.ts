import { nodeRegistry, type NodeRegistry } from "../../nodes/registry";
import { analyzeGraph } from "./analyze-graph";
import type { ValidationOptions } from "./connector-catalog";
import type { GraphValidationResult } from "./validation-issue";

/**
 * Everything that must hold before a version is published or run: the
 * schema, unique ids, one trigger, sound edges, no loops, every node
 * reachable, every output handled, valid configs, expressions and regexes.
 * Iterative throughout, linear in nodes + edges (expression checks aside).
 */
export function validateGraph(
  graph: unknown,
  registry: NodeRegistry = nodeRegistry,
  options: ValidationOptions = {},
): GraphValidationResult {
  const { errors } = analyzeGraph(graph, registry, options);
  return { ok: errors.length === 0, errors };
}
