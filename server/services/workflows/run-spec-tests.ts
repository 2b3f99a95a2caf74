import { compileGraph, GraphValidationError } from "@/lib/engine/compile/compile-graph";
import type { Graph } from "@/lib/engine/graph/graph-schema";
import type { TestCase } from "@/lib/engine/graph/test-case-schema";
import { runTestCases, type TestCaseReport } from "@/lib/engine/testing/run-test-cases";

export type SpecTestReport = TestCaseReport & { graphValid: boolean };

/**
 * Runs the spec cases with the deterministic test ports (keyword models, each case's recorded reads, no side
 * effects). An invalid graph fails every case with the reason, rather than throwing.
 */
export async function runSpecTests(graph: Graph, cases: readonly TestCase[]): Promise<SpecTestReport> {
  let compiled;
  try {
    compiled = compileGraph(graph);
  } catch (error) {
    if (!(error instanceof GraphValidationError)) throw error;
    const message = `the graph is not valid: ${error.errors[0]?.message ?? "see the validation panel"}`;
    const results = cases.map((c) => ({
      caseId: c.id,
      name: c.name,
      pass: false,
      knownFailure: c.knownFailure === true,
      expected: c.expected,
      actual: { type: "error" as const, code: "invalid_graph", message },
      mismatches: [message],
    }));
    const knownFailures = results.filter((r) => r.knownFailure).length;
    return { graphValid: false, passed: 0, failed: results.length - knownFailures, knownFailures, results };
  }
  const report = await runTestCases(compiled, cases);
  return { graphValid: true, ...report };
}
