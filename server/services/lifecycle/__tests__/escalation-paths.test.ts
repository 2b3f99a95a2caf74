import { describe, expect, it } from "vitest";
import { compileGraph } from "@/lib/engine/compile/compile-graph";
import { edge, graph, node, triggerNode } from "@/lib/engine/testing/graph-fixtures";
import { decisionsWithoutEscalation } from "../readiness/escalation-paths";

const classify = node("classify", "classify", {
  labels: ["billing", "technical"],
  model: { kind: "keyword", keywords: { billing: ["invoice"], technical: ["error"] } },
  threshold: 0.7,
});
const routes = [
  node("vip", "route", { team: "priority" }),
  node("to_billing", "route", { team: "billing" }),
  node("to_tech", "route", { team: "technical" }),
];

/*
 * trigger ─► tier (condition) ──true──► vip
 *              └──false──► classify ──billing──► to_billing
 *                             ├──technical──► to_tech
 *                             └──low_confidence──► <unsure>
 */
function triage(unsure: { to: "person" | "team" }) {
  const unsureNode =
    unsure.to === "person"
      ? node("unsure", "escalate", { queue: "triage" })
      : node("unsure", "route", { team: "general" });
  return compileGraph(
    graph(
      [
        triggerNode(),
        node("tier", "condition", { expression: 'item.tier == "enterprise"' }),
        classify,
        ...routes,
        unsureNode,
      ],
      [
        edge("trigger", "out", "tier"),
        edge("tier", "true", "vip"),
        edge("tier", "false", "classify"),
        edge("classify", "billing", "to_billing"),
        edge("classify", "technical", "to_tech"),
        edge("classify", "low_confidence", "unsure"),
      ],
    ),
  );
}

describe("decisionsWithoutEscalation", () => {
  it("passes when every decision can reach a person and an unsure classifier hands over", () => {
    expect(decisionsWithoutEscalation(triage({ to: "person" }))).toEqual({ decisions: 2, lacking: [] });
  });

  it("names each decision from which no item can reach a person", () => {
    expect(decisionsWithoutEscalation(triage({ to: "team" })).lacking).toEqual([
      { nodeId: "tier", name: "tier", problem: "no way to a person" },
      { nodeId: "classify", name: "classify", problem: "no way to a person" },
    ]);
  });

  it("counts an unconnected handle that escalates as a way to a person", () => {
    /*
     * trigger ─► classify ──billing──► to_billing
     *              ├──technical──► to_tech
     *              └──low_confidence (unconnected, escalates)
     */
    const compiled = compileGraph(
      graph(
        [triggerNode(), { ...classify, escalateUnconnected: ["low_confidence"] }, ...routes.slice(1)],
        [
          edge("trigger", "out", "classify"),
          edge("classify", "billing", "to_billing"),
          edge("classify", "technical", "to_tech"),
        ],
      ),
    );
    expect(decisionsWithoutEscalation(compiled).lacking).toEqual([]);
  });

  it("wants the unsure side of a thresholded decision to reach a person, not just any side", () => {
    /*
     * trigger ─► classify ──billing──► review (escalate)
     *              ├──technical──► to_tech
     *              └──low_confidence──► to_billing
     */
    const compiled = compileGraph(
      graph(
        [triggerNode(), classify, node("review", "escalate", { queue: "triage" }), ...routes.slice(1)],
        [
          edge("trigger", "out", "classify"),
          edge("classify", "billing", "review"),
          edge("classify", "technical", "to_tech"),
          edge("classify", "low_confidence", "to_billing"),
        ],
      ),
    );
    expect(decisionsWithoutEscalation(compiled).lacking).toEqual([
      { nodeId: "classify", name: "classify", problem: "no person when it is not sure" },
    ]);
  });
});
