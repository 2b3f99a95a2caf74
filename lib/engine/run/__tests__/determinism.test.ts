import { describe, expect, it } from "vitest";
import { supportTriageGraph, supportTriageTestCases } from "../../../demo/support-triage";
import { compileGraph } from "../../compile/compile-graph";
import { deterministicTestPorts } from "../../testing/run-test-cases";
import type { RunResult } from "../outcome";
import { runItemSync } from "../run-item";

const withoutTimings = (result: RunResult) => ({
  ...result,
  trace: result.trace && {
    ...result.trace,
    durationMs: 0,
    steps: result.trace.steps.map((s) => ({ ...s, durationMs: 0 })),
  },
});

describe("determinism", () => {
  it("gives the same outcome and trace for the same graph, item, model and overrides, however often it runs", () => {
    for (const testCase of supportTriageTestCases) {
      const runs = [
        compileGraph(supportTriageGraph),
        compileGraph(supportTriageGraph),
        compileGraph(supportTriageGraph),
      ].map((compiled) =>
        withoutTimings(
          runItemSync(compiled, testCase.item, {
            ports: deterministicTestPorts(testCase),
            thresholdOverrides: { classify: 0.6 },
          }),
        ),
      );
      expect(JSON.stringify(runs[1])).toBe(JSON.stringify(runs[0]));
      expect(JSON.stringify(runs[2])).toBe(JSON.stringify(runs[0]));
    }
  });

  it("gives a different result when the override changes (the comparison can fail)", () => {
    const testCase = supportTriageTestCases.find((c) => c.id === "vague")!;
    const compiled = compileGraph(supportTriageGraph);
    const a = runItemSync(compiled, testCase.item, { ports: deterministicTestPorts(testCase) });
    const b = runItemSync(compiled, testCase.item, {
      ports: deterministicTestPorts(testCase),
      thresholdOverrides: { known_fix: 0.05 },
    });
    expect(JSON.stringify(withoutTimings(a))).not.toBe(JSON.stringify(withoutTimings(b)));
  });
});
