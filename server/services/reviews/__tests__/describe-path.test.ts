import { describe, expect, it } from "vitest";
import { supportTriageGraph } from "@/lib/demo/support-triage";
import type { Graph } from "@/lib/engine/graph/graph-schema";
import type { Trace } from "@/lib/engine/run/outcome";
import { describePath } from "../describe-path";
import { outcomeOptions } from "../outcome-options";

const trace: Trace = {
  runKey: "live:1",
  itemId: "T-1",
  startedAt: 0,
  durationMs: 1,
  steps: [
    { nodeId: "trigger", type: "trigger", handle: "out", durationMs: 0, output: { itemId: "T-1" } },
    {
      nodeId: "screen",
      type: "rule",
      handle: "matched",
      durationMs: 0,
      output: { matched: true, ruleId: "legal", evidence: ["lawyer"] },
      inputs: { "item.body": "secret" },
    },
    {
      nodeId: "kb",
      type: "match",
      handle: "no_match",
      durationMs: 0,
      confidence: 0.2,
      threshold: { value: 0.35, source: "override" },
      output: { matched: false, entryId: "e1", title: "Reset", reply: "long reply", score: 0.2 },
    },
    {
      nodeId: "cls",
      type: "classify",
      name: "Category",
      handle: "low_confidence",
      durationMs: 0,
      confidence: 0.5,
      output: { label: "billing", confidence: 0.5, scores: { billing: 0.5, technical: "x" } },
    },
    {
      nodeId: "crm",
      type: "connector",
      handle: "unavailable",
      durationMs: 0,
      output: { status: "unavailable", reason: "timeout" },
    },
    { nodeId: "odd", type: "classify", handle: "low_confidence", durationMs: 0, output: "not an object" },
  ],
};

describe("describePath", () => {
  it("keeps each node's decision and the AI's numbers, without inputs or reply texts", () => {
    const path = describePath(trace);
    expect(path.map((s) => s.nodeId)).toEqual(["screen", "kb", "cls", "crm", "odd"]);
    expect(path[0]).toEqual({
      nodeId: "screen",
      type: "rule",
      handle: "matched",
      rule: { matched: true, rule: "legal", evidence: '["lawyer"]' },
    });
    expect(path[1]).toMatchObject({
      threshold: { value: 0.35, source: "override" },
      match: { matched: false, entryId: "e1", title: "Reset", score: 0.2 },
    });
    expect(JSON.stringify(path)).not.toContain("long reply");
    expect(JSON.stringify(path)).not.toContain("secret");
    expect(path[2]).toMatchObject({
      name: "Category",
      classification: { label: "billing", confidence: 0.5, scores: { billing: 0.5 } },
    });
    expect(path[3]?.connector).toEqual({ status: "unavailable", message: "timeout" });
    expect(path[4]).toEqual({ nodeId: "odd", type: "classify", handle: "low_confidence" });
  });

  it("answers an empty path for a missing or malformed trace", () => {
    expect(describePath(null)).toEqual([]);
    expect(describePath({ steps: "nope" } as unknown as Trace)).toEqual([]);
  });
});

describe("outcomeOptions", () => {
  it("offers every route, resolution and known fix of the graph, and end", () => {
    const options = outcomeOptions(supportTriageGraph as Graph);
    const keys = options.map((o) => o.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        "route:billing-team",
        "route:priority-support",
        "resolve:known-fix",
        "resolve:password-reset",
        "end:end",
      ]),
    );
    expect(new Set(keys).size).toBe(keys.length);
    expect(options.find((o) => o.key === "route:priority-support")?.outcome).toEqual({
      type: "route",
      label: "priority-support",
      team: "priority-support",
      queue: "sla-1h",
      nodeId: "route_priority",
    });
    expect(options.find((o) => o.key === "resolve:password-reset")?.title).toBe("Known fix: Password reset");
  });
});
