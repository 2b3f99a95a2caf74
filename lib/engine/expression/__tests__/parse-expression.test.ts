import { describe, expect, it } from "vitest";
import { parseExpression, ExpressionEvaluationError, type CompiledExpression } from "../compile-expression";

function compiled(source: string): CompiledExpression {
  const parsed = parseExpression(source);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.expression;
}
function refusal(source: string): string {
  const parsed = parseExpression(source);
  if (parsed.ok) throw new Error(`expected "${source.slice(0, 40)}" to be refused`);
  return parsed.message;
}

describe("parseExpression", () => {
  it("compiles once and evaluates many times, fast where it can", () => {
    const expression = compiled('item.tier == "enterprise" && nodes.classify_1.confidence > 0.8');
    expect(expression.fast).toBe(true);
    expect(expression.facts).toEqual({ itemFields: ["tier"], nodeIds: ["classify_1"], problems: [] });
    expect(expression.evaluate({ tier: "enterprise" }, { classify_1: { confidence: 0.9 } })).toBe(true);
    expect(expression.evaluate({ tier: "enterprise" }, { classify_1: { confidence: 0.5 } })).toBe(false);
  });

  it("falls back to the library's evaluator for the rest of CEL", () => {
    const expression = compiled('item.tags.exists(t, t == "vip") && item.amount * 2.0 > 10.0');
    expect(expression.fast).toBe(false);
    expect(expression.evaluate({ tags: ["x", "vip"], amount: 6 }, {})).toBe(true);
  });

  it("reports parse errors with their position", () => {
    expect(refusal("item.tier ==")).toMatch(/Unexpected token: EOF \(at character \d+\)/);
    expect(refusal("")).toBe("the expression is empty");
  });

  it("reports unknown variables and type errors before running", () => {
    expect(refusal("process.env")).toMatch(/Unknown variable: process/);
    expect(refusal('1 + "a"')).toMatch(/no such overload|not defined/);
  });

  describe("hostile expressions fail safely with a clear error", () => {
    it("cannot call JavaScript: no call syntax on values", () => {
      expect(refusal('constructor.constructor("return process")()')).toMatch(
        /Unexpected character|Unknown variable/,
      );
      expect(refusal('item.constructor.constructor("return process")()')).toMatch(/Unexpected|not|found/);
    });

    it("cannot reach prototypes through field access", () => {
      for (const source of [
        "item.constructor",
        "item.__proto__",
        "item.prototype",
        'item["constructor"]',
        "nodes.__proto__",
        "item.toString",
      ]) {
        const expression = compiled(`${source} == null`);
        expect(() => expression.evaluate({ tier: "pro" }, {}), source).toThrow(ExpressionEvaluationError);
        expect(() => expression.evaluate({ tier: "pro" }, {}), source).toThrow(/No such key/);
      }
    });

    it("cannot smuggle a prototype in through the item", () => {
      const item = JSON.parse('{"__proto__": {"polluted": true}, "tier": "pro"}') as Record<string, unknown>;
      expect(compiled('has(item.tier) && item.tier == "pro"').evaluate(item, {})).toBe(true);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it("refuses deeply nested parentheses at parse time", () => {
      expect(refusal(`${"(".repeat(5_000)}1${")".repeat(5_000)} == 1`)).toMatch(/limit is 4000|maxDepth/);
      expect(refusal(`${"(".repeat(200)}1${")".repeat(200)} == 1`)).toMatch(/Exceeded maxDepth/);
    });

    it("refuses very long expressions and very long strings before parsing", () => {
      expect(refusal(`item.text == "${"a".repeat(10_000)}"`)).toMatch(/the limit is 4000/);
      expect(refusal(Array.from({ length: 2_000 }, () => "true").join(" && "))).toMatch(
        /limit is 4000|maxAstNodes/,
      );
    });

    it("handles huge inputs in linear time", () => {
      const expression = compiled('item.text.contains("needle") || size(item.text) > 10');
      const huge = "x".repeat(5_000_000);
      const started = performance.now();
      expect(expression.evaluate({ text: huge }, {})).toBe(true);
      expect(performance.now() - started).toBeLessThan(1_000);
    });

    it("refuses matches(), which would run a backtracking regex", () => {
      expect(refusal('item.text.matches("(a+)+$")')).toMatch(
        /matches\(\) is not allowed here; use a rule node's regex/,
      );
    });

    it("refuses list macros nested three deep", () => {
      expect(refusal("item.a.all(x, item.b.all(y, item.c.all(z, true)))")).toMatch(/nest more than 2 deep/);
      expect(parseExpression("item.a.filter(x, x > 1).map(x, x * 2).exists(x, x > 3)").ok).toBe(true);
    });
  });
});
