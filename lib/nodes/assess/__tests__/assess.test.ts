import { describe, expect, it } from "vitest";
import { compileGraph } from "../../../engine/compile/compile-graph";
import { runItemSync } from "../../../engine/run/run-item";
import { edge, fakePorts, graph, node, ticket, triggerNode } from "../../../engine/testing/graph-fixtures";

const levels = ["low", "normal", "high", "critical"];
const rulesSource = {
  kind: "rules",
  rules: [
    {
      level: "critical",
      confidence: 0.95,
      match: { kind: "keywords", id: "outage", words: ["outage", "down"] },
    },
    {
      level: "high",
      confidence: 0.8,
      match: { kind: "field", id: "vip", field: "tier", equals: "enterprise" },
    },
    { level: "low", confidence: 0.75, match: { kind: "keywords", id: "idea", words: ["suggestion"] } },
  ],
  fallback: { level: "normal", confidence: 0.9 },
};

// trigger ─► urgency ─low/normal/high/critical─► end_<level> ; low_confidence ─► person
function assessGraph(source: unknown) {
  return compileGraph(
    graph(
      [
        triggerNode(),
        node("urgency", "assess", { levels, source }),
        ...levels.map((l) => node(`end_${l}`, "end", { note: l })),
        node("person", "escalate"),
      ],
      [
        edge("trigger", "out", "urgency"),
        ...levels.map((l) => edge("urgency", l, `end_${l}`)),
        edge("urgency", "low_confidence", "person"),
      ],
    ),
  );
}
const byRules = assessGraph(rulesSource);

describe("assess", () => {
  it.each([
    ["critical", ticket("Production is down for everyone")],
    ["high", ticket("hello", { tier: "enterprise" })],
    ["low", ticket("a small suggestion")],
    ["normal", ticket("a question about my plan")],
  ])("scores %s from ordered rules (or the fallback)", (level, item) => {
    const { outcome, trace } = runItemSync(byRules, item, { ports: fakePorts() });
    expect(outcome).toEqual({ type: "end", nodeId: `end_${level}`, note: level });
    expect(trace?.steps[1]?.output).toMatchObject({ label: level });
  });

  it("takes low_confidence when a rule's confidence is under the threshold in force", () => {
    const { outcome } = runItemSync(byRules, ticket("a small suggestion"), {
      ports: fakePorts(),
      thresholdOverrides: { urgency: 0.8 },
    });
    expect(outcome).toMatchObject({
      type: "escalate",
      reasonType: "confidence",
      reason: "urgency: low at 0.75 < threshold 0.80",
    });
    expect(outcome.type === "escalate" && outcome.suggested).toEqual({
      type: "end",
      nodeId: "end_low",
      note: "low",
    });
  });

  it("asks the Models port when the source is a model", () => {
    const byModel = assessGraph({
      kind: "model",
      model: {
        kind: "keyword",
        keywords: { low: ["whenever"], normal: ["question"], high: ["asap"], critical: ["outage"] },
      },
    });
    expect(runItemSync(byModel, ticket("outage outage"), { ports: fakePorts() }).outcome).toMatchObject({
      nodeId: "end_critical",
    });
    expect(runItemSync(byModel, ticket("nothing relevant"), { ports: fakePorts() }).outcome).toMatchObject({
      type: "escalate",
      reasonType: "confidence",
    });
  });
});
