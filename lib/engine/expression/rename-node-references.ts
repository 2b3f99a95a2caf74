import type { ASTNode } from "@marcbachmann/cel-js";
import { celEnvironment, MAX_EXPRESSION_LENGTH } from "./cel-environment";

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** `"a"`, `'a'`, `"""a"""`, `r"a"`: the literal's opening and closing quotes, when its body is plain text. */
function stringLiteralQuotes(literal: string): { open: string; close: string } | null {
  const prefix = /^[rR]?/.exec(literal)![0];
  const rest = literal.slice(prefix.length);
  const quote = ['"""', "'''", '"', "'"].find((q) => rest.startsWith(q) && rest.endsWith(q));
  if (!quote || rest.length < quote.length * 2) return null;
  return { open: prefix + quote, close: quote };
}

/** The edit that renames one `nodes.<id>` / `nodes["<id>"]` access, or null when it reads no renamed node. */
function editFor(node: ASTNode, source: string, renames: ReadonlyMap<string, string>): Edit | null {
  if (node.op === "." || node.op === ".?") {
    const [target, key] = node.args;
    const renamed = renames.get(key);
    if (target.op !== "id" || target.args !== "nodes" || renamed === undefined) return null;
    // The field name is the last token of the access (`nodes . a` included), so it ends where the node ends.
    const { end } = node.range;
    if (source.slice(end - key.length, end) !== key) return null;
    return { start: end - key.length, end, text: renamed };
  }
  if (node.op === "[]" || node.op === "[?]") {
    const [target, key] = node.args;
    if (target.op !== "id" || target.args !== "nodes" || key.op !== "value") return null;
    const renamed = typeof key.args === "string" ? renames.get(key.args) : undefined;
    if (renamed === undefined) return null;
    const literal = source.slice(key.range.start, key.range.end);
    const quotes = stringLiteralQuotes(literal);
    // A body written with escapes (`"\x61"`) is left alone rather than guessed at.
    if (!quotes || literal.slice(quotes.open.length, -quotes.close.length) !== key.args) return null;
    return { start: key.range.start, end: key.range.end, text: quotes.open + renamed + quotes.close };
  }
  return null;
}

function children(node: ASTNode): ASTNode[] {
  if (node.op === "value") return [];
  const out: ASTNode[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) for (const v of value) visit(v);
    else if (value !== null && typeof value === "object" && "op" in value) out.push(value as ASTNode);
  };
  visit(node.args);
  return out;
}

/**
 * Rewrites the node references of a CEL expression (`nodes.a`, `nodes["a"]`) by `renames` (old id → new id),
 * working on the parsed tree so `nodes.ab`, `item.a` and the string literal "nodes.a" are left as they are.
 * All renames apply at once, so `a → b, b → c` never chains. An expression that does not parse is returned
 * unchanged: there is nothing it can be trusted to mean.
 */
export function renameNodeReferences(source: string, renames: ReadonlyMap<string, string>): string {
  if (renames.size === 0 || source.length > MAX_EXPRESSION_LENGTH) return source;
  let root: ASTNode;
  try {
    root = celEnvironment.parse(source).ast;
  } catch {
    return source;
  }
  const edits: Edit[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const edit = editFor(node, source, renames);
    if (edit) edits.push(edit);
    stack.push(...children(node));
  }
  if (edits.length === 0) return source;
  edits.sort((a, b) => b.start - a.start);
  let result = source;
  for (const { start, end, text } of edits) result = result.slice(0, start) + text + result.slice(end);
  return result;
}
