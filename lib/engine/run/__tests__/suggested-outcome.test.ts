import { describe, expect, it } from "vitest";
import { compileGraph } from "../../compile/compile-graph";
import { edge, fakePorts, graph, node, ticket, triggerNode } from "../../testing/graph-fixtures";
import { runItemSync } from "../run-item";

const keywords = { billing: ["invoice", "refund"], shipping: ["parcel"] };

/*
 * trigger ─► classify ──billing──► screen ──no_match──► notify (write) ──ok──► to_billing
 *              │                     └──matched──► legal (escalate)
 *              ├──shipping──► to_shipping
 *              └──low_confidence──► person (escalate)
 */
const compiled = compileGraph(
  graph(
    [
      triggerNode(),
      node("classify", "classify", { labels: ["billing", "shipping"], model: { kind: "keyword", keywords } }),
      node("screen", "rule", { rules: [{ kind: "keywords", id: "legal", words: ["lawyer"] }] }),
      node(
        "notify",
        "connector",
        { connectorId: "crm", operation: "note", kind: "write", input: {} },
        { escalateUnconnected: ["error"] },
      ),
      node("to_billing", "route", { team: "billing" }),
      node("to_shipping", "route", { team: "shipping" }),
      node("legal", "escalate", { queue: "legal" }),
      node("person", "escalate", { queue: "triage" }),
    ],
    [
      edge("trigger", "out", "classify"),
      edge("classify", "billing", "screen"),
      edge("classify", "shipping", "to_shipping"),
      edge("classify", "low_confidence", "person"),
      edge("screen", "no_match", "notify"),
      edge("screen", "matched", "legal"),
      edge("notify", "ok", "to_billing"),
    ],
  ),
);

describe("suggested outcome", () => {
  it("continues from the best label when confidence was low, without sending writes or tasks", () => {
    const ports = fakePorts();
    const { outcome } = runItemSync(compiled, ticket("refund for the parcel"), { ports });
    expect(outcome).toMatchObject({
      type: "escalate",
      nodeId: "person",
      reasonType: "confidence",
      suggested: { type: "route", team: "billing" },
    });
    expect(ports.log.writes).toEqual([]);
    expect(ports.log.reviewTasks).toHaveLength(1);
  });

  it("settles later doubts the same way (a rule match further on is set aside)", () => {
    const { outcome } = runItemSync(compiled, ticket("refund for the parcel, my lawyer says"), {
      ports: fakePorts(),
    });
    expect(outcome).toMatchObject({ nodeId: "person", suggested: { type: "route", team: "billing" } });
  });

  it("suggests nothing when there is no best guess", () => {
    const { outcome } = runItemSync(compiled, ticket("hello there"), { ports: fakePorts() });
    expect(outcome).toMatchObject({ type: "escalate", reason: "classify: billing at 0.00 < threshold 0.70" });
    expect(outcome.type === "escalate" && "suggested" in outcome).toBe(false);
  });

  it("carries the decisions that led to the escalation as context", () => {
    const { outcome } = runItemSync(compiled, ticket("invoice, my lawyer"), { ports: fakePorts() });
    expect(outcome.type === "escalate" && outcome.context.decisions).toEqual([
      {
        nodeId: "classify",
        type: "classify",
        handle: "billing",
        detail: "billing at 0.75 ≥ threshold 0.70",
        confidence: 0.75,
      },
      { nodeId: "screen", type: "rule", handle: "matched", detail: 'rule legal matched "lawyer"' },
    ]);
  });
});

describe("escalation reason", () => {
  it("says the escalate node is the whole reason when nothing was decided before it", () => {
    // trigger ─► person (escalate)
    const direct = compileGraph(
      graph(
        [triggerNode(), node("person", "escalate", { queue: "all" })],
        [edge("trigger", "out", "person")],
      ),
    );
    expect(runItemSync(direct, ticket("x"), { ports: fakePorts() }).outcome).toMatchObject({
      reasonType: "manual",
      reason: "every item reaching person goes to a person",
      context: { decisions: [] },
    });
  });
});
