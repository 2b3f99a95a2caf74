import { describe, expect, it } from "vitest";
import { compileGraph } from "../../../engine/compile/compile-graph";
import { runItemSync } from "../../../engine/run/run-item";
import { edge, fakePorts, graph, node, ticket, triggerNode } from "../../../engine/testing/graph-fixtures";
import { validateGraph } from "../../../engine/validate/validate-graph";

// trigger ─► check ──true──► yes (end)
//              └──false─► no (end)
function conditionGraph(expression: string) {
  return graph(
    [triggerNode(), node("check", "condition", { expression }), node("yes", "end"), node("no", "end")],
    [edge("trigger", "out", "check"), edge("check", "true", "yes"), edge("check", "false", "no")],
  );
}
const run = (expression: string, item: Record<string, unknown>) =>
  runItemSync(compileGraph(conditionGraph(expression)), item, { ports: fakePorts() });

describe("condition", () => {
  it("takes true when the expression holds", () => {
    const { outcome, trace } = run(
      'item.tier == "enterprise" && item.amount > 1000',
      ticket("x", { tier: "enterprise", amount: 1500 }),
    );
    expect(outcome).toEqual({ type: "end", nodeId: "yes" });
    expect(trace?.steps[1]).toMatchObject({
      handle: "true",
      inputs: { "item.tier": "enterprise", "item.amount": 1500 },
    });
  });

  it("takes false when it does not", () => {
    expect(run('item.tier == "enterprise"', ticket("x", { tier: "pro" })).outcome).toEqual({
      type: "end",
      nodeId: "no",
    });
  });

  it("reads earlier nodes' outputs", () => {
    // trigger ─► screen (rule) ─no_match─► check ─true/false─► yes | no ; screen ─matched─► yes
    const g = graph(
      [
        triggerNode(),
        node("screen", "rule", { rules: [{ kind: "keywords", id: "k", words: ["refund"] }] }),
        node("check", "condition", { expression: "nodes.screen.matched == false" }),
        node("yes", "end"),
        node("no", "end"),
      ],
      [
        edge("trigger", "out", "screen"),
        edge("screen", "matched", "yes"),
        edge("screen", "no_match", "check"),
        edge("check", "true", "yes"),
        edge("check", "false", "no"),
      ],
    );
    expect(runItemSync(compileGraph(g), ticket("hello"), { ports: fakePorts() }).outcome).toEqual({
      type: "end",
      nodeId: "yes",
    });
  });

  it("stops with a clear error when the expression fails at run time", () => {
    const { outcome } = run("item.amount > 5", ticket("x")); // amount absent → null > 5
    expect(outcome).toMatchObject({ type: "error", nodeId: "check", code: "expression_failed" });
    expect(outcome.type === "error" && outcome.message).toMatch(/^check: .*\(in: item\.amount > 5\)$/);
  });

  it("stops when the expression is not true or false", () => {
    expect(run("item.text", ticket("hello")).outcome).toMatchObject({
      type: "error",
      code: "expression_not_boolean",
    });
  });

  it("reports parse errors, unknown fields and unknown nodes at validation", () => {
    const messages = (expression: string) =>
      validateGraph(conditionGraph(expression)).errors.map((e) => `${e.code}: ${e.message}`);
    expect(messages("item.tier ==")[0]).toMatch(
      /^invalid_expression: Node "check" \(condition\): The expression does not parse/,
    );
    expect(messages('item.teir == "pro"')[0]).toMatch(
      /unknown_field: .*item\.teir, which the trigger does not declare/,
    );
    expect(messages("nodes.ghost.label == 'x'")[0]).toMatch(/unknown_node_reference: .*no node "ghost"/);
    expect(messages('itme.tier == "pro"')[0]).toMatch(/Unknown variable: itme/);
  });
});
