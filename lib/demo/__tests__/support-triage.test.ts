import { describe, expect, it } from "vitest";
import { compileGraph } from "../../engine/compile/compile-graph";
import { graphSchema } from "../../engine/graph/graph-schema";
import { runTestCases } from "../../engine/testing/run-test-cases";
import { validateGraph } from "../../engine/validate/validate-graph";
import {
  categoryKeywords,
  supportTriageGraph,
  supportTriageTestCases,
  ticketCategories,
} from "../support-triage";

describe("support-triage demo", () => {
  it("is a valid graph of 12–16 nodes", () => {
    expect(validateGraph(supportTriageGraph)).toEqual({ ok: true, errors: [] });
    expect(supportTriageGraph.nodes.length).toBeGreaterThanOrEqual(12);
    expect(supportTriageGraph.nodes.length).toBeLessThanOrEqual(16);
  });

  it("passes its own test cases", async () => {
    const report = await runTestCases(compileGraph(supportTriageGraph), supportTriageTestCases);
    expect(
      report.results.filter((r) => !r.pass).map((r) => `${r.caseId}: ${r.mismatches.join("; ")}`),
    ).toEqual([]);
    expect(report.passed).toBe(supportTriageTestCases.length);
  });

  it("has cases reaching every terminal and every kind of outcome", async () => {
    const compiled = compileGraph(supportTriageGraph);
    const report = await runTestCases(compiled, supportTriageTestCases);
    const reached = new Set(report.results.map((r) => r.actual.nodeId));
    const terminals = compiled.nodes.filter((n) => n.terminal).map((n) => n.id);
    expect(terminals.filter((t) => !reached.has(t))).toEqual([]);
    expect(new Set(report.results.map((r) => r.actual.type))).toEqual(
      new Set(["escalate", "resolve", "route"]),
    );
    expect(supportTriageTestCases.length).toBeGreaterThanOrEqual(8);
    expect(supportTriageTestCases.length).toBeLessThanOrEqual(12);
  });

  it("round-trips through JSON and exports its keyword lists", () => {
    const copy = graphSchema.parse(JSON.parse(JSON.stringify(supportTriageGraph)));
    expect(copy.testCases).toHaveLength(supportTriageTestCases.length);
    for (const category of ticketCategories) expect(categoryKeywords[category].length).toBeGreaterThan(5);
  });
});
