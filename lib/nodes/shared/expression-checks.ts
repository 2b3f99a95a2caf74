import { parseExpression, type CompiledExpression } from "../../engine/expression/compile-expression";
import type { CheckIssue, GraphCheckContext, RunContext } from "../../engine/node-definition";

/** Parse errors, unknown item fields and references to nodes that do not run earlier. */
export function checkExpression(source: string, label: string, context: GraphCheckContext): CheckIssue[] {
  const parsed = parseExpression(source);
  if (!parsed.ok)
    return [{ code: "invalid_expression", message: `${label} does not parse: ${parsed.message}` }];
  const issues: CheckIssue[] = [];
  const { itemFields, nodeIds } = parsed.expression.facts;
  if (context.itemShape) {
    const known = new Set(context.itemShape.fields.map((f) => f.name));
    for (const field of itemFields) {
      if (!known.has(field)) {
        issues.push({
          code: "unknown_field",
          message: `${label} reads item.${field}, which the trigger does not declare (fields: ${[...known].join(", ")})`,
        });
      }
    }
  }
  for (const nodeId of nodeIds) {
    if (!context.hasNode(nodeId)) {
      issues.push({
        code: "unknown_node_reference",
        message: `${label} reads nodes.${nodeId}, but there is no node "${nodeId}"`,
      });
    } else if (!context.isUpstream(nodeId)) {
      issues.push({
        code: "node_not_upstream",
        message: `${label} reads nodes.${nodeId}, which never runs before this node; connect it upstream or remove the reference`,
      });
    }
  }
  return issues;
}

/** The item fields and node outputs an expression reads, for the trace. */
export function expressionInputs(expression: CompiledExpression, run: RunContext): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const field of expression.facts.itemFields) inputs[`item.${field}`] = run.item[field];
  for (const nodeId of expression.facts.nodeIds) inputs[`nodes.${nodeId}`] = run.nodes[nodeId];
  return inputs;
}
