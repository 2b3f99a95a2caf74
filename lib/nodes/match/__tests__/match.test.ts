import { describe, expect, it } from "vitest";
import { compileGraph } from "../../../engine/compile/compile-graph";
import { runItemSync } from "../../../engine/run/run-item";
import { edge, fakePorts, graph, node, ticket, triggerNode } from "../../../engine/testing/graph-fixtures";

const entries = [
  {
    id: "reset",
    title: "Password reset",
    text: "forgot my password cannot log in reset link",
    reply: "Use Forgot password.",
  },
  {
    id: "refund",
    title: "Refund status",
    text: "where is my refund money back not received",
    reply: "Refunds take 5 days.",
  },
];

// trigger ─► kb (match) ──matched──► answer (resolve with {{nodes.kb.reply}})
//              └──no_match──► person (route)
const compiled = compileGraph(
  graph(
    [
      triggerNode(),
      node("kb", "match", { entries, threshold: 0.4 }),
      node("answer", "resolve", {
        replyTemplate: "Ticket {{item.id}}: {{nodes.kb.reply}}",
        resolution: "kb",
      }),
      node("person", "route", { team: "support" }),
    ],
    [edge("trigger", "out", "kb"), edge("kb", "matched", "answer"), edge("kb", "no_match", "person")],
  ),
);

describe("match", () => {
  it("takes matched for a close entry and hands its reply on", () => {
    const { outcome, trace } = runItemSync(
      compiled,
      ticket("I forgot my password and the reset link does not come"),
      { ports: fakePorts() },
    );
    expect(outcome).toEqual({
      type: "resolve",
      nodeId: "answer",
      resolution: "kb",
      reply: "Ticket T-1: Use Forgot password.",
    });
    expect(trace?.steps[1]).toMatchObject({
      handle: "matched",
      output: { entryId: "reset" },
      threshold: { value: 0.4, source: "graph" },
    });
  });

  it("takes no_match when the best entry scores under the threshold", () => {
    const { outcome, trace } = runItemSync(
      compiled,
      ticket("my refund and also a password question about billing cycles"),
      { ports: fakePorts() },
    );
    expect(outcome).toEqual({ type: "route", nodeId: "person", team: "support" });
    expect(trace?.steps[1]?.confidence).toBeLessThan(0.4);
    expect(trace?.steps[1]?.confidence).toBeGreaterThan(0);
  });

  it("takes no_match when nothing is shared at all", () => {
    expect(runItemSync(compiled, ticket("zebra"), { ports: fakePorts() }).outcome).toMatchObject({
      type: "route",
    });
  });

  it("follows a threshold override", () => {
    const text = "my refund and also a password question about billing cycles";
    const { outcome } = runItemSync(compiled, ticket(text), {
      ports: fakePorts(),
      thresholdOverrides: { kb: 0.05 },
    });
    expect(outcome.type).toBe("resolve");
  });
});
