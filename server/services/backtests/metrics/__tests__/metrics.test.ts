import { describe, expect, it } from "vitest";
import type { OutcomeKey, SweepPoint } from "../../types";
import { addItem, emptyMetricsState } from "../accumulate";
import { finalizeMetrics } from "../finalize";
import { sweepThreshold } from "../sweep";
import { judge } from "../verdict";

const auto = (predicted: string): OutcomeKey => ({ predicted, kind: "auto" });
const escalated = (reasonType: string): OutcomeKey => ({
  predicted: "(escalated)",
  kind: "escalated",
  reasonType,
});

/*
 * Eight items, worked out by hand:
 *   #  actual  workflow                  #  actual  workflow
 *   1  A       A (auto, right)           5  C       C (auto, right)
 *   2  A       B (auto, wrong)           6  A       A (auto, right)
 *   3  B       B (auto, right)           7  C       escalated (rule; a person handled it in history too)
 *   4  B       escalated (confidence)    8  B       error
 */
function smallRun() {
  const state = emptyMetricsState();
  const items: [string, OutcomeKey, boolean?][] = [
    ["A", auto("A")],
    ["A", auto("B")],
    ["B", auto("B")],
    ["B", escalated("confidence")],
    ["C", auto("C")],
    ["A", auto("A")],
    ["C", escalated("rule"), true],
    ["B", { predicted: "(error)", kind: "error" }],
  ];
  items.forEach(([actual, key, actualEscalated], i) =>
    addItem(state, {
      actualLabel: actual,
      actualEscalated: actualEscalated ?? false,
      key,
      queue: key.kind === "escalated" ? "triage" : undefined,
      steps: [
        {
          nodeId: "classify",
          handle: key.kind === "auto" ? key.predicted : "low_confidence",
          confidence: 0.5 + i * 0.05,
        },
      ],
      durationMs: 0.1,
    }),
  );
  return finalizeMetrics(state, [{ id: "classify", type: "classify", name: "Category" }]);
}

describe("finalizeMetrics", () => {
  const m = smallRun();

  it("counts accuracy on auto-handled items, escalation and automation rates", () => {
    expect(m).toMatchObject({ items: 8, autoHandled: 5, escalated: 2, errors: 1, escalatedAgreeing: 1 });
    expect(m.autoAccuracy).toBe(4 / 5);
    expect(m.escalationRate).toBe(2 / 8);
    expect(m.automationRate).toBe(5 / 8);
    expect(m.escalationsByReason).toEqual({ confidence: 1, rule: 1 });
  });

  it("gives per-label precision, recall and F1 over the auto-handled items", () => {
    const byLabel = Object.fromEntries(m.labels.map((l) => [l.label, l]));
    expect(byLabel.A).toMatchObject({
      actual: 3,
      autoHandled: 3,
      predicted: 2,
      truePositives: 2,
      precision: 1,
    });
    expect(byLabel.A!.recall).toBeCloseTo(2 / 3, 12);
    expect(byLabel.A!.f1).toBeCloseTo(0.8, 12);
    expect(byLabel.B).toMatchObject({
      actual: 3,
      autoHandled: 1,
      predicted: 2,
      truePositives: 1,
      precision: 0.5,
      recall: 1,
    });
    expect(byLabel.B!.f1).toBeCloseTo(2 / 3, 12);
    expect(byLabel.C).toMatchObject({ precision: 1, recall: 1, f1: 1 });
  });

  it("lays the confusion matrix out with actual labels as rows and escalations as their own column", () => {
    expect(m.confusion.actual).toEqual(["A", "B", "C"]);
    expect(m.confusion.predicted).toEqual(["A", "B", "C", "(escalated)", "(error)"]);
    expect(m.confusion.counts).toEqual([
      [2, 1, 0, 0, 0],
      [0, 1, 0, 1, 1],
      [0, 0, 1, 1, 0],
    ]);
  });

  it("keeps per-node statistics", () => {
    expect(m.nodes).toEqual([
      {
        nodeId: "classify",
        type: "classify",
        name: "Category",
        visits: 8,
        handles: { A: 2, B: 2, C: 1, low_confidence: 3 },
        meanConfidence: 0.675,
      },
    ]);
  });
});

describe("judge", () => {
  it("passes or fails each criterion, meeting a bound exactly counting as met", () => {
    const verdict = judge(
      { id: "c1", version: 2, minAutoAccuracy: 0.8, maxEscalationRate: 0.2, minLabelRecall: { all: 0.7 } },
      smallRun(),
    );
    expect(verdict.pass).toBe(false);
    expect(verdict.criteriaVersion).toBe(2);
    expect(verdict.criteria.map((c) => [c.key, c.pass])).toEqual([
      ["minAutoAccuracy", true],
      ["maxEscalationRate", false],
      ["minLabelRecall:A", false],
      ["minLabelRecall:B", true],
      ["minLabelRecall:C", true],
    ]);
  });

  it("fails a recall floor named for a label that never occurred", () => {
    const verdict = judge(
      {
        id: "c1",
        version: 1,
        minAutoAccuracy: 0.5,
        maxEscalationRate: 0.5,
        minLabelRecall: { byLabel: { D: 0.5 } },
      },
      smallRun(),
    );
    expect(verdict.criteria.at(-1)).toMatchObject({ key: "minLabelRecall:D", pass: false, actual: null });
    expect(verdict.pass).toBe(false);
  });
});

describe("sweepThreshold", () => {
  const point = (confidence: number, above: 0 | 1, other: string): SweepPoint => [
    "classify",
    confidence,
    above,
    other,
  ];
  const items = [
    { actualLabel: "A", recorded: auto("A"), point: point(0.9, 1, "escalated:confidence") },
    { actualLabel: "A", recorded: escalated("confidence"), point: point(0.4, 0, "auto:A") },
    { actualLabel: "B", recorded: escalated("confidence"), point: point(0.6, 0, "auto:A") },
    { actualLabel: "B", recorded: auto("B") },
  ];

  it("moves each item to the other side of the node when the threshold crosses its confidence", () => {
    const [zero, half, high] = sweepThreshold(items, [0, 0.5, 0.95]);
    expect(zero).toMatchObject({ autoHandled: 4, escalated: 0, autoAccuracy: 3 / 4, escalationRate: 0 });
    expect(half).toMatchObject({ autoHandled: 3, escalated: 1, autoAccuracy: 2 / 3, escalationRate: 1 / 4 });
    expect(high).toMatchObject({ autoHandled: 1, escalated: 3, autoAccuracy: 1, escalationRate: 3 / 4 });
  });
});
