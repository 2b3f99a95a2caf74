import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createNodeRegistry, nodeDefinitions } from "../../../nodes/registry";
import { defineNode } from "../../node-definition";
import { compileGraph, GraphValidationError } from "../../compile/compile-graph";
import type { Models, RunRecord } from "../../ports";
import { edge, fakePorts, graph, node, ticket, triggerNode } from "../../testing/graph-fixtures";
import { AsyncPortError, executeItem, runItem, runItemSync } from "../run-item";

const keywords = { billing: ["invoice"], technical: ["error"] };

// trigger ─► classify ──billing──► to_billing (route)
//               ├──technical──► to_tech (route)
//               └──low_confidence (unconnected, escalate-if-taken)
const compiled = compileGraph(
  graph(
    [
      triggerNode(),
      node(
        "classify",
        "classify",
        { labels: ["billing", "technical"], model: { kind: "keyword", keywords } },
        { escalateUnconnected: ["low_confidence"] },
      ),
      node("to_billing", "route", { team: "billing" }),
      node("to_tech", "route", { team: "tech" }),
    ],
    [
      edge("trigger", "out", "classify"),
      edge("classify", "billing", "to_billing"),
      edge("classify", "technical", "to_tech"),
    ],
  ),
);

describe("runItem", () => {
  it("answers synchronously when every port does", () => {
    const result = executeItem(compiled, ticket("invoice"), { ports: fakePorts() });
    expect(result instanceof Promise).toBe(false);
    expect(runItemSync(compiled, ticket("invoice"), { ports: fakePorts() }).outcome).toMatchObject({
      team: "billing",
    });
  });

  it("turns asynchronous only when a port returns a Promise", async () => {
    const models: Models = { classify: async () => ({ label: "technical", confidence: 0.9 }) };
    const result = executeItem(compiled, ticket("x"), { ports: fakePorts({ models }) });
    expect(result instanceof Promise).toBe(true);
    expect((await result).outcome).toMatchObject({ team: "tech" });
    expect(() => runItemSync(compiled, ticket("x"), { ports: fakePorts({ models }) })).toThrow(
      AsyncPortError,
    );
    await expect(runItem(compiled, ticket("invoice"), { ports: fakePorts() })).resolves.toMatchObject({
      outcome: { team: "billing" },
    });
  });

  it("records a full trace: inputs, outputs, confidence, threshold and source, handle, duration", () => {
    const { trace } = runItemSync(compiled, ticket("invoice"), { ports: fakePorts() });
    expect(trace).toMatchObject({ runKey: "T-1", itemId: "T-1", startedAt: 1_700_000_000_000 });
    expect(trace?.steps.map((s) => s.nodeId)).toEqual(["trigger", "classify", "to_billing"]);
    expect(trace?.steps[1]).toEqual({
      nodeId: "classify",
      type: "classify",
      name: undefined,
      inputs: { "item.text": "invoice" },
      output: {
        label: "billing",
        confidence: 0.75,
        explanation: "keywords: invoice",
        scores: { billing: 1, technical: 0 },
      },
      confidence: 0.75,
      threshold: { value: 0.7, source: "graph" },
      handle: "billing",
      detail: "billing at 0.75 ≥ threshold 0.70",
      durationMs: 1,
      admittedItem: undefined,
    } as unknown);
  });

  it("records no trace with { trace: false }, and the outcome is the same", () => {
    const withTrace = runItemSync(compiled, ticket("error"), { ports: fakePorts() });
    const without = runItemSync(compiled, ticket("error"), { ports: fakePorts(), trace: false });
    expect(without.trace).toBeUndefined();
    expect(without.outcome).toEqual(withTrace.outcome);
  });

  it("refuses overrides for unknown nodes or out of 0..1", () => {
    expect(
      runItemSync(compiled, ticket("x"), { ports: fakePorts(), thresholdOverrides: { nope: 0.5 } }).outcome,
    ).toMatchObject({
      type: "error",
      code: "invalid_threshold_override",
    });
    expect(
      runItemSync(compiled, ticket("x"), { ports: fakePorts(), thresholdOverrides: { classify: 2 } }).outcome,
    ).toMatchObject({
      type: "error",
      message: 'threshold override for "classify" must be between 0 and 1',
    });
  });

  it("hands the run to the RunStore port when the bundle has one", async () => {
    const records: RunRecord[] = [];
    const ports = { ...fakePorts(), runStore: { record: async (r: RunRecord) => void records.push(r) } };
    const result = await runItem(compiled, ticket("invoice"), { ports, runKey: "run-7" });
    expect(records).toEqual([
      {
        runKey: "run-7",
        itemId: "T-1",
        startedAt: 1_700_000_000_000,
        outcome: result.outcome,
        trace: result.trace,
      },
    ]);
  });

  it("turns an executor that throws into an error outcome naming the node", () => {
    // A node type defined in the test: one definition, registered beside the real ones.
    const exploding = defineNode<Record<string, never>>({
      type: "exploding",
      label: "Exploding",
      group: "decision",
      description: "throws",
      configSchema: z.object({}).strict(),
      defaultConfig: {},
      terminal: false,
      outputHandles: () => [{ id: "out", label: "Out" }],
      summary: () => "boom",
      prepare: () => () => {
        throw new Error("boom");
      },
    });
    const registry = createNodeRegistry([...nodeDefinitions, exploding]);
    // trigger ─► bomb ─out─► done
    const g = graph(
      [triggerNode(), node("bomb", "exploding"), node("done", "end")],
      [edge("trigger", "out", "bomb"), edge("bomb", "out", "done")],
    );
    const { outcome } = runItemSync(compileGraph(g, registry), ticket("x"), { ports: fakePorts() });
    expect(outcome).toEqual({
      type: "error",
      nodeId: "bomb",
      code: "node_failed",
      message: "bomb (exploding) failed: boom",
    });
  });

  it("refuses to compile an invalid graph, listing the problems", () => {
    expect(() => compileGraph(graph([node("done", "end")], []))).toThrow(GraphValidationError);
    expect(() => compileGraph(graph([node("done", "end")], []))).toThrow(/no trigger/);
  });
});
