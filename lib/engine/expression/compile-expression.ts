import type { ASTNode } from "@marcbachmann/cel-js";
import { celEnvironment, MAX_EXPRESSION_LENGTH } from "./cel-environment";
import { collectExpressionFacts, type ExpressionFacts } from "./collect-expression-facts";
import { BAIL, compileFastCel } from "./fast-cel";

export interface CompiledExpression {
  source: string;
  facts: ExpressionFacts;
  /** True when the closure compiler covers the whole expression. */
  fast: boolean;
  /** Evaluates against the item and earlier outputs; throws ExpressionEvaluationError. */
  evaluate(item: unknown, nodes: unknown): unknown;
}

export type ParseExpressionResult =
  { ok: true; expression: CompiledExpression } | { ok: false; message: string };

export class ExpressionEvaluationError extends Error {
  constructor(
    readonly source: string,
    cause: unknown,
  ) {
    super(firstLine(cause instanceof Error ? cause.message : String(cause)));
    this.name = "ExpressionEvaluationError";
  }
}

function firstLine(message: string): string {
  return message.split("\n", 1)[0] ?? message;
}

function describeParseFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const range = (error as { range?: { start: number } }).range;
  const at = range ? ` (at character ${range.start + 1})` : "";
  return `${firstLine(error.message)}${at}`;
}

// Validation and compilation both need each expression; a compiled expression is
// immutable and pure, so one parse serves both (and every graph version that reuses it).
const MAX_CACHED = 5_000;
const cache = new Map<string, ParseExpressionResult>();

/**
 * Parses, type-checks and vets a CEL expression, then compiles it once:
 * to closures when the fast subset covers it, else to the library's evaluator.
 */
export function parseExpression(source: string): ParseExpressionResult {
  const cached = cache.get(source);
  if (cached) return cached;
  const parsed = parseUncached(source);
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(source, parsed);
  return parsed;
}

function parseUncached(source: string): ParseExpressionResult {
  if (source.trim() === "") return { ok: false, message: "the expression is empty" };
  if (source.length > MAX_EXPRESSION_LENGTH) {
    return {
      ok: false,
      message: `the expression is ${source.length} characters; the limit is ${MAX_EXPRESSION_LENGTH}`,
    };
  }
  let evaluator: ReturnType<typeof celEnvironment.parse>;
  try {
    evaluator = celEnvironment.parse(source);
    const checked = evaluator.check();
    if (!checked.valid) return { ok: false, message: describeParseFailure(checked.error) };
  } catch (error) {
    return { ok: false, message: describeParseFailure(error) };
  }
  const ast: ASTNode = evaluator.ast;
  const facts = collectExpressionFacts(ast);
  if (facts.problems.length > 0) return { ok: false, message: facts.problems.join("; ") };

  const slow = (item: unknown, nodes: unknown): unknown => {
    try {
      return evaluator({ item, nodes });
    } catch (error) {
      throw new ExpressionEvaluationError(source, error);
    }
  };
  const fastClosure = compileFastCel(ast);
  const evaluate = fastClosure
    ? (item: unknown, nodes: unknown): unknown => {
        const value = fastClosure(item, nodes);
        return value === BAIL ? slow(item, nodes) : value;
      }
    : slow;
  return { ok: true, expression: { source, facts, fast: fastClosure !== undefined, evaluate } };
}

/** parseExpression for callers that already validated the graph. */
export function compileExpression(source: string): CompiledExpression {
  const parsed = parseExpression(source);
  if (!parsed.ok) throw new Error(`expression "${source.slice(0, 80)}" does not compile: ${parsed.message}`);
  return parsed.expression;
}
