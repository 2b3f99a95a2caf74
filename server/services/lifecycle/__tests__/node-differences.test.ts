import { describe, expect, it } from "vitest";
import type { Outcome, Trace, TraceStep } from "@/lib/engine/run/outcome";
import { compareVersionsOnItems, type PairedRun } from "../shadow/node-differences";

const step = (nodeId: string, type: string, handle: string): TraceStep => ({
  nodeId,
  type,
  handle,
  durationMs: 0,
});
const trace = (...steps: TraceStep[]): Trace => ({
  runKey: "k",
  itemId: "i",
  startedAt: 0,
  steps,
  durationMs: 0,
});
const route = (team: string): Outcome => ({ type: "route", nodeId: `route_${team}`, team });
const escalate: Outcome = {
  type: "escalate",
  nodeId: "classify",
  queue: "triage",
  reasonType: "confidence",
  reason: "billing at 0.72 < threshold 0.75",
  context: { decisions: [] },
};

/*
 * live (v1, threshold 0.70):   trigger ─► classify ──billing──► route_billing
 * shadow (v2, threshold 0.75): trigger ─► classify ──low_confidence──► (escalated)
 */
const parted: PairedRun = {
  externalId: "T-1",
  live: {
    outcome: route("billing"),
    trace: trace(
      step("trigger", "trigger", "out"),
      step("classify", "classify", "billing"),
      step("route_billing", "route", ""),
    ),
  },
  shadow: {
    outcome: escalate,
    trace: trace(step("trigger", "trigger", "out"), step("classify", "classify", "low_confidence")),
  },
};
const same: PairedRun = {
  externalId: "T-2",
  live: {
    outcome: route("technical"),
    trace: trace(
      step("trigger", "trigger", "out"),
      step("classify", "classify", "technical"),
      step("route_technical", "route", ""),
    ),
  },
  shadow: {
    outcome: route("technical"),
    trace: trace(
      step("trigger", "trigger", "out"),
      step("classify", "classify", "technical"),
      step("route_technical", "route", ""),
    ),
  },
};

describe("compareVersionsOnItems", () => {
  it("finds the node where two versions part ways on the same item, and what each reached after", () => {
    const comparison = compareVersionsOnItems([parted, same]);
    expect(comparison.items).toBe(2);
    expect(comparison.outcomesDiffer).toBe(1);
    expect(comparison.nodes).toEqual([
      {
        nodeId: "classify",
        type: "classify",
        both: 2,
        differing: 1,
        onlyLive: 0,
        onlyShadow: 0,
        examples: [{ externalId: "T-1", live: "billing", shadow: "low_confidence" }],
      },
      {
        nodeId: "route_billing",
        type: "route",
        both: 0,
        differing: 0,
        onlyLive: 1,
        onlyShadow: 0,
        examples: [{ externalId: "T-1", live: "(end)", shadow: "—" }],
      },
    ]);
  });

  it("reports nothing when the versions agree everywhere", () => {
    expect(compareVersionsOnItems([same])).toEqual({ items: 1, outcomesDiffer: 0, nodes: [] });
  });
});
