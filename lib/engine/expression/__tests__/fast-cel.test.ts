import { describe, expect, it } from "vitest";
import { celEnvironment } from "../cel-environment";
import { BAIL, compileFastCel } from "../fast-cel";
import { toJsonValue } from "../to-json-value";

/*
 * Differential test: on every expression × context below, the fast closure
 * either bails or gives exactly what the library gives (value or error).
 */
const expressions = [
  'item.tier == "enterprise"',
  'item.tier != "enterprise"',
  "item.amount > 1000",
  "item.amount >= 3 && item.amount < 4",
  "item.amount == 3",
  "item.amount < 3",
  "item.amount > 3",
  "item.amount <= 3",
  "item.amount >= 3.5",
  "item.amount != 3",
  "item.amount == 3.0",
  "item.amount <= -1",
  "-item.amount < 0",
  "item.flag",
  "!item.flag",
  "item.flag == true",
  "item.flag || item.amount > 5",
  "item.missing == 1 || true",
  "false && item.missing == 1",
  "item.missing == 1 && false",
  "item.n == null",
  "item.tier == null",
  "item.amount != null && item.amount > 10",
  'item.tier in ["pro", "enterprise"]',
  "item.amount in [1, 2, 3]",
  '"b" in item.tags',
  "item.amount in item.tags",
  'has(item.tier) && item.tier == "pro"',
  "has(item.missing)",
  "has(item.nested.x)",
  "size(item.text) > 3",
  "item.text.size() == 5",
  "size(item.tags) == 2",
  'item.text.startsWith("he")',
  'item.text.endsWith("lo")',
  'item.text.contains("ell")',
  'item["tier"] == "pro"',
  "item.nested.x == 1",
  "nodes.classify.confidence > 0.8",
  'nodes.classify.label == "billing" && nodes.classify.confidence >= 0.5',
  "item.flag ? item.amount > 1 : false",
  'item.tier < "q"',
  "item.text",
  "item.tier == item.amount",
  "item.amount > item.tier",
];

const contexts: Array<{ item: Record<string, unknown>; nodes: Record<string, unknown> }> = [
  {
    item: { tier: "pro", amount: 3, flag: true, n: null, tags: ["a", "b"], text: "hello", nested: { x: 1 } },
    nodes: { classify: { label: "billing", confidence: 0.9 } },
  },
  {
    item: {
      tier: "enterprise",
      amount: 1500.5,
      flag: false,
      n: null,
      tags: [1, 2],
      text: "h😀llo",
      nested: {},
    },
    nodes: { classify: { label: "technical", confidence: 0.2 } },
  },
  { item: { tier: null, amount: null, flag: "yes", n: 0, tags: [], text: "", nested: null }, nodes: {} },
  {
    item: { tier: 7, amount: "3", flag: null, n: "x", tags: "ab", text: 5, nested: [1] },
    nodes: { classify: null },
  },
];

function library(expression: string, ctx: object): { value?: unknown; error?: true } {
  try {
    return { value: toJsonValue(celEnvironment.parse(expression)(ctx)) };
  } catch {
    return { error: true };
  }
}

describe("fast CEL closures", () => {
  it.each(expressions)("agree with the library or bail: %s", (expression) => {
    const fast = compileFastCel(celEnvironment.parse(expression).ast);
    for (const ctx of contexts) {
      const expected = library(expression, ctx);
      if (!fast) continue;
      let got: unknown;
      try {
        got = fast(ctx.item, ctx.nodes);
      } catch (error) {
        throw new Error(`fast path threw on ${JSON.stringify(ctx)}: ${String(error)}`);
      }
      if (got === BAIL) continue;
      expect(
        expected.error,
        `library errors where the fast path answered ${String(got)} for ${JSON.stringify(ctx.item)}`,
      ).toBeUndefined();
      expect(toJsonValue(got)).toEqual(expected.value);
    }
  });

  it("covers the common routing forms, bailing only where the library must decide", () => {
    const ctx = contexts[0]!;
    const bailed = expressions.filter((e) => {
      const fast = compileFastCel(celEnvironment.parse(e).ast);
      return fast === undefined || fast(ctx.item, ctx.nodes) === BAIL;
    });
    expect(bailed).toEqual([
      "item.missing == 1 || true", // a missing key: CEL's error absorption decides
      "item.missing == 1 && false",
      "item.amount in item.tags", // mixed types
      'item.tier < "q"', // string ordering is by code point in CEL
      "item.tier == item.amount",
      "item.amount > item.tier",
    ]);
  });

  it("declines what it does not cover, leaving it to the library", () => {
    for (const e of [
      "item.amount + 1 > 2",
      "item.tags.exists(t, t == 'a')",
      "int(item.amount) == 3",
      "{'a': 1}.a == 1",
    ]) {
      expect(compileFastCel(celEnvironment.parse(e).ast), e).toBeUndefined();
    }
  });
});
