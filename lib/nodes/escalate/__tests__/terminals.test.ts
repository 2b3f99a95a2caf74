import { describe, expect, it } from "vitest";
import { compileGraph } from "../../../engine/compile/compile-graph";
import { runItemSync } from "../../../engine/run/run-item";
import { edge, fakePorts, graph, node, ticket, triggerNode } from "../../../engine/testing/graph-fixtures";

// trigger ─► pick (rule on tier) ──matched──► <terminal under test>
//                                └─no_match─► other (end)
function terminalGraph(type: string, config: Record<string, unknown>) {
  return compileGraph(
    graph(
      [
        triggerNode(),
        node("pick", "rule", { rules: [{ kind: "field", id: "pro", field: "tier", equals: "pro" }] }),
        node("terminal", type, config),
        node("other", "end"),
      ],
      [
        edge("trigger", "out", "pick"),
        edge("pick", "matched", "terminal"),
        edge("pick", "no_match", "other"),
      ],
    ),
  );
}
const item = ticket("hello", { tier: "pro" });

describe("terminals", () => {
  it("escalate: queue, configured reason type, note, review task through the port", () => {
    const ports = fakePorts();
    const { outcome, reviewTask } = runItemSync(
      terminalGraph("escalate", { queue: "vip", reasonType: "manual", note: "pro customers get a person" }),
      item,
      { ports },
    );
    expect(outcome).toMatchObject({
      type: "escalate",
      nodeId: "terminal",
      queue: "vip",
      reasonType: "manual",
      reason: 'pick: rule pro matched tier = "pro" — pro customers get a person',
    });
    expect(outcome.type === "escalate" && outcome.suggested).toEqual({ type: "end", nodeId: "other" });
    expect(ports.log.reviewTasks).toHaveLength(1);
    expect(ports.log.reviewTasks[0]).toMatchObject({
      queue: "vip",
      itemId: "T-1",
      nodeId: "terminal",
      idempotencyKey: "T-1:terminal",
    });
    expect(reviewTask).toEqual({ taskId: "recorded:T-1:terminal" });
  });

  it("escalate: derives the reason type from the handle that led there", () => {
    const { outcome } = runItemSync(terminalGraph("escalate", {}), item, { ports: fakePorts() });
    expect(outcome).toMatchObject({ queue: "review", reasonType: "rule" });
  });

  it("route: team and queue", () => {
    expect(
      runItemSync(terminalGraph("route", { team: "billing", queue: "urgent" }), item, { ports: fakePorts() })
        .outcome,
    ).toEqual({
      type: "route",
      nodeId: "terminal",
      team: "billing",
      queue: "urgent",
    });
  });

  it("resolve: fills {{item.field}} placeholders by plain substitution", () => {
    const { outcome } = runItemSync(
      terminalGraph("resolve", {
        replyTemplate: "Hi {{ item.id }} ({{item.tier}}, {{item.amount}}): {{nodes.pick.ruleId}}",
        resolution: "r1",
      }),
      item,
      { ports: fakePorts() },
    );
    expect(outcome).toEqual({
      type: "resolve",
      nodeId: "terminal",
      resolution: "r1",
      reply: "Hi T-1 (pro, ): pro",
    });
  });

  it("end: stops with its note", () => {
    expect(runItemSync(terminalGraph("end", { note: "spam" }), item, { ports: fakePorts() }).outcome).toEqual(
      { type: "end", nodeId: "terminal", note: "spam" },
    );
  });
});
