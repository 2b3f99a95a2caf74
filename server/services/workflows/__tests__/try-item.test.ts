import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import type { Graph } from "@/lib/engine/graph/graph-schema";
import { classifyNode } from "@/lib/nodes/classify/definition";
import { triggerNode } from "@/lib/nodes/trigger/definition";
import { tryItemOnGraph } from "../try-item";

/*
 * trigger ─► classify ──billing──► route_billing
 *               ├──technical──► route_tech
 *               └──low_confidence (unconnected, escalate-if-taken)
 */
const graph: Graph = {
  schemaVersion: 1,
  nodes: [
    { id: "trigger", type: "trigger", position: { x: 0, y: 0 }, config: triggerNode.defaultConfig },
    {
      id: "classify",
      type: "classify",
      position: { x: 1, y: 0 },
      config: classifyNode.defaultConfig,
      escalateUnconnected: ["low_confidence"],
    },
    { id: "route_billing", type: "route", position: { x: 2, y: 0 }, config: { team: "billing" } },
    { id: "route_tech", type: "route", position: { x: 2, y: 1 }, config: { team: "tech" } },
  ],
  edges: [
    { id: "e1", source: "trigger", sourceHandle: "out", target: "classify" },
    { id: "e2", source: "classify", sourceHandle: "billing", target: "route_billing" },
    { id: "e3", source: "classify", sourceHandle: "technical", target: "route_tech" },
  ],
};
const item = {
  id: "T-1",
  text: "Please refund the double charge on my invoice",
  occurred_at: "2026-01-01T00:00:00Z",
};

describe("tryItemOnGraph", () => {
  it("runs the draft and returns the outcome with the trace of the path", async () => {
    const { outcome, trace } = await tryItemOnGraph({ graph, item });
    expect(outcome).toMatchObject({ type: "route", team: "billing", nodeId: "route_billing" });
    expect(trace?.steps.map((s) => [s.nodeId, s.handle])).toEqual([
      ["trigger", "out"],
      ["classify", "billing"],
      ["route_billing", ""],
    ]);
  });

  it("applies threshold overrides", async () => {
    const { outcome } = await tryItemOnGraph({ graph, item, thresholdOverrides: { classify: 1 } });
    expect(outcome).toMatchObject({ type: "escalate", reasonType: "confidence" });
  });

  it("refuses an invalid draft with a readable BAD_REQUEST", async () => {
    const broken = { ...graph, edges: graph.edges.slice(0, 2) };
    const error = await tryItemOnGraph({ graph: broken, item }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect((error as TRPCError).message).toMatch(
      /^The draft cannot run yet: .*cannot be reached from the trigger.*\(and 1 more problem\)$/,
    );
  });
});
