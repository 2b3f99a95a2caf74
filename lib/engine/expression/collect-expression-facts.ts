import type { ASTNode } from "@marcbachmann/cel-js";
import { COMPREHENSION_MACROS, FORBIDDEN_FUNCTIONS, MAX_COMPREHENSION_NESTING } from "./cel-environment";

export interface ExpressionFacts {
  /** `item.<field>` names read directly. */
  itemFields: string[];
  /** `nodes.<id>` ids read directly. */
  nodeIds: string[];
  /** Reasons the expression is refused even though it parses. */
  problems: string[];
}

function readsMember(node: ASTNode, root: string): string | undefined {
  if (node.op !== "." && node.op !== "[]") return undefined;
  const [target, key] = node.args as [ASTNode, unknown];
  if (target.op !== "id" || target.args !== root) return undefined;
  if (typeof key === "string") return key;
  const keyNode = key as ASTNode;
  return keyNode.op === "value" && typeof keyNode.args === "string" ? keyNode.args : undefined;
}

function children(node: ASTNode): ASTNode[] {
  const out: ASTNode[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const v of value) visit(v);
    } else if (value !== null && typeof value === "object" && "op" in value && typeof value.op === "string") {
      out.push(value as ASTNode);
    }
  };
  if (node.op !== "value") visit(node.args);
  return out;
}

/** Walks the AST (iteratively: its depth is capped by the parser, but nothing here relies on that). */
export function collectExpressionFacts(root: ASTNode): ExpressionFacts {
  const itemFields = new Set<string>();
  const nodeIds = new Set<string>();
  const problems: string[] = [];
  const stack: Array<{ node: ASTNode; nesting: number }> = [{ node: root, nesting: 0 }];
  while (stack.length > 0) {
    const { node, nesting } = stack.pop()!;
    const field = readsMember(node, "item");
    if (field !== undefined) itemFields.add(field);
    const nodeId = readsMember(node, "nodes");
    if (nodeId !== undefined) nodeIds.add(nodeId);
    if (node.op === "call" || node.op === "rcall") {
      const name = (node.args as unknown[])[0] as string;
      if (FORBIDDEN_FUNCTIONS.has(name)) {
        problems.push(`${name}() is not allowed here; use a rule node's regex, which runs in linear time`);
      }
      if (node.op === "rcall" && COMPREHENSION_MACROS.has(name)) {
        // The receiver runs once; only the macro's body runs per element.
        const [, receiver, body] = node.args as [string, ASTNode, ASTNode[]];
        if (nesting + 1 > MAX_COMPREHENSION_NESTING) {
          problems.push(`list macros (${name}) nest more than ${MAX_COMPREHENSION_NESTING} deep`);
        }
        stack.push({ node: receiver, nesting });
        for (const child of children({ op: "list", args: body } as unknown as ASTNode)) {
          stack.push({ node: child, nesting: nesting + 1 });
        }
        continue;
      }
    }
    for (const child of children(node)) stack.push({ node: child, nesting });
  }
  return { itemFields: [...itemFields], nodeIds: [...nodeIds], problems: [...new Set(problems)] };
}
