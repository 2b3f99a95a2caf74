import { describe, expect, it } from "vitest";
import { compileGraph } from "../../../engine/compile/compile-graph";
import type { Models } from "../../../engine/ports";
import { runItem, runItemSync } from "../../../engine/run/run-item";
import { edge, fakePorts, graph, node, ticket, triggerNode } from "../../../engine/testing/graph-fixtures";

const keywords = {
  billing: ["invoice", "refund*"],
  technical: ["error", "crash*"],
  shipping: ["parcel", "deliver*"],
};
const labels = Object.keys(keywords);

// trigger ─► classify ─billing──► r_billing
//                     ├technical─► r_technical
//                     ├shipping──► r_shipping
//                     └low_confidence─► person (escalate)
const compiled = compileGraph(
  graph(
    [
      triggerNode(),
      node("classify", "classify", { labels, model: { kind: "keyword", keywords }, threshold: 0.7 }),
      ...labels.map((l) => node(`r_${l}`, "route", { team: `${l}-team` })),
      node("person", "escalate", { queue: "triage" }),
    ],
    [
      edge("trigger", "out", "classify"),
      ...labels.map((l) => edge("classify", l, `r_${l}`)),
      edge("classify", "low_confidence", "person"),
    ],
  ),
);

describe("classify", () => {
  it.each([
    ["billing", "Please send the invoice for my refund"],
    ["technical", "The app shows an error and crashes"],
    ["shipping", "The parcel was never delivered"],
  ])("takes the %s handle when confident", (label, text) => {
    const { outcome, trace } = runItemSync(compiled, ticket(text), { ports: fakePorts() });
    expect(outcome).toEqual({ type: "route", nodeId: `r_${label}`, team: `${label}-team` });
    expect(trace?.steps[1]).toMatchObject({ handle: label, threshold: { value: 0.7, source: "graph" } });
    expect(trace?.steps[1]?.confidence).toBeGreaterThanOrEqual(0.7);
  });

  it("takes low_confidence below the threshold and explains it in one line, suggesting the best label", () => {
    const { outcome } = runItemSync(compiled, ticket("refund the parcel"), { ports: fakePorts() });
    expect(outcome).toMatchObject({
      type: "escalate",
      reasonType: "confidence",
      reason: "classify: billing at 0.38 < threshold 0.70",
      suggested: { type: "route", team: "billing-team" },
    });
  });

  it("uses a threshold override and records that it came from the run", () => {
    const { outcome, trace } = runItemSync(compiled, ticket("refund the parcel"), {
      ports: fakePorts(),
      thresholdOverrides: { classify: 0.3 },
    });
    expect(outcome).toMatchObject({ type: "route", team: "billing-team" });
    expect(trace?.steps[1]?.threshold).toEqual({ value: 0.3, source: "override" });
  });

  it("waits for an asynchronous model", async () => {
    const models: Models = { classify: async () => ({ label: "shipping", confidence: 0.99 }) };
    const { outcome } = await runItem(compiled, ticket("anything"), { ports: fakePorts({ models }) });
    expect(outcome).toMatchObject({ type: "route", team: "shipping-team" });
  });

  it("sends the item to a person when the model fails or answers nonsense", async () => {
    const failing: Models = { classify: () => Promise.reject(new Error("provider timeout")) };
    const failed = await runItem(compiled, ticket("x"), { ports: fakePorts({ models: failing }) });
    expect(failed.outcome).toMatchObject({
      type: "escalate",
      reason: "classify: the model could not answer: provider timeout",
    });
    const confused: Models = { classify: () => ({ label: "weather", confidence: 2 }) };
    const nonsense = runItemSync(compiled, ticket("x"), { ports: fakePorts({ models: confused }) });
    expect(nonsense.outcome).toMatchObject({ type: "escalate", reasonType: "confidence" });
    expect(nonsense.outcome.type === "escalate" && nonsense.outcome.reason).toMatch(/not one of its labels/);
  });
});
