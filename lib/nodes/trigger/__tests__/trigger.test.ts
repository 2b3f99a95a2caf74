import { describe, expect, it } from "vitest";
import { compileGraph } from "../../../engine/compile/compile-graph";
import { runItemSync } from "../../../engine/run/run-item";
import { edge, fakePorts, graph, node, ticket, triggerNode } from "../../../engine/testing/graph-fixtures";
import { validateGraph } from "../../../engine/validate/validate-graph";

// trigger ─out─► done (end)
const compiled = compileGraph(graph([triggerNode(), node("done", "end")], [edge("trigger", "out", "done")]));
const run = (item: unknown) => runItemSync(compiled, item, { ports: fakePorts() });

describe("trigger", () => {
  it("admits a valid item through its one handle, out", () => {
    const { outcome, trace } = run(ticket("hello", { tier: "pro", amount: 3 }));
    expect(outcome).toEqual({ type: "end", nodeId: "done" });
    expect(trace?.steps[0]).toMatchObject({
      nodeId: "trigger",
      handle: "out",
      output: { itemId: "T-1", occurredAt: "2025-01-02T03:04:05Z" },
    });
  });

  it("refuses a bad item with one line per field and the expected fields", () => {
    const { outcome } = run({ id: 7, text: "x", tier: "gold", amount: "lots", created_at: "yesterday" });
    expect(outcome.type).toBe("error");
    if (outcome.type !== "error") return;
    expect(outcome.code).toBe("invalid_item");
    expect(outcome.nodeId).toBe("trigger");
    expect(outcome.message).toContain('tier must be one of free, pro, enterprise (got "gold")');
    expect(outcome.message).toContain('amount must be a number (got "lots")');
    expect(outcome.message).toContain("created_at must be an ISO 8601 date");
    expect(outcome.message).toContain(
      "Expected fields: id (string, required), text (string, required), tier (free|pro|enterprise)",
    );
  });

  it("names a missing required field", () => {
    const { outcome } = run({ id: "T-2", created_at: "2025-01-01" });
    expect(outcome).toMatchObject({ type: "error", code: "invalid_item" });
    expect(outcome.type === "error" && outcome.message).toContain("text is required");
  });

  it("refuses something that is not an object", () => {
    const { outcome } = run(["not", "an", "item"]);
    expect(outcome.type === "error" && outcome.message).toContain("the item must be a JSON object");
  });

  it("sets absent optional fields to null so expressions can compare them", () => {
    // trigger ─► is_pro (condition) ─true/false─► yes | no
    const withCondition = compileGraph(
      graph(
        [
          triggerNode(),
          node("is_pro", "condition", { expression: 'item.tier == "pro"' }),
          node("yes", "end"),
          node("no", "end"),
        ],
        [edge("trigger", "out", "is_pro"), edge("is_pro", "true", "yes"), edge("is_pro", "false", "no")],
      ),
    );
    expect(runItemSync(withCondition, ticket("hi"), { ports: fakePorts() }).outcome).toEqual({
      type: "end",
      nodeId: "no",
    });
  });

  it("rejects a config whose text field is not a string field", () => {
    const bad = triggerNode();
    bad.config = { ...bad.config, textField: "amount" };
    const result = validateGraph(graph([bad, node("done", "end")], [edge("trigger", "out", "done")]));
    expect(result.ok).toBe(false);
    expect(result.errors.map((e) => e.message).join("\n")).toMatch(/textField: "amount" is a number field/);
  });
});
